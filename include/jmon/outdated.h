/* SPDX-License-Identifier: EUPL-1.2 */
/* Whether a judgement still belongs to its figure.  A review or an
 * explanation is about a value: the history keeps the delivery and the
 * status the analyst saw when they wrote it (include/jmon/judgement.h).
 * When a later delivery changed the figure as a reader sees it, or its
 * status is another now, the judgement is outdated: the review counts as
 * not done, and the explanation is shown as written for the old value.
 *
 * The figure is compared as the gate shows it (include/jmon/disclosure.h),
 * then and now, so an outdated mark never tells that a withheld count
 * changed: two withheld cells are the same to a reader. */
#ifndef JMON_OUTDATED_H
#define JMON_OUTDATED_H

#include <stdbool.h>

#include "jmon/disclosure.h"
#include "jmon/stoplight.h"

struct judged {
	bool outdated;
	struct disclosed then;		/* the figure as the writer saw it */
	bool has_status;
	enum stoplight_status status;	/* the status they saw */
};

/* The judgement written by history entry change (0: none) about the cell
 * (category NULL: the total) that reads now as *now with status now_status
 * (NULL: a status does not matter, as for an explanation).  A write whose
 * entry names no delivery (an import's) is never outdated: there is
 * nothing to compare with. */
enum jmon_status judged_check(struct db *db, struct disclosure *dc, const struct indicator *ind,
			      const char *region, const char *period, const char *category,
			      long change, const struct disclosed *now,
			      const enum stoplight_status *now_status, struct judged *out,
			      struct jmon_error *err);

/* Whether two cells read the same to a reader. */
bool disclosed_same(const struct disclosed *a, const struct disclosed *b);

#endif
