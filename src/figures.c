/* SPDX-License-Identifier: EUPL-1.2 */
/* Evaluating the figures of a period; see include/jmon/figures.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/comparison.h"
#include "jmon/disclosure.h"
#include "jmon/figures.h"
#include "jmon/numfmt.h"
#include "jmon/privacy.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

/* A period's revisions: the cells the newest delivery changed.  More than
 * this many in one region and period is not a monitor any more. */
#define MAX_CHANGES 4096

struct context {
	struct db *db;
	struct disclosure *dc;	/* the gate every cell passes */
	const struct config *cfg;
	struct figure_set *fs;
	char prev_code[PERIOD_CODE_MAX], year_code[PERIOD_CODE_MAX];
	struct cell_change *changes;
	size_t nchanges;
	struct jmon_error *err;
};

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
	if ((st = comparison_mean(cx->dc, ind, g, cx->fs->region, cx->fs->period, category,
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
 * cases behind it, from the indicator its stoplight.count_from names, in
 * the same region, period and category.  Unknown: min_n does not apply. */
static enum jmon_status count_of(struct context *cx, const struct indicator *ind,
				 const char *category, struct stoplight_input *in)
{
	const struct indicator *from;
	struct disclosed n;
	enum jmon_status st;

	if (!ind->rule.count_from || !(from = config_indicator(cx->cfg, ind->rule.count_from)))
		return JMON_OK;
	if ((st = cell(cx, from, cx->fs->region, cx->fs->period, category, &n)))
		return st;
	/* a withheld n is never printed, not even as "too small" */
	in->count_withheld = n.withheld;
	in->has_count = disclosed_usable(&n);
	in->count = n.v.value;
	return JMON_OK;
}

/* A row's own cell, as the gate gave it. */
static struct disclosed disclosed_of(const struct figure *f)
{
	struct disclosed c = { f->now, f->derived, f->withheld };

	return c;
}

/* Fill one row: values, change, stoplight.  f->now and f->withheld come
 * from the gate already. */
static enum jmon_status evaluate(struct context *cx, struct figure *f,
				 const struct stoplight_override *override)
{
	const struct indicator *ind = f->ind;
	const char *cat = f->cat ? f->cat->id : NULL;
	struct figure_set *fs = cx->fs;
	struct disclosed now = disclosed_of(f), prev, last_year;
	struct stoplight_input in = { 0 };
	enum jmon_status st;

	if ((st = cell(cx, ind, fs->region, cx->prev_code, cat, &prev)) ||
	    (st = cell(cx, ind, fs->region, cx->year_code, cat, &last_year)))
		return st;
	f->prev = prev.v;
	/* a change is shown only between two figures that are both shown */
	f->has_change = disclosed_usable(&now) && disclosed_usable(&prev);
	f->change = f->has_change ? numfmt_difference(f->now.value, f->prev.value) : 0;
	f->colored = stoplight_applies(ind, cat);
	if (!f->colored) {
		/* unit none: nothing is computed, so only a status set by hand */
		bool by_hand = ind->unit == UNIT_NONE;
		f->light.status = f->light.computed = STOPLIGHT_GREY;
		snprintf(f->light.reason, sizeof f->light.reason, "%s",
			 by_hand ? "zonder cijfer: de status zet een analist"
			 : ind->rule.present ? "geen regel voor deze categorie" : "geen regel");
		if (override) {
			f->light.status = override->status;
			f->light.overridden = true;
			snprintf(f->light.reason, sizeof f->light.reason, "handmatig: %s%s",
				 override->reason, by_hand ? "" : " (berekend: grijs)");
		}
		return JMON_OK;
	}
	if ((st = peers_of(cx, ind, cat, &in)) || (st = count_of(cx, ind, cat, &in)))
		return st;
	in.region = fs->region;
	in.category = cat;
	in.current = as_stoplight(ind, &now);
	in.previous = as_stoplight(ind, &prev);
	in.previous_label = fs->prev_label;
	in.last_year = as_stoplight(ind, &last_year);
	in.last_year_label = fs->year_label;
	in.override = override;
	stoplight_eval(ind, &in, &f->light);
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
	snprintf(total->light.reason, sizeof total->light.reason, "slechtste categorie, %.100s: %.380s",
		 worst->cat->label, worst->light.reason);
	snprintf(total->light.computed_reason, sizeof total->light.computed_reason, "%s",
		 total->light.reason);
}

static struct figure *add_row(struct figure_set *fs, const struct indicator *ind,
			      const struct category *cat)
{
	ARRAY_GROW(fs->rows, fs->n, fs->cap);
	struct figure *f = &fs->rows[fs->n++];
	memset(f, 0, sizeof *f);
	f->ind = ind;
	f->cat = cat;
	return f;
}

static enum jmon_status load_indicator(struct context *cx, const struct indicator *ind,
				       enum figures_scope scope)
{
	struct figure_set *fs = cx->fs;
	struct cell_key key = { ind->id, fs->region, fs->period, "" };
	struct figure total = { .ind = ind };
	struct figure *parts = xcalloc(ind->ncategories ? ind->ncategories : 1, sizeof *parts);
	struct disclosed d;
	struct review review = { 0 };
	struct annotation note = { 0 };
	struct stoplight_override override;
	bool has_review, has_note;
	enum jmon_status st;

	for (size_t i = 0; i < ind->ncategories; i++) {
		parts[i].ind = ind;
		parts[i].cat = &ind->categories[i];
		if ((st = cell(cx, ind, fs->region, fs->period, parts[i].cat->id, &d)))
			goto out;
		parts[i].now = d.v;
		parts[i].withheld = d.withheld;
	}
	if ((st = cell(cx, ind, fs->region, fs->period, NULL, &d)))
		goto out;
	total.now = d.v;
	total.derived = d.derived;
	total.withheld = d.withheld;

	if ((st = query_review(cx->db, &key, &review, &has_review, cx->err)))
		goto out;
	override.status = STOPLIGHT_GREY;
	override.reason = review.reason ? review.reason : "";
	bool overridden = has_review && review.status_override[0] &&
			  stoplight_status_parse(review.status_override, &override.status);

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
	total.revised = was_revised(cx, ind, NULL);
	if ((st = query_annotation(cx->db, &key, &note, &has_note, cx->err)))
		goto out;
	total.annotated = has_note;
	total.note_change = has_note ? note.change : 0;
	annotation_free(&note);
	*add_row(fs, ind, NULL) = total;
	fs->indicators++;
	fs->reviewed += total.reviewed;
	fs->status_count[total.light.status]++;
	if (total.now.present && !strcmp(total.now.flag, "provisional"))
		fs->provisional = true;

	for (size_t i = 0; scope == FIGURES_BREAKDOWN && i < ind->ncategories; i++) {
		struct figure *f = &parts[i];

		key.category = f->cat->id;
		if ((st = query_annotation(cx->db, &key, &note, &has_note, cx->err)))
			goto out;
		f->annotated = has_note;
		f->note_change = has_note ? note.change : 0;
		annotation_free(&note);
		f->reviewed = total.reviewed;
		f->review_change = total.review_change;
		memcpy(f->review_by, total.review_by, sizeof f->review_by);
		memcpy(f->review_at, total.review_at, sizeof f->review_at);
		f->revised = was_revised(cx, ind, f->cat->id);
		*add_row(fs, ind, f->cat) = *f;
	}
out:
	review_free(&review);
	free(parts);
	return st;
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
	period_format(&prev, cx.prev_code);
	period_format(&year, cx.year_code);

	if ((st = disclosure_begin(shared, db, cfg, &cx.dc, err)))
		return st;
	cx.changes = xcalloc(MAX_CHANGES, sizeof *cx.changes);
	if ((st = query_changes(db, region, fs->period, cx.changes, MAX_CHANGES, &nchanges,
				&fs->delivery, err)))
		goto out;
	cx.nchanges = nchanges;
	for (size_t c = 0; c < cfg->nchapters; c++) {
		const struct chapter *ch = &cfg->chapters[c];

		if (chapter && ch != chapter)
			continue;
		for (size_t i = 0; i < ch->nindicators && st == JMON_OK; i++)
			if (!only || only == &ch->indicators[i])
				st = load_indicator(&cx, &ch->indicators[i], scope);
	}
out:
	free(cx.changes);
	disclosure_done(shared, cx.dc);
	if (st != JMON_OK)
		figures_free(fs);
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

char *figure_value_fit(const struct figure *f, char *buf, size_t size, int width)
{
	struct disclosed c = disclosed_of(f);

	return disclosed_value_text(f->ind, &c, buf, size, width);
}

char *figure_change_fit(const struct figure *f, char *buf, size_t size, int width)
{
	buf[0] = '\0';
	if (f->has_change && f->ind->unit == UNIT_PROCENT) {
		points(buf, size, f->change, f->ind->decimals);
	} else if (f->has_change) {
		numfmt_unit_fit(buf, size, f->change, f->ind->decimals, f->ind->unit, NUMFMT_SIGN,
				width);
	}
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
