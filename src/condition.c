/* SPDX-License-Identifier: EUPL-1.2 */
/* Stoplight band conditions; see include/jmon/condition.h.
 *
 * Every condition is an interval of the real line, possibly open at one
 * end, which makes "can this band ever match" a subset test. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/condition.h"
#include "jmon/numfmt.h"
#include "jmon/xmalloc.h"

/* Operator table: spelling as written, as shown, and as shown negated.
 * Longer spellings first, so "<=" is not read as "<" followed by "=4". */
static const struct {
	enum cond_op op;
	const char *written, *shown, *negated;
} ops[] = {
	{ COND_LE, "<=", "<=", ">" },
	{ COND_GE, ">=", ">=", "<" },
	{ COND_EQ, "==", "=", "≠" },
	{ COND_LT, "<", "<", ">=" },
	{ COND_GT, ">", ">", "<=" },
};

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* A number at *p: [+-]digits[.digits].  Stops before "..", so "1..5"
 * reads as 1 and then the range mark. */
static bool scan_number(const char **p, double *out)
{
	const char *s = *p, *q = s;
	char tok[64];

	if (*q == '+' || *q == '-')
		q++;
	if (!(*q >= '0' && *q <= '9'))
		return false;
	while (*q >= '0' && *q <= '9')
		q++;
	if (q[0] == '.' && q[1] >= '0' && q[1] <= '9')
		for (q++; *q >= '0' && *q <= '9'; q++)
			;
	if ((size_t)(q - s) >= sizeof tok)
		return false;
	memcpy(tok, s, (size_t)(q - s));
	tok[q - s] = '\0';
	*p = q;
	return numfmt_parse(tok, out);
}

const char *condition_parse(const char *text, struct condition *out)
{
	const char *p = skip_space(text);
	enum cond_op op = COND_NONE;
	double a, b = 0;

	if (*p == '\0')
		return "empty condition; write < x, <= x, > x, >= x, == x or a..b";
	for (size_t i = 0; i < ARRAY_SIZE(ops); i++) {
		size_t n = strlen(ops[i].written);
		if (strncmp(p, ops[i].written, n) == 0) {
			op = ops[i].op;
			p += n;
			break;
		}
	}
	p = skip_space(p);
	if (!scan_number(&p, &a))
		goto bad;
	p = skip_space(p);
	if (op == COND_NONE) {
		if (strncmp(p, "..", 2) != 0)
			return *p ? "condition does not parse; write < x, <= x, > x, >= x, == x or a..b"
				  : "a bare number is not a condition; write <= x, >= x, == x or a..b";
		p = skip_space(p + 2);
		if (!scan_number(&p, &b))
			goto bad;
		p = skip_space(p);
		op = COND_RANGE;
		if (a > b && *p == '\0')
			return "empty range: the lower bound is above the upper bound";
	}
	if (*p != '\0')
		goto bad;
	out->op = op;
	out->a = a;
	out->b = b;
	out->text = xstrdup(text);
	return NULL;
bad:
	return "condition does not parse; write < x, <= x, > x, >= x, == x or a..b";
}

void condition_free(struct condition *c)
{
	free(c->text);
	c->text = NULL;
	c->op = COND_NONE;
}

bool condition_match(const struct condition *c, double x)
{
	switch (c->op) {
	case COND_LT:    return x < c->a;
	case COND_LE:    return x <= c->a;
	case COND_GT:    return x > c->a;
	case COND_GE:    return x >= c->a;
	case COND_EQ:    return x == c->a;
	case COND_RANGE: return x >= c->a && x <= c->b;
	case COND_NONE:  break;
	}
	return false;
}

struct interval {
	double lo, hi;		/* -INFINITY / INFINITY for an open end */
	bool lo_in, hi_in;	/* the bound itself belongs to the interval */
};

static struct interval interval_of(const struct condition *c)
{
	struct interval iv = { -INFINITY, INFINITY, true, true };

	switch (c->op) {
	case COND_LT:    iv.hi = c->a; iv.hi_in = false; break;
	case COND_LE:    iv.hi = c->a; break;
	case COND_GT:    iv.lo = c->a; iv.lo_in = false; break;
	case COND_GE:    iv.lo = c->a; break;
	case COND_EQ:    iv.lo = iv.hi = c->a; break;
	case COND_RANGE: iv.lo = c->a; iv.hi = c->b; break;
	case COND_NONE:  break;
	}
	return iv;
}

static bool interval_within(const struct interval *in, const struct interval *out)
{
	bool lo_ok = out->lo < in->lo || (out->lo == in->lo && (out->lo_in || !in->lo_in));
	bool hi_ok = out->hi > in->hi || (out->hi == in->hi && (out->hi_in || !in->hi_in));

	return lo_ok && hi_ok;
}

/* Join two intervals that overlap or touch ([1,3] and (3,5]); false when
 * a gap is left between them. */
static bool interval_join(struct interval a, struct interval b, struct interval *out)
{
	if (b.lo < a.lo || (b.lo == a.lo && b.lo_in)) {
		struct interval t = a;
		a = b;
		b = t;
	}
	if (a.hi < b.lo || (a.hi == b.lo && !a.hi_in && !b.lo_in))
		return false;
	*out = a;
	if (b.hi > a.hi || (b.hi == a.hi && b.hi_in))
		out->hi = b.hi, out->hi_in = b.hi_in;
	return true;
}

bool condition_covered(const struct condition *later,
		       const struct condition *const *earlier, size_t n)
{
	struct interval want = interval_of(later), have[2], joined;
	size_t k = 0;

	for (size_t i = 0; i < n && k < 2; i++)
		if (earlier[i] && earlier[i]->op != COND_NONE)
			have[k++] = interval_of(earlier[i]);
	for (size_t i = 0; i < k; i++)
		if (interval_within(&want, &have[i]))
			return true;
	/* A connected interval inside the union of two disjoint ones lies
	 * inside one of them, so only a joined pair needs a second look. */
	return k == 2 && interval_join(have[0], have[1], &joined)
	       && interval_within(&want, &joined);
}

char *condition_format(char *buf, size_t size, const struct condition *c, bool negate)
{
	char a[NUMFMT_MAX], b[NUMFMT_MAX];

	numfmt_nl(a, sizeof a, c->a, -1, 0);
	if (c->op == COND_RANGE) {
		numfmt_nl(b, sizeof b, c->b, -1, 0);
		snprintf(buf, size, "%s %s..%s", negate ? "buiten" : "binnen", a, b);
		return buf;
	}
	for (size_t i = 0; i < ARRAY_SIZE(ops); i++)
		if (ops[i].op == c->op) {
			snprintf(buf, size, "%s %s", negate ? ops[i].negated : ops[i].shown, a);
			return buf;
		}
	snprintf(buf, size, "?");
	return buf;
}
