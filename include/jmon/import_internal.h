/* SPDX-License-Identifier: EUPL-1.2 */
/* Internal to the importer; the program outside it sees only
 * include/jmon/import.h.  The files call one way, from the top down:
 *
 * src/import.c          the dispatcher: the delivery, layout detection,
 *                       the transaction; calls one reader per file
 * src/import_long.c, import_regions.c, import_reviews.c, import_cbs.c
 *                       the readers, one layout each (jmon-import(5)); the
 *                       CBS ones share include/jmon/import_cbs.h, the
 *                       reviews CSV writes through include/jmon/judgement.h
 * src/import_refs.c     regions, periods, cell keys and duplicate keys
 * src/import_cells.c    cells compared and stored in batches
 * src/import_stage.c    the cells of a long CSV out of order, staged and
 *                       stored in key order (through import_cells.c)
 * src/import_order.c    that key order: ranks of the codes' text, the
 *                       radix sort of a run
 * src/import_number.c   numbers as people write them
 * src/import_json.c     OData JSON served as CSV records
 * src/import_row.c      what every reader does with a row: messages,
 *                       headers, the next row, flags, progress; calls none
 *                       of the others */
#ifndef JMON_IMPORT_INTERNAL_H
#define JMON_IMPORT_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "jmon/config.h"
#include "jmon/csv.h"
#include "jmon/db_internal.h"
#include "jmon/error.h"
#include "jmon/import.h"
#include "jmon/period.h"

/* Where a duplicate key was first seen (see import_seen). */
struct import_key {
	const char *region;	/* copied when kept: it may be a field's text */
	const void *indicator, *category;	/* config pointers; category NULL = total */
	uint32_t period;	/* import_period_key */
	uint32_t line;
};

/* The key of a cell as texts: region, period, indicator, category ('' the
 * total). */
struct import_cell_text {
	const char *region, *period, *indicator, *category;
};

/* A period the import made sure of: its key (import_period_key), its code. */
struct import_period_seen {
	uint32_t key;
	char code[PERIOD_CODE_MAX];
};

struct import_seen_key {
	uint32_t region, period, cell, line;
};

struct import {
	struct db *db;
	const struct config *cfg;
	struct csv csv;
	const char *name;	/* FILE in messages */
	struct diag_list *diag;
	struct import_result *res;
	const struct import_options *opt;
	long delivery;
	bool fresh;		/* no observation existed: nothing to compare with */
	/* the one decimal mark of the file, once a value had one */
	char decimal_mark;
	long decimal_mark_line;
	struct csv_field ambiguous;	/* the first "2.660" before the mark was known
					 * (its text a copy of the import's) */
	/* the cache of the last period that was made sure of */
	char last_period[PERIOD_CODE_MAX];
	uint32_t last_period_key;
	struct import_period_seen *periods;	/* already in the period table */
	size_t nperiods, capperiods;
	/* cells waiting for the next multi-row INSERT (import_cells.c) */
	struct pending_cell *pending;
	size_t npending;
	sqlite3_stmt *st_stored, *st_batch;	/* the per-row statements */
	/* the stored cells read in key order (import_cells.c): the last key
	 * asked for, the key the cursor is on, whether it was opened and
	 * is on a row */
	struct import_cell_text stored_last, stored_at;
	char stored_period[PERIOD_CODE_MAX];
	bool stored_open, stored_row;
	/* duplicate keys (import_refs.c): the last one while the file is in
	 * order, else every one, by open addressing over indexes into keys */
	bool unsorted;		/* keep every key (a pipe, or the second reading) */
	bool restart;		/* a key came out of order: read the file again */
	struct import_seen_key last_key, *keys;
	size_t nkeys, capkeys;
	uint64_t *slots;	/* hash high half << 32 | key index + 1 */
	size_t nslots;
	bool spilled;		/* keys past import_keys_in_memory: in temp.import_seen */
	/* rows of a long CSV out of order, waiting to be staged (import_stage.c) */
	struct staged_cell *staged;	/* the run being filled */
	size_t nstaged;
	struct staged_cell *stage_tmp;	/* the sort's other half */
	struct import_order *stage_order;	/* the ranks they are sorted by */
	FILE *stage_file;		/* the sorted runs, one after the other */
	size_t *stage_runs;		/* the rows of each */
	size_t nstage_runs, capstage_runs;
	struct jmon_error seen_err;	/* a failure of that table */
	/* region codes seen, by id, and their hash index (id + 1) */
	char **region_codes;
	size_t nregion_codes, capregion_codes;
	uint32_t *region_slots;
	size_t nregion_slots;
	bool *region_checked;	/* by id, beside region_codes: import_region
				 * made sure of it */
	size_t capregion_checked;
	uint32_t last_region_id;
	const struct indicator *last_indicator;
	uint32_t last_indicator_pos;
	/* progress */
	double started, shown;
};

/* A cell to insert.  The strings must outlive the import (import_region_code,
 * configuration, static flags); the period is copied. */
#define CELL_BATCH 64

struct pending_cell {
	const char *region, *indicator, *category, *flag;
	char period[PERIOD_CODE_MAX];
	bool has_value;
	double value;
};

/* A row of a long CSV out of order, waiting to be staged (import_stage.c). */
struct staged_cell {
	int64_t place, cell;	/* region and period; cell and line */
	double value;
	int flag;
	bool has_value;
};

/* --- the readers: called with the first record in im->csv.fields ------------ */

enum jmon_status import_long(struct import *im, struct jmon_error *err);
enum jmon_status import_regions(struct import *im, struct jmon_error *err);
enum jmon_status import_cbs(struct import *im, struct jmon_error *err);
/* Explanations and analyst statuses. */
enum jmon_status import_reviews(struct import *im, struct jmon_error *err);
/* CBS OData v4 observations (src/import_odata4.c). */
enum jmon_status import_odata4(struct import *im, struct jmon_error *err);

/* --- rows (import_row.c) ------------------------------------------------------ */

/* Report at a field: FILE:LINE:COL: message. */
void import_error(struct import *im, const struct csv_field *f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A header alias: the column name (compared without case) and what it is. */
struct import_column {
	const char *name;
	int column;
};

/* Map the header in im->csv.fields onto columns 0..ncolumns-1: pos[col] is
 * the field index or -1.  Unknown and repeated names, and missing columns
 * of the required bit mask, are reported; false if any was. */
bool import_map_header(struct import *im, const struct import_column *aliases, size_t naliases,
		       const char *const *column_names, int *pos, int ncolumns,
		       unsigned required);

/* The next data row with exactly ncolumns fields: rows the CSV reader found
 * bad, or with another number of fields, are reported and skipped; each is
 * counted (import_row_done).  false at the end of the file. */
bool import_next_row(struct import *im, size_t ncolumns);
/* The same for a table with notes under it (the "Bron: CBS" of a StatLine
 * export): false also at the first record of a single field. */
bool import_next_table_row(struct import *im, size_t ncolumns);
/* Count a data row and show progress when asked. */
void import_row_done(struct import *im);
/* Seconds on a clock that only goes forward: progress and duration. */
double import_clock(void);

/* A flag as written in a file ("", "provisional", Dutch "voorlopig", ...)
 * to the stored one; *has_value says whether a value goes with it.  NULL
 * when unknown. */
const char *import_flag(const char *s, bool *has_value);

/* --- numbers (import_number.c) ------------------------------------------------ */

/* Parse a number: '.' or ',' as decimal mark, one per file; thousands
 * separators when both marks are used ("1.234,5") or one is repeated
 * ("12.345.678"); an exponent ("1e3").  Reported at f when it is not a
 * number or contradicts the file's decimal mark. */
bool import_number(struct import *im, const struct csv_field *f, double *out);
/* A number as a machine writes it: a point for decimals, no thousands
 * separators, an exponent ("2e+05").  Its digits and range as in
 * import_number, with the same messages. */
bool import_machine_number(struct import *im, const struct csv_field *f, double *out);
/* At the end of a file: a number that only the file's decimal mark could
 * settle ("2.660"), in a file that never showed it, is reported. */
void import_number_done(struct import *im);

/* --- what rows refer to (import_refs.c) --------------------------------------- */

/* Make sure region code exists: known, or a well-formed CBS code, which is
 * created with its code as name.  1: it does; 0: it does not (reported at
 * f); -1: a database error (in err). */
int import_region(struct import *im, const char *code, const struct csv_field *f,
		  struct jmon_error *err);
/* Insert or update a region; counts it as new or changed.  name NULL keeps
 * an existing name (or uses the code for a new one); parent NULL derives it
 * from the code when that region exists. */
enum jmon_status import_put_region(struct import *im, const char *code, const char *name,
				   const char *kind, const char *parent, struct jmon_error *err);

/* Make sure the period exists in the period table; returns its canonical
 * code (valid until the next call), or NULL on a database error. */
const char *import_period(struct import *im, const struct period *p, struct jmon_error *err);
/* A period as one number, for the tables of keys and the caches: equal
 * periods, equal numbers. */
uint32_t import_period_key(const struct period *p);
/* The canonical code of the period of a key, back (code: PERIOD_CODE_MAX). */
void import_period_code(uint32_t key, char *code);

/* The key of a row that names a cell: region, period, indicator and
 * category, as the long CSV and the reviews CSV both have them. */
struct import_cell_key {
	const char *region;		/* the region field's text */
	const char *period;		/* canonical code, valid until import_period runs again */
	struct period p;
	const struct indicator *ind;
	const struct category *cat;	/* NULL: the total */
};

/* Trim and check the four key fields, making sure region and period exist.
 * *ok false when the row has an error (reported at its field); JMON_IO on
 * a database error.  last caches the previous row's indicator (files come
 * sorted by indicator). */
enum jmon_status import_cell_key(struct import *im, struct csv_field *region,
				 struct csv_field *period, struct csv_field *indicator,
				 struct csv_field *category, const struct indicator **last,
				 struct import_cell_key *out, bool *ok, struct jmon_error *err);
/* Whether the current row is the first with this key in the file; a second
 * is reported ("duplicate row: ... was given on line N already"). */
bool import_cell_key_first(struct import *im, const struct import_cell_key *k);
/* "duplicate row: GM0361 2020Q1 jeugdigen_maatwerk was given on line 3
 * already", the message of a second row of one key, wherever it is found. */
#define IMPORT_DUPLICATE_MAX 640
void import_duplicate_message(char *msg, size_t size, const char *region, const char *period,
			      const struct indicator *ind, const struct category *cat,
			      uint32_t first);

/* How many keys of a file out of order are kept in memory (about 40 bytes
 * each); the rest go to a temporary table of SQLite's, whose pages are
 * bounded as well.  A variable so the tests can make it small. */
extern size_t import_keys_in_memory;

/* How many rows of a long CSV out of order are sorted in memory at a time
 * (32 bytes each) before they go to the runs' file.  A variable so the
 * tests can make it small. */
extern size_t import_stage_run_rows;

/* Remember a key; returns the line it was first seen on, or 0 if new.
 * While the file is in order only the last key is kept; the first key out
 * of order sets im->restart instead (import.c reads the file again with
 * im->unsorted, keeping every key).  A database error of the temporary
 * table is kept in im->seen_err (status not JMON_OK) and ends the import. */
uint32_t import_seen(struct import *im, const struct import_key *key);
/* Empty the temporary table of keys, if the import used it. */
void import_seen_drop(struct import *im);
/* The import's own copy of a region code, valid for the whole import (a
 * field's text is valid only until the next record). */
const char *import_region_code(struct import *im, const char *code);
/* The numbers a key is kept as (struct import_seen_key): a region's id,
 * in the order regions were first seen (its code is im->region_codes[id]),
 * and an indicator with its category as one, in configuration order; and
 * back from that one to the indicator (*cat NULL: the total). */
uint32_t import_region_id(struct import *im, const char *code);
uint32_t import_cell_id(struct import *im, const struct indicator *ind,
			const struct category *cat);
/* The two parts of a cell id: the indicator's place in the configuration
 * (from 1) and its category's (from 1, 0 the total; 12 bits). */
static inline uint32_t import_cell_make(uint32_t pos, uint32_t cat)
{
	return pos << 12 | cat;
}
static inline uint32_t import_cell_pos(uint32_t cell)
{
	return cell >> 12;
}
static inline uint32_t import_cell_cat(uint32_t cell)
{
	return cell & 0xfff;
}
const struct indicator *import_cell_indicator(const struct import *im, uint32_t cell,
					      const struct category **cat);

/* --- cells (import_cells.c) --------------------------------------------------- */

/* sql, when still empty, as insert (an "INSERT ... VALUES") followed by
 * nrows groups of ncolumns parameters; returned.  The statement cache
 * keys on the address: sql must be static. */
const char *import_batch_sql(char *sql, size_t size, const char *insert, int ncolumns,
			     int nrows);

/* Store one cell: new, changed (a new row in this delivery) or unchanged
 * (only counted).  value is ignored when has_value is false.  Rows are
 * written in batches: import_cells_flush writes what is still waiting. */
enum jmon_status import_cell(struct import *im, const char *region, const char *period,
			     const char *indicator, const char *category, bool has_value,
			     double value, const char *flag, struct jmon_error *err);
enum jmon_status import_cells_flush(struct import *im, struct jmon_error *err);
/* Close the reading of stored cells, before the delivery is committed. */
void import_cells_end(struct import *im);


/* --- OData JSON (import_json.c) ----------------------------------------------- */

/* Whether the text starts like JSON, and its rows as c->table, which
 * csv_read then serves like CSV records (the keys of the first row are the
 * header), reading the text on row by row.  import_json_table reads up to
 * the first row: false when problems were reported; c->table is still set
 * when the rows can be read (only a key did not fit), so the importer can
 * report the rest.  A syntax error later ends csv_read with -1. */
bool import_looks_like_json(struct csv *c);
bool import_json_table(struct csv *c, const char *name, struct diag_list *d);

/* --- a long CSV out of order (import_stage.c) ---------------------------------- */

/* Keep a checked row of a long CSV read with im->unsorted, in file order,
 * for import_stage_write: the duplicate keys are found there. */
enum jmon_status import_stage_cell(struct import *im, const struct import_cell_key *k,
				   bool has_value, double value, const char *flag,
				   struct jmon_error *err);
/* At the end of the file: the staged rows in key order, each stored with
 * import_cell, a second row of a key reported ("duplicate row: ... was
 * given on line N already"), in the order of their lines. */
enum jmon_status import_stage_write(struct import *im, struct jmon_error *err);
/* Close the runs' file and free the run, if the import staged. */
void import_stage_drop(struct import *im);

/* --- the order of the observation key's text (import_order.c) ------------------ */

/* Ranks of the regions, periods and cells of a long CSV out of order, by
 * the text of their codes: a staged row's key as ranks (import_order_rank)
 * sorts in the order of the observation key.  import_order_update ranks
 * the regions and periods seen so far; the order of those ranked before
 * stays, so runs sorted at different times merge.  import_order_ids turns
 * a row back into ids (import_region_id, import_period_key,
 * import_cell_id), as the runs' file keeps them. */
struct import_order;
struct import_order *import_order_new(const struct import *im);
void import_order_update(struct import_order *o, const struct import *im);
void import_order_rank(const struct import_order *o, struct staged_cell *v, size_t n);
void import_order_unrank(const struct import_order *o, struct staged_cell *v, size_t n);
struct staged_cell import_order_ids(const struct import_order *o, const struct staged_cell *c);
/* Sort n ranked rows by key, rows of one key in the order they were
 * (their lines); tmp holds n rows. */
void import_order_sort(const struct import_order *o, struct staged_cell *v,
		       struct staged_cell *tmp, size_t n);
void import_order_free(struct import_order *o);

#endif
