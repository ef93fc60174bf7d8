/* SPDX-License-Identifier: EUPL-1.2 */
/* Internal to the files that run SQL themselves (db.c, query.c, the
 * importers, the unit tests of the store): the handle's insides and the
 * statement helpers.  Everything else holds an opaque struct db
 * (include/jmon/db.h) and never sees <sqlite3.h>. */
#ifndef JMON_DB_INTERNAL_H
#define JMON_DB_INTERNAL_H

#include <sqlite3.h>

#include "jmon/db.h"
#include "jmon/error.h"

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

/* The prepared statement for sql, kept in the handle: prepared on first
 * use, reset and with its bindings cleared on every later one.  sql must be
 * a string with static storage (its address is the cache key).  NULL on
 * failure, with err filled. */
sqlite3_stmt *db_prepare(struct db *db, const char *sql, struct jmon_error *err);

/* Fill err with SQLite's message for the last failure; returns JMON_IO. */
enum jmon_status db_fail(struct db *db, struct jmon_error *err, const char *what);

/* One write transaction: BEGIN IMMEDIATE, so a writer waits for another
 * writer up front (busy timeout, 5 s) instead of failing halfway; when the
 * other keeps the database longer, JMON_IO says so. */
enum jmon_status db_begin(struct db *db, struct jmon_error *err);
enum jmon_status db_commit(struct db *db, struct jmon_error *err);
void db_rollback(struct db *db);

/* Run one statement without results (for schema and pragmas). */
enum jmon_status db_exec(struct db *db, const char *sql, struct jmon_error *err);

/* PRAGMA user_version, or -1 on error. */
int db_user_version(struct db *db);

/* Bind helpers: text that may be NULL binds NULL. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Column as text, "" for NULL. */
const char *db_column_text(sqlite3_stmt *st, int i);

#endif
