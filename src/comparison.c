/* SPDX-License-Identifier: EUPL-1.2 */
/* A figure beside its peers; see include/jmon/comparison.h. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/comparison.h"
#include "jmon/numfmt.h"
#include "jmon/xmalloc.h"

#define NL_CODE "NL01"

enum jmon_status comparison_mean(struct disclosure *d, const struct indicator *ind,
				 const struct peer_group *g, const char *region,
				 const char *period, const char *category,
				 struct peer_mean *out, struct jmon_error *err)
{
	double sum = 0;
	enum jmon_status st;

	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < g->nregions; i++) {
		struct disclosed c;

		if (region && !strcmp(g->regions[i], region))
			continue;
		out->of++;
		if ((st = disclosure_cell(d, ind, g->regions[i], period, category, 0, &c, err)))
			return st;
		if (!disclosed_usable(&c))
			continue;
		sum += c.v.value;
		out->n++;
	}
	if (out->n)
		out->value = sum / (double)out->n;
	return JMON_OK;
}

enum jmon_status comparison_mean_change(struct disclosure *d, const struct indicator *ind,
					const struct peer_group *g, const char *region,
					const char *period, const struct peer_mean *now,
					const char *base_period, const char *category, bool *has,
					double *change, struct jmon_error *err)
{
	struct peer_mean base;
	enum jmon_status st;

	*has = false;
	*change = 0;
	/* a member withheld in one period and not in the other would make
	 * the change one of different regions */
	if (!base_period || !base_period[0] || !strcmp(period, base_period) || !now->n ||
	    now->n != now->of)
		return JMON_OK;
	if ((st = comparison_mean(d, ind, g, region, base_period, category, &base, err)))
		return st;
	*has = base.n == base.of && base.n == now->n;
	if (*has)
		*change = numfmt_difference(now->value, base.value);
	return JMON_OK;
}

static struct comparison_row *add(struct comparison *c, enum comparison_kind kind,
				  const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static struct comparison_row *add(struct comparison *c, enum comparison_kind kind,
				  const char *fmt, ...)
{
	struct comparison_row *r;
	va_list ap;

	ARRAY_GROW(c->rows, c->n, c->cap);
	r = &c->rows[c->n++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	va_start(ap, fmt);
	r->name = xvasprintf(fmt, ap);
	va_end(ap);
	return r;
}

struct loader {
	struct db *db;
	struct disclosure *d;
	const struct indicator *ind;
	const char *category, *region, *period;
	struct comparison *out;
	struct jmon_error *err;
};

/* A region's value against its value in the baseline period, both
 * shown, as the chapter view's column Δ nulm. says it. */
static enum jmon_status base_change(struct loader *l, const char *code, struct comparison_row *r)
{
	struct disclosed base;
	enum jmon_status st;

	if (!r->has_value || !l->out->base_period[0] || !strcmp(l->period, l->out->base_period))
		return JMON_OK;
	if ((st = disclosure_cell(l->d, l->ind, code, l->out->base_period, l->category, 0, &base,
				  l->err)))
		return st;
	r->has_base_change = disclosed_usable(&base);
	if (r->has_base_change)
		r->base_change = numfmt_difference(r->value, base.v.value);
	return JMON_OK;
}

static enum jmon_status add_region(struct loader *l, const char *code, bool self)
{
	char name[128];
	struct comparison_row *r;
	enum jmon_status st;

	query_region_name(l->db, code, name, sizeof name);
	r = strcmp(name, code) ? add(l->out, COMPARISON_REGION, "  %s (%s)", name, code)
			       : add(l->out, COMPARISON_REGION, "  %s", code);
	r->is_self = self;
	snprintf(r->code, sizeof r->code, "%s", code);
	if ((st = disclosure_cell(l->d, l->ind, code, l->period, l->category, 0, &r->cell, l->err)))
		return st;
	r->has_value = disclosed_usable(&r->cell);
	r->value = r->cell.v.value;
	return base_change(l, code, r);
}

static enum jmon_status add_group(struct loader *l, const struct peer_group *g)
{
	struct comparison_row *m;
	enum jmon_status st;

	add(l->out, COMPARISON_HEADING, "%s", g->label ? g->label : g->id);
	for (size_t i = 0; i < g->nregions; i++)
		if (strcmp(g->regions[i], l->region) &&	/* the mean is of the others */
		    (st = add_region(l, g->regions[i], false)))
			return st;
	m = add(l->out, COMPARISON_MEAN, "%s", "");
	if ((st = comparison_mean(l->d, l->ind, g, l->region, l->period, l->category, &m->mean,
				  l->err)))
		return st;
	free(m->name);
	m->name = xasprintf("  gemiddelde (%zu van %zu)", m->mean.n, m->mean.of);
	m->has_value = m->mean.n > 0;
	m->value = m->mean.value;
	return comparison_mean_change(l->d, l->ind, g, l->region, l->period, &m->mean,
				      l->out->base_period, l->category, &m->has_base_change,
				      &m->base_change, l->err);
}

/* The region against each row, as the benchmark says it
 * (comparison_unit_of): +12 % means the region is 12 % higher; a
 * percentage against another in percentage points (10,8 % against 9,7 %
 * is +1,1 pp, not +11,3 %); weeks in weeks. */
static void differences(struct comparison *c, const struct indicator *ind)
{
	const struct comparison_row *self = NULL;

	for (size_t i = 0; i < c->n; i++)
		if (c->rows[i].is_self && c->rows[i].has_value)
			self = &c->rows[i];
	for (size_t i = 0; self && i < c->n; i++) {
		struct comparison_row *r = &c->rows[i];

		if (!r->is_self && r->has_value)
			r->has_diff = comparison_difference(ind, self->value, r->value, &r->diff);
	}
}

enum jmon_status comparison_load(struct db *db, const struct config *cfg,
				 struct disclosure *dc, const struct indicator *ind,
				 const char *category, const char *region, const char *period,
				 struct comparison *out, struct jmon_error *err)
{
	struct loader l = { db, NULL, ind, category, region, period, out, err };
	struct region_row nl;
	bool has_nl = false;
	enum jmon_status st;

	memset(out, 0, sizeof *out);
	struct period base;

	period_parse_named(ind->baseline, &base, out->base_period, out->base_label);
	if ((st = disclosure_begin(dc, db, cfg, &l.d, err)))
		return st;
	add(out, COMPARISON_HEADING, "Deze regio");
	st = add_region(&l, region, true);
	for (size_t i = 0; st == JMON_OK && i < cfg->npeers; i++)
		if (!ind->peers || !strcmp(ind->peers, cfg->peers[i].id))
			st = add_group(&l, &cfg->peers[i]);
	/* the Netherlands once: not again when a peer group holds it */
	for (size_t i = 0; i < out->n; i++)
		if (out->rows[i].kind == COMPARISON_REGION && !strcmp(out->rows[i].code, NL_CODE))
			has_nl = true;
	if (st == JMON_OK && !has_nl && strcmp(region, NL_CODE) &&
	    (st = query_region(db, NL_CODE, &nl, &has_nl, err)) == JMON_OK && has_nl) {
		add(out, COMPARISON_HEADING, "Nederland");
		st = add_region(&l, NL_CODE, false);
	}
	disclosure_done(dc, l.d);
	if (st != JMON_OK) {
		comparison_free(out);
		return st;
	}
	differences(out, ind);
	return JMON_OK;
}

void comparison_free(struct comparison *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->rows[i].name);
	free(c->rows);
	memset(c, 0, sizeof *c);
}

enum comparison_unit comparison_unit_of(const struct indicator *ind)
{
	if (ind->unit == UNIT_PROCENT)
		return COMPARISON_POINTS;
	/* 120 children against 100 is +20 %; 0,5 weeks more is said as such */
	if (ind->unit == UNIT_AANTAL || ind->unit == UNIT_EURO)
		return COMPARISON_PERCENT;
	return COMPARISON_UNIT;
}

bool comparison_difference(const struct indicator *ind, double value, double base,
			   double *diff)
{
	if (comparison_unit_of(ind) != COMPARISON_PERCENT) {
		*diff = value - base;
		return true;
	}
	if (base == 0)
		return false;
	*diff = (value - base) / fabs(base) * 100;
	return true;
}

char *comparison_difference_text(const struct indicator *ind, double diff, char *buf,
				 size_t size, int width)
{
	char num[NUMFMT_MAX];

	/* as figures.c writes a change (difference_fit), which calls into
	 * this module for its means: not the other way round */
	switch (comparison_unit_of(ind)) {
	case COMPARISON_POINTS:
		snprintf(buf, size, "%s pp",
			 numfmt_nl(num, sizeof num, diff, ind->decimals, NUMFMT_SIGN));
		return buf;
	case COMPARISON_PERCENT:
		snprintf(buf, size, "%s %%", numfmt_nl(num, sizeof num, diff, 1, NUMFMT_SIGN));
		return buf;
	default:
		return numfmt_unit_fit(buf, size, diff, ind->decimals, ind->unit, NUMFMT_SIGN,
				       width);
	}
}

const char *comparison_unit_name(const struct indicator *ind)
{
	switch (comparison_unit_of(ind)) {
	case COMPARISON_POINTS:  return "pp";
	case COMPARISON_PERCENT: return "%";
	default:                 return unit_name(ind->unit);
	}
}
