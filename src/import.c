/* SPDX-License-Identifier: EUPL-1.2 */
/* What every import shares: the delivery, format detection, the one
 * transaction, headers, flags and progress.  Numbers are in
 * import_number.c; regions, periods and duplicate keys in import_refs.c;
 * cells in import_cells.c.  See include/jmon/import.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "jmon/import_internal.h"
#include "jmon/sha256.h"
#include "jmon/xmalloc.h"

static const char *const format_names[] = {
	[IMPORT_AUTO] = "auto",
	[IMPORT_LONG] = "long",
	[IMPORT_REGIONS] = "regions",
	[IMPORT_CBS] = "cbs",
	[IMPORT_REVIEWS] = "reviews",
};

bool import_format_parse(const char *name, enum import_format *out)
{
	for (size_t i = IMPORT_LONG; i < ARRAY_SIZE(format_names); i++)
		if (strcmp(name, format_names[i]) == 0) {
			*out = (enum import_format)i;
			return true;
		}
	return false;
}

const char *import_format_name(enum import_format f)
{
	return format_names[f];
}

void import_error(struct import *im, const struct csv_field *f, const char *fmt, ...)
{
	char msg[512], shown[sizeof msg * 4];
	size_t n = 0;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	/* A message quotes the field, and a quoted field may hold a line
	 * break: escaped, every message stays one FILE:LINE:COLUMN line. */
	for (const unsigned char *s = (const unsigned char *)msg; *s; s++) {
		const char *named = strchr("\nn\rr\tt", *s);

		if (*s >= 0x20)
			shown[n++] = (char)*s;
		else if (named)
			n += (size_t)snprintf(shown + n, sizeof shown - n, "\\%c", named[1]);
		else
			n += (size_t)snprintf(shown + n, sizeof shown - n, "\\x%02X", *s);
	}
	shown[n] = '\0';
	diag_add(im->diag, im->name, f->line, f->col, "%s", shown);
}

/* --- headers ---------------------------------------------------------------- */

bool import_map_header(struct import *im, const struct import_column *aliases, size_t naliases,
		       const char *const *column_names, int *pos, int ncolumns,
		       unsigned required)
{
	int before = im->diag->count;

	for (int i = 0; i < ncolumns; i++)
		pos[i] = -1;
	for (size_t k = 0; k < im->csv.nfields; k++) {
		struct csv_field *f = &im->csv.fields[k];
		size_t a;

		csv_trim(f);
		for (a = 0; a < naliases; a++)
			if (strcasecmp(f->s, aliases[a].name) == 0)
				break;
		if (a == naliases) {
			import_error(im, f, "unknown column '%s'", f->s);
			continue;
		}
		if (pos[aliases[a].column] >= 0) {
			import_error(im, f, "column '%s' given twice", column_names[aliases[a].column]);
			continue;
		}
		pos[aliases[a].column] = (int)k;
	}
	for (int i = 0; i < ncolumns; i++)
		if ((required & 1u << i) && pos[i] < 0)
			diag_add(im->diag, im->name, im->csv.record_line, 1,
				 "missing column '%s'", column_names[i]);
	return im->diag->count == before;
}

/* --- flags (numbers are in import_number.c) ------------------------------ */

static const struct {
	const char *written;	/* as it may appear in a file */
	const char *stored;
	bool has_value;
} flags[] = {
	{ "",            "",            true },
	{ "provisional", "provisional", true },
	{ "voorlopig",   "provisional", true },
	{ "suppressed",  "suppressed",  false },
	{ "geheim",      "suppressed",  false },
	{ "unknown",     "unknown",     false },
	{ "onbekend",    "unknown",     false },
	{ "na",          "na",          false },
	{ "nvt",         "na",          false },
	{ "n.v.t.",      "na",          false },
};

const char *import_flag(const char *s, bool *has_value)
{
	for (size_t i = 0; i < ARRAY_SIZE(flags); i++)
		if (strcasecmp(s, flags[i].written) == 0) {
			*has_value = flags[i].has_value;
			return flags[i].stored;
		}
	return NULL;
}

/* --- progress ---------------------------------------------------------------- */

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void import_row_done(struct import *im)
{
	double t, pct;

	im->res->rows++;
	if (!im->opt->progress || im->res->rows % 4096 != 0)
		return;
	t = now();
	if (t - im->shown < 0.2)
		return;
	im->shown = t;
	pct = im->csv.len ? 100.0 * (double)csv_offset(&im->csv) / (double)im->csv.len : 100.0;
	fprintf(stderr, "\r%s: %ld rows, %.0f%%, %.0f rows/s ", im->name, im->res->rows, pct,
		(double)im->res->rows / (t - im->started));
	fflush(stderr);
}

bool import_next_row(struct import *im, size_t ncolumns)
{
	struct csv *c = &im->csv;

	while (csv_read(c, im->diag) > 0) {
		import_row_done(im);
		if (c->bad)
			continue;
		if (c->nfields != ncolumns) {
			/* at the first field too many, or at the start of a short row */
			struct csv_field *at = c->nfields > ncolumns ? &c->fields[ncolumns] : NULL;

			diag_add(im->diag, im->name, at ? at->line : c->record_line, at ? at->col : 1,
				 "%zu fields, expected %zu", c->nfields, ncolumns);
			continue;
		}
		return true;
	}
	return false;
}

/* --- one file, one delivery -------------------------------------------------- */

/* Header words that tell the layouts apart, compared without case. */
static const struct {
	const char *word;
	enum import_format format;
} layout_words[] = {
	/* before "indicator": a reviews file names indicators too */
	{ "reason", IMPORT_REVIEWS },
	{ "reden", IMPORT_REVIEWS },
	{ "text", IMPORT_REVIEWS },
	{ "toelichting", IMPORT_REVIEWS },
	{ "indicator", IMPORT_LONG },
	{ "kind", IMPORT_REGIONS },
	{ "soort", IMPORT_REGIONS },
	{ "WijkenEnBuurten", IMPORT_CBS },
	{ "RegioS", IMPORT_CBS },
	{ "Perioden", IMPORT_CBS },
	{ "Peildatum", IMPORT_CBS },
};

static enum import_format detect(const struct csv *c)
{
	for (size_t w = 0; w < ARRAY_SIZE(layout_words); w++)
		for (size_t i = 0; i < c->nfields; i++) {
			char name[64];
			size_t n = c->fields[i].len < sizeof name - 1 ? c->fields[i].len : sizeof name - 1;

			memcpy(name, c->fields[i].s, n);
			name[n] = '\0';
			/* trim: "indicator " and " Peildatum" are still headers */
			for (char *e = name + strlen(name); e > name && e[-1] == ' '; *--e = '\0')
				;
			if (strcasecmp(name + strspn(name, " "), layout_words[w].word) == 0)
				return layout_words[w].format;
		}
	/* A StatLine export opens with its title: one field alone. */
	if (c->nfields == 1)
		return IMPORT_CBS;
	return IMPORT_AUTO;
}

static enum jmon_status (*const readers[])(struct import *, struct jmon_error *) = {
	[IMPORT_LONG] = import_long,
	[IMPORT_REGIONS] = import_regions,
	[IMPORT_CBS] = import_cbs,
	[IMPORT_REVIEWS] = import_reviews,
};

static const char sql_delivery_by_sha[] = "SELECT id FROM delivery WHERE sha256 = ?1";
static const char sql_delivery_insert[] =
	"INSERT INTO delivery (source, sha256, format, imported_at, rows, note)"
	" VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 0, ?4)";
static const char sql_delivery_counts[] =
	"UPDATE delivery SET rows = ?2, cells_new = ?3, cells_changed = ?4,"
	" cells_unchanged = ?5 WHERE id = ?1";
static const char sql_delivery_privacy[] =
	"INSERT INTO delivery_privacy (delivery, indicator, min_count) VALUES (?1, ?2, ?3)";
static const char sql_any_observation[] = "SELECT EXISTS (SELECT 1 FROM observation)";

/* 1 and *id when a delivery has this digest, 0 when none, -1 on error. */
static int find_delivery(struct db *db, const char *sha, long *id, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_delivery_by_sha, err);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, sha);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = (long)sqlite3_column_int64(st, 0);
		return 1;
	}
	if (rc == SQLITE_DONE)
		return 0;
	db_fail(db, err, "reading deliveries");
	return -1;
}

static enum jmon_status begin_delivery(struct import *im, const char *sha,
				       struct jmon_error *err)
{
	sqlite3_stmt *st;

	if (!(st = db_prepare(im->db, sql_any_observation, err)))
		return JMON_IO;
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(im->db, err, "reading observations");
	im->fresh = sqlite3_column_int(st, 0) == 0;
	if (!(st = db_prepare(im->db, sql_delivery_insert, err)))
		return JMON_IO;
	/* The file's own name: where it lay on the importer's disk says nothing
	 * to the analyst who browses the revisions. */
	db_bind_text(st, 1, strrchr(im->name, '/') ? strrchr(im->name, '/') + 1 : im->name);
	db_bind_text(st, 2, sha);
	db_bind_text(st, 3, import_format_name(im->res->format));
	db_bind_text(st, 4, im->opt->note);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(im->db, err, "writing the delivery");
	im->delivery = im->res->delivery = (long)sqlite3_last_insert_rowid(im->db->sql);
	return JMON_OK;
}

/* The privacy minimum of every count, as the importer's configuration has
 * it: the floor for everyone who reads this delivery. */
static enum jmon_status record_privacy(struct import *im, struct jmon_error *err)
{
	const struct config *cfg = im->cfg;

	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++) {
			const struct indicator *ind = &cfg->chapters[c].indicators[i];
			sqlite3_stmt *st;

			if (!ind->counts || ind->min_count <= 0)
				continue;
			if (!(st = db_prepare(im->db, sql_delivery_privacy, err)))
				return JMON_IO;
			sqlite3_bind_int64(st, 1, im->delivery);
			db_bind_text(st, 2, ind->id);
			sqlite3_bind_int(st, 3, ind->min_count);
			if (sqlite3_step(st) != SQLITE_DONE)
				return db_fail(im->db, err, "writing the delivery's privacy minimum");
		}
	return JMON_OK;
}

static enum jmon_status end_delivery(struct import *im, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(im->db, sql_delivery_counts, err);

	if (!st)
		return JMON_IO;
	sqlite3_bind_int64(st, 1, im->delivery);
	sqlite3_bind_int64(st, 2, im->res->rows);
	sqlite3_bind_int64(st, 3, im->res->cells_new);
	sqlite3_bind_int64(st, 4, im->res->cells_changed);
	sqlite3_bind_int64(st, 5, im->res->cells_unchanged);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(im->db, err, "writing the delivery");
	return record_privacy(im, err);
}

/* Read the first record, choose the layout and run its reader, all inside
 * the caller's transaction. */
static enum jmon_status run(struct import *im, const char *sha, struct jmon_error *err)
{
	enum jmon_status rc;
	int r = csv_read(&im->csv, im->diag);

	if (r <= 0) {
		if (r == 0)
			diag_add(im->diag, im->name, 1, 1, "empty file");
		return JMON_DATA;
	}
	if (im->res->format == IMPORT_AUTO)
		im->res->format = detect(&im->csv);
	if (im->res->format == IMPORT_AUTO) {
		diag_add(im->diag, im->name, 1, 1,
			 "cannot tell the layout from this header: expected a long CSV "
			 "(region,period,indicator,...), a regions CSV (region,name,kind,parent) "
			 "or a CBS export; --format chooses one");
		return JMON_DATA;
	}
	if ((rc = begin_delivery(im, sha, err)) != JMON_OK)
		return rc;
	if ((rc = readers[im->res->format](im, err)) != JMON_OK)
		return rc;
	import_number_done(im);
	if (im->diag->count > 0)
		return JMON_DATA;
	if ((rc = import_cells_flush(im, err)) != JMON_OK)
		return rc;
	return end_delivery(im, err);
}

enum jmon_status import_file(struct db *db, const struct config *cfg, const char *path,
			     const struct import_options *opt, struct import_result *res,
			     struct diag_list *d, struct jmon_error *err)
{
	struct import im = { .db = db, .cfg = cfg, .diag = d, .res = res, .opt = opt };
	char sha[SHA256_HEX_LEN + 1];
	enum jmon_status rc;
	int found;

	memset(res, 0, sizeof *res);
	res->format = opt->format;
	im.name = opt->name ? opt->name : path;
	im.started = im.shown = now();
	if ((rc = csv_open_file(&im.csv, path, im.name, err)) != JMON_OK)
		return rc;
	/* The digest of the bytes as read, before the reader cuts them up. */
	sha256_hex(im.csv.buf, im.csv.len, sha);
	if ((found = find_delivery(db, sha, &res->delivery, err)) != 0) {
		csv_close(&im.csv);
		res->already = found > 0;
		return found > 0 ? JMON_OK : JMON_IO;
	}
	/* The CBS API answers in JSON as well: its rows become records of
	 * the same importers. */
	if (import_looks_like_json(&im.csv)) {
		/* A syntax error ends the reading; a row with a key of its
		 * own is reported and the rows are still checked. */
		if (!import_json_table(&im.csv, im.name, d) && !im.csv.table) {
			csv_close(&im.csv);
			return JMON_DATA;
		}
	} else {
		csv_detect_separator(&im.csv);
	}
	/* A whole delivery is one transaction: its pages should stay in memory
	 * until the commit instead of spilling to the WAL and being read back.
	 * 256 MiB holds a million observations.
	 *
	 * Foreign keys are off for the import's own transaction only (every
	 * other connection and statement keeps them on).  The importer makes
	 * every reference true before it writes a row: the region is found or
	 * created (import_region), the period inserted (import_period), the
	 * indicator and category checked against the configuration that
	 * db_open has just synced into those tables, the delivery written
	 * first.  Checking all four again per row in SQLite cost a third of
	 * the import time. */
	if ((rc = db_exec(db, "PRAGMA cache_size = -262144", err)) == JMON_OK &&
	    (rc = db_exec(db, "PRAGMA foreign_keys = OFF", err)) == JMON_OK &&
	    (rc = db_begin(db, err)) == JMON_OK) {
		rc = run(&im, sha, err);
		if (rc == JMON_OK)
			rc = db_commit(db, err);
		if (rc != JMON_OK) {
			db_rollback(db);
			res->delivery = 0;
		}
	}
	db_exec(db, "PRAGMA foreign_keys = ON", NULL);
	if (opt->progress)
		fprintf(stderr, "\r%*s\r", 60, "");
	res->seconds = now() - im.started;
	csv_close(&im.csv);
	free(im.last_region);
	free(im.keys);
	free(im.slots);
	free(im.periods);
	free(im.pending);
	return rc;
}

enum jmon_status import_cell_key(struct import *im, struct csv_field *region,
				 struct csv_field *period, struct csv_field *indicator,
				 struct csv_field *category, const struct indicator **last,
				 struct import_cell_key *out, bool *ok, struct jmon_error *err)
{
	int region_ok;

	memset(out, 0, sizeof *out);
	csv_trim(region);
	csv_trim(period);
	csv_trim(indicator);
	csv_trim(category);
	out->region = region->s;
	if ((region_ok = import_region(im, region->s, region, err)) < 0)
		return JMON_IO;
	*ok = region_ok > 0;
	if (!period_parse(period->s, period->len, &out->p)) {
		import_error(im, period, "malformed period '%s' (expected 2020, 2020H1, 2020Q1, "
			     "2020M03, 2023-01-01 or a CBS code like 2020KW01)", period->s);
		*ok = false;
	} else if (!(out->period = import_period(im, &out->p, err))) {
		return JMON_IO;
	}
	if (*last && strcmp((*last)->id, indicator->s) == 0)
		out->ind = *last;
	else if ((out->ind = config_indicator(im->cfg, indicator->s)))
		*last = out->ind;
	if (!out->ind) {
		import_error(im, indicator, "unknown indicator '%s'", indicator->s);
		*ok = false;
	} else if (category->len > 0 && !(out->cat = indicator_category(out->ind, category->s))) {
		import_error(im, category, "unknown category '%s' of indicator '%s'", category->s,
			     out->ind->id);
		*ok = false;
	}
	return JMON_OK;
}
