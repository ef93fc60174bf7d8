/* SPDX-License-Identifier: EUPL-1.2 */
/* Storing cells: compare with the current value, then write new and
 * changed ones in batches.  See import_cell in include/jmon/import_internal.h.
 *
 * This is the inner loop of every import, so it is written for speed: the
 * statements are fetched once per import; the current values are read by
 * one cursor that walks the stored cells as the rows come, in key order;
 * and rows are inserted CELL_BATCH at a time with one multi-row INSERT,
 * which spreads the cost of running a statement (reset, cursor) over many
 * rows.  Together with the choices in schema.c this keeps `jmon import`
 * below the time of `sqlite3 .import` into a bare table (tools/bench.sh,
 * README.md Performance). */
#include <stdio.h>
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/query.h"
#include "jmon/strbuf.h"
#include "jmon/xmalloc.h"

/* The stored cells from a key on, in key order, each cell's deliveries
 * oldest first: its current value is the last of its key range.
 *
 * Why a cursor, not a seek per row: the rows of a file reach import_cell
 * in key order (a file sorted as exports are, or staged, import_stage.c),
 * so the next cell asked for is at or just after where the last one was
 * found, and a step is cheaper than a seek from the root (one SELECT per
 * row was three fifths of a revision of a million rows).  A key behind the
 * last one, more than STORED_STEPS cells ahead or in another region or
 * period than the cursor, seeks again (a delivery of one period steps
 * through each region's cells of it, not through the other periods').  The
 * cursor stays open while the inserts of the same connection go on: they
 * are of keys the file has given already, which it never asks for again
 * (a repeated key is an error before it gets here), so whether the cursor
 * sees them does not matter. */
static const char sql_cells_from[] =
	"SELECT region, period, indicator, category, value, flag FROM observation"
	" WHERE (region, period, indicator, category) >= (?1, ?2, ?3, ?4)"
	" ORDER BY region, period, indicator, category, delivery";
#define STORED_STEPS 32
/* OR FAIL: a multi-row INSERT that may abort halfway must undo its own
 * rows first, so SQLite wrote the page of every row it touched to a
 * statement journal, a temporary file, before the change: a million
 * sorted rows took 130 000 writes, 21 700 without.  Any failure of these
 * inserts ends the import and rolls back the whole delivery (a full disk
 * rolls it back in SQLite itself), so nothing needs to be undone alone. */
static const char sql_cell_insert[] =
	"INSERT OR FAIL INTO observation (region, period, indicator, category, delivery, value, flag)"
	" VALUES";
#define CELL_COLUMNS 7

const char *import_batch_sql(char *sql, size_t size, const char *insert, int ncolumns,
			     int nrows)
{
	if (!sql[0]) {
		struct strbuf sb = STRBUF_INIT;

		sb_adds(&sb, insert);
		for (int r = 0; r < nrows; r++) {
			sb_adds(&sb, r ? ", (?" : " (?");
			for (int c = 1; c < ncolumns; c++)
				sb_adds(&sb, ", ?");
			sb_adds(&sb, ")");
		}
		snprintf(sql, size, "%s", sb_str(&sb));
		sb_free(&sb);
	}
	return sql;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	sqlite3_bind_text(st, i, s, (int)strlen(s), SQLITE_STATIC);
}

/* Bind pending cell c as the row starting at parameter first. */
static void bind_row(struct import *im, sqlite3_stmt *st, int first, const struct pending_cell *c)
{
	bind_text(st, first, c->region);
	bind_text(st, first + 1, c->period);
	bind_text(st, first + 2, c->indicator);
	bind_text(st, first + 3, c->category);
	sqlite3_bind_int64(st, first + 4, im->delivery);
	if (c->has_value)
		sqlite3_bind_double(st, first + 5, c->value);
	else
		sqlite3_bind_null(st, first + 5);
	bind_text(st, first + 6, c->flag);
}

static enum jmon_status run_insert(struct import *im, sqlite3_stmt *st, struct jmon_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE ? JMON_OK : db_fail(im->db, err, "writing values");
}

enum jmon_status import_cells_flush(struct import *im, struct jmon_error *err)
{
	/* made once: db_prepare keys its cache on the address, so the text
	 * lives in static storage */
	static char one[sizeof sql_cell_insert + 32],
		    batch[sizeof sql_cell_insert + CELL_BATCH * 24];
	sqlite3_stmt *st;
	enum jmon_status rc = JMON_OK;

	if (im->npending == CELL_BATCH) {
		if (!im->st_batch && !(im->st_batch = db_prepare(im->db,
			import_batch_sql(batch, sizeof batch, sql_cell_insert, CELL_COLUMNS,
					 CELL_BATCH), err)))
			return JMON_IO;
		for (size_t i = 0; i < im->npending; i++)
			bind_row(im, im->st_batch, (int)i * CELL_COLUMNS + 1, &im->pending[i]);
		rc = run_insert(im, im->st_batch, err);
	} else {
		for (size_t i = 0; i < im->npending && rc == JMON_OK; i++) {
			if (!(st = db_prepare(im->db, import_batch_sql(one, sizeof one, sql_cell_insert,
								       CELL_COLUMNS, 1), err)))
				return JMON_IO;
			bind_row(im, st, 1, &im->pending[i]);
			rc = run_insert(im, st, err);
		}
	}
	im->npending = 0;
	return rc;
}

/* A stored cell's current value. */
struct stored_cell {
	bool has_value;
	double value;
	char flag[QUERY_FLAG_MAX];
};

static int key_cmp(const struct import_cell_text *a, const struct import_cell_text *b)
{
	int c;

	if ((c = strcmp(a->region, b->region)) || (c = strcmp(a->period, b->period)) ||
	    (c = strcmp(a->indicator, b->indicator)))
		return c;
	return strcmp(a->category, b->category);
}

/* Whether the cursor is in k's region and period. */
static bool stored_near(const struct import *im, const struct import_cell_text *k)
{
	return !strcmp(im->stored_at.region, k->region) && !strcmp(im->stored_at.period, k->period);
}

/* The cursor's cell against k (BINARY collation is strcmp's order). */
static int stored_cmp(const struct import *im, const struct import_cell_text *k)
{
	return key_cmp(&im->stored_at, k);
}

/* The next stored row, its key's texts in im->stored_at (SQLite's, valid
 * until the next step): 1 on one, 0 at the end, -1 on error. */
static int stored_step(struct import *im, struct jmon_error *err)
{
	sqlite3_stmt *st = im->st_stored;
	int rc = sqlite3_step(st);

	im->stored_row = rc == SQLITE_ROW;
	if (rc == SQLITE_ROW) {
		im->stored_at = (struct import_cell_text){ db_column_text(st, 0),
			db_column_text(st, 1), db_column_text(st, 2), db_column_text(st, 3) };
		return 1;
	}
	if (rc == SQLITE_DONE)
		return 0;
	db_fail(im->db, err, "reading a value");
	return -1;
}

static int stored_seek(struct import *im, const struct import_cell_text *k, struct jmon_error *err)
{
	sqlite3_stmt *st;

	if (!im->st_stored && !(im->st_stored = db_prepare(im->db, sql_cells_from, err)))
		return -1;
	st = im->st_stored;
	sqlite3_reset(st);
	bind_text(st, 1, k->region);
	bind_text(st, 2, k->period);
	bind_text(st, 3, k->indicator);
	bind_text(st, 4, k->category);
	im->stored_open = true;
	return stored_step(im, err);
}

/* 1 and the current value of cell k in *cur when it has one, 0 when not,
 * -1 on error.  The cursor is left on the first cell after k. */
static int current(struct import *im, const struct import_cell_text *k, struct stored_cell *cur,
		   struct jmon_error *err)
{
	struct import_cell_text *last = &im->stored_last;
	int rc, c = 1, steps = 0;
	size_t len = strlen(k->period);

	if (!im->stored_open || key_cmp(k, last) <= 0) {
		if ((rc = stored_seek(im, k, err)) > 0)
			c = stored_cmp(im, k);
	} else {
		/* past the last stored cell, none after it is stored */
		rc = im->stored_row;
		while (rc > 0 && (c = stored_cmp(im, k)) < 0 && ++steps <= STORED_STEPS &&
		       stored_near(im, k))
			rc = stored_step(im, err);
		if (rc > 0 && c < 0 && (rc = stored_seek(im, k, err)) > 0)
			c = stored_cmp(im, k);
	}
	*last = *k;
	/* the period's text is the caller's buffer: copied, and not with
	 * snprintf, a call per row that showed in the profile */
	if (len >= sizeof im->stored_period)
		len = sizeof im->stored_period - 1;
	memcpy(im->stored_period, k->period, len);
	im->stored_period[len] = '\0';
	last->period = im->stored_period;
	if (rc <= 0 || c != 0)
		return rc < 0 ? -1 : 0;
	do {
		sqlite3_stmt *st = im->st_stored;
		const char *flag = db_column_text(st, 5);

		cur->has_value = sqlite3_column_type(st, 4) != SQLITE_NULL;
		cur->value = sqlite3_column_double(st, 4);
		len = strlen(flag);
		if (len >= sizeof cur->flag)
			len = sizeof cur->flag - 1;
		memcpy(cur->flag, flag, len);
		cur->flag[len] = '\0';
	} while ((rc = stored_step(im, err)) > 0 && stored_cmp(im, k) == 0);
	return rc < 0 ? -1 : 1;
}

void import_cells_end(struct import *im)
{
	if (im->st_stored)
		sqlite3_reset(im->st_stored);
	im->stored_open = im->stored_row = false;
}

enum jmon_status import_cell(struct import *im, const char *region, const char *period,
			     const char *indicator, const char *category, bool has_value,
			     double value, const char *flag, struct jmon_error *err)
{
	struct pending_cell *c;
	int existed = 0;
	size_t len;
	const char *code;

	/* Once the file is known to be rejected, only checking goes on; once
	 * it is to be read again, nothing. */
	if (im->diag->count > 0 || im->restart)
		return JMON_OK;
	/* Into an empty store everything is new: no need to look. */
	code = import_region_code(im, region);	/* a field's text lasts one record */
	if (!im->fresh) {
		struct import_cell_text k = { code, period, indicator, category };
		struct stored_cell cur;

		if ((existed = current(im, &k, &cur, err)) < 0)
			return JMON_IO;
		if (existed && cur.has_value == has_value && (!has_value || cur.value == value) &&
		    strcmp(cur.flag, flag) == 0) {
			im->res->cells_unchanged++;
			return JMON_OK;
		}
	}
	if (existed)
		im->res->cells_changed++;
	else
		im->res->cells_new++;
	if (!im->pending)
		im->pending = xcalloc(CELL_BATCH, sizeof *im->pending);
	c = &im->pending[im->npending++];
	c->region = code;
	c->indicator = indicator;
	c->category = category;
	c->flag = flag;
	/* not snprintf: a call per row that showed in the profile */
	len = strlen(period);
	if (len >= sizeof c->period)
		len = sizeof c->period - 1;
	memcpy(c->period, period, len);
	c->period[len] = '\0';
	c->has_value = has_value;
	c->value = value;
	return im->npending == CELL_BATCH ? import_cells_flush(im, err) : JMON_OK;
}
