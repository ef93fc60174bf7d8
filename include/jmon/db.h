/* SPDX-License-Identifier: EUPL-1.2 */
/* The SQLite store (DESIGN section 3): opening, the schema and its
 * migrations, the configuration sync, and the cache of prepared statements.
 *
 * Browsing opens read-only (SQLITE_OPEN_READONLY), so any number of
 * analysts can share one file; `import`, annotations and reviews open
 * read-write, each change in one short transaction.  The file is in WAL
 * mode, so readers keep their snapshot while an import runs. */
#ifndef JMON_DB_H
#define JMON_DB_H

#include <stdbool.h>
#include <sqlite3.h>

#include "jmon/config.h"
#include "jmon/error.h"

/* The schema version this program writes (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 2

enum db_mode {
	DB_READONLY,	/* browse, report: never writes, never creates */
	DB_READWRITE,	/* import, annotate, review: creates and migrates */
};

struct db_cached_stmt {
	const char *sql;	/* the static text; its address is the key */
	sqlite3_stmt *stmt;
};

struct db {
	sqlite3 *sql;
	char *path;
	bool readonly;
	struct db_cached_stmt *cache;
	size_t ncache, capcache;
};

/* Open the database at path.  Read-only: the file must exist and have this
 * program's schema (JMON_NOINPUT / JMON_IO otherwise).  Read-write: create
 * it if needed, migrate it, and, when cfg is not NULL, sync indicators and
 * categories from the configuration. */
enum jmon_status db_open(const char *path, enum db_mode mode, const struct config *cfg,
			 struct db **out, struct jmon_error *err);
void db_close(struct db *db);

/* The prepared statement for sql, kept in the handle: prepared on first
 * use, reset and with its bindings cleared on every later one.  sql must be
 * a string with static storage (its address is the cache key).  NULL on
 * failure, with err filled. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, struct jmon_error *err);

/* End the read transaction the cached statements hold.  A statement left
 * after its last row keeps its snapshot: without this a read-only handle
 * would not see what another connection wrote since. */
void db_end_read(struct db *db);

/* Fill err with SQLite's message for the last failure; returns JMON_IO. */
enum jmon_status db_fail(struct db *db, struct jmon_error *err, const char *what);

/* One write transaction: BEGIN IMMEDIATE, so a writer waits for another
 * writer up front (busy timeout) instead of failing halfway. */
enum jmon_status db_begin(struct db *db, struct jmon_error *err);
enum jmon_status db_commit(struct db *db, struct jmon_error *err);
void db_rollback(struct db *db);

/* Run one statement without results (for schema and pragmas). */
enum jmon_status db_exec(struct db *db, const char *sql, struct jmon_error *err);

/* Make the indicator and category tables match the configuration: the
 * configuration is the truth.  Rows the configuration dropped are deleted,
 * unless observations, annotations or reviews still refer to them; those
 * stay with active = 0.  Writes nothing when nothing differs. */
enum jmon_status db_sync_config(struct db *db, const struct config *cfg,
				struct jmon_error *err);

/* Schema (src/schema.c): bring the database to DB_SCHEMA_VERSION. */
enum jmon_status db_migrate(struct db *db, struct jmon_error *err);
/* PRAGMA user_version, or -1 on error. */
int db_user_version(struct db *db);

/* Bind helpers: text that may be NULL binds NULL. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Column as text, "" for NULL. */
const char *db_column_text(sqlite3_stmt *st, int i);

#endif
