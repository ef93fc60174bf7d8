/* SPDX-License-Identifier: EUPL-1.2 */
/* The analyst's judgement, written; the rules are in
 * include/jmon/judgement.h.  Each write reads what is stored first: that
 * answers both the import's count and whether to write at all. */
#include <string.h>

#include "jmon/db_internal.h"
#include "jmon/judgement.h"
#include "jmon/stoplight.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char sql_annotation_text[] =
	"SELECT text FROM annotation"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3 AND category = ?4";
static const char sql_annotation_put[] =
	"INSERT INTO annotation (region, period, indicator, category, text, author, at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, " NOW ")"
	" ON CONFLICT (region, period, indicator, category) DO UPDATE"
	" SET text = excluded.text, author = excluded.author, at = excluded.at";
static const char sql_annotation_delete[] =
	"DELETE FROM annotation"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3 AND category = ?4";
static const char sql_review_now[] =
	"SELECT coalesce(status_override, ''), reason, reviewed FROM review"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3";
static const char sql_review_put[] =
	"INSERT INTO review (region, period, indicator, status_override, reason, reviewed,"
	"                    author, at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " NOW ")"
	" ON CONFLICT (region, period, indicator) DO UPDATE"
	" SET status_override = excluded.status_override, reason = excluded.reason,"
	"     reviewed = excluded.reviewed, author = excluded.author, at = excluded.at";

/* ?1 region, ?2 period, ?3 indicator and, for a cell, ?4 category: the
 * order of both tables' primary keys. */
static void bind_key(sqlite3_stmt *st, const struct cell_key *k, bool cell)
{
	db_bind_text(st, 1, k->region);
	db_bind_text(st, 2, k->period);
	db_bind_text(st, 3, k->indicator);
	if (cell)
		db_bind_text(st, 4, k->category ? k->category : "");
}

/* What is stored under key, read with sql into *st: 1 with the row in *st,
 * 0 when there is none, -1 on an error. */
static int stored(struct db *db, const char *sql, const struct cell_key *key, bool cell,
		  sqlite3_stmt **st, struct jmon_error *err)
{
	int rc;

	if (!(*st = db_prepare(db, sql, err)))
		return -1;
	bind_key(*st, key, cell);
	rc = sqlite3_step(*st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	db_fail(db, err, "reading the judgement");
	return -1;
}

static enum judgement_change change_of(int found, bool same)
{
	return same ? JUDGEMENT_UNCHANGED : found ? JUDGEMENT_CHANGED : JUDGEMENT_NEW;
}

static enum jmon_status step(struct db *db, sqlite3_stmt *st, struct jmon_error *err)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, err, "writing the judgement");
	return JMON_OK;
}

/* The read and the write in one transaction: the caller's when one is
 * open (an import's), else a short one of the write's own. */
static enum jmon_status begin(struct db *db, bool *own, struct jmon_error *err)
{
	if (db->readonly)
		return jmon_fail(err, JMON_SOFTWARE, "%s: opened read-only", db->path);
	*own = sqlite3_get_autocommit(db->sql) != 0;
	return *own ? db_begin(db, err) : JMON_OK;
}

static enum jmon_status finish(struct db *db, bool own, enum jmon_status rc,
			       struct jmon_error *err)
{
	if (!own)
		return rc;
	if (rc == JMON_OK)
		return db_commit(db, err);
	db_rollback(db);
	return rc;
}

/* --- explanations ------------------------------------------------------------ */

static enum jmon_status explain(struct db *db, const struct cell_key *key, const char *text,
				const char *author, enum judgement_change *change,
				struct jmon_error *err)
{
	bool remove = !text || !*text;
	sqlite3_stmt *st;
	int found = stored(db, sql_annotation_text, key, true, &st, err);
	bool same;

	if (found < 0)
		return JMON_IO;
	same = found ? !remove && strcmp(db_column_text(st, 0), text) == 0 : remove;
	*change = change_of(found, same);
	sqlite3_reset(st);
	if (*change == JUDGEMENT_UNCHANGED)
		return JMON_OK;
	if (!(st = db_prepare(db, remove ? sql_annotation_delete : sql_annotation_put, err)))
		return JMON_IO;
	bind_key(st, key, true);
	if (!remove) {
		db_bind_text(st, 5, text);
		db_bind_text(st, 6, author ? author : "");
	}
	return step(db, st, err);
}

enum jmon_status judgement_explain(struct db *db, const struct cell_key *key, const char *text,
				   const char *author, enum judgement_change *change,
				   struct jmon_error *err)
{
	enum judgement_change ignored;
	bool own = false;
	enum jmon_status rc = begin(db, &own, err);

	if (rc != JMON_OK)
		return rc;
	rc = explain(db, key, text, author, change ? change : &ignored, err);
	return finish(db, own, rc, err);
}

/* --- reviews ----------------------------------------------------------------- */

static enum jmon_status review(struct db *db, const struct cell_key *key, const char *status,
			       const char *reason, bool reviewed, const char *author,
			       enum judgement_change *change, struct jmon_error *err)
{
	sqlite3_stmt *st;
	int found = stored(db, sql_review_now, key, false, &st, err);
	bool same;

	if (found < 0)
		return JMON_IO;
	same = found && strcmp(db_column_text(st, 0), status ? status : "") == 0 &&
	       strcmp(db_column_text(st, 1), reason) == 0 &&
	       (sqlite3_column_int(st, 2) != 0) == reviewed;
	*change = change_of(found, same);
	sqlite3_reset(st);
	if (*change == JUDGEMENT_UNCHANGED)
		return JMON_OK;
	if (!(st = db_prepare(db, sql_review_put, err)))
		return JMON_IO;
	bind_key(st, key, false);
	db_bind_text(st, 4, status);
	db_bind_text(st, 5, reason);
	sqlite3_bind_int(st, 6, reviewed);
	db_bind_text(st, 7, author ? author : "");
	return step(db, st, err);
}

enum jmon_status judgement_review(struct db *db, const struct cell_key *key, const char *status,
				  const char *reason, bool reviewed, const char *author,
				  enum judgement_change *change, struct jmon_error *err)
{
	enum judgement_change ignored;
	enum stoplight_status s;
	bool own = false;
	enum jmon_status rc;

	if (!reason)
		reason = "";
	if (status && !*status) {
		status = NULL;
	} else if (status) {
		if (!stoplight_status_parse(status, &s))
			return jmon_fail(err, JMON_DATA,
					 "unknown status '%s' (green, amber, red or grey)", status);
		if (!*reason)
			return jmon_fail(err, JMON_DATA, "an overridden status needs a reason");
		status = stoplight_name(s);
	}
	if ((rc = begin(db, &own, err)) != JMON_OK)
		return rc;
	rc = review(db, key, status, reason, reviewed, author, change ? change : &ignored, err);
	return finish(db, own, rc, err);
}
