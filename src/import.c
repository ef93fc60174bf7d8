/* SPDX-License-Identifier: EUPL-1.2 */
/* The importer's dispatcher: one file, one delivery.  It opens the file,
 * tells the layout from the header, runs that layout's reader inside one
 * transaction and writes the delivery's bookkeeping.  What the readers
 * share is below them: a row's handling in import_row.c, numbers in
 * import_number.c, regions, periods and keys in import_refs.c, cells in
 * import_cells.c (include/jmon/import_internal.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jmon/import_internal.h"
#include "jmon/sha256.h"
#include "jmon/xmalloc.h"

/* The import transaction's page cache, in KiB (see read_once). */
#define IMPORT_CACHE_KIB "32768"

static const char *const format_names[] = {
	[IMPORT_AUTO] = "auto",
	[IMPORT_LONG] = "long",
	[IMPORT_REGIONS] = "regions",
	[IMPORT_CBS] = "cbs",
	[IMPORT_REVIEWS] = "reviews",
	[IMPORT_ODATA4] = "odata4",
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

/* --- one file, one delivery -------------------------------------------------- */

/* Header words that tell the layouts apart, compared without case. */
static const struct {
	const char *word;
	enum import_format format;
} layout_words[] = {
	/* before RegioS and Perioden: OData v4 has them too */
	{ "ValueAttribute", IMPORT_ODATA4 },
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
	[IMPORT_ODATA4] = import_odata4,
};

static const char sql_delivery_by_sha[] = "SELECT id FROM delivery WHERE sha256 = ?1";
static const char sql_delivery_insert[] =
	"INSERT INTO delivery (source, sha256, format, imported_at, rows, note)"
	" VALUES (?1, ?2, ?3, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 0, ?4)";
static const char sql_delivery_counts[] =
	"UPDATE delivery SET rows = ?2, cells_new = ?3, cells_changed = ?4,"
	" cells_unchanged = ?5, sha256 = ?6 WHERE id = ?1";
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

static enum jmon_status begin_delivery(struct import *im, struct jmon_error *err)
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
	/* the digest is known once the whole file is read (end_delivery);
	 * one import writes at a time, so the placeholder is unique */
	db_bind_text(st, 2, "reading");
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

static enum jmon_status end_delivery(struct import *im, const char *sha, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(im->db, sql_delivery_counts, err);

	if (!st)
		return JMON_IO;
	sqlite3_bind_int64(st, 1, im->delivery);
	sqlite3_bind_int64(st, 2, im->res->rows);
	sqlite3_bind_int64(st, 3, im->res->cells_new);
	sqlite3_bind_int64(st, 4, im->res->cells_changed);
	sqlite3_bind_int64(st, 5, im->res->cells_unchanged);
	db_bind_text(st, 6, sha);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(im->db, err, "writing the delivery");
	return record_privacy(im, err);
}

/* The digest of the whole file, and whether a delivery has it: 1 (and
 * res->delivery, res->already) when one does, 0 when not, -1 on error. */
static int digest(struct import *im, char *sha, struct jmon_error *err)
{
	int found;

	csv_digest(&im->csv, sha);
	if ((found = find_delivery(im->db, sha, &im->res->delivery, err)) > 0)
		im->res->already = true;
	return found;
}

/* Read the first record, choose the layout and run its reader, all inside
 * the caller's transaction.  JMON_DATA also when the file was imported
 * before (res->already): nothing of it may stay. */
static enum jmon_status run(struct import *im, struct jmon_error *err)
{
	char sha[SHA256_HEX_LEN + 1];
	enum jmon_status rc;
	int r = csv_read(&im->csv, im->diag), found;

	if (r <= 0) {
		if (r == 0 && !im->csv.read_errno)
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
	if ((rc = begin_delivery(im, err)) != JMON_OK)
		return rc;
	rc = readers[im->res->format](im, err);
	if (im->restart)	/* whatever came of the rest: it is read again */
		return JMON_OK;
	if (rc != JMON_OK)
		return rc;
	if (im->seen_err.status != JMON_OK) {
		*err = im->seen_err;
		return err->status;
	}
	import_number_done(im);
	/* The same bytes again are the delivery they were, whatever this
	 * configuration makes of them now. */
	if ((found = digest(im, sha, err)) != 0)
		return found > 0 ? JMON_DATA : JMON_IO;
	if (im->diag->count > 0)
		return JMON_DATA;
	if ((rc = import_cells_flush(im, err)) != JMON_OK)
		return rc;
	import_cells_end(im);
	return end_delivery(im, sha, err);
}

/* What one reading of the file leaves behind: for the next reading, or the
 * end. */
static void forget(struct import *im)
{
	import_cells_end(im);
	import_seen_drop(im);
	import_stage_drop(im);
	csv_close(&im->csv);
	free(im->region_checked);
	free(im->keys);
	free(im->slots);
	free(im->periods);
	free(im->pending);
	free((char *)im->ambiguous.s);
	for (size_t i = 0; i < im->nregion_codes; i++)
		free(im->region_codes[i]);
	free(im->region_codes);
	free(im->region_slots);
}

/* Open the file and read it in one transaction.  A database failure, or
 * a data error, leaves the database as it was (the caller's rollback). */
static enum jmon_status read_once(struct import *im, const char *path, struct jmon_error *err)
{
	struct db *db = im->db;
	enum jmon_status rc;

	if ((rc = csv_open_file(&im->csv, path, im->name, err)) != JMON_OK)
		return rc;
	/* a pipe cannot be read twice: it keeps every key from the start */
	im->unsorted = im->unsorted || im->csv.size < 0;
	/* The CBS API answers in JSON as well: its rows become records of
	 * the same importers. */
	if (import_looks_like_json(&im->csv)) {
		/* A syntax error ends the reading; a row with a key of its
		 * own is reported and the rows are still checked. */
		if (!import_json_table(&im->csv, im->name, im->diag) && !im->csv.table)
			return JMON_DATA;
	} else {
		csv_detect_separator(&im->csv);
	}
	/* A whole delivery is one transaction.  Its pages are kept in a page
	 * cache of IMPORT_CACHE_KIB: more would make memory grow with the
	 * delivery; what does not fit spills to the WAL, which the rows of a
	 * sorted file reach in order (tools/bench.sh measures both).
	 *
	 * Foreign keys are off for the import's own transaction only (every
	 * other connection and statement keeps them on).  The importer makes
	 * every reference true before it writes a row: the region is found or
	 * created (import_region), the period inserted (import_period), the
	 * indicator and category checked against the configuration, synced
	 * into those tables first in the same transaction (a refused delivery
	 * leaves them as they were), the delivery written first.  Checking
	 * all four again per row in SQLite cost a third of the import time. */
	if ((rc = db_exec(db, "PRAGMA cache_size = -" IMPORT_CACHE_KIB, err)) != JMON_OK ||
	    (rc = db_exec(db, "PRAGMA foreign_keys = OFF", err)) != JMON_OK ||
	    (rc = db_begin(db, err)) != JMON_OK ||
	    (rc = db_sync_config_within(db, im->cfg, err)) != JMON_OK)
		return rc;
	rc = run(im, err);
	if (rc == JMON_OK && im->csv.read_errno)
		rc = jmon_fail(err, JMON_IO, "%s: %s", path, strerror(im->csv.read_errno));
	return rc;
}

enum jmon_status import_file(struct db *db, const struct config *cfg, const char *path,
			     const struct import_options *opt, struct import_result *res,
			     struct diag_list *d, struct jmon_error *err)
{
	struct import im = { .db = db, .cfg = cfg, .diag = d, .res = res, .opt = opt };
	enum jmon_status rc;

	memset(res, 0, sizeof *res);
	res->format = opt->format;
	im.name = opt->name ? opt->name : path;
	im.started = im.shown = import_clock();
	for (;;) {
		rc = read_once(&im, path, err);
		if (rc != JMON_OK || !im.restart)
			break;
		/* A key out of order: everything again, keeping every key
		 * (see import_seen).  The transaction goes, and with it what
		 * the caches of regions and periods knew. */
		db_rollback(db);
		forget(&im);
		im = (struct import){ .db = db, .cfg = cfg, .diag = d, .res = res, .opt = opt,
				      .name = im.name, .started = im.started, .shown = im.shown,
				      .unsorted = true };
		diag_free(d);
		memset(res, 0, sizeof *res);
		res->format = opt->format;
	}
	res->seconds = import_clock() - im.started;
	if (opt->progress)
		fprintf(stderr, "\r%*s\r", 60, "");
	if (res->already) {
		diag_free(d);	/* what this configuration finds in it is not news */
		rc = JMON_OK;
	} else if (rc == JMON_OK && opt->before_commit) {
		rc = opt->before_commit(path, res, err);
	}
	if (rc == JMON_OK && !res->already && (rc = db_commit(db, err)) != JMON_OK)
		res->commit_failed = true;
	if (rc != JMON_OK || res->already) {
		db_rollback(db);
		if (!res->already)
			res->delivery = 0;
	}
	db_exec(db, "PRAGMA foreign_keys = ON", NULL);
	forget(&im);
	return rc;
}
