/* SPDX-License-Identifier: EUPL-1.2 */
/* What the CBS readers share: cells are collected while the file is read
 * and stored at the end, when it is known which periods a measure was
 * published for.  Internal to the importer:
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

struct cbs_reader {
	struct import *im;
	struct cbs_cell *cells;
	size_t ncells, capcells;
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
/* Keep a cell; a second one with the same key is reported at `at`. */
void cbs_add_cell(struct cbs_reader *r, const struct cbs_cell *c, const struct csv_field *at);
/* Keep s (allocated) until the import ends; returns it. */
const char *cbs_own(struct cbs_reader *r, char *s);

#endif
