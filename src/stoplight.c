/* SPDX-License-Identifier: EUPL-1.2 */
/* The stoplight engine; see include/jmon/stoplight.h for what each `on:`
 * kind compares and when the answer is grey. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "jmon/condition.h"
#include "jmon/numfmt.h"
#include "jmon/privacy.h"
#include "jmon/stoplight.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

#define PCT_DECIMALS 1
#define RATIO_DECIMALS 2

static const struct stoplight_style styles[STOPLIGHT_NSTATUS] = {
	[STOPLIGHT_GREEN] = { "green", "groen",  "●", "o" },
	[STOPLIGHT_AMBER] = { "amber", "oranje", "▲", "^" },
	[STOPLIGHT_RED]   = { "red",   "rood",   "■", "#" },
	[STOPLIGHT_GREY]  = { "grey",  "grijs",  "○", "-" },
};

const struct stoplight_style *stoplight_style(enum stoplight_status s)
{
	return &styles[(unsigned)s < STOPLIGHT_NSTATUS ? s : STOPLIGHT_GREY];
}

const char *stoplight_name(enum stoplight_status s) { return stoplight_style(s)->name; }
const char *stoplight_word(enum stoplight_status s) { return stoplight_style(s)->word; }

const char *stoplight_glyph(enum stoplight_status s, bool utf8)
{
	return utf8 ? stoplight_style(s)->glyph : stoplight_style(s)->ascii;
}

bool stoplight_status_parse(const char *text, enum stoplight_status *out)
{
	for (int s = 0; s < STOPLIGHT_NSTATUS; s++)
		if (!strcmp(text, styles[s].name) || !strcmp(text, styles[s].word)) {
			*out = (enum stoplight_status)s;
			return true;
		}
	return false;
}

bool stoplight_applies(const struct indicator *ind, const char *category)
{
	const struct stoplight_rule *r = &ind->rule;

	if (!r->present)
		return false;
	if (!category || !*category || r->ncategories == 0)
		return true;
	for (size_t i = 0; i < r->ncategories; i++)
		if (!strcmp(r->categories[i], category))
			return true;
	return false;
}

/* --- evaluation --------------------------------------------------------- */

struct eval {
	const struct indicator *ind;
	const struct stoplight_input *in;
	struct stoplight_result *out;
};

static void grey(struct eval *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void grey(struct eval *e, const char *fmt, ...)
{
	va_list ap;

	e->out->computed = STOPLIGHT_GREY;
	va_start(ap, fmt);
	vsnprintf(e->out->computed_reason, sizeof e->out->computed_reason, fmt, ap);
	va_end(ap);
}

/* Why a cell cannot be used, or NULL when it can. */
static const char *cell_problem(const struct stoplight_cell *c)
{
	static const struct { const char *flag, *why; } flags[] = {
		{ "suppressed", "geheim" },
		{ "unknown", "onbekend" },
		{ "na", "niet van toepassing" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(flags); i++)
		if (c->flag && !strcmp(c->flag, flags[i].flag))
			return flags[i].why;
	return c->has_value ? NULL : "geen waarde";
}

/* Binary noise of a difference or quotient (4,2 - 4,0 = 0,2000000000000002)
 * must not move a figure across a bound the reader sees it on, so derived
 * figures are cut at 9 decimals, far below anything shown. */
static double denoise(double x)
{
	return fabs(x) < 1e9 ? nearbyint(x * 1e9) / 1e9 : x;
}

static const char *label_or(const char *label, const char *fallback)
{
	return label && *label ? label : fallback;
}

/* The figure behind a comparison: usable, shown, big enough.  False (and
 * grey) when not. */
static bool usable_base(struct eval *e, const struct stoplight_cell *c, const char *label,
			bool check_min_n)
{
	const char *why = cell_problem(c);
	char num[NUMFMT_MAX];

	if (why) {
		grey(e, "geen vergelijking: %s voor %s", why, label);
		return false;
	}
	/* a change against a hidden count would give the count away */
	if (privacy_hides(e->ind, c->value)) {
		grey(e, "geen vergelijking: %s is <%d (privacy)", label, e->ind->min_count);
		return false;
	}
	if (check_min_n && e->ind->counts && c->value < e->ind->rule.min_n) {
		grey(e, "te klein om mee te vergelijken: %s is %s, minimum %d", label,
		     numfmt_nl(num, sizeof num, c->value, e->ind->decimals, 0), e->ind->rule.min_n);
		return false;
	}
	return true;
}

/* (v - base) / |base| * 100; false (grey) on a zero base. */
static bool percent_change(struct eval *e, double v, double base, const char *what, double *pct)
{
	if (base == 0) {
		grey(e, "deling door nul: %s is 0", what);
		return false;
	}
	*pct = denoise((v - base) * 100 / fabs(base));
	return true;
}

/* The number the bands are tried on, and the words that go before the
 * condition and after it in the reason. */
struct measure {
	double x;
	char before[160], after[200];
};

/* A relative change of a percentage reads as the change of the
 * percentage itself: "+12,7 %" of 9,9 % is said with its points too,
 * ", +1,3 pp", so nobody takes it for 9,9 % + 12,7 %. */
static const char *points_note(const struct indicator *ind, double v, double base, char *buf,
			       size_t size)
{
	char num[NUMFMT_MAX];

	buf[0] = '\0';
	if (ind->unit == UNIT_PROCENT)
		snprintf(buf, size, ", %s pp",
			 numfmt_nl(num, sizeof num, denoise(v - base), ind->decimals, NUMFMT_SIGN));
	return buf;
}

static bool measure(struct eval *e, struct measure *m)
{
	const struct indicator *ind = e->ind;
	const struct stoplight_input *in = e->in;
	double v = in->current.value, base;
	char a[NUMFMT_MAX], b[NUMFMT_MAX];
	const char *label;

	m->after[0] = '\0';
	switch (ind->rule.on) {
	case ON_VALUE:
		m->x = v;
		numfmt_unit(m->before, sizeof m->before, v, ind->decimals, ind->unit, 0);
		if (ind->norm.present)
			snprintf(m->after, sizeof m->after, "(%s %s)", ind->norm.label,
				 numfmt_unit(a, sizeof a, ind->norm.value, -1, ind->unit, 0));
		return true;
	case ON_CHANGE:
		label = label_or(in->previous_label, "de vorige periode");
		if (!usable_base(e, &in->previous, label, false))
			return false;
		m->x = denoise(v - in->previous.value);
		if (ind->unit == UNIT_PROCENT)	/* a percentage changes in points */
			snprintf(m->before, sizeof m->before, "%s pp",
				 numfmt_nl(a, sizeof a, m->x, ind->decimals, NUMFMT_SIGN));
		else
			numfmt_unit(m->before, sizeof m->before, m->x, ind->decimals, ind->unit,
				    NUMFMT_SIGN);
		snprintf(m->after, sizeof m->after, "t.o.v. %s", label);
		return true;
	case ON_CHANGE_PCT:
	case ON_YOY_PCT: {
		const struct stoplight_cell *c = ind->rule.on == ON_YOY_PCT ? &in->last_year : &in->previous;
		label = ind->rule.on == ON_YOY_PCT
			? label_or(in->last_year_label, "dezelfde periode een jaar eerder")
			: label_or(in->previous_label, "de vorige periode");
		if (!usable_base(e, c, label, true) || !percent_change(e, v, c->value, label, &m->x))
			return false;
		numfmt_unit(m->before, sizeof m->before, m->x, PCT_DECIMALS, UNIT_PROCENT, NUMFMT_SIGN);
		snprintf(m->after, sizeof m->after, "t.o.v. %s%s", label,
			 points_note(ind, v, c->value, b, sizeof b));
		return true;
	}
	case ON_NORM_RATIO:
		if (!ind->norm.present) {
			grey(e, "geen norm om mee te vergelijken");
			return false;
		}
		if (ind->norm.value == 0) {
			grey(e, "deling door nul: %s is 0", ind->norm.label);
			return false;
		}
		m->x = denoise(v / ind->norm.value);
		snprintf(m->before, sizeof m->before, "%s × %s",
			 numfmt_nl(a, sizeof a, m->x, RATIO_DECIMALS, 0), ind->norm.label);
		snprintf(m->after, sizeof m->after, "(%s; %s %s)",
			 numfmt_unit(a, sizeof a, v, ind->decimals, ind->unit, 0), ind->norm.label,
			 numfmt_unit(b, sizeof b, ind->norm.value, -1, ind->unit, 0));
		return true;
	case ON_PEER_PCT:
		label = label_or(in->peer_label, ind->peers ? ind->peers : "de vergelijkingsgroep");
		if (!in->has_peer_mean) {
			grey(e, "geen vergelijking: geen waarden van %s", label);
			return false;
		}
		base = in->peer_mean;
		snprintf(a, sizeof a, "het gemiddelde van %s", label);
		if (!percent_change(e, v, base, a, &m->x))
			return false;
		numfmt_unit(m->before, sizeof m->before, m->x, PCT_DECIMALS, UNIT_PROCENT, NUMFMT_SIGN);
		/* a mean of fewer than all says so: the compare view shows which */
		char pp[NUMFMT_MAX + 16];

		points_note(ind, v, base, pp, sizeof pp);
		if (in->peer_n < in->peer_of)
			snprintf(m->after, sizeof m->after, "t.o.v. %s (gemiddeld %s, %zu van %zu)%s",
				 label, numfmt_unit(b, sizeof b, base, ind->decimals, ind->unit, 0),
				 in->peer_n, in->peer_of, pp);
		else
			snprintf(m->after, sizeof m->after, "t.o.v. %s (gemiddeld %s)%s", label,
				 numfmt_unit(b, sizeof b, base, ind->decimals, ind->unit, 0), pp);
		return true;
	}
	grey(e, "onbekende soort vergelijking");
	return false;
}

static void say(struct eval *e, enum stoplight_status s, const struct measure *m,
		const struct condition *c, bool negate)
{
	char cond[96];

	e->out->computed = s;
	condition_format(cond, sizeof cond, c, negate);
	snprintf(e->out->computed_reason, sizeof e->out->computed_reason, "%s %s%s%s",
		 m->before, cond, m->after[0] ? " " : "", m->after);
}

static void bands(struct eval *e, const struct measure *m)
{
	const struct stoplight_rule *r = &e->ind->rule;
	const struct condition *tried[3] = { &r->green, &r->amber, &r->red };
	const struct condition *last = NULL;

	for (int s = STOPLIGHT_GREEN; s <= STOPLIGHT_RED; s++) {
		if (tried[s]->op == COND_NONE)
			continue;
		if (condition_match(tried[s], m->x)) {
			say(e, (enum stoplight_status)s, m, tried[s], false);
			return;
		}
		if (s != STOPLIGHT_RED)
			last = tried[s];
	}
	if (r->red.op != COND_NONE || !last) {
		/* every band written out, and the figure fits none of them */
		grey(e, "%s valt buiten alle grenzen", m->before);
		return;
	}
	/* red is what is left: say which bound it is past */
	say(e, STOPLIGHT_RED, m, last, true);
}

/* True (and grey, with the reason) when there is no sound figure to
 * colour: the checks every kind shares, in the order a reader asks them. */
static bool unusable(struct eval *e)
{
	const struct indicator *ind = e->ind;
	const struct stoplight_input *in = e->in;
	const char *why;
	char num[NUMFMT_MAX];
	double n = ind->counts ? in->current.value : in->count;

	if (!ind->rule.present)
		grey(e, "geen stoplichtregel");
	else if (!stoplight_applies(ind, in->category))
		grey(e, "geen stoplicht voor deze uitsplitsing");
	else if ((why = cell_problem(&in->current)))
		grey(e, "%s", why);
	else if (privacy_hides(ind, in->current.value))
		grey(e, "aantal <%d, niet getoond (privacy)", ind->min_count);
	else if (!ind->counts && in->count_withheld)
		grey(e, "het aantal erachter is niet getoond (privacy)");
	else if ((ind->counts || in->has_count) && n < ind->rule.min_n)
		grey(e, "te klein om te beoordelen: %s, minimum %d",
		     numfmt_nl(num, sizeof num, n, ind->counts ? ind->decimals : 0, 0),
		     ind->rule.min_n);
	else
		return false;
	return true;
}

static void compute(struct eval *e)
{
	struct measure m;

	if (unusable(e) || !measure(e, &m))
		return;
	e->out->has_measure = true;
	e->out->measure = m.x;
	bands(e, &m);
}

void stoplight_eval(const struct indicator *ind, const struct stoplight_input *in,
		    struct stoplight_result *out)
{
	struct eval e = { ind, in, out };

	memset(out, 0, sizeof *out);
	compute(&e);
	out->status = out->computed;
	snprintf(out->reason, sizeof out->reason, "%s", out->computed_reason);
	if (in->override) {
		out->status = in->override->status;
		out->overridden = true;
		if (in->override->reason && *in->override->reason)
			snprintf(out->reason, sizeof out->reason, "handmatig: %s (berekend: %s)",
				 in->override->reason, stoplight_word(out->computed));
		else
			snprintf(out->reason, sizeof out->reason, "handmatig (berekend: %s)",
				 stoplight_word(out->computed));
	}
	/* a long norm label or override reason is cut by bytes above: never
	 * leave half a character at the end */
	text_trim_partial(out->computed_reason);
	text_trim_partial(out->reason);
}
