/* SPDX-License-Identifier: EUPL-1.2 */
/* Deliveries' differences through the gate; see include/jmon/revision.h. */
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
	for (size_t i = 0; st == JMON_OK && i < found; i++) {
		const struct cell_change *c = &changes[i];
		const struct indicator *ind = config_indicator(cfg, c->indicator);
		struct revision_change *r = &out[*n];

		if (!ind)
			continue;
		memset(r, 0, sizeof *r);
		r->ind = ind;
		r->cat = c->category[0] ? indicator_category(ind, c->category) : NULL;
		/* before: the state just before the delivery, as readers saw it */
		if ((st = disclosure_cell(d, ind, c->region, period, c->category, *delivery - 1,
					  &r->old, err)) ||
		    (st = disclosure_cell(d, ind, c->region, period, c->category, *delivery,
					  &r->now, err)))
			break;
		difference(&r->now, &r->old, &r->has_diff, &r->diff);
		r->flag_only = c->has_diff && c->diff == 0 && strcmp(c->old.flag, c->now.flag);
		(*n)++;
	}
	if (st != JMON_OK)
		*n = 0;
	disclosure_done(dc, d);
	free(changes);
	return st;
}
