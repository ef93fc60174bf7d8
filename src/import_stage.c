/* SPDX-License-Identifier: EUPL-1.2 */
/* The cells of a long CSV out of order: staged in file order, written in
 * key order.  See import_stage_cell in include/jmon/import_internal.h.
 *
 * Why: a shuffled file written as it comes inserts into the observation
 * key at random, and once the table outgrows the page cache every insert
 * evicts a page to the WAL (a million shuffled rows: 1.4 million writes,
 * three quarters of the import); keeping every key in memory to find the
 * duplicates cost 32 MiB more.  Appended to a temporary table instead, the
 * rows cost a sequential write, SQLite's sorter (external, its memory
 * bounded by the page cache size) puts them in key order, and then they
 * reach the observation table as a sorted file does, a page at a time.
 * In that order a duplicate key is the row after its first one, so no key
 * is kept in memory at all.  Its messages are the same, in the order of
 * their lines, after the other problems of the file.
 *
 * A staged row is four numbers: the key as the duplicate check keeps it
 * (import_region_id, import_period_key, import_cell_id) in two integers,
 * the line, the value and the flag.  Sorting on them groups each region
 * (in the order regions came) and within it each period: not quite the
 * order of the observation key's text, but runs of it, which the table
 * takes as well, and integers sort faster than four texts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/xmalloc.h"

/* The page cache (and so the sorter's memory) while the staged rows are
 * written: in key order a few pages at a time are enough, and the sorter
 * was faster with less (ten million shuffled rows: 36 s with 8 MiB, 43 s
 * with 16). */
#define STAGE_CACHE_KIB "8192"
#define STAGE_COLUMNS 4

/* emptied, never dropped (see sql_seen_empty in import_refs.c) */
static const char sql_stage_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS import_stage (place INTEGER, cell INTEGER, value REAL,"
	" flag INTEGER)";
static const char sql_stage_empty[] = "DELETE FROM temp.import_stage";
static const char sql_stage_insert[] = "INSERT INTO temp.import_stage VALUES";
static const char sql_stage_sorted[] =
	"SELECT place, cell, value, flag FROM temp.import_stage ORDER BY place, cell";

/* The stored flags (import_flag), by their number in the stage. */
static const char *const stored_flags[] = { "", "provisional", "suppressed", "unknown", "na" };

static int flag_number(const char *flag)
{
	for (size_t i = 1; i < ARRAY_SIZE(stored_flags); i++)
		if (!strcmp(flag, stored_flags[i]))
			return (int)i;
	return 0;
}

/* place: region id and period key; cell: the cell id and the line. */
static int64_t place_of(uint32_t region, uint32_t period)
{
	return (int64_t)region << 32 | period;
}

static int64_t cell_of(uint32_t cell, uint32_t line)
{
	return (int64_t)cell << 32 | line;
}

/* Insert n staged rows from c with the statement of n rows. */
static enum jmon_status insert_staged(struct import *im, sqlite3_stmt *st,
				      const struct staged_cell *c, size_t n, struct jmon_error *err)
{
	int rc;

	for (size_t i = 0; i < n; i++) {
		int p = (int)i * STAGE_COLUMNS;

		sqlite3_bind_int64(st, p + 1, c[i].place);
		sqlite3_bind_int64(st, p + 2, c[i].cell);
		if (c[i].has_value)
			sqlite3_bind_double(st, p + 3, c[i].value);
		else
			sqlite3_bind_null(st, p + 3);
		sqlite3_bind_int(st, p + 4, c[i].flag);
	}
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? JMON_OK : db_fail(im->db, err, "keeping the rows of the file");
}

/* The rows waiting: a full batch in one statement, the last ones one by one. */
static enum jmon_status flush_staged(struct import *im, struct jmon_error *err)
{
	/* static: see import_cells_flush */
	static char one[sizeof sql_stage_insert + 32],
		    batch[sizeof sql_stage_insert + CELL_BATCH * 16];
	bool full = im->nstaged == CELL_BATCH;
	sqlite3_stmt *st = db_prepare(im->db, full ?
		import_batch_sql(batch, sizeof batch, sql_stage_insert, STAGE_COLUMNS, CELL_BATCH) :
		import_batch_sql(one, sizeof one, sql_stage_insert, STAGE_COLUMNS, 1), err);
	enum jmon_status rc = st ? JMON_OK : JMON_IO;

	for (size_t i = 0; rc == JMON_OK && i < im->nstaged; i += full ? CELL_BATCH : 1)
		rc = insert_staged(im, st, &im->staged[i], full ? CELL_BATCH : 1, err);
	im->nstaged = 0;
	return rc;
}

enum jmon_status import_stage_cell(struct import *im, const struct import_cell_key *k,
				   bool has_value, double value, const char *flag,
				   struct jmon_error *err)
{
	if (!im->staged) {
		enum jmon_status rc;

		if ((rc = db_exec(im->db, "PRAGMA temp.cache_size = -2048", err)) != JMON_OK ||
		    (rc = db_exec(im->db, sql_stage_create, err)) != JMON_OK ||
		    (rc = db_exec(im->db, sql_stage_empty, err)) != JMON_OK)
			return rc;
		im->staged = xcalloc(CELL_BATCH, sizeof *im->staged);
	}
	im->staged[im->nstaged++] = (struct staged_cell){
		place_of(import_region_id(im, k->region), import_period_key(&k->p)),
		cell_of(import_cell_id(im, k->ind, k->cat), (uint32_t)im->csv.record_line),
		value, flag_number(flag), has_value };
	return im->nstaged == CELL_BATCH ? flush_staged(im, err) : JMON_OK;
}

/* --- written in key order ------------------------------------------------------ */

/* A duplicate row: its line and its message. */
struct duplicate {
	uint32_t line;
	char *msg;
};

/* The duplicates whose messages are shown (DIAG_SHOWN with the lowest
 * lines) and how many there are in all. */
struct duplicates {
	struct duplicate v[DIAG_SHOWN];
	size_t n;
	long total;
};

static int by_line(const void *a, const void *b)
{
	const struct duplicate *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

/* Keep a duplicate if it is among the DIAG_SHOWN lowest lines so far. */
static void add_duplicate(struct duplicates *d, uint32_t line, const char *region,
			  const char *period, const struct indicator *ind,
			  const struct category *cat, uint32_t first)
{
	size_t at = d->n;
	char msg[640];

	d->total++;
	if (d->n == DIAG_SHOWN) {
		size_t hi = 0;

		for (size_t i = 1; i < d->n; i++)
			if (d->v[i].line > d->v[hi].line)
				hi = i;
		if (d->v[hi].line < line)
			return;
		free(d->v[hi].msg);
		at = hi;
	} else {
		d->n++;
	}
	snprintf(msg, sizeof msg, "duplicate row: %s %s %s%s%s was given on line %u already",
		 region, period, ind->id, cat ? " " : "", cat ? cat->id : "", first);
	d->v[at] = (struct duplicate){ line, xstrdup(msg) };
}

/* The messages in the order of their lines, after the file's others. */
static void report_duplicates(struct import *im, struct duplicates *d)
{
	qsort(d->v, d->n, sizeof *d->v, by_line);
	for (size_t i = 0; i < d->n; i++) {
		diag_add(im->diag, im->name, d->v[i].line, 1, "%s", d->v[i].msg);
		free(d->v[i].msg);
	}
	for (long i = (long)d->n; i < d->total; i++)
		diag_add(im->diag, im->name, 0, 0, "(not shown)");
}

/* The period of a key as its canonical code (import_period_key back). */
static void period_code(uint32_t key, char *code)
{
	struct period p = { .kind = (enum period_kind)(key >> 12 & 15), .year = (int)(key >> 16),
			    .n = (int)(key >> 5 & 127), .day = (int)(key & 31) };

	period_format(&p, code);
}

enum jmon_status import_stage_write(struct import *im, struct jmon_error *err)
{
	struct duplicates dups = { .n = 0 };
	int64_t last_place = -1, last_cell = -1;
	char period[PERIOD_CODE_MAX] = "";
	uint32_t first = 0;
	sqlite3_stmt *st;
	enum jmon_status rc;
	int step = SQLITE_DONE;

	if (!im->staged)
		return JMON_OK;
	if ((rc = flush_staged(im, err)) != JMON_OK ||
	    (rc = db_exec(im->db, "PRAGMA cache_size = -" STAGE_CACHE_KIB, err)) != JMON_OK)
		return rc;
	if (!(st = db_prepare(im->db, sql_stage_sorted, err)))
		return JMON_IO;
	while (rc == JMON_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t place = sqlite3_column_int64(st, 0), cell = sqlite3_column_int64(st, 1);
		uint32_t line = (uint32_t)(cell & 0xffffffff);
		const char *region = im->region_codes[place >> 32];
		const struct category *cat;
		const struct indicator *ind = import_cell_indicator(im, (uint32_t)(cell >> 32), &cat);
		int flag = sqlite3_column_int(st, 3);

		if (place != last_place)
			period_code((uint32_t)(place & 0xffffffff), period);
		if (place == last_place && cell >> 32 == last_cell) {
			add_duplicate(&dups, line, region, period, ind, cat, first);
			continue;
		}
		last_place = place;
		last_cell = cell >> 32;
		first = line;
		rc = import_cell(im, region, period, ind->id, cat ? cat->id : "",
				 sqlite3_column_type(st, 2) != SQLITE_NULL,
				 sqlite3_column_double(st, 2),
				 stored_flags[flag >= 0 && (size_t)flag < ARRAY_SIZE(stored_flags) ?
					      flag : 0], err);
	}
	if (rc == JMON_OK && step != SQLITE_DONE)
		rc = db_fail(im->db, err, "reading the rows of the file");
	sqlite3_reset(st);
	report_duplicates(im, &dups);
	return rc;
}

void import_stage_drop(struct import *im)
{
	if (im->staged)
		db_exec(im->db, sql_stage_empty, NULL);
	free(im->staged);
	im->staged = NULL;
	im->nstaged = 0;
}
