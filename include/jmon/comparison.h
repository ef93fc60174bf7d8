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
#include "jmon/period.h"

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

/* The change of group g's mean now (comparison_mean of period) since
 * base_period: only when both are the mean of every member but region
 * (n == of), so that they are means of the same regions and the change
 * follows from two shown means; *has false otherwise. */
enum jmon_status comparison_mean_change(struct disclosure *d, const struct indicator *ind,
					const struct peer_group *g, const char *region,
					const char *period, const struct peer_mean *now,
					const char *base_period, const char *category, bool *has,
					double *change, struct jmon_error *err);

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
	double diff;		/* as comparison_unit_of says: pp, % or the unit */
	/* this row against its own nulmeting (the indicator's baseline):
	 * between two shown values (a mean: of every member both times), in
	 * the unit of a change, pp for a percentage; none in the baseline
	 * period itself */
	bool has_base_change;
	double base_change;
};

struct comparison {
	struct comparison_row *rows;
	size_t n, cap;
	/* the indicator's baseline: "" when it has none */
	char base_period[PERIOD_CODE_MAX];
	char base_label[PERIOD_LABEL_MAX];	/* "2015" */
};

/* The rows for ind (and category, NULL: the total) in region and period,
 * for the peer groups of cfg (only ind's own when it names one). */
enum jmon_status comparison_load(struct db *db, const struct config *cfg,
				 struct disclosure *dc, const struct indicator *ind, const char *category,
				 const char *region, const char *period, struct comparison *out,
				 struct jmon_error *err);
void comparison_free(struct comparison *c);

/* How a difference between two regions is said (the benchmark view and
 * `jmon report --regions`): a percentage against a percentage in
 * percentage points, a count or an amount in % of the other, any other
 * unit (weeks, days, a score) in the unit itself. */
enum comparison_unit { COMPARISON_POINTS, COMPARISON_PERCENT, COMPARISON_UNIT };

enum comparison_unit comparison_unit_of(const struct indicator *ind);
/* value against base, both shown values, in the unit of the indicator's
 * kind; false when there is none (a percentage of a base of 0). */
bool comparison_difference(const struct indicator *ind, double value, double base,
			   double *diff);
/* The difference as the screen writes it: "+2,6 pp", "-12,5 %", "+0,5 wk";
 * width > 0: for a column that narrow (large amounts in "mln"). */
char *comparison_difference_text(const struct indicator *ind, double diff, char *buf,
				 size_t size, int width);
/* The machine name of the unit of a difference: "pp", "%", or the unit's
 * own name ("weken"). */
const char *comparison_unit_name(const struct indicator *ind);

#endif
