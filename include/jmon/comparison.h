/* SPDX-License-Identifier: EUPL-1.2 */
/* One figure beside its peers: the region's value, every region of its
 * peer group(s) and the group's mean, the Netherlands, and the difference
 * of the region against each of them.
 *
 * The mean is of the regions whose value is shown, the region itself left
 * out; the compare view and peer_pct's reason use this one mean, so a
 * withheld peer is in neither, and the mean always says how many it is of
 * ("2 van 3").  Every value passes the gate (include/jmon/disclosure.h). */
#ifndef JMON_COMPARISON_H
#define JMON_COMPARISON_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/config.h"
#include "jmon/disclosure.h"

struct peer_mean {
	double value;
	size_t n;		/* the regions it is the mean of; 0: none */
	size_t of;		/* the regions of the group but the region itself */
};

/* The mean of group g for the cell (ind, category) in period, region left
 * out. */
enum jmon_status comparison_mean(struct disclosure *d, const struct indicator *ind,
				 const struct peer_group *g, const char *region,
				 const char *period, const char *category,
				 struct peer_mean *out, struct jmon_error *err);

enum comparison_kind { COMPARISON_HEADING, COMPARISON_REGION, COMPARISON_MEAN };

struct comparison_row {
	enum comparison_kind kind;
	char *name;		/* "Vergelijkbare gemeenten", "  Heiloo (GM0399)" */
	bool is_self;
	struct disclosed cell;	/* a region's value */
	struct peer_mean mean;	/* a mean's value */
	bool has_value;		/* a shown value: the region's, or the mean */
	double value;
	char code[32];		/* a region's code */
	bool has_diff;		/* the region against this row */
	double diff;		/* in % of this row, or in percentage points
				 * for a percentage (points true) */
	bool points;
};

struct comparison {
	struct comparison_row *rows;
	size_t n, cap;
};

/* The rows for ind (and category, NULL: the total) in region and period,
 * for the peer groups of cfg (only ind's own when it names one). */
enum jmon_status comparison_load(struct db *db, const struct config *cfg,
				 struct disclosure *dc, const struct indicator *ind, const char *category,
				 const char *region, const char *period, struct comparison *out,
				 struct jmon_error *err);
void comparison_free(struct comparison *c);

#endif
