/* SPDX-License-Identifier: EUPL-1.2 */
/* Number formatting, Dutch and machine; see include/jmon/numfmt.h.
 *
 * A value is first written as its 15 significant decimal digits (what a
 * double reliably holds of a number that came from decimal text), then
 * rounded on those digits.  The machine form takes 16 or 17 digits only
 * when 15 would not read back as the same double.  Working on digits instead of on the double
 * keeps 4,35 from showing as 4,3 and never needs a locale.  Parsing
 * checks the machine form itself and leaves the conversion to strtod, in
 * the C locale. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "jmon/numfmt.h"
#include "jmon/text.h"

#define SIGNIFICANT 15
#define ROUND_TRIP 17		/* digits that always read back as the same double */
#define SHORT_MAX 6		/* decimals when "as few as needed" on screen */
#define DECIMALS_MAX 9

/* value = (neg ? -1 : 1) * 0.dig[0..n) * 10^point; n == 0 is zero */
struct decimal {
	bool neg;
	int n, point;
	char dig[ROUND_TRIP + 2];	/* digit values 0..9 */
};

/* v as `significant` decimal digits (at most ROUND_TRIP). */
static void decimal_digits(double v, int significant, struct decimal *x)
{
	char text[48];
	const char *p;

	memset(x, 0, sizeof *x);
	x->neg = signbit(v);
	if (v == 0 || !isfinite(v))
		return;
	/* "%.14e" gives d.dddddddddddddde±XX; the character after the first
	 * digit is the locale's decimal mark, which we skip unread. */
	snprintf(text, sizeof text, "%.*e", significant - 1, fabs(v));
	for (p = text; *p && *p != 'e'; p++)
		if (*p >= '0' && *p <= '9' && x->n < significant)
			x->dig[x->n++] = (char)(*p - '0');
	x->point = (*p == 'e' ? atoi(p + 1) : 0) + 1;
	while (x->n > 0 && x->dig[x->n - 1] == 0)
		x->n--;
}

static void decimal_from(double v, struct decimal *x)
{
	decimal_digits(v, SIGNIFICANT, x);
}

/* Keep `decimals` digits after the point, rounding half away from zero. */
static void decimal_round(struct decimal *x, int decimals)
{
	int cut = x->point + decimals;
	int i;

	if (cut >= x->n)
		return;
	if (cut < 0) {
		x->n = 0;
		return;
	}
	bool up = x->dig[cut] >= 5;
	x->n = cut;
	if (!up)
		goto strip;
	for (i = x->n - 1; i >= 0 && x->dig[i] == 9; i--)
		x->dig[i] = 0;
	if (i >= 0) {
		x->dig[i]++;
	} else {		/* 9,96 -> 10,0: one more integer digit */
		memmove(x->dig + 1, x->dig, (size_t)x->n);
		x->dig[0] = 1;
		x->n++;
		x->point++;
	}
strip:
	while (x->n > 0 && x->dig[x->n - 1] == 0)
		x->n--;
}

static int decimal_digit(const struct decimal *x, int pos)
{
	return pos >= 0 && pos < x->n ? x->dig[pos] : 0;
}

/* Bounded appending into the caller's buffer; output is cut, never overrun. */
struct out {
	char *buf;
	size_t size, len;
};

static void put(struct out *o, const char *s)
{
	while (*s) {
		if (o->len + 1 < o->size)
			o->buf[o->len] = *s;
		o->len++, s++;
	}
	if (o->size)
		o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
}

static void putc_(struct out *o, char c)
{
	char s[2] = { c, '\0' };
	put(o, s);
}

struct style {
	char mark, group;	/* group '\0': no thousands separator */
	bool sign;
};

static void emit(struct out *o, const struct decimal *x, int decimals,
		 const struct style *st)
{
	int intdigits = x->point > 0 ? x->point : 1;

	if (x->n > 0 && x->neg)
		putc_(o, '-');
	else if (x->n > 0 && st->sign)
		putc_(o, '+');
	for (int i = 0; i < intdigits; i++) {	/* "0" when point <= 0 */
		if (i > 0 && st->group && (intdigits - i) % 3 == 0)
			putc_(o, st->group);
		putc_(o, (char)('0' + (x->point > 0 ? decimal_digit(x, i) : 0)));
	}
	if (decimals > 0)
		putc_(o, st->mark);
	for (int i = 0; i < decimals; i++)
		putc_(o, (char)('0' + decimal_digit(x, x->point + i)));
}

/* Decimals a value needs to be shown exactly, at most max. */
static int decimals_needed(const struct decimal *x, int max)
{
	int need = x->n - x->point;

	return need < 0 ? 0 : need > max ? max : need;
}

static char *format_digits(char *buf, size_t size, double v, int significant, int decimals,
			   const struct style *st, int short_max)
{
	struct out o = { buf, size, 0 };
	struct decimal x;

	if (size)
		buf[0] = '\0';
	if (!isfinite(v)) {
		put(&o, "?");
		return buf;
	}
	decimal_digits(v, significant, &x);
	if (decimals < 0)
		decimals = decimals_needed(&x, short_max);
	else if (decimals > DECIMALS_MAX)
		decimals = DECIMALS_MAX;
	decimal_round(&x, decimals);
	emit(&o, &x, decimals, st);
	return buf;
}

static char *format(char *buf, size_t size, double v, int decimals,
		    const struct style *st, int short_max)
{
	return format_digits(buf, size, v, SIGNIFICANT, decimals, st, short_max);
}

char *numfmt_nl(char *buf, size_t size, double v, int decimals, unsigned flags)
{
	struct style st = { ',', (flags & NUMFMT_NOGROUP) ? '\0' : '.',
			    (flags & NUMFMT_SIGN) != 0 };

	return format(buf, size, v, decimals, &st, SHORT_MAX);
}

char *numfmt_machine(char *buf, size_t size, double v, int decimals)
{
	struct style st = { '.', '\0', false };
	double back;

	if (decimals >= 0)
		return format(buf, size, v, decimals, &st, 0);
	/* as stored: the fewest digits (15 to 17) that a reader turns back
	 * into this very double, however small the value */
	for (int sig = SIGNIFICANT; sig < ROUND_TRIP; sig++) {
		format_digits(buf, size, v, sig, -1, &st, ROUND_TRIP + 330);
		if (numfmt_parse(buf, &back) && back == v)
			return buf;
	}
	return format_digits(buf, size, v, ROUND_TRIP, -1, &st, ROUND_TRIP + 330);
}

double numfmt_difference(double a, double b)
{
	struct style st = { '.', '\0', false };
	struct decimal x;
	char buf[NUMFMT_MAX];
	double d = a - b;
	int decimals;

	if (!isfinite(d))
		return d;
	/* the difference of two decimals has no more decimals than they; one
	 * with more than format() keeps (a computed value) stays binary */
	decimal_from(a, &x);
	decimals = decimals_needed(&x, DECIMALS_MAX + 1);
	decimal_from(b, &x);
	if (decimals_needed(&x, DECIMALS_MAX + 1) > decimals)
		decimals = decimals_needed(&x, DECIMALS_MAX + 1);
	if (decimals > DECIMALS_MAX)
		return d;
	format(buf, sizeof buf, d, decimals, &st, 0);
	return numfmt_parse(buf, &d) ? d : a - b;
}

/* The names of the units (include/jmon/units.h), in enum order. */
const char *const unit_names[] = {
	[UNIT_AANTAL] = "aantal", [UNIT_PROCENT] = "procent", [UNIT_WEKEN] = "weken",
	[UNIT_DAGEN] = "dagen", [UNIT_EURO] = "euro", [UNIT_SCORE] = "score",
	[UNIT_NONE] = "none", [UNIT_WERKDAGEN] = "werkdagen", NULL
};

static const char *const unit_suffixes[] = {
	[UNIT_AANTAL] = "", [UNIT_PROCENT] = "%", [UNIT_WEKEN] = "wk",
	[UNIT_DAGEN] = "dgn", [UNIT_EURO] = "€", [UNIT_SCORE] = "", [UNIT_NONE] = "",
	[UNIT_WERKDAGEN] = "wd",
};

#define NUNITS (sizeof unit_suffixes / sizeof *unit_suffixes)
_Static_assert(sizeof unit_names / sizeof *unit_names == NUNITS + 1,
	       "every unit has a name and a suffix");

const char *unit_name(enum unit u)
{
	return (size_t)u < NUNITS ? unit_names[u] : "?";
}

const char *unit_suffix(enum unit u)
{
	return (size_t)u < NUNITS ? unit_suffixes[u] : "";
}

char *numfmt_unit(char *buf, size_t size, double v, int decimals, enum unit u,
		  unsigned flags)
{
	char num[NUMFMT_MAX];
	const char *suffix = unit_suffix(u);

	numfmt_nl(num, sizeof num, v, decimals, flags);
	if (u == UNIT_EURO)	/* Dutch writes the euro sign first: € 1.234 */
		snprintf(buf, size, "€ %s", num);
	else if (*suffix)
		snprintf(buf, size, "%s %s", num, suffix);
	else
		snprintf(buf, size, "%s", num);
	return buf;
}

char *numfmt_unit_fit(char *buf, size_t size, double v, int decimals, enum unit u,
		      unsigned flags, int width)
{
	static const struct { double scale; const char *word; } scales[] = {
		{ 1e3, "dzd" }, { 1e6, "mln" }, { 1e9, "mld" }, { 1e12, "bln" },
	};
	char num[NUMFMT_MAX];

	numfmt_unit(buf, size, v, decimals, u, flags);
	for (size_t i = 0; i < sizeof scales / sizeof *scales && text_width(buf) > width; i++) {
		if (v > -scales[i].scale && v < scales[i].scale)
			continue;
		double scaled = v / scales[i].scale;

		numfmt_nl(num, sizeof num, scaled, scaled > -100 && scaled < 100 ? 1 : 0, flags);
		snprintf(buf, size, "%s%s %s%s%s", u == UNIT_EURO ? "€ " : "", num, scales[i].word,
			 u != UNIT_EURO && *unit_suffix(u) ? " " : "",
			 u != UNIT_EURO ? unit_suffix(u) : "");
	}
	/* last resort: the unit goes, the row's value still shows it */
	if (text_width(buf) > width && u == UNIT_EURO && !strncmp(buf, "€ ", strlen("€ ")))
		memmove(buf, buf + strlen("€ "), strlen(buf + strlen("€ ")) + 1);
	return buf;
}

const double numfmt_pow10[NUMFMT_POW10_MAX + 1] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* digits, at least one */
static bool skip_digits(const char **p)
{
	const char *start = *p;

	while (**p >= '0' && **p <= '9')
		(*p)++;
	return *p > start;
}

/* The machine form: [+-]digits[.digits][(e|E)[+-]digits], nothing else.
 * strtod takes more (spaces, hex, "inf", a lone "4."), so it only ever
 * sees text that passed this. */
static bool machine_form(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	if (!skip_digits(&s))
		return false;
	if (*s == '.' && (s++, !skip_digits(&s)))
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!skip_digits(&s))
			return false;
	}
	return *s == '\0';
}

/* Whether the digits of a machine number (before its exponent) are not
 * all zeros. */
static bool nonzero_digit(const char *s)
{
	for (; *s && *s != 'e' && *s != 'E'; s++)
		if (*s >= '1' && *s <= '9')
			return true;
	return false;
}

/* The C locale, made once: strtod reads the decimal mark from LC_NUMERIC,
 * which the TUI sets from the environment (setlocale in main), and under
 * nl_NL it would stop at the '.'. */
static locale_t c_locale(void)
{
	static locale_t c;

	if (!c && !(c = newlocale(LC_ALL_MASK, "C", (locale_t)0))) {
		/* only for want of memory: as xmalloc does */
		fputs("jmon: out of memory (the C locale)\n", stderr);
		exit(EX_OSERR);
	}
	return c;
}

bool numfmt_parse(const char *s, double *out)
{
	locale_t before;

	if (!machine_form(s))
		return false;
	/* strtod rounds correctly however many digits there are; building
	 * the value from a 64-bit mantissa and a power of ten rounds twice
	 * and is one ulp off for many 19-digit numbers. */
	before = uselocale(c_locale());
	*out = strtod(s, NULL);
	uselocale(before);
	/* beyond a double: 1e999 would be stored and shown as infinity, and
	 * 1e-400 as a 0 the text never said */
	return isfinite(*out) && (*out != 0 || !nonzero_digit(s));
}
