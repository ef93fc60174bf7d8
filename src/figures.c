/* SPDX-License-Identifier: EUPL-1.2 */
/* Evaluating the figures of a period; see include/jmon/figures.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/asof.h"
#include "jmon/comparison.h"
#include "jmon/disclosure.h"
#include "jmon/figures.h"
#include "jmon/intern.h"
#include "jmon/numfmt.h"
#include "jmon/outdated.h"
#include "jmon/privacy.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

/* A period's revisions: the cells the newest delivery changed.  More than
 * this many in one region and period is not a monitor any more. */
#define MAX_CHANGES 4096
/* Periods with data near the chosen one that an as-of figure may come
 * from: a year of months and quarters and the halves, years and dates
 * around them fit many times over. */
#define MAX_NEAR 256

/* The period one indicator's rows come from, and its neighbours. */
struct own {
	struct period p, prev, year;
	bool rolled;			/* made of its parts (rollup:) */
	enum period_kind part_kind;	/* of those parts */
	char code[PERIOD_CODE_MAX], prev_code[PERIOD_CODE_MAX], year_code[PERIOD_CODE_MAX];
	char label[PERIOD_LABEL_MAX], prev_label[PERIOD_LABEL_MAX], year_label[PERIOD_LABEL_MAX];
};

struct context {
	struct db *db;
	struct disclosure *dc;	/* the gate every cell passes */
	const struct config *cfg;
	struct figure_set *fs;
	struct own own;		/* of the indicator being loaded */
	/* its parts of the longest kind that are there, when not all are: a
	 * year of 3 of 4 quarters is not rolled up, and says so */
	size_t partial_have, partial_of;
	enum period_kind partial_kind;
	struct period *near;	/* candidates for as-of figures, any order */
	size_t nnear;
	struct cell_change *changes;
	size_t nchanges;
	struct jmon_error *err;
};

static void own_of(const struct period *p, struct own *o)
{
	struct period prev = period_prev(p), year = period_year_ago(p);

	o->p = *p;
	o->prev = prev;
	o->year = year;
	o->rolled = false;
	period_format(p, o->code);
	period_format(&prev, o->prev_code);
	period_format(&year, o->year_code);
	period_label_short(p, o->label);
	period_label(&prev, o->prev_label);
	period_label(&year, o->year_label);
}

/* A cell no delivery holds has no flag: "geen waarde", not "onbekend"
 * (unknown is what a source says of a value it does not know).  A cell the
 * gate withholds reaches the stoplight as suppressed, so no reason names
 * a number that follows from it. */
static struct stoplight_cell as_stoplight(const struct indicator *ind, const struct disclosed *d)
{
	struct stoplight_cell c = { d->v.present && d->v.has_value, d->v.value,
				    d->v.present ? d->v.flag : "" };

	/* a count hidden for its own size keeps its value, so the engine can
	 * say why ("aantal <10, niet getoond") without showing it; one hidden
	 * to protect another is judged as suppressed */
	if (d->withheld && !(c.has_value && privacy_hides(ind, c.value)))
		c.flag = "suppressed";
	return c;
}

static enum jmon_status cell(struct context *cx, const struct indicator *ind,
			     const char *region, const char *period, const char *category,
			     struct disclosed *out)
{
	return disclosure_cell(cx->dc, ind, region, period, category, 0, out, cx->err);
}

/* The periods of kind k that make up p, in order; at most 12. */
static size_t parts_of(const struct period *p, enum period_kind k, struct period *parts)
{
	struct period q = { k, p->year, 1, 0 }, up;
	size_t n = 0;

	for (int i = 0; i < 12 && q.year == p->year; i++, q = period_add(&q, 1))
		if (period_rollup(&q, p->kind, &up) && up.n == p->n)
			parts[n++] = q;
	return n;
}

/* A year or half-year made of its parts by the indicator's rollup: only
 * when every part was delivered; withheld when a part is (the sum would
 * give it away), without a value when a part has none, provisional when a
 * part is. */
static enum jmon_status rolled_cell(struct context *cx, const struct indicator *ind,
				    const struct period *p, const char *category,
				    struct disclosed *out)
{
	struct period parts[12];
	size_t n = parts_of(p, cx->own.part_kind, parts);
	double sum = 0, last = 0;
	const char *flag = "";
	bool withheld = false, valueless = false;
	enum jmon_status st;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		struct disclosed d;
		char code[PERIOD_CODE_MAX];

		if ((st = cell(cx, ind, cx->fs->region, period_format(&parts[i], code), category, &d)))
			return st;
		if (!d.v.present)
			return JMON_OK;		/* incomplete: never rolled up */
		withheld |= d.withheld;
		valueless |= !d.v.has_value;
		if (!d.v.has_value && !*flag)
			flag = d.v.flag[0] ? d.v.flag : "unknown";
		if (!strcmp(d.v.flag, "provisional") && !valueless)
			flag = "provisional";
		sum += d.v.value;
		last = d.v.value;
	}
	if (n == 0)
		return JMON_OK;
	out->v.present = true;
	out->withheld = withheld;
	out->v.has_value = !withheld && !valueless;
	snprintf(out->v.flag, sizeof out->v.flag, "%s", withheld ? "suppressed" : flag);
	if (out->v.has_value)
		out->v.value = ind->rollup == ROLLUP_SUM ? sum : ind->rollup == ROLLUP_MEAN
			? sum / (double)n : last;
	return JMON_OK;
}

/* A cell of the period p of the indicator being loaded: stored, or made
 * of its parts when the indicator's figure is rolled up. */
static enum jmon_status own_cell(struct context *cx, const struct indicator *ind,
				 const struct period *p, const char *category,
				 struct disclosed *out)
{
	char code[PERIOD_CODE_MAX];
	enum jmon_status st = cell(cx, ind, cx->fs->region, period_format(p, code), category, out);

	if (st || !cx->own.rolled || out->v.present)
		return st;
	return rolled_cell(cx, ind, p, category, out);
}

enum jmon_status figures_cell(struct db *db, const struct config *cfg, struct disclosure *dc,
			      const struct indicator *ind, const char *region,
			      const char *period, const char *category, struct cell_value *out,
			      bool *withheld, struct jmon_error *err)
{
	struct disclosure *gate;
	struct disclosed d = { 0 };
	enum jmon_status st = disclosure_begin(dc, db, cfg, &gate, err);

	if (st == JMON_OK) {
		st = disclosure_cell(gate, ind, region, period, category, 0, &d, err);
		disclosure_done(dc, gate);
	}
	*out = d.v;
	*withheld = st == JMON_OK && d.withheld;
	return st;
}

static bool was_revised(const struct context *cx, const struct indicator *ind, const char *cat)
{
	for (size_t i = 0; i < cx->nchanges; i++)
		if (!strcmp(cx->changes[i].indicator, ind->id) &&
		    !strcmp(cx->changes[i].category, cat ? cat : ""))
			return true;
	return false;
}

/* For peer_pct: the mean of the peer group, as the compare view shows it. */
static enum jmon_status peers_of(struct context *cx, const struct indicator *ind,
				 const char *category, struct stoplight_input *in)
{
	const struct peer_group *g = ind->peers ? config_peer_group(cx->cfg, ind->peers) : NULL;
	struct peer_mean mean;
	enum jmon_status st;

	if (!g || ind->rule.on != ON_PEER_PCT)
		return JMON_OK;
	if ((st = comparison_mean(cx->dc, ind, g, cx->fs->region, cx->own.code, category,
				  &mean, cx->err)))
		return st;
	in->has_peer_mean = mean.n > 0;
	in->peer_mean = mean.value;
	in->peer_n = mean.n;
	in->peer_of = mean.of;
	in->peer_label = g->label;
	return JMON_OK;
}

/* For min_n on a figure that is not a count (a percentage): the number of
 * cases behind it, from the indicator its stoplight.count_from (else its
 * n_from) names, in the same region, period and category.  Unknown: min_n
 * does not apply. */
static enum jmon_status count_of(struct context *cx, const struct indicator *ind,
				 const char *category, struct stoplight_input *in)
{
	const char *id = ind->rule.count_from ? ind->rule.count_from : ind->n_from;
	const struct indicator *from;
	struct disclosed n;
	enum jmon_status st;

	if (!id || !(from = config_indicator(cx->cfg, id)))
		return JMON_OK;
	if ((st = cell(cx, from, cx->fs->region, cx->own.code, category, &n)))
		return st;
	/* a withheld n is never printed, not even as "too small" */
	in->count_withheld = n.withheld;
	in->has_count = disclosed_usable(&n);
	in->count = n.v.value;
	return JMON_OK;
}

/* The n shown beside a value (n_from: "62 % (n=48)"), through the gate:
 * a withheld n is not shown. */
static enum jmon_status n_of(struct context *cx, struct figure *f)
{
	const struct indicator *from = f->ind->n_from ? config_indicator(cx->cfg, f->ind->n_from)
						       : NULL;
	struct disclosed n;
	enum jmon_status st;

	if (!from || !f->now.present || !f->now.has_value)
		return JMON_OK;
	if ((st = cell(cx, from, cx->fs->region, cx->own.code, f->cat ? f->cat->id : NULL, &n)))
		return st;
	f->has_n = disclosed_usable(&n);
	f->n = n.v.value;
	return JMON_OK;
}

/* A row's own cell, as the gate gave it. */
static struct disclosed disclosed_of(const struct figure *f)
{
	struct disclosed c = { f->now, f->derived, f->withheld };

	return c;
}

/* The row's baseline cell (the indicator's baseline period, made the way
 * its own period is: stored or rolled up) and the change against it. */
static enum jmon_status baseline_of(struct context *cx, struct figure *f,
				    const struct disclosed *now, struct disclosed *base)
{
	struct period p;

	memset(base, 0, sizeof *base);
	if (!period_parse_named(f->ind->baseline, &p, f->base_period, f->base_label))
		return JMON_OK;
	enum jmon_status st = own_cell(cx, f->ind, &p, f->cat ? f->cat->id : NULL, base);

	f->base = base->v;
	/* the baseline itself has no change against itself */
	f->has_base_change = st == JMON_OK && disclosed_usable(now) && disclosed_usable(base) &&
			     strcmp(f->value_period, f->base_period);
	/* as the change: 14,1 against 13,3 is 0,8, not 0,7999999999999989 */
	f->base_change = f->has_base_change ? numfmt_difference(now->v.value, base->v.value) : 0;
	return st;
}

/* Fill one row: values, change, stoplight.  f->now and f->withheld come
 * from the gate already. */
static enum jmon_status evaluate(struct context *cx, struct figure *f,
				 const struct stoplight_override *override)
{
	const struct indicator *ind = f->ind;
	const char *cat = f->cat ? f->cat->id : NULL;
	struct figure_set *fs = cx->fs;
	struct disclosed now = disclosed_of(f), prev, last_year, base;
	struct stoplight_input in = { 0 };
	enum jmon_status st;

	if ((st = own_cell(cx, ind, &cx->own.prev, cat, &prev)) ||
	    (st = own_cell(cx, ind, &cx->own.year, cat, &last_year)) ||
	    (st = baseline_of(cx, f, &now, &base)))
		return st;
	f->prev = prev.v;
	/* a change is shown only between two figures that are both shown */
	f->has_change = disclosed_usable(&now) && disclosed_usable(&prev);
	f->change = f->has_change ? numfmt_difference(f->now.value, f->prev.value) : 0;
	if ((st = n_of(cx, f)))
		return st;
	f->colored = stoplight_applies(ind, cat);
	if (!f->colored) {
		/* unit none: nothing is computed, so only a status set by hand */
		bool by_hand = ind->unit == UNIT_NONE;
		char reason[STOPLIGHT_REASON_MAX];

		f->light.status = f->light.computed = STOPLIGHT_GREY;
		snprintf(reason, sizeof reason, "%s",
			 by_hand ? "zonder cijfer: de status zet een analist"
			 : ind->rule.present ? "geen regel voor deze categorie" : "geen regel");
		if (override) {
			f->light.status = override->status;
			f->light.overridden = true;
			f->light.document = override->document;
			stoplight_override_reason(override, by_hand ? NULL : "grijs", reason,
						  sizeof reason);
		}
		f->light.reason = intern(reason);
		return JMON_OK;
	}
	if ((st = peers_of(cx, ind, cat, &in)) || (st = count_of(cx, ind, cat, &in)))
		return st;
	in.region = fs->region;
	in.category = cat;
	in.current = as_stoplight(ind, &now);
	in.previous = as_stoplight(ind, &prev);
	in.previous_label = cx->own.prev_label;
	in.last_year = as_stoplight(ind, &last_year);
	in.last_year_label = cx->own.year_label;
	char base_label[PERIOD_LABEL_MAX + 16];

	snprintf(base_label, sizeof base_label, "nulmeting %s", f->base_label);
	in.baseline = as_stoplight(ind, &base);
	in.baseline_label = base_label;
	in.override = override;
	struct stoplight_result light;

	stoplight_eval(ind, &in, &light);
	f->light = (struct figure_light){ light.status, light.computed, light.overridden,
					  light.document, intern(light.reason) };
	return JMON_OK;
}

/* An indicator whose total has no figure of its own (total: none, or no
 * total delivered) takes the worst colour of its categories, so the chapter
 * row, the counts and r/R do not hide a red part behind a grey total. */
static void roll_up(struct figure *total, const struct figure *parts, size_t n)
{
	static const int severity[STOPLIGHT_NSTATUS] = {
		[STOPLIGHT_GREY] = 0, [STOPLIGHT_GREEN] = 1, [STOPLIGHT_AMBER] = 2, [STOPLIGHT_RED] = 3,
	};
	const struct figure *worst = NULL;

	if (total->light.status != STOPLIGHT_GREY ||
	    (total->colored && total->now.present && total->now.has_value))
		return;
	for (size_t i = 0; i < n; i++)
		if (parts[i].colored && parts[i].light.status != STOPLIGHT_GREY &&
		    (!worst || severity[parts[i].light.status] > severity[worst->light.status]))
			worst = &parts[i];
	if (!worst)
		return;
	total->rolled_up = true;
	total->light.status = total->light.computed = worst->light.status;
	char reason[STOPLIGHT_REASON_MAX];

	snprintf(reason, sizeof reason, "slechtste categorie, %.100s: %.380s", worst->cat->label,
		 worst->light.reason);
	total->light.reason = intern(reason);
}

static bool is_signal_status(enum stoplight_status s)
{
	return s == STOPLIGHT_AMBER || s == STOPLIGHT_RED;
}

bool figure_is_signal(const struct figure *f)
{
	return is_signal_status(f->light.status) || is_signal_status(f->below);
}

/* A red or amber category under a total that shows green or grey: the
 * chapter row, r/R and the counts must not hide it (a rolled-up total
 * shows the worst colour already). */
static void signal_below(struct figure *total, const struct figure *parts, size_t n)
{
	total->below = STOPLIGHT_GREEN;
	if (is_signal_status(total->light.status))
		return;
	for (size_t i = 0; i < n; i++) {
		enum stoplight_status s = parts[i].light.status;

		if (!parts[i].colored || !is_signal_status(s))
			continue;
		total->below_n++;
		if (!total->below_cat || (s == STOPLIGHT_RED && total->below != STOPLIGHT_RED)) {
			total->below = s;
			total->below_cat = parts[i].cat;
			total->below_reason = parts[i].light.reason;
		}
	}
}

char *figures_progress(const struct figure_set *fs, char *buf, size_t size)
{
	if (fs->signals)
		snprintf(buf, size, "beoordeeld %d/%d signalen", fs->signals_reviewed, fs->signals);
	else
		snprintf(buf, size, "beoordeeld %d/%d", fs->reviewed, fs->indicators);
	return buf;
}

/* Why a year of some of its parts is not rolled up, or "". */
static char *incomplete_note(const struct figure *f, char *buf, size_t size)
{
	buf[0] = '\0';
	if (f->incomplete[0] && f->ind->rollup != ROLLUP_NONE)
		snprintf(buf, size, "niet %s: %s geleverd",
			 f->ind->rollup == ROLLUP_LAST ? "als stand genomen" :
			 f->ind->rollup == ROLLUP_MEAN ? "gemiddeld" : "opgeteld", f->incomplete);
	return buf;
}

char *figure_incomplete_mark(const struct figure *f, char *buf, size_t size)
{
	buf[0] = '\0';
	if (f->incomplete[0] && f->ind->rollup != ROLLUP_NONE && !f->now.present)
		snprintf(buf, size, "%s", f->incomplete_mark);
	return buf;
}

char *figure_report_reason(const struct figure *f, char *buf, size_t size)
{
	char note[96];

	if (incomplete_note(f, note, sizeof note)[0])
		text_format(buf, size, "%s; %s", f->light.reason, note);
	else
		text_format(buf, size, "%s", f->light.reason);
	return buf;
}

char *figure_reason(const struct figure *f, bool utf8, char *buf, size_t size)
{
	size_t len;
	char note[96];

	/* first: the one thing that undoes what the analyst did */
	if (f->review_outdated)
		text_format(buf, size, "beoordeling verouderd: gegeven bij %s; %s", f->review_for,
			    f->light.reason);
	else
		text_format(buf, size, "%s", f->light.reason);
	len = strlen(buf);
	if (f->below != STOPLIGHT_GREEN && f->below_cat && len < size) {
		char more[48] = "";

		if (f->below_n > 1)
			snprintf(more, sizeof more, " (en %d andere categorie%s)", f->below_n - 1,
				 f->below_n > 2 ? "ën" : "");
		text_format(buf + len, size - len, "; categorie %s %s %s%s: %s", f->below_cat->label,
			    stoplight_glyph(f->below, utf8), stoplight_word(f->below), more,
			    f->below_reason);
		len = strlen(buf);
	}
	/* a year of some of its quarters: not summed, and said */
	if (incomplete_note(f, note, sizeof note)[0] && len < size)
		text_format(buf + len, size - len, "; %s", note);
	return buf;
}

/* "12,3 % (oranje)": what an outdated judgement was written for. */
static void judged_text(const struct indicator *ind, const struct judged *j, char *buf,
			size_t size)
{
	char value[64];

	disclosed_value_text(ind, &j->then, value, sizeof value, 0);
	if (!value[0])
		snprintf(value, sizeof value, "geen waarde");
	if (j->has_status)
		snprintf(buf, size, "%s (%s)", value, stoplight_word(j->status));
	else
		snprintf(buf, size, "%s", value);
}

/* The period of the cell a judgement of f was about: the set's, or the
 * one f is shown as of. */
static const char *judged_period(const struct context *cx, const struct figure *f)
{
	return f->basis == FIGURE_AS_OF && f->value_period[0] ? f->value_period : cx->fs->period;
}

/* Is f's review (of the indicator) or explanation (of its cell) still
 * about what f shows now? */
static enum jmon_status judge_review(struct context *cx, struct figure *f)
{
	struct disclosed now = disclosed_of(f);
	struct judged j;
	enum jmon_status st;

	if (!f->reviewed || f->basis == FIGURE_ROLLUP)	/* a sum of cells: no one cell then */
		return JMON_OK;
	if ((st = judged_check(cx->db, cx->dc, f->ind, cx->fs->region, judged_period(cx, f), NULL,
			       f->review_change, &now, &f->light.status, &j, cx->err)))
		return st;
	if (j.outdated) {
		f->reviewed = false;
		f->review_outdated = true;
		judged_text(f->ind, &j, f->review_for, sizeof f->review_for);
	}
	return JMON_OK;
}

static enum jmon_status judge_note(struct context *cx, struct figure *f)
{
	struct disclosed now = disclosed_of(f);
	struct judged j;
	enum jmon_status st;

	if (!f->annotated || f->basis == FIGURE_ROLLUP)
		return JMON_OK;
	if ((st = judged_check(cx->db, cx->dc, f->ind, cx->fs->region, judged_period(cx, f),
			       f->cat ? f->cat->id : NULL, f->note_change, &now, NULL, &j, cx->err)))
		return st;
	if (j.outdated) {
		f->note_outdated = true;
		judged_text(f->ind, &j, f->note_for, sizeof f->note_for);
	}
	return JMON_OK;
}

/* An empty row: its texts are "" until it is evaluated. */
static void figure_start(struct figure *f, const struct indicator *ind,
			 const struct category *cat)
{
	memset(f, 0, sizeof *f);
	f->ind = ind;
	f->cat = cat;
	f->light.reason = f->source_file = f->below_reason = "";
}

static struct figure *add_row(struct figure_set *fs, const struct indicator *ind,
			      const struct category *cat)
{
	ARRAY_GROW(fs->rows, fs->n, fs->cap);
	struct figure *f = &fs->rows[fs->n++];
	figure_start(f, ind, cat);
	return f;
}

/* Whether the indicator has a cell (its total or a category) in period. */
static enum jmon_status has_cells(struct context *cx, const struct indicator *ind,
				  const char *period, bool *any)
{
	struct disclosed d;
	enum jmon_status st;

	/* a stored indicator's figure exists or not whatever the rule says of
	 * it: asked of the region alone, not of its family, for most of the
	 * periods asked about hold nothing (a year, the months of a quarter,
	 * the dates before an as-of figure) */
	if (ind->compute.kind == COMPUTE_NONE)
		return disclosure_present(cx->dc, ind, cx->fs->region, period, 0, any, cx->err);
	st = cell(cx, ind, cx->fs->region, period, NULL, &d);
	*any = st == JMON_OK && d.v.present;
	for (size_t i = 0; st == JMON_OK && !*any && i < ind->ncategories; i++) {
		st = cell(cx, ind, cx->fs->region, period, ind->categories[i].id, &d);
		*any = d.v.present;
	}
	return st;
}

/* A year, half-year or quarter without a figure of its own is made of the
 * parts of the longest kind that are all delivered (its halves, quarters
 * or months), when the indicator says how (rollup:). */
static enum jmon_status choose_rollup(struct context *cx, const struct indicator *ind)
{
	const struct period *p = &cx->fs->p;
	struct period parts[12];
	enum jmon_status st = JMON_OK;

	if (ind->rollup == ROLLUP_NONE ||
	    (p->kind != PERIOD_YEAR && p->kind != PERIOD_HALF && p->kind != PERIOD_QUARTER))
		return JMON_OK;
	for (int k = p->kind + 1; k <= PERIOD_MONTH; k++) {
		size_t n = parts_of(p, (enum period_kind)k, parts);
		bool all = n > 0, any = false;

		size_t have = 0;

		for (size_t i = 0; i < n && st == JMON_OK; i++) {
			char code[PERIOD_CODE_MAX];

			st = has_cells(cx, ind, period_format(&parts[i], code), &any);
			all = all && any;
			have += any;
		}
		if (!all && have && !cx->partial_of) {
			cx->partial_have = have;
			cx->partial_of = n;
			cx->partial_kind = (enum period_kind)k;
		}
		if (st || all) {
			cx->own.rolled = all;
			cx->own.part_kind = (enum period_kind)k;
			return st;
		}
	}
	return JMON_OK;
}

/* The period ind's rows come from: the set's own, or the first of the
 * candidates (include/jmon/asof.h) where ind has a figure. */
static enum jmon_status choose_period(struct context *cx, const struct indicator *ind)
{
	struct figure_set *fs = cx->fs;
	struct period *cands;
	size_t n;
	bool any;
	enum jmon_status st;

	own_of(&fs->p, &cx->own);
	cx->partial_have = cx->partial_of = 0;
	if ((st = has_cells(cx, ind, fs->period, &any)) || any || (st = choose_rollup(cx, ind)) ||
	    cx->own.rolled || ind->as_of == ASOF_OFF || !cx->nnear)
		return st;
	cands = xcalloc(cx->nnear, sizeof *cands);
	memcpy(cands, cx->near, cx->nnear * sizeof *cands);
	n = asof_order(&fs->p, cands, cx->nnear, ind->as_of);
	for (size_t i = 0; i < n && st == JMON_OK; i++) {
		char code[PERIOD_CODE_MAX];

		if ((st = has_cells(cx, ind, period_format(&cands[i], code), &any)) == JMON_OK && any) {
			own_of(&cands[i], &cx->own);
			break;
		}
	}
	free(cands);
	return st;
}

/* The period of a row, as load_indicator chose it. */
static void mark_basis(const struct context *cx, struct figure *f)
{
	static const char *const how[] = {
		[ROLLUP_SUM] = "som", [ROLLUP_MEAN] = "gemiddelde", [ROLLUP_LAST] = "laatste",
	};
	struct period parts[12];
	char first[PERIOD_LABEL_MAX], last[PERIOD_LABEL_MAX], a[PERIOD_CODE_MAX], b[PERIOD_CODE_MAX];
	size_t n;

	f->basis = strcmp(cx->own.code, cx->fs->period) ? FIGURE_AS_OF : FIGURE_OWN;
	memcpy(f->value_period, cx->own.code, sizeof f->value_period);
	memcpy(f->value_label, cx->own.label, sizeof f->value_label);
	memcpy(f->basis_short, cx->own.label, sizeof f->basis_short);
	memcpy(f->value_prev_label, cx->own.prev_label, sizeof f->value_prev_label);
	f->incomplete[0] = f->incomplete_mark[0] = '\0';
	if (!cx->own.rolled && cx->partial_of) {
		static const char *const parts_name[] = {
			[PERIOD_HALF] = "halfjaren", [PERIOD_QUARTER] = "kwartalen",
			[PERIOD_MONTH] = "maanden",
		};
		static const char *const parts_short[] = {
			[PERIOD_HALF] = "hj.", [PERIOD_QUARTER] = "kw.", [PERIOD_MONTH] = "mnd",
		};
		snprintf(f->incomplete, sizeof f->incomplete, "%zu van %zu %s", cx->partial_have,
			 cx->partial_of, parts_name[cx->partial_kind] ? parts_name[cx->partial_kind]
								      : "delen");
		snprintf(f->incomplete_mark, sizeof f->incomplete_mark, "%zu/%zu %s",
			 cx->partial_have, cx->partial_of,
			 parts_short[cx->partial_kind] ? parts_short[cx->partial_kind] : "");
		/* one of its parts stands in for the year (as of): the chapter
		 * row says which and how many there are, "Q3 (3/4)" */
		struct period up;

		if (f->basis == FIGURE_AS_OF && cx->own.p.kind != PERIOD_DATE &&
		    period_rollup(&cx->own.p, cx->fs->p.kind, &up) && up.year == cx->fs->p.year &&
		    up.n == cx->fs->p.n)
			text_format(f->basis_short, sizeof f->basis_short, "%.3s (%zu/%zu)",
				    cx->own.p.kind == PERIOD_MONTH ? cx->own.label : cx->own.label + 5,
				    cx->partial_have, cx->partial_of);
	}
	if (!cx->own.rolled || !(n = parts_of(&cx->own.p, cx->own.part_kind, parts)))
		return;
	/* "som van 2023 Q1–Q4"; the machine's value_period "2023Q1..2023Q4" */
	f->basis = FIGURE_ROLLUP;
	period_label_short(&parts[0], first);
	period_label_short(&parts[n - 1], last);
	/* months are labelled "okt 2023": the month is its first three letters */
	bool months = cx->own.part_kind == PERIOD_MONTH;
	if (months)
		text_format(f->value_label, sizeof f->value_label, "%s van %.3s–%s",
			    how[f->ind->rollup], first, last);
	else
		text_format(f->value_label, sizeof f->value_label, "%s van %s–%s",
			    how[f->ind->rollup], first, last + 5);
	/* at most 10 columns: "som Q1–Q4", "gem 12 mnd", "stand Q4", "stand dec" */
	if (f->ind->rollup == ROLLUP_LAST)
		text_format(f->basis_short, sizeof f->basis_short, "stand %.3s",
			    months ? last : last + 5);
	else if (!months)
		text_format(f->basis_short, sizeof f->basis_short, "%.3s %s–%s", how[f->ind->rollup],
			    first + 5, last + 5);
	else
		text_format(f->basis_short, sizeof f->basis_short, "%.3s %zu mnd", how[f->ind->rollup], n);
	text_format(f->value_period, sizeof f->value_period, "%s..%s", period_format(&parts[0], a),
		 period_format(&parts[n - 1], b));
}

static enum jmon_status load_indicator(struct context *cx, const struct indicator *ind,
				       enum figures_scope scope)
{
	struct figure_set *fs = cx->fs;
	struct cell_key key = { ind->id, fs->region, fs->period, "" };
	struct figure total;
	struct figure *parts = xcalloc(ind->ncategories ? ind->ncategories : 1, sizeof *parts);
	struct disclosed d;
	struct review review = { 0 };
	struct annotation note = { 0 };
	struct stoplight_override override;
	struct source_status source;
	bool has_review, has_note, has_source;
	enum jmon_status st;

	figure_start(&total, ind, NULL);
	if ((st = choose_period(cx, ind)))
		goto out;
	for (size_t i = 0; i < ind->ncategories; i++) {
		figure_start(&parts[i], ind, &ind->categories[i]);
		if ((st = own_cell(cx, ind, &cx->own.p, parts[i].cat->id, &d)))
			goto out;
		parts[i].now = d.v;
		parts[i].withheld = d.withheld;
		mark_basis(cx, &parts[i]);
	}
	if ((st = own_cell(cx, ind, &cx->own.p, NULL, &d)))
		goto out;
	mark_basis(cx, &total);
	total.now = d.v;
	total.derived = d.derived;
	total.withheld = d.withheld;
	if (scope == FIGURES_VALUES) {	/* the values alone: nothing judged */
		total.light.status = total.light.computed = STOPLIGHT_GREY;
		*add_row(fs, ind, NULL) = total;
		for (size_t i = 0; i < ind->ncategories; i++) {
			parts[i].light.status = parts[i].light.computed = STOPLIGHT_GREY;
			*add_row(fs, ind, parts[i].cat) = parts[i];
		}
		goto out;
	}

	if ((st = query_review(cx->db, &key, &review, &has_review, cx->err)) ||
	    (st = query_source_status(cx->db, &key, &source, &has_source, cx->err)))
		goto out;
	override.status = STOPLIGHT_GREY;
	override.reason = review.reason ? review.reason : "";
	override.document = false;
	bool overridden = has_review && review.status_override[0] &&
			  stoplight_status_parse(review.status_override, &override.status);
	/* the document's status, unless an analyst set one of their own */
	if (has_source && stoplight_status_parse(source.status, &total.source_status)) {
		total.sourced = true;
		total.source_file = intern(source.source);
		if (!overridden) {
			override = (struct stoplight_override){ total.source_status, source.reason, true };
			overridden = true;
		}
	}

	for (size_t i = 0; i < ind->ncategories; i++)
		if ((st = evaluate(cx, &parts[i], NULL)))
			goto out;
	if ((st = evaluate(cx, &total, overridden ? &override : NULL)))
		goto out;
	if (!overridden)
		roll_up(&total, parts, ind->ncategories);
	total.reviewed = has_review && review.reviewed;
	total.review_change = has_review ? review.change : 0;
	if (has_review) {
		text_format(total.review_by, sizeof total.review_by, "%s", review.author);
		snprintf(total.review_at, sizeof total.review_at, "%s", review.at);
	}
	if ((st = judge_review(cx, &total)))
		goto out;
	signal_below(&total, parts, ind->ncategories);
	/* the newest delivery's changes are those of the set's period */
	total.revised = total.basis == FIGURE_OWN && was_revised(cx, ind, NULL);
	for (size_t i = 0; i < ind->ncategories; i++)
		total.revised |= parts[i].revised = parts[i].basis == FIGURE_OWN &&
						    was_revised(cx, ind, parts[i].cat->id);
	if ((st = query_annotation(cx->db, &key, NULL, &note, &has_note, cx->err)))
		goto out;
	total.annotated = has_note;
	total.note_change = has_note ? note.change : 0;
	annotation_free(&note);
	if ((st = judge_note(cx, &total)))
		goto out;
	*add_row(fs, ind, NULL) = total;
	fs->indicators++;
	fs->reviewed += total.reviewed;
	fs->status_count[total.light.status]++;
	fs->outdated += total.review_outdated;
	if (figure_is_signal(&total)) {
		fs->signals++;
		fs->signals_reviewed += total.reviewed;
		fs->below += is_signal_status(total.below);
	}
	fs->as_of += total.basis != FIGURE_OWN;
	if (total.basis == FIGURE_OWN && total.now.present && !strcmp(total.now.flag, "provisional"))
		fs->provisional = true;

	for (size_t i = 0; scope == FIGURES_BREAKDOWN && i < ind->ncategories; i++) {
		struct figure *f = &parts[i];

		key.category = f->cat->id;
		if ((st = query_annotation(cx->db, &key, NULL, &note, &has_note, cx->err)))
			goto out;
		f->annotated = has_note;
		f->note_change = has_note ? note.change : 0;
		annotation_free(&note);
		if ((st = judge_note(cx, f)))
			goto out;
		f->reviewed = total.reviewed;
		f->review_outdated = total.review_outdated;
		memcpy(f->review_for, total.review_for, sizeof f->review_for);
		f->review_change = total.review_change;
		memcpy(f->review_by, total.review_by, sizeof f->review_by);
		memcpy(f->review_at, total.review_at, sizeof f->review_at);
		f->below = STOPLIGHT_GREEN;
		*add_row(fs, ind, f->cat) = *f;
	}
out:
	review_free(&review);
	free(parts);
	return st;
}

/* The periods with data that an as-of figure of any indicator may come
 * from: as far back as the longest as_of.max_age of the configuration. */
static enum jmon_status near_periods(struct context *cx, char (*codes)[PERIOD_CODE_MAX])
{
	int longest = ASOF_OFF;
	char cutoff[PERIOD_CODE_MAX];
	size_t n;
	enum jmon_status st;

	for (size_t c = 0; c < cx->cfg->nchapters; c++)
		for (size_t i = 0; i < cx->cfg->chapters[c].nindicators; i++)
			if (cx->cfg->chapters[c].indicators[i].as_of > longest)
				longest = cx->cfg->chapters[c].indicators[i].as_of;
	if (longest == ASOF_OFF)
		return JMON_OK;
	asof_cutoff(&cx->fs->p, longest, cutoff);
	if ((st = query_periods_near(cx->db, cx->fs->region, &cx->fs->p, cutoff, codes, MAX_NEAR,
				     &n, cx->err)))
		return st;
	for (size_t i = 0; i < n; i++)
		if (period_parse_str(codes[i], &cx->near[cx->nnear]))
			cx->nnear++;
	return JMON_OK;
}

/* --- the memo: figure sets evaluated through a session's gate ---------------
 * A browser asks for the same sets again and again: back to the chapter,
 * a period and back, the benchmark's columns.  Kept beside the gate's
 * caches (disclosure_memo), so a delivery, another configuration or an
 * analyst's write drops them with it; within a bound of memory, the set
 * used longest ago first. */
#define MEMO_BYTES (2u << 20)

struct memo_entry {
	char region[QUERY_CODE_MAX], period[PERIOD_CODE_MAX];
	const struct chapter *chapter;
	const struct indicator *only;
	enum figures_scope scope;
	struct figure_set fs;
	unsigned long used;
};

struct memo {
	struct memo_entry *e;
	size_t n, cap, bytes;
	unsigned long clock;
};

static void memo_drop(void *p)
{
	struct memo *m = p;

	for (size_t i = 0; i < m->n; i++)
		figures_free(&m->e[i].fs);
	free(m->e);
	free(m);
}

static void copy_set(struct figure_set *to, const struct figure_set *from)
{
	*to = *from;
	to->cap = from->n;
	to->rows = from->n ? xmalloc(from->n * sizeof *to->rows) : NULL;
	if (from->n)
		memcpy(to->rows, from->rows, from->n * sizeof *to->rows);
}

static struct memo_entry *memo_find(struct disclosure *dc, const char *region,
				    const char *period, const struct chapter *chapter,
				    const struct indicator *only, enum figures_scope scope)
{
	struct memo *m = dc ? disclosure_memo(dc) : NULL;

	for (size_t i = 0; m && i < m->n; i++) {
		struct memo_entry *e = &m->e[i];

		if (e->chapter == chapter && e->only == only && e->scope == scope &&
		    !strcmp(e->period, period) && !strcmp(e->region, region)) {
			e->used = ++m->clock;
			return e;
		}
	}
	return NULL;
}

static void memo_keep(struct disclosure *dc, const struct chapter *chapter,
		      const struct indicator *only, enum figures_scope scope,
		      const struct figure_set *fs)
{
	struct memo *m = disclosure_memo(dc);
	size_t bytes = fs->n * sizeof *fs->rows;

	if (bytes > MEMO_BYTES / 4)
		return;		/* a set this large is asked for once */
	if (!m) {
		m = xcalloc(1, sizeof *m);
		disclosure_set_memo(dc, m, memo_drop);
	}
	while (m->n && m->bytes + bytes > MEMO_BYTES) {
		size_t oldest = 0;

		for (size_t i = 1; i < m->n; i++)
			if (m->e[i].used < m->e[oldest].used)
				oldest = i;
		m->bytes -= m->e[oldest].fs.n * sizeof *fs->rows;
		figures_free(&m->e[oldest].fs);
		m->e[oldest] = m->e[--m->n];
	}
	ARRAY_GROW(m->e, m->n, m->cap);
	struct memo_entry *e = &m->e[m->n++];
	snprintf(e->region, sizeof e->region, "%s", fs->region);
	snprintf(e->period, sizeof e->period, "%s", fs->period);
	e->chapter = chapter;
	e->only = only;
	e->scope = scope;
	copy_set(&e->fs, fs);
	e->used = ++m->clock;
	m->bytes += bytes;
}

static enum jmon_status load(struct db *db, const struct config *cfg,
			     struct disclosure *shared, const char *region, const char *period,
			     const struct chapter *chapter, const struct indicator *only, enum figures_scope scope,
			     struct figure_set *fs, struct jmon_error *err)
{
	struct context cx = { .db = db, .cfg = cfg, .fs = fs, .err = err };
	enum jmon_status st = JMON_OK;
	struct period p;
	size_t nchanges = 0;
	char msg[512];
	char (*codes)[PERIOD_CODE_MAX] = NULL;

	memset(fs, 0, sizeof *fs);
	if (!period_parse_str(period, &p))
		return jmon_fail(err, JMON_USAGE, "%s", period_malformed(period, msg, sizeof msg));
	snprintf(fs->region, sizeof fs->region, "%s", region);
	period_format(&p, fs->period);
	fs->p = p;
	period_label(&p, fs->label);
	struct period prev = period_prev(&p), year = period_year_ago(&p);
	period_label(&prev, fs->prev_label);
	period_label(&year, fs->year_label);

	if ((st = disclosure_begin(shared, db, cfg, &cx.dc, err)))
		return st;
	const struct memo_entry *kept = shared ? memo_find(shared, fs->region, fs->period, chapter,
							     only, scope) : NULL;
	if (kept) {
		copy_set(fs, &kept->fs);
		return JMON_OK;
	}
	/* not cleared: only the first nchanges are read, and clearing a
	 * megabyte on every load was most of a key's time */
	cx.changes = xmalloc(MAX_CHANGES * sizeof *cx.changes);
	/* values alone mark no revision: their newest delivery, not its cells */
	if ((st = query_changes(db, region, fs->period, cx.changes,
				scope == FIGURES_VALUES ? 0 : MAX_CHANGES, &nchanges,
				&fs->delivery, err)))
		goto out;
	cx.nchanges = nchanges;
	codes = xmalloc(MAX_NEAR * sizeof *codes);
	cx.near = xmalloc(MAX_NEAR * sizeof *cx.near);
	if ((st = near_periods(&cx, codes)))
		goto out;
	for (size_t c = 0; c < cfg->nchapters; c++) {
		const struct chapter *ch = &cfg->chapters[c];

		if (chapter && ch != chapter)
			continue;
		for (size_t i = 0; i < ch->nindicators && st == JMON_OK; i++)
			if (!only || only == &ch->indicators[i])
				st = load_indicator(&cx, &ch->indicators[i], scope);
	}
out:
	free(codes);
	free(cx.near);
	free(cx.changes);
	disclosure_done(shared, cx.dc);
	if (st != JMON_OK)
		figures_free(fs);
	else if (shared)
		memo_keep(shared, chapter, only, scope, fs);
	return st;
}

enum jmon_status figures_load(struct db *db, const struct config *cfg, struct disclosure *dc,
			      const char *region, const char *period,
			      const struct chapter *chapter, enum figures_scope scope,
			      struct figure_set *fs, struct jmon_error *err)
{
	return load(db, cfg, dc, region, period, chapter, NULL, scope, fs, err);
}

enum jmon_status figures_load_indicator(struct db *db, const struct config *cfg,
					struct disclosure *dc, const char *region,
					const char *period, const struct indicator *ind,
					struct figure_set *fs, struct jmon_error *err)
{
	return load(db, cfg, dc, region, period, ind->chapter, ind, FIGURES_BREAKDOWN, fs, err);
}

void figures_free(struct figure_set *fs)
{
	free(fs->rows);
	fs->rows = NULL;
	fs->n = fs->cap = 0;
}

static const struct {
	const char *flag, *text;
} flag_texts[] = {
	{ "suppressed", "geheim" },
	{ "unknown",    "onbekend" },
	{ "na",         "n.v.t." },
};

char *disclosed_value_text(const struct indicator *ind, const struct disclosed *c, char *buf,
			   size_t size, int width)
{
	buf[0] = '\0';
	if (!c->v.present || ind->unit == UNIT_NONE)	/* no value expected */
		return buf;
	/* "<10" only for a count that is small itself: a total hidden to
	 * protect one small part may be far above the minimum */
	if (c->withheld && c->v.has_value && privacy_hides(ind, c->v.value))
		return privacy_mask(buf, size, ind);
	if (c->withheld) {
		snprintf(buf, size, "geheim");
		return buf;
	}
	if (!c->v.has_value) {
		for (size_t i = 0; i < sizeof flag_texts / sizeof *flag_texts; i++)
			if (!strcmp(c->v.flag, flag_texts[i].flag))
				snprintf(buf, size, "%s", flag_texts[i].text);
		return buf;
	}
	if (width > 0)
		return numfmt_unit_fit(buf, size, c->v.value, ind->decimals, ind->unit, 0, width);
	return numfmt_unit(buf, size, c->v.value, ind->decimals, ind->unit, 0);
}


char *figure_value_text(const struct figure *f, char *buf, size_t size)
{
	struct disclosed c = disclosed_of(f);

	return disclosed_value_text(f->ind, &c, buf, size, 0);
}

/* The change of a percentage is in percentage points (procentpunt, "pp"):
 * 10,8 % to 11,1 % is +0,3 pp, not +0,3 % (which would be a relative change). */
static char *points(char *buf, size_t size, double change, int decimals)
{
	char num[NUMFMT_MAX];

	snprintf(buf, size, "%s pp", numfmt_nl(num, sizeof num, change, decimals, NUMFMT_SIGN));
	return buf;
}

char *figure_change_text(const struct figure *f, char *buf, size_t size)
{
	buf[0] = '\0';
	if (!f->has_change)
		return buf;
	if (f->ind->unit == UNIT_PROCENT)
		return points(buf, size, f->change, f->ind->decimals);
	return numfmt_unit(buf, size, f->change, f->ind->decimals, f->ind->unit, NUMFMT_SIGN);
}

char *figure_base_change_text(const struct figure *f, char *buf, size_t size)
{
	buf[0] = '\0';
	if (f->has_base_change)
		difference_fit(f->ind, f->base_change, buf, size, (int)size);	/* never shortened */
	return buf;
}

char *figure_n_text(const struct figure *f, char *buf, size_t size)
{
	char num[32];

	buf[0] = '\0';
	if (f->has_n && !f->withheld)
		text_format(buf, size, "n=%s", numfmt_unit(num, sizeof num, f->n, 0, UNIT_AANTAL, 0));
	return buf;
}

char *figure_value_fit(const struct figure *f, char *buf, size_t size, int width)
{
	struct disclosed c = disclosed_of(f);

	return disclosed_value_text(f->ind, &c, buf, size, width);
}

char *difference_fit(const struct indicator *ind, double diff, char *buf, size_t size,
		     int width)
{
	if (ind->unit == UNIT_PROCENT)
		return points(buf, size, diff, ind->decimals);
	return numfmt_unit_fit(buf, size, diff, ind->decimals, ind->unit, NUMFMT_SIGN, width);
}

char *figure_change_fit(const struct figure *f, char *buf, size_t size, int width)
{
	buf[0] = '\0';
	if (f->has_change)
		difference_fit(f->ind, f->change, buf, size, width);
	return buf;
}

char *figure_basis_text(const struct figure *f, char *buf, size_t size)
{
	buf[0] = '\0';
	if (f->basis != FIGURE_OWN)
		snprintf(buf, size, "%s", f->value_label);
	return buf;
}

char *figure_basis_short(const struct figure *f, char *buf, size_t size)
{
	buf[0] = '\0';
	if (f->basis != FIGURE_OWN)
		snprintf(buf, size, "%s", f->basis_short);
	return buf;
}

char *figure_norm_text(const struct indicator *ind, bool with_label, char *buf, size_t size)
{
	char num[NUMFMT_MAX];

	buf[0] = '\0';
	if (!ind->norm.present)
		return buf;
	numfmt_unit(num, sizeof num, ind->norm.value, -1, ind->unit, 0);
	if (with_label && ind->norm.label)
		text_format(buf, size, "%s %s", ind->norm.label, num);
	else
		text_format(buf, size, "%s", num);
	return buf;
}
