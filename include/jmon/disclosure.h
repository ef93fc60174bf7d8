/* SPDX-License-Identifier: EUPL-1.2 */
/* The gate between stored cells and what a reader sees: the value of a
 * cell with the full privacy rule applied, in the state of any delivery.
 *
 * A cell is withheld when it is withheld itself (privacy.h: suppressed by
 * the source, or a count below the minimum), or when the arithmetic of a
 * group it belongs to would give a withheld member away:
 *   - a total and its categories, for `total: sum`;
 *   - a gemeente and its wijken, a wijk and its buurten, for a count with
 *     `total: sum`: the parts add up when every one of them is delivered.
 * Withholding one more member of a group (privacy_complement) can make
 * another group give something away, so the rule runs over the whole
 * family of the cell (the gemeente, its wijken and buurten, every category)
 * until nothing changes.  The result does not depend on which cell of the
 * family was asked for first, so every screen and report agrees.
 *
 * A computed figure (compute:) is made here from its inputs, each
 * through the gate, and withheld when any input is.
 *
 * Everything that shows a number — the figures, the trend, the peers and
 * their mean, the deliveries' differences — reads cells through here. */
#ifndef JMON_DISCLOSURE_H
#define JMON_DISCLOSURE_H

#include <stdbool.h>

#include "jmon/config.h"
#include "jmon/db.h"
#include "jmon/error.h"
#include "jmon/query.h"

/* A cell as a reader may see it. */
struct disclosed {
	struct cell_value v;	/* as stored, or the sum of the parts */
	bool derived;		/* none stored: a total summed from its parts,
				 * or a computed figure (compute:) */
	bool withheld;		/* never shown: "<10" or "geheim" */
};

/* The families evaluated so far: the next figure of the same gemeente and
 * period costs a lookup.  A browser keeps one for the session. */
struct disclosure;

struct disclosure *disclosure_new(struct db *db);
void disclosure_free(struct disclosure *d);

/* How a family's cells are read: as the configuration suggests (see
 * whole_regions in src/disclosure.c), or one way always.  The verdicts are
 * the same either way (tests/unit/test_disclosure.c compares them). */
enum disclosure_reading {
	DISCLOSURE_READ_AUTO,
	DISCLOSURE_READ_WHOLE,		/* every region's cells of a period at once */
	DISCLOSURE_READ_BY_INDICATOR,	/* an indicator's cells of the family */
};
void disclosure_set_reading(struct disclosure *d, enum disclosure_reading how);

/* Before a load: drop what was evaluated when a delivery arrived since (or
 * the configuration is another), so nothing shown is older than the data. */
enum jmon_status disclosure_refresh(struct disclosure *d, const struct config *cfg,
				    struct jmon_error *err);

/* For one load: *out is shared (refreshed only if it never was: its owner
 * refreshes it when the data may have changed), or, with shared NULL, a
 * new one that disclosure_done frees. */
enum jmon_status disclosure_begin(struct disclosure *shared, struct db *db,
				  const struct config *cfg, struct disclosure **out,
				  struct jmon_error *err);
void disclosure_done(struct disclosure *shared, struct disclosure *d);

/* The cell (category NULL or "": the total) as of delivery asof (0: the
 * current state: the newest delivery holding each cell).  Only indicators
 * of the configuration given to disclosure_refresh. */
enum jmon_status disclosure_cell(struct disclosure *d, const struct indicator *ind,
				 const char *region, const char *period, const char *category,
				 long asof, struct disclosed *out, struct jmon_error *err);
/* Whether region holds a cell of ind in period as of asof: its total or
 * one of its configured categories, stored (withheld or not).  Only the
 * region's own cells are read, not its family's: whether a figure exists
 * does not depend on the rule (a total derived from its parts needs them
 * all, so a part answers first).  Not for computed indicators. */
enum jmon_status disclosure_present(struct disclosure *d, const struct indicator *ind,
				    const char *region, const char *period, long asof,
				    bool *any, struct jmon_error *err);

/* The floor belongs to the data: raise every indicator's privacy minimum
 * in cfg to the highest its deliveries were imported under (and make it a
 * count, so the minimum applies).  A configuration may raise the minimum,
 * never lower it.  *raised counts the indicators raised; warning (of size
 * bytes) says which was the first, "" when none. */
enum jmon_status disclosure_floor(struct db *db, struct config *cfg, int *raised, char *warning,
				  size_t size, struct jmon_error *err);

/* What a caller made of this gate's cells and keeps beside them (the
 * evaluated figure sets of src/figures.c), or NULL: dropped with the
 * caches, and also when an analyst wrote since (the history), since a
 * review or an explanation is part of what was made.  set replaces it,
 * dropping the one before with its drop function. */
void *disclosure_memo(const struct disclosure *d);
void disclosure_set_memo(struct disclosure *d, void *memo, void (*drop)(void *));

/* Whether a shown cell has a value a reader may compute with. */
bool disclosed_usable(const struct disclosed *c);

#endif
