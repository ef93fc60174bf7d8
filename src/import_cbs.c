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
 * Peildatum has no youth-care figures at all).  So for a period in which a
 * measure has a value somewhere in the file, an empty cell is suppressed;
 * for a period in which it has none, nothing is stored.  Cells are stored
 * as they are read; only an empty one whose measure has no value for its
 * period yet waits, until the file ends (memory grows with those alone:
 * keeping every cell took 150 MB for a million rows).
 *
 * This file chooses the layout and stores the empty cells that waited;
 * what both readers do with a cell is in src/import_cbs_cell.c. */
#include <stdlib.h>

#include "jmon/import_cbs.h"
#include "jmon/import_internal.h"
#include "jmon/xmalloc.h"

/* The empty cells that waited: those whose measure turned out published
 * for their period are suppressed figures. */
static enum jmon_status store_waiting(struct cbs_reader *r)
{
	enum jmon_status rc = JMON_OK;

	for (size_t i = 0; i < r->ncells && rc == JMON_OK; i++)
		if (cbs_is_published(r, &r->cells[i]))
			rc = cbs_store_cell(r, &r->cells[i]);
	/* The region codes made here are freed when this reader ends: write
	 * the cells that still point at them now. */
	if (rc == JMON_OK)
		rc = import_cells_flush(r->im, r->err);
	return rc;
}

enum jmon_status import_cbs(struct import *im, struct jmon_error *err)
{
	struct cbs_reader r = { .im = im, .err = err };
	enum jmon_status rc;

	/* A StatLine export opens with its title, one field alone; the wide
	 * layouts with their header. */
	rc = im->csv.nfields == 1 ? cbs_read_statline(&r, err) : cbs_read_wide(&r, err);
	if (rc == JMON_OK)
		rc = r.rc;
	if (rc == JMON_OK && im->diag->count == 0)
		rc = store_waiting(&r);
	for (size_t i = 0; i < r.nowned; i++)
		free(r.owned[i]);
	free(r.owned);
	free(r.cells);
	free(r.published);
	return rc;
}
