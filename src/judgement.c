/* SPDX-License-Identifier: EUPL-1.2 */
/* The analyst's judgement, written; the rules are in
 * include/jmon/judgement.h.  Each write reads what is stored first: that
 * answers both the import's count and whether to write at all. */
#include <stdlib.h>
#include <string.h>

#include "jmon/db_internal.h"
#include "jmon/judgement.h"
#include "jmon/stoplight.h"
#include "jmon/xmalloc.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char sql_annotation_text[] =
	"SELECT text, change FROM annotation"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3 AND category = ?4"
	"   AND field = ?5";
static const char sql_annotation_put[] =
	"INSERT INTO annotation (region, period, indicator, category, field, text, author, at,"
	"                        change)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " NOW ", ?8)"
	" ON CONFLICT (region, period, indicator, category, field) DO UPDATE"
	" SET text = excluded.text, author = excluded.author, at = excluded.at,"
	"     change = excluded.change";
static const char sql_annotation_delete[] =
	"DELETE FROM annotation"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3 AND category = ?4"
	"   AND field = ?5";
static const char sql_review_now[] =
	"SELECT coalesce(status_override, ''), reason, reviewed, change FROM review"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3";
static const char sql_review_put[] =
	"INSERT INTO review (region, period, indicator, status_override, reason, reviewed,"
	"                    author, at, change)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " NOW ", ?8)"
	" ON CONFLICT (region, period, indicator) DO UPDATE"
	" SET status_override = excluded.status_override, reason = excluded.reason,"
	"     reviewed = excluded.reviewed, author = excluded.author, at = excluded.at,"
	"     change = excluded.change";
static const char sql_history_put[] =
	"INSERT INTO history (at, author, via, region, period, indicator, category, what,"
	"                     reviewed, status_override, reason, text, value, flag, status,"
	"                     delivery, field)"
	" VALUES (" NOW ", ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)";

/* ?1 region, ?2 period, ?3 indicator and, for a text (field not NULL),
 * ?4 category and ?5 field: the order of both tables' primary keys. */
static void bind_key(sqlite3_stmt *st, const struct cell_key *k, const char *field)
{
	db_bind_text(st, 1, k->region);
	db_bind_text(st, 2, k->period);
	db_bind_text(st, 3, k->indicator);
	if (field) {
		db_bind_text(st, 4, k->category ? k->category : "");
		db_bind_text(st, 5, field);
	}
}

/* What is stored under key, read with sql into *st: 1 with the row in *st,
 * 0 when there is none, -1 on an error. */
static int stored(struct db *db, const char *sql, const struct cell_key *key,
		  const char *field, sqlite3_stmt **st, struct jmon_error *err)
{
	int rc;

	if (!(*st = db_prepare(db, sql, err)))
		return -1;
	bind_key(*st, key, field);
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

/* The import's writes: whatever is stored, by the document. */
static struct judgement_basis import_basis(const char *author)
{
	struct judgement_basis b = { author, "import", JUDGEMENT_ANY, false, 0, NULL, NULL, 0 };

	return b;
}

/* Whether what is stored is still what the analyst saw. */
static enum jmon_status still_seen(const struct judgement_basis *b, long stored_change,
				   struct jmon_error *err)
{
	if (b->seen == JUDGEMENT_ANY || b->seen == stored_change)
		return JMON_OK;
	return jmon_fail(err, JMON_CONFLICT, "intussen door iemand anders gewijzigd");
}

/* Append one write to the history; *id is its entry.  field NULL for a
 * review (else the text field written); reviewed < 0 and text NULL for
 * what the write is not about. */
static enum jmon_status record(struct db *db, const struct cell_key *key, const char *field,
			       int reviewed, const char *status, const char *reason,
			       const char *text, const struct judgement_basis *b, long *id,
			       struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_history_put, err);
	bool explanation = field != NULL;

	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, b->author ? b->author : "");
	db_bind_text(st, 2, b->via ? b->via : "browser");
	db_bind_text(st, 3, key->region);
	db_bind_text(st, 4, key->period);
	db_bind_text(st, 5, key->indicator);
	db_bind_text(st, 6, explanation && key->category ? key->category : "");
	db_bind_text(st, 7, explanation ? "explanation" : "review");
	if (reviewed >= 0)
		sqlite3_bind_int(st, 8, reviewed);
	db_bind_text(st, 9, status);
	db_bind_text(st, 10, reason);
	db_bind_text(st, 11, text);
	if (b->has_value)
		sqlite3_bind_double(st, 12, b->value);
	db_bind_text(st, 13, b->flag);
	db_bind_text(st, 14, b->status);
	if (b->delivery > 0)
		sqlite3_bind_int64(st, 15, b->delivery);
	db_bind_text(st, 16, explanation ? field : "");
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, err, "writing the history");
	*id = (long)sqlite3_last_insert_rowid(db->sql);
	return JMON_OK;
}

/* --- explanations ------------------------------------------------------------ */

static enum jmon_status explain(struct db *db, const struct cell_key *key, const char *field,
				const char *text, const struct judgement_basis *b,
				enum judgement_change *change, struct jmon_error *err)
{
	bool remove = !text || !*text;
	sqlite3_stmt *st;
	int found = stored(db, sql_annotation_text, key, field, &st, err);
	long was = 0, id;
	bool same;
	enum jmon_status rc;

	if (found < 0)
		return JMON_IO;
	same = found ? !remove && strcmp(db_column_text(st, 0), text) == 0 : remove;
	if (found)
		was = (long)sqlite3_column_int64(st, 1);
	*change = change_of(found, same);
	sqlite3_reset(st);
	if ((rc = still_seen(b, was, err)) || *change == JUDGEMENT_UNCHANGED)
		return rc;
	if ((rc = record(db, key, field, -1, NULL, NULL, remove ? NULL : text, b, &id, err)))
		return rc;
	if (!(st = db_prepare(db, remove ? sql_annotation_delete : sql_annotation_put, err)))
		return JMON_IO;
	bind_key(st, key, field);
	if (!remove) {
		db_bind_text(st, 6, text);
		db_bind_text(st, 7, b->author ? b->author : "");
		sqlite3_bind_int64(st, 8, id);
	}
	return step(db, st, err);
}

enum jmon_status judgement_explain_as(struct db *db, const struct cell_key *key,
				      const char *field, const char *text,
				      const struct judgement_basis *b,
				      enum judgement_change *change, struct jmon_error *err)
{
	enum judgement_change ignored;
	bool own = false;
	enum jmon_status rc = begin(db, &own, err);

	if (rc != JMON_OK)
		return rc;
	if (!field || !*field)
		field = JUDGEMENT_FIELD;
	rc = explain(db, key, field, text, b, change ? change : &ignored, err);
	return finish(db, own, rc, err);
}

enum jmon_status judgement_explain(struct db *db, const struct cell_key *key, const char *field,
				   const char *text, const char *author,
				   enum judgement_change *change, struct jmon_error *err)
{
	struct judgement_basis b = import_basis(author);

	return judgement_explain_as(db, key, field, text, &b, change, err);
}

/* --- reviews ----------------------------------------------------------------- */

/* What part of a review a write sets: all of it (the import), or only
 * the mark or only the status, keeping the rest as stored. */
enum review_part { REVIEW_ALL, REVIEW_MARK, REVIEW_STATUS };

static enum jmon_status review(struct db *db, const struct cell_key *key, enum review_part part,
			       const char *status, const char *reason, bool reviewed,
			       const struct judgement_basis *b, enum judgement_change *change,
			       struct jmon_error *err)
{
	sqlite3_stmt *st;
	int found = stored(db, sql_review_now, key, NULL, &st, err);
	char *now_status = NULL, *now_reason = NULL;
	long was = 0, id;
	bool now_reviewed = false, same;
	enum jmon_status rc;

	if (found < 0)
		return JMON_IO;
	if (found) {
		now_status = xstrdup(db_column_text(st, 0));
		now_reason = xstrdup(db_column_text(st, 1));
		now_reviewed = sqlite3_column_int(st, 2) != 0;
		was = (long)sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	/* a mark never clears a status, a status never clears a mark */
	if (part == REVIEW_MARK) {
		status = now_status && *now_status ? now_status : NULL;
		reason = now_reason ? now_reason : "";
	} else if (part == REVIEW_STATUS) {
		reviewed = now_reviewed;
	}
	same = found && strcmp(now_status, status ? status : "") == 0 &&
	       strcmp(now_reason, reason) == 0 && now_reviewed == reviewed;
	*change = change_of(found, same);
	rc = still_seen(b, was, err);
	if (rc == JMON_OK && *change != JUDGEMENT_UNCHANGED)
		rc = record(db, key, NULL, reviewed, status, reason, NULL, b, &id, err);
	if (rc == JMON_OK && *change != JUDGEMENT_UNCHANGED) {
		if (!(st = db_prepare(db, sql_review_put, err))) {
			rc = JMON_IO;
		} else {
			bind_key(st, key, NULL);
			db_bind_text(st, 4, status);
			db_bind_text(st, 5, reason);
			sqlite3_bind_int(st, 6, reviewed);
			db_bind_text(st, 7, b->author ? b->author : "");
			sqlite3_bind_int64(st, 8, id);
			rc = step(db, st, err);
		}
	}
	free(now_status);
	free(now_reason);
	return rc;
}

/* A status by the rules: a known colour, by its English name, with a reason. */
static enum jmon_status valid_status(const char **status, const char *reason,
				     struct jmon_error *err)
{
	enum stoplight_status s;

	if (*status && !**status) {
		*status = NULL;
	} else if (*status) {
		if (!stoplight_status_parse(*status, &s))
			return jmon_fail(err, JMON_DATA,
					 "unknown status '%s' (green, amber, red or grey)", *status);
		if (!*reason)
			return jmon_fail(err, JMON_DATA, "an overridden status needs a reason");
		*status = stoplight_name(s);
	}
	return JMON_OK;
}

static enum jmon_status write_review(struct db *db, const struct cell_key *key,
				     enum review_part part, const char *status,
				     const char *reason, bool reviewed,
				     const struct judgement_basis *b,
				     enum judgement_change *change, struct jmon_error *err)
{
	enum judgement_change ignored;
	bool own = false;
	enum jmon_status rc;

	if (!reason)
		reason = "";
	if (part != REVIEW_MARK && (rc = valid_status(&status, reason, err)))
		return rc;
	if ((rc = begin(db, &own, err)) != JMON_OK)
		return rc;
	rc = review(db, key, part, status, reason, reviewed, b, change ? change : &ignored, err);
	return finish(db, own, rc, err);
}

enum jmon_status judgement_review(struct db *db, const struct cell_key *key, const char *status,
				  const char *reason, bool reviewed, const char *author,
				  enum judgement_change *change, struct jmon_error *err)
{
	struct judgement_basis b = import_basis(author);

	return write_review(db, key, REVIEW_ALL, status, reason, reviewed, &b, change, err);
}

enum jmon_status judgement_mark(struct db *db, const struct cell_key *key, bool reviewed,
				const struct judgement_basis *b, enum judgement_change *change,
				struct jmon_error *err)
{
	return write_review(db, key, REVIEW_MARK, NULL, NULL, reviewed, b, change, err);
}

enum jmon_status judgement_override(struct db *db, const struct cell_key *key,
				    const char *status, const char *reason,
				    const struct judgement_basis *b,
				    enum judgement_change *change, struct jmon_error *err)
{
	return write_review(db, key, REVIEW_STATUS, status, status ? reason : NULL, false, b,
			    change, err);
}
