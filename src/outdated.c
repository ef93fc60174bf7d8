/* SPDX-License-Identifier: EUPL-1.2 */
/* Outdated reviews and explanations; see include/jmon/outdated.h. */
#include <math.h>
#include <string.h>

#include "jmon/outdated.h"
#include "jmon/query.h"

bool disclosed_same(const struct disclosed *a, const struct disclosed *b)
{
	if (a->v.present != b->v.present)
		return false;
	if (!a->v.present)
		return true;
	if (a->withheld || b->withheld)
		return a->withheld == b->withheld;
	if (a->v.has_value != b->v.has_value)
		return false;
	if (!a->v.has_value)
		return !strcmp(a->v.flag, b->v.flag);
	/* a total summed again may differ in the last bit */
	return fabs(a->v.value - b->v.value) <= 1e-9 * fmax(1.0, fabs(a->v.value));
}

enum jmon_status judged_check(struct db *db, struct disclosure *dc, const struct indicator *ind,
			      const char *region, const char *period, const char *category,
			      long change, const struct disclosed *now,
			      const enum stoplight_status *now_status, struct judged *out,
			      struct jmon_error *err)
{
	struct history_basis h;
	bool found;
	enum jmon_status st;

	memset(out, 0, sizeof *out);
	if (change <= 0)
		return JMON_OK;
	if ((st = query_history_basis(db, change, &h, &found, err)))
		return st;
	if (!found || h.delivery <= 0)
		return JMON_OK;
	if ((st = disclosure_cell(dc, ind, region, period, category, h.delivery, &out->then, err)))
		return st;
	out->has_status = h.status[0] && stoplight_status_parse(h.status, &out->status);
	out->outdated = !disclosed_same(&out->then, now) ||
			(now_status && out->has_status && out->status != *now_status);
	return JMON_OK;
}
