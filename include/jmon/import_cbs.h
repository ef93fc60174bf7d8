/* SPDX-License-Identifier: EUPL-1.2 */
/* What the CBS readers share: cells are stored as they are read, but an
 * empty one only once it is known that its measure was published for its
 * period (then it is a suppressed figure; else nothing): those wait until
 * a value of their measure and period comes, or the file ends.  Internal
 * to the importer:
 *
 * src/import_cbs.c        chooses the layout, stores the collected cells
 * src/import_cbs_wide.c   one reader per layout, called by import_cbs.c
 * src/import_statline.c
 * src/import_cbs_cell.c   what both readers do with a cell; calls none of
 *                         the three above */
#ifndef JMON_IMPORT_CBS_H
#define JMON_IMPORT_CBS_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/import_internal.h"

enum cell_state { CELL_EMPTY, CELL_SUPPRESSED, CELL_VALUE };

struct cbs_cell {
	const char *region;	/* lives as long as the import */
	const struct indicator *ind;
	const struct category *cat;	/* NULL: the total */
	struct period period;
	enum cell_state state;
	bool provisional;
	double value;
};

/* An (indicator, period) for which some cell has a value. */
struct cbs_published {
	const struct indicator *ind;
	uint32_t period;	/* import_period_key */
};

struct cbs_reader {
	struct import *im;
	struct cbs_cell *cells;	/* the empty cells waiting (see above) */
	size_t ncells, capcells;
	struct cbs_published *published;	/* a hash set, cappublished a power of 2 */
	size_t npublished, cappublished;
	enum jmon_status rc;	/* of the cells stored while reading */
	struct jmon_error *err;
	char **owned;		/* strings made while reading (region codes) */
	size_t nowned, capowned;
};

/* The two layouts. */
enum jmon_status cbs_read_wide(struct cbs_reader *r, struct jmon_error *err);
enum jmon_status cbs_read_statline(struct cbs_reader *r, struct jmon_error *err);

/* --- src/import_cbs_cell.c ------------------------------------------------ */

/* Names equal ignoring case and all but letters and digits. */
bool cbs_loose_equal(const char *a, const char *b);
/* Length of a column name without its "_N" suffix; whether it has one;
 * whether the name without it is word (no case). */
size_t cbs_base_length(const char *name);
bool cbs_has_suffix(const char *name);
bool cbs_base_is(const char *name, const char *word);

/* The next indicator after `after` (NULL: the first) whose cbs.measure is
 * the first len bytes of measure. */
const struct indicator *cbs_indicator_for(const struct config *cfg, const char *measure,
					  size_t len, const struct indicator *after);
/* The category a dimension value stands for; NULL is the total, unless
 * *skip says the indicator does not ask for this value. */
const struct category *cbs_category_for(const struct indicator *ind, const char *value,
					bool *skip);
/* Read f into c->state and c->value (c->ind must be set); false if reported. */
bool cbs_read_cell(struct cbs_reader *r, struct csv_field *f, struct cbs_cell *c);
/* Store a cell (or keep an empty one, see above); a second one with the
 * same key is reported at `at`.  A failure to store is in r->rc. */
void cbs_add_cell(struct cbs_reader *r, const struct cbs_cell *c, const struct csv_field *at);
/* Whether c's measure has a value for c's period so far. */
bool cbs_is_published(const struct cbs_reader *r, const struct cbs_cell *c);
/* Store c now (an empty one as suppressed). */
enum jmon_status cbs_store_cell(struct cbs_reader *r, const struct cbs_cell *c);
/* Keep s (allocated) until the import ends; returns it. */
const char *cbs_own(struct cbs_reader *r, char *s);

#endif
