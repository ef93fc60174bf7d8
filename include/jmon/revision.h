/* SPDX-License-Identifier: EUPL-1.2 */
/* What the deliveries changed, as a reader may see it: one cell's value in
 * each delivery, and the cells of a region and period that the newest
 * delivery changed, old and new, with their differences.
 *
 * Each value passes the gate in the state of its own delivery (a cell hidden
 * then stays hidden in the history, even when a later delivery made it
 * large enough to show), and a difference is shown only between two shown
 * values: new minus the difference must never give an old hidden count. */
#ifndef JMON_REVISION_H
#define JMON_REVISION_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/config.h"
#include "jmon/disclosure.h"

struct revision_entry {
	long delivery;
	struct disclosed cell;		/* as of that delivery */
	bool has_diff;			/* against the entry after it (older) */
	double diff;
};

/* The cell (category NULL: the total) in each delivery that stored it,
 * newest first, at most max. */
enum jmon_status revision_history(struct db *db, const struct config *cfg,
				  struct disclosure *dc, const struct indicator *ind,
				  const char *region, const char *period, const char *category,
				  struct revision_entry *out, size_t max, size_t *n,
				  struct jmon_error *err);

struct revision_change {
	const struct indicator *ind;
	const struct category *cat;	/* NULL: the total */
	char period[PERIOD_CODE_MAX];
	struct disclosed old, now;
	bool has_diff;
	double diff;
	bool flag_only;			/* same value, another flag ("definitief") */
	size_t order;			/* its place in the configuration */
};

/* The cells of region the newest delivery holding data for it changed: in
 * period (of indicators in cfg), or with period NULL in any period, in
 * configuration order (chapter, indicator, category, newest period first);
 * at most max; *delivery is that delivery (0: none). */
enum jmon_status revision_changes(struct db *db, const struct config *cfg,
				  struct disclosure *dc, const char *region,
				  const char *period, struct revision_change *out, size_t max,
				  size_t *n, long *delivery, struct jmon_error *err);

#endif
