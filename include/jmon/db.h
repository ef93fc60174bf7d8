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
#define DB_SCHEMA_VERSION 4

enum db_mode {
	DB_READONLY,	/* browse, report: never writes, never creates */
	DB_READWRITE,	/* import, annotate, review: creates and migrates */
};

struct db;

/* Open the database at path.  Read-only: the file must exist and have this
 * program's schema (JMON_NOINPUT / JMON_IO otherwise).  Read-write: create
 * it if needed (mode FILEPERM_SHARED less the umask, include/jmon/fileperm.h),
 * migrate it, and, when cfg is not NULL, sync indicators and categories
 * from the configuration.  A file this user may not read (read-only) or
 * write (read-write, also the folder of a -wal still to be made) is
 * JMON_NOPERM with a message that names it and says what to do. */
enum jmon_status db_open(const char *path, enum db_mode mode, const struct config *cfg,
			 struct db **out, struct jmon_error *err);
void db_close(struct db *db);

/* The path the handle was opened with, for messages. */
const char *db_path(const struct db *db);

/* End the read transaction the cached statements hold.  A statement left
 * after its last row keeps its snapshot: without this a read-only handle
 * would not see what another connection wrote since. */
void db_end_read(struct db *db);

/* Copy what the WAL holds into the database and empty the WAL (PRAGMA
 * wal_checkpoint(TRUNCATE)), after an import's commit.  Without it the WAL
 * of a database that browsers keep open grows with every import: only the
 * last connection to close empties it, and with a browser open the
 * importer is never the last.  It waits (busy timeout) for readers still
 * on an older snapshot; browsers hold none between keys.  A reader that
 * holds one longer is not an error: the WAL is then emptied next time. */
enum jmon_status db_checkpoint(struct db *db, struct jmon_error *err);

/* Write a copy of the database to dest, a file that must not exist yet
 * (JMON_CANTCREAT): one file, in a single transaction, so it holds every
 * committed write, also those still in the WAL, and nothing half done
 * (VACUUM INTO).  The copy has the database's group and its mode less
 * every bit for other users.  Works on a read-only handle. */
enum jmon_status db_backup(struct db *db, const char *dest, struct jmon_error *err);

/* Make the indicator and category tables match the configuration: the
 * configuration is the truth.  Rows the configuration dropped are deleted,
 * unless observations, annotations or reviews still refer to them; those
 * stay with active = 0.  Writes nothing when nothing differs. */
enum jmon_status db_sync_config(struct db *db, const struct config *cfg,
				struct jmon_error *err);
/* The same within the caller's transaction: an import's, so that a
 * delivery that is refused leaves the configuration's tables as they were
 * too (the database byte-identical). */
enum jmon_status db_sync_config_within(struct db *db, const struct config *cfg,
				       struct jmon_error *err);

/* A number that changes whenever another connection committed a change
 * (SQLite's data_version); -1 on an error.  Cheap: for polling when idle. */
long db_data_version(struct db *db);

/* While another connection writes (an import), call wait(ctx, n) for the
 * n-th time instead of failing: it waits and returns nonzero to try again,
 * 0 to give up (SQLITE_BUSY).  Replaces the busy timeout. */
void db_on_busy(struct db *db, int (*wait)(void *ctx, int count), void *ctx);

#endif
