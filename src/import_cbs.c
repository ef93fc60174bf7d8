/* SPDX-License-Identifier: EUPL-1.2 */
/* CBS open data (jmon-import(5), CBS OPEN DATA), in two shapes:
 *
 * - wide: one row per region and period, one column per measure.  This is
 *   the kerncijfers extract (Peildatum, WijkenEnBuurten, SoortRegio_2,
 *   JongerenMetJeugdzorgInNatura_96, ...) and OData v3 TypedDataSet and
 *   UntypedDataSet as CSV (ID, RegioS, Perioden, measures).  Columns named
 *   Name_N are measures; a column without the suffix other than ID, the
 *   region and the period is a further dimension (Geslacht, Leeftijd ...).
 *   Read by src/import_cbs_wide.c.
 * - the StatLine web export: title and filter lines, two header rows (the
 *   periods and the regions across), rows of subject, further dimensions
 *   and unit, then a "Bron: CBS" footer (src/import_statline.c).
 *
 * Measures reach the indicators whose cbs.measure names them; columns no
 * indicator asks for are ignored.  A table published per year sits next to
 * its siblings with another suffix (_84, _87, _91, _96), so one measure may
 * have several columns: per row, the one that holds a value counts.
 *
 * Empty cells are the hard part.  CBS leaves a cell empty when the figure is
 * secret (a small count) and also when it is not published yet (the newest
 * Peildatum has no youth-care figures at all).  So cells are collected
 * first: for a period in which a measure has a value somewhere in the file,
 * an empty cell is suppressed; for a period in which it has none, nothing
 * is stored.
 *
 * This file chooses the layout and stores the cells its reader collected;
 * what both readers do with a cell is in src/import_cbs_cell.c. */
#include <stdlib.h>

#include "jmon/import_cbs.h"
#include "jmon/import_internal.h"
#include "jmon/xmalloc.h"

/* The (indicator, period) pairs for which some cell has a value: there the
 * measure is published, and its empty cells are suppressed ones.  Few
 * pairs (indicators times periods), so a list will do. */
struct published {
	const struct indicator *ind;
	uint32_t period;
};

static bool is_published(const struct published *list, size_t n, const struct cbs_cell *c)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].ind == c->ind && list[i].period == import_period_key(&c->period))
			return true;
	return false;
}

static enum jmon_status store_cells(struct cbs_reader *r, struct jmon_error *err)
{
	struct published *pub = NULL;
	size_t npub = 0, cappub = 0;
	enum jmon_status rc = JMON_OK;

	for (size_t i = 0; i < r->ncells; i++) {
		struct cbs_cell *c = &r->cells[i];

		if (c->state == CELL_VALUE && !is_published(pub, npub, c)) {
			ARRAY_GROW(pub, npub, cappub);
			pub[npub++] = (struct published){ c->ind, import_period_key(&c->period) };
		}
	}
	for (size_t i = 0; i < r->ncells && rc == JMON_OK; i++) {
		struct cbs_cell *c = &r->cells[i];
		const char *code;
		const char *flag = c->state == CELL_VALUE ? (c->provisional ? "provisional" : "")
							  : "suppressed";

		if (c->state == CELL_EMPTY && !is_published(pub, npub, c))
			continue;
		if (!(code = import_period(r->im, &c->period, err))) {
			rc = JMON_IO;
			break;
		}
		rc = import_cell(r->im, c->region, code, c->ind->id,
				 c->cat ? c->cat->id : "", c->state == CELL_VALUE, c->value, flag, err);
	}
	free(pub);
	/* The region codes made here are freed when this reader ends: write
	 * the cells that still point at them now. */
	if (rc == JMON_OK)
		rc = import_cells_flush(r->im, err);
	return rc;
}

enum jmon_status import_cbs(struct import *im, struct jmon_error *err)
{
	struct cbs_reader r = { .im = im };
	enum jmon_status rc;

	/* A StatLine export opens with its title, one field alone; the wide
	 * layouts with their header. */
	rc = im->csv.nfields == 1 ? cbs_read_statline(&r, err) : cbs_read_wide(&r, err);
	if (rc == JMON_OK && im->diag->count == 0)
		rc = store_cells(&r, err);
	for (size_t i = 0; i < r.nowned; i++)
		free(r.owned[i]);
	free(r.owned);
	free(r.cells);
	return rc;
}
