/* SPDX-License-Identifier: EUPL-1.2 */
/* Deliveries' differences through the gate; see include/jmon/revision.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/revision.h"
#include "jmon/xmalloc.h"

static void difference(const struct disclosed *now, const struct disclosed *old, bool *has,
		       double *diff)
{
	*has = disclosed_usable(now) && disclosed_usable(old);
	*diff = *has ? numfmt_difference(now->v.value, old->v.value) : 0;
}

enum jmon_status revision_history(struct db *db, const struct config *cfg,
				  struct disclosure *dc, const struct indicator *ind,
				  const char *region, const char *period, const char *category,
				  struct revision_entry *out, size_t max, size_t *n,
				  struct jmon_error *err)
{
	struct cell_key key = { ind->id, region, period, category ? category : "" };
	struct cell_value *stored;
	struct disclosure *d;
	enum jmon_status st;

	*n = 0;
	if ((st = disclosure_begin(dc, db, cfg, &d, err)))
		return st;
	stored = xcalloc(max ? max : 1, sizeof *stored);
	st = query_cell_history(db, &key, stored, max, n, err);
	for (size_t i = 0; st == JMON_OK && i < *n; i++) {
		out[i].delivery = stored[i].delivery;
		st = disclosure_cell(d, ind, region, period, category, stored[i].delivery,
				     &out[i].cell, err);
	}
	for (size_t i = 0; st == JMON_OK && i < *n; i++) {
		out[i].has_diff = false;
		out[i].diff = 0;
		if (i + 1 < *n)
			difference(&out[i].cell, &out[i + 1].cell, &out[i].has_diff, &out[i].diff);
	}
	if (st != JMON_OK)
		*n = 0;
	disclosure_done(dc, d);
	free(stored);
	return st;
}

/* Each of found changes of delivery, through the gate before and after
 * it, into out (indicators cfg does not know are left out). */
static enum jmon_status judge_changes(struct disclosure *d, const struct config *cfg,
				      const struct cell_change *changes, size_t found,
				      long delivery, struct revision_change *out, size_t *n,
				      struct jmon_error *err)
{
	enum jmon_status st = JMON_OK;

	for (size_t i = 0; st == JMON_OK && i < found; i++) {
		const struct cell_change *c = &changes[i];
		const struct indicator *ind = config_indicator(cfg, c->indicator);
		struct revision_change *r = &out[*n];

		if (!ind)
			continue;
		memset(r, 0, sizeof *r);
		r->ind = ind;
		r->cat = c->category[0] ? indicator_category(ind, c->category) : NULL;
		snprintf(r->period, sizeof r->period, "%s", c->period);
		/* before: the state just before the delivery, as readers saw it */
		if ((st = disclosure_cell(d, ind, c->region, c->period, c->category, delivery - 1,
					  &r->old, err)) ||
		    (st = disclosure_cell(d, ind, c->region, c->period, c->category, delivery,
					  &r->now, err)))
			break;
		difference(&r->now, &r->old, &r->has_diff, &r->diff);
		r->flag_only = c->has_diff && c->diff == 0 && strcmp(c->old.flag, c->now.flag);
		(*n)++;
	}
	if (st != JMON_OK)
		*n = 0;
	return st;
}

/* Configuration order: chapter, indicator, category, then newest period
 * first; what a reader looks for is where the chapter view has it. */
static size_t position(const struct config *cfg, const struct revision_change *r)
{
	size_t at = 0;

	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++, at++)
			if (&cfg->chapters[c].indicators[i] == r->ind)
				return at * 1024 + (r->cat ? (size_t)(r->cat - r->ind->categories) + 1 : 0);
	return SIZE_MAX;
}

static int by_configuration(const void *pa, const void *pb)
{
	const struct revision_change *a = pa, *b = pb;
	size_t x = a->order, y = b->order;
	struct period p, q;

	if (x != y)
		return x < y ? -1 : 1;
	if (period_parse_str(a->period, &p) && period_parse_str(b->period, &q))
		return period_cmp(&q, &p);
	return strcmp(b->period, a->period);
}

enum jmon_status revision_changes(struct db *db, const struct config *cfg,
				  struct disclosure *dc, const char *region,
				  const char *period, struct revision_change *out, size_t max,
				  size_t *n, long *delivery, struct jmon_error *err)
{
	struct cell_change *changes;
	struct disclosure *d;
	size_t found = 0;
	enum jmon_status st;

	*n = 0;
	*delivery = 0;
	if ((st = disclosure_begin(dc, db, cfg, &d, err)))
		return st;
	changes = xcalloc(max ? max : 1, sizeof *changes);
	st = query_changes(db, region, period, changes, max, &found, delivery, err);
	if (st == JMON_OK)
		st = judge_changes(d, cfg, changes, found, *delivery, out, n, err);
	disclosure_done(dc, d);
	free(changes);
	if (st == JMON_OK && !period && *n > 1) {
		for (size_t i = 0; i < *n; i++)
			out[i].order = position(cfg, &out[i]);
		qsort(out, *n, sizeof *out, by_configuration);
	}
	return st;
}
