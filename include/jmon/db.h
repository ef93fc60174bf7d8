/* SPDX-License-Identifier: EUPL-1.2 */
/* The SQLite store: opening, the schema and its migrations, the
 * configuration sync, and the cache of prepared statements.
 *
 * Browsing opens read-only (SQLITE_OPEN_READONLY), so any number of
 * analysts can share one file; `import`, annotations and reviews open
 * read-write, each change in one short transaction.  The file is in WAL
 * mode, so readers keep their snapshot while an import runs.
 *
 * struct db is opaque here: a view holds a handle and asks query.h.  The
 * files that run SQL themselves include jmon/db_internal.h. */
#ifndef JMON_DB_H
#define JMON_DB_H

#include <stdbool.h>

#include "jmon/config.h"
#include "jmon/error.h"

/* The schema version this program writes (PRAGMA user_version); one
 * migration per version in src/schema.c. */
#define DB_SCHEMA_VERSION 3

enum db_mode {
	DB_READONLY,	/* browse, report: never writes, never creates */
	DB_READWRITE,	/* import, annotate, review: creates and migrates */
};

struct db;

/* Open the database at path.  Read-only: the file must exist and have this
 * program's schema (JMON_NOINPUT / JMON_IO otherwise).  Read-write: create
 * it if needed, migrate it, and, when cfg is not NULL, sync indicators and
 * categories from the configuration. */
enum jmon_status db_open(const char *path, enum db_mode mode, const struct config *cfg,
			 struct db **out, struct jmon_error *err);
void db_close(struct db *db);

/* The path the handle was opened with, for messages. */
const char *db_path(const struct db *db);

/* End the read transaction the cached statements hold.  A statement left
 * after its last row keeps its snapshot: without this a read-only handle
 * would not see what another connection wrote since. */
void db_end_read(struct db *db);

/* Make the indicator and category tables match the configuration: the
 * configuration is the truth.  Rows the configuration dropped are deleted,
 * unless observations, annotations or reviews still refer to them; those
 * stay with active = 0.  Writes nothing when nothing differs. */
enum jmon_status db_sync_config(struct db *db, const struct config *cfg,
				struct jmon_error *err);

/* A number that changes whenever another connection committed a change
 * (SQLite's data_version); -1 on an error.  Cheap: for polling when idle. */
long db_data_version(struct db *db);

/* While another connection writes (an import), call wait(ctx, n) for the
 * n-th time instead of failing: it waits and returns nonzero to try again,
 * 0 to give up (SQLITE_BUSY).  Replaces the busy timeout. */
void db_on_busy(struct db *db, int (*wait)(void *ctx, int count), void *ctx);

#endif
