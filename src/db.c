/* SPDX-License-Identifier: EUPL-1.2 */
/* Opening the store, the statement cache, transactions, the migrations and
 * the configuration sync.  See include/jmon/db.h; the schema itself is data,
 * in schema.c. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jmon/db_internal.h"
#include "jmon/fileperm.h"
#include "jmon/schema.h"
#include "jmon/xmalloc.h"

/* How long a writer waits for another writer's transaction, and a
 * connection for a checkpoint or recovery another one runs (the busy
 * timeout); and how long the checkpoint after an import waits for readers
 * still on an older snapshot: long enough for a screen's queries, and an
 * import does not stand still for a reader that keeps its snapshot (the
 * next import empties the WAL). */
enum { BUSY_WAIT_DEFAULT_S = 600, CHECKPOINT_WAIT_MS = 200 };

/* How long a writer waits for another writer: ten minutes, for an import
 * queued behind another one; $JMON_WRITE_WAIT seconds when set (jmon(1)). */
static int busy_wait_ms(void)
{
	const char *env = getenv("JMON_WRITE_WAIT");
	char *end;
	long s = env && *env ? strtol(env, &end, 10) : BUSY_WAIT_DEFAULT_S;

	if (env && *env && (*end || s < 0 || s > 24L * 3600))
		s = BUSY_WAIT_DEFAULT_S;
	return (int)(s * 1000);
}
#define BUSY_WAIT_MS busy_wait_ms()

void db_end_read(struct db *db)
{
	for (size_t i = 0; i < db->ncache; i++)
		sqlite3_reset(db->cache[i].stmt);
}

enum jmon_status db_checkpoint(struct db *db, struct jmon_error *err)
{
	int rc;

	/* A cached statement that stopped at a row keeps a read transaction
	 * of this connection open, and SQLite checkpoints nothing while it
	 * does (SQLITE_LOCKED): which is why the checkpoint SQLite runs by
	 * itself after a commit of 1000 pages never ran after an import. */
	db_end_read(db);
	sqlite3_busy_timeout(db->sql, CHECKPOINT_WAIT_MS);
	rc = sqlite3_wal_checkpoint_v2(db->sql, "main", SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	sqlite3_busy_timeout(db->sql, BUSY_WAIT_MS);
	/* Busy: a reader kept its snapshot for the whole busy timeout.  What
	 * could be copied is copied; the next writer starts the WAL over. */
	if (rc == SQLITE_OK || rc == SQLITE_BUSY)
		return JMON_OK;
	return db_fail(db, err, "checkpointing the WAL");
}

enum jmon_status db_fail(struct db *db, struct jmon_error *err, const char *what)
{
	/* "disk I/O error" alone does not say that the disk is full or the
	 * file size limit reached: the system's errno does. */
	int sys = sqlite3_system_errno(db->sql);

	if ((sqlite3_errcode(db->sql) == SQLITE_IOERR || sqlite3_errcode(db->sql) == SQLITE_FULL) &&
	    sys)
		return jmon_fail(err, JMON_IO, "%s: %s: %s (%s)", db->path, what,
				 sqlite3_errmsg(db->sql), strerror(sys));
	return jmon_fail(err, JMON_IO, "%s: %s: %s", db->path, what, sqlite3_errmsg(db->sql));
}

enum jmon_status db_exec(struct db *db, const char *sql, struct jmon_error *err)
{
	char *msg = NULL;

	errno = 0;
	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK) {
		/* A COMMIT stopped by the file size limit leaves SQLite without
		 * the system's errno (the rollback after it clears it), but the
		 * failed write's is still errno's; only a reason a write has,
		 * not whatever a lookup on the way left there. */
		int e = errno, sys = sqlite3_system_errno(db->sql);

		if (!sys && (e == EFBIG || e == ENOSPC || e == EDQUOT || e == EIO))
			sys = e;

		/* as db_fail: a COMMIT that cannot grow the file says why */
		if ((sqlite3_errcode(db->sql) == SQLITE_IOERR ||
		     sqlite3_errcode(db->sql) == SQLITE_FULL) && sys)
			jmon_fail(err, JMON_IO, "%s: %s (%s)", db->path, msg ? msg : "error",
				  strerror(sys));
		else
			jmon_fail(err, JMON_IO, "%s: %s", db->path, msg ? msg : "error");
		sqlite3_free(msg);
		return JMON_IO;
	}
	return JMON_OK;
}

sqlite3_stmt *db_prepare(struct db *db, const char *sql, struct jmon_error *err)
{
	struct db_cached_stmt *c;

	for (size_t i = 0; i < db->ncache; i++) {
		if (db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].stmt);
			sqlite3_clear_bindings(db->cache[i].stmt);
			return db->cache[i].stmt;
		}
	}
	ARRAY_GROW(db->cache, db->ncache, db->capcache);
	c = &db->cache[db->ncache];
	c->sql = sql;
	if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT, &c->stmt, NULL) != SQLITE_OK) {
		db_fail(db, err, "preparing a statement");
		sqlite3_finalize(c->stmt);
		return NULL;
	}
	db->ncache++;
	return c->stmt;
}

enum jmon_status db_begin(struct db *db, struct jmon_error *err)
{
	enum jmon_status rc = db_exec(db, "BEGIN IMMEDIATE", err);

	/* SQLite's "database is locked" does not say that the wait is over,
	 * nor for whom: with a team, most often another analyst's import. */
	if (rc != JMON_OK && sqlite3_errcode(db->sql) == SQLITE_BUSY)
		return jmon_fail(err, JMON_IO, jmon_dutch()
				 ? "%s: een andere schrijver (een import?) hield de database %d s "
				   "vast; probeer het opnieuw als die klaar is"
				 : "%s: another writer (an import?) kept the database "
				   "for %d s; try again when it is done", db->path, BUSY_WAIT_MS / 1000);
	return rc;
}

enum jmon_status db_commit(struct db *db, struct jmon_error *err)
{
	return db_exec(db, "COMMIT", err);
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->sql))
		sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

const char *db_column_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	return s ? (const char *)s : "";
}

/* --- the schema ---------------------------------------------------------------- */

int db_user_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The schema version, or a failure that says which: SQLite's error when
 * the read failed, and a version that no jmon writes (user_version is any
 * 32-bit number, -1 included, which db_user_version cannot tell from a
 * failure) as such.  Every version it lets through indexes the migrations. */
static enum jmon_status schema_version(struct db *db, int *version, struct jmon_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err, "reading the schema version");
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		db_fail(db, err, "reading the schema version");
		sqlite3_finalize(st);
		return JMON_IO;
	}
	*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (*version < 0)
		return jmon_fail(err, JMON_IO, "%s: database schema %d is not one jmon writes",
				 db->path, *version);
	if (*version > DB_SCHEMA_VERSION)
		return jmon_fail(err, JMON_IO, "%s: database schema %d is newer than this jmon (%d)",
				 db->path, *version, DB_SCHEMA_VERSION);
	return JMON_OK;
}

/* Bring the database to DB_SCHEMA_VERSION: the migrations it lacks, in one
 * transaction with the new user_version. */
static enum jmon_status migrate(struct db *db, struct jmon_error *err)
{
	enum jmon_status rc;
	int version;
	char pragma[64];

	if ((rc = schema_version(db, &version, err)) != JMON_OK)
		return rc;
	if (version == DB_SCHEMA_VERSION)
		return JMON_OK;
	if ((rc = db_begin(db, err)) != JMON_OK)
		return rc;
	/* Read again inside the write lock: another process may have migrated,
	 * even past this jmon, which must then not write its own version. */
	if ((rc = schema_version(db, &version, err)) != JMON_OK) {
		db_rollback(db);
		return rc;
	}
	for (; version < DB_SCHEMA_VERSION; version++) {
		if ((rc = db_exec(db, schema_migrations[version], err)) != JMON_OK) {
			db_rollback(db);
			return rc;
		}
	}
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", DB_SCHEMA_VERSION);
	if ((rc = db_exec(db, pragma, err)) != JMON_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* mkdir -p of the directory part of path, for the default location under
 * $XDG_DATA_HOME that a first import has to create. */
static void make_parent_dirs(const char *path)
{
	char *dir = xstrdup(path);

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0777) != 0 && errno != EEXIST)
			break;
		*p = '/';
	}
	free(dir);
}

/* A database is a regular file: SQLite's open of a FIFO waits for a
 * writer forever, and of a device reads what it gives. */
static enum jmon_status not_a_database(const char *path, enum jmon_status status,
				       struct jmon_error *err)
{
	struct stat st;

	if (stat(path, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
		return JMON_OK;		/* none yet, or said below */
	return jmon_fail(err, status, "%s: is %s, not a database file", path,
			 S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISSOCK(st.st_mode) ? "a socket"
			 : "a device");
}

static enum jmon_status open_readonly(struct db *db, struct jmon_error *err)
{
	enum jmon_status rc;
	int version;

	/* SQLite says "unable to open database file" for a file an outsider
	 * may not read, and for one that is not there. */
	if (access(db->path, R_OK) != 0 && fileperm_errno_denied(errno))
		return fileperm_denied(err, db->path, false);
	if (access(db->path, F_OK) != 0)
		return jmon_fail(err, JMON_NOINPUT,
				 "%s: no database here yet (load data with: jmon import FILE)", db->path);
	if ((rc = not_a_database(db->path, JMON_NOINPUT, err)) != JMON_OK)
		return rc;
	if (sqlite3_open_v2(db->path, &db->sql, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return db_fail(db, err, "opening");
	sqlite3_busy_timeout(db->sql, BUSY_WAIT_MS);
	if ((rc = schema_version(db, &version, err)) != JMON_OK)
		return rc;
	if (version != DB_SCHEMA_VERSION)
		return jmon_fail(err, JMON_IO, "%s: database schema %d, this jmon reads %d"
				 " (jmon import upgrades it)", db->path, version, DB_SCHEMA_VERSION);
	return JMON_OK;
}

/* What a read-write open writes: the file, its -wal and -shm, and for
 * any of them not there yet the folder it is made in.  SQLite would open a
 * file it may not write read-only without a word and fail at the first
 * write ("attempt to write a readonly database"), or fail to make the -wal
 * ("unable to open database file"): neither says which file, nor what to
 * do about it. */
static enum jmon_status check_writable(const char *path, struct jmon_error *err)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, slash == path ? 1 : (size_t)(slash - path)) : xstrdup(".");
	enum jmon_status rc = JMON_OK;

	for (size_t i = 0; i < ARRAY_SIZE(suffixes) && rc == JMON_OK; i++) {
		char *p = xasprintf("%s%s", path, suffixes[i]);

		if (access(p, R_OK | W_OK) != 0 && fileperm_errno_denied(errno))
			rc = fileperm_denied(err, p, true);
		else if (access(p, F_OK) != 0 && errno == ENOENT &&
			 access(dir, W_OK | X_OK) != 0 && fileperm_errno_denied(errno))
			rc = fileperm_denied(err, dir, true);
		free(p);
	}
	free(dir);
	return rc;
}

/* A new database is made here and not by SQLite, which creates it 0644
 * under the usual umask (022), readable by every user; its -wal and -shm
 * take the mode of the file (tests/cli/shared_files.sh).  FILEPERM_SHARED
 * has no bit for other users, so no umask can give them one. */
static enum jmon_status create_file(const char *path, struct jmon_error *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, FILEPERM_SHARED);

	if (fd >= 0)
		return close(fd) == 0 ? JMON_OK : jmon_fail(err, JMON_IO, "%s: %s", path,
							     strerror(errno));
	if (errno == EEXIST)
		return JMON_OK;
	if (fileperm_errno_denied(errno))
		return fileperm_denied(err, path, true);
	return jmon_fail(err, JMON_IO, "%s: cannot create the database: %s", path, strerror(errno));
}

static enum jmon_status open_readwrite(struct db *db, const struct config *cfg,
				       struct jmon_error *err)
{
	enum jmon_status rc;

	struct stat st;

	/* SQLite says only "unable to open database file" */
	if (stat(db->path, &st) == 0 && S_ISDIR(st.st_mode))
		return jmon_fail(err, JMON_CANTCREAT, "%s is a folder, not a database file: name "
				 "one in it (--db %s%sjmon.db)", db->path, db->path,
				 db->path[strlen(db->path) - 1] == '/' ? "" : "/");
	if ((rc = not_a_database(db->path, JMON_CANTCREAT, err)) != JMON_OK)
		return rc;
	make_parent_dirs(db->path);
	if ((rc = check_writable(db->path, err)) != JMON_OK ||
	    (rc = create_file(db->path, err)) != JMON_OK)
		return rc;
	if (sqlite3_open_v2(db->path, &db->sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK)
		return db_fail(db, err, "opening");
	sqlite3_busy_timeout(db->sql, BUSY_WAIT_MS);
	/* WAL: readers keep browsing during an import.  synchronous=NORMAL is
	 * durable across application crashes in WAL mode, and an import that
	 * is lost to a power cut is simply run again. */
	/* 8 KiB pages: bulk inserts into the observation key ran a fifth faster
	 * than with 4 KiB, and a screen reads a handful of pages either way.
	 * Only a new file takes it; it must come before WAL. */
	if ((rc = db_exec(db, "PRAGMA page_size = 8192", err)) != JMON_OK ||
	    (rc = db_exec(db, "PRAGMA journal_mode = WAL", err)) != JMON_OK ||
	    (rc = db_exec(db, "PRAGMA synchronous = NORMAL", err)) != JMON_OK ||
	    (rc = db_exec(db, "PRAGMA foreign_keys = ON", err)) != JMON_OK ||
	    (rc = migrate(db, err)) != JMON_OK)
		return rc;
	/* Keep the -wal and -shm files when the last writer closes: an analyst
	 * who may only read the file (and its folder) can open a WAL database
	 * read-only only when those two already exist. */
	int persist = 1;
	sqlite3_file_control(db->sql, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
	/* ...but empty: a kept WAL of a million-row import (90 MB) made every
	 * reader's first query cost 40 ms instead of 1 */
	if ((rc = db_exec(db, "PRAGMA journal_size_limit = 0", err)) != JMON_OK)
		return rc;
	if (cfg)
		return db_sync_config(db, cfg, err);
	return JMON_OK;
}

enum jmon_status db_open(const char *path, enum db_mode mode, const struct config *cfg,
			 struct db **out, struct jmon_error *err)
{
	static bool configured;
	struct db *db = xcalloc(1, sizeof *db);
	enum jmon_status rc;

	/* jmon has one thread: SQLite need not take a mutex around every call,
	 * nor count its memory (both showed in the import profile).  This only
	 * takes effect before SQLite's first use, hence here and once. */
	if (!configured) {
		sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = true;
	}

	db->path = xstrdup(path);
	db->readonly = mode == DB_READONLY;
	rc = db->readonly ? open_readonly(db, err) : open_readwrite(db, cfg, err);
	if (rc != JMON_OK) {
		db_close(db);
		*out = NULL;
		return rc;
	}
	*out = db;
	return JMON_OK;
}

/* The copy's file, made before SQLite writes into it: new (never over
 * another file), with the database's mode less every bit for other users,
 * and its group, so that whoever may read the database may read the copy
 * and nobody else.  SQLite would make it 0644 under the usual umask. */
static enum jmon_status create_copy(const char *src, const char *dest, struct jmon_error *err)
{
	struct stat st;
	mode_t mode;
	int fd;

	if (stat(src, &st) != 0)
		return jmon_fail(err, JMON_IO, "%s: %s", src, strerror(errno));
	mode = st.st_mode & FILEPERM_SHARED;
	if ((fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)) < 0) {
		if (errno == EEXIST)
			return jmon_fail(err, JMON_CANTCREAT, "%s exists: a backup never replaces a "
					 "file; name a new one", dest);
		return jmon_fail(err, JMON_CANTCREAT, "cannot create %s: %s", dest, strerror(errno));
	}
	/* Only a member of the group may give a file to it; anyone else gets
	 * the folder's group, and the mode still has no bit for other users. */
	if (fchown(fd, (uid_t)-1, st.st_gid) != 0 && errno != EPERM) {
		close(fd);
		unlink(dest);
		return jmon_fail(err, JMON_CANTCREAT, "%s: %s", dest, strerror(errno));
	}
	if (fchmod(fd, mode) != 0 || close(fd) != 0) {
		unlink(dest);
		return jmon_fail(err, JMON_CANTCREAT, "%s: %s", dest, strerror(errno));
	}
	return JMON_OK;
}

/* The copy on the disk before "done": a backup that a power cut leaves
 * half written is worse than none. */
static enum jmon_status sync_file(const char *path, struct jmon_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fsync(fd) != 0) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		return jmon_fail(err, JMON_IO, "%s: %s", path, strerror(e));
	}
	close(fd);
	return JMON_OK;
}

static const char sql_backup[] = "VACUUM INTO ?1";

enum jmon_status db_backup(struct db *db, const char *dest, struct jmon_error *err)
{
	sqlite3_stmt *st;
	enum jmon_status rc;

	if ((rc = create_copy(db->path, dest, err)) != JMON_OK)
		return rc;
	if (!(st = db_prepare(db, sql_backup, err))) {
		unlink(dest);
		return JMON_IO;
	}
	db_bind_text(st, 1, dest);
	rc = sqlite3_step(st) == SQLITE_DONE ? JMON_OK : db_fail(db, err, "writing the backup");
	sqlite3_reset(st);
	if (rc == JMON_OK)
		rc = sync_file(dest, err);
	if (rc != JMON_OK)
		unlink(dest);
	return rc;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->ncache; i++)
		sqlite3_finalize(db->cache[i].stmt);
	free(db->cache);
	sqlite3_close(db->sql);
	free(db->path);
	free(db);
}

/* --- configuration sync ---------------------------------------------------- */

/* Each upsert writes only when something differs, so opening with an
 * unchanged configuration leaves the file byte for byte as it was. */
static const char sql_indicator_upsert[] =
	"INSERT INTO indicator (id, chapter, position, label, unit, counts, active)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)"
	" ON CONFLICT (id) DO UPDATE SET chapter = excluded.chapter,"
	"  position = excluded.position, label = excluded.label, unit = excluded.unit,"
	"  counts = excluded.counts, active = 1"
	" WHERE chapter IS NOT excluded.chapter OR position IS NOT excluded.position"
	"  OR label IS NOT excluded.label OR unit IS NOT excluded.unit"
	"  OR counts IS NOT excluded.counts OR active IS NOT 1";
static const char sql_category_upsert[] =
	"INSERT INTO category (indicator, id, position, label, active)"
	" VALUES (?1, ?2, ?3, ?4, 1)"
	" ON CONFLICT (indicator, id) DO UPDATE SET position = excluded.position,"
	"  label = excluded.label, active = 1"
	" WHERE position IS NOT excluded.position OR label IS NOT excluded.label"
	"  OR active IS NOT 1";
/* Only active rows: a retired one was checked when it was retired, and
 * with no index by indicator, "is it used?" reads the observations. */
static const char sql_categories_all[] = "SELECT indicator, id FROM category WHERE active";
static const char sql_category_used[] =
	"SELECT EXISTS (SELECT 1 FROM observation WHERE indicator = ?1 AND category = ?2)"
	"    OR EXISTS (SELECT 1 FROM annotation WHERE indicator = ?1 AND category = ?2)"
	"    OR (?2 = '' AND EXISTS (SELECT 1 FROM review WHERE indicator = ?1))";
static const char sql_category_retire[] =
	"UPDATE category SET active = 0 WHERE indicator = ?1 AND id = ?2 AND active";
static const char sql_category_delete[] =
	"DELETE FROM category WHERE indicator = ?1 AND id = ?2";
static const char sql_indicator_retire[] =
	"UPDATE indicator SET active = 0 WHERE active AND NOT EXISTS"
	" (SELECT 1 FROM category WHERE indicator = ?1 AND active) AND id = ?1";
static const char sql_indicator_delete[] =
	"DELETE FROM indicator WHERE id = ?1 AND NOT EXISTS"
	" (SELECT 1 FROM category WHERE indicator = ?1)";

/* Label of the total row of every indicator. */
#define TOTAL_LABEL "Totaal"

static enum jmon_status step_done(struct db *db, sqlite3_stmt *st, struct jmon_error *err)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(db, err, "syncing the configuration");
	return JMON_OK;
}

static enum jmon_status upsert_category(struct db *db, const char *indicator, const char *id,
					int position, const char *label, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_category_upsert, err);

	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, indicator);
	db_bind_text(st, 2, id);
	sqlite3_bind_int(st, 3, position);
	db_bind_text(st, 4, label);
	return step_done(db, st, err);
}

static enum jmon_status upsert_indicator(struct db *db, const struct indicator *ind,
					 int position, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_indicator_upsert, err);
	enum jmon_status rc;

	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, ind->id);
	db_bind_text(st, 2, ind->chapter ? ind->chapter->id : "");
	sqlite3_bind_int(st, 3, position);
	db_bind_text(st, 4, ind->label ? ind->label : ind->id);
	db_bind_text(st, 5, unit_name(ind->unit));
	sqlite3_bind_int(st, 6, ind->counts);
	if ((rc = step_done(db, st, err)) != JMON_OK)
		return rc;
	if ((rc = upsert_category(db, ind->id, "", 0, TOTAL_LABEL, err)) != JMON_OK)
		return rc;
	for (size_t i = 0; i < ind->ncategories; i++) {
		const struct category *cat = &ind->categories[i];

		rc = upsert_category(db, ind->id, cat->id, (int)i + 1,
				     cat->label ? cat->label : cat->id, err);
		if (rc != JMON_OK)
			return rc;
	}
	return JMON_OK;
}

static bool in_config(const struct config *cfg, const char *indicator, const char *category)
{
	const struct indicator *ind = config_indicator(cfg, indicator);

	return ind && (category[0] == '\0' || indicator_category(ind, category));
}

/* Run a statement bound to (indicator, category) and say whether it
 * returned a true first column. */
static int ask(struct db *db, const char *sql, const char *indicator, const char *category,
	       struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, indicator);
	if (category)
		db_bind_text(st, 2, category);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return sqlite3_column_int(st, 0) != 0;
	if (rc == SQLITE_DONE)
		return 0;
	db_fail(db, err, "syncing the configuration");
	return -1;
}

/* Retire or delete the categories (and then indicators) the configuration
 * no longer has.  The rows are collected first: changing a table while a
 * statement walks it is not something to rely on. */
static enum jmon_status drop_stale(struct db *db, const struct config *cfg,
				   struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_categories_all, err);
	char **stale = NULL;	/* indicator, category pairs */
	size_t n = 0, cap = 0;
	enum jmon_status rc = JMON_OK;
	int step;

	if (!st)
		return JMON_IO;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ind = db_column_text(st, 0), *cat = db_column_text(st, 1);

		if (in_config(cfg, ind, cat))
			continue;
		ARRAY_GROW(stale, n + 1, cap);
		stale[n++] = xstrdup(ind);
		stale[n++] = xstrdup(cat);
	}
	/* A walk cut short would leave stale rows and say nothing. */
	if (step != SQLITE_DONE)
		rc = db_fail(db, err, "syncing the configuration");
	for (size_t i = 0; i < n && rc == JMON_OK; i += 2) {
		int used = ask(db, sql_category_used, stale[i], stale[i + 1], err);

		if (used < 0 ||
		    ask(db, used ? sql_category_retire : sql_category_delete, stale[i],
			stale[i + 1], err) < 0 ||
		    ask(db, sql_indicator_retire, stale[i], NULL, err) < 0 ||
		    ask(db, sql_indicator_delete, stale[i], NULL, err) < 0)
			rc = JMON_IO;
	}
	for (size_t i = 0; i < n; i++)
		free(stale[i]);
	free(stale);
	return rc;
}

enum jmon_status db_sync_config_within(struct db *db, const struct config *cfg,
				       struct jmon_error *err)
{
	enum jmon_status rc = JMON_OK;
	int position = 0;

	for (size_t c = 0; c < cfg->nchapters && rc == JMON_OK; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators && rc == JMON_OK; i++)
			rc = upsert_indicator(db, &cfg->chapters[c].indicators[i], position++, err);
	return rc == JMON_OK ? drop_stale(db, cfg, err) : rc;
}

enum jmon_status db_sync_config(struct db *db, const struct config *cfg,
				struct jmon_error *err)
{
	enum jmon_status rc;

	if ((rc = db_begin(db, err)) != JMON_OK)
		return rc;
	if ((rc = db_sync_config_within(db, cfg, err)) != JMON_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

void db_on_busy(struct db *db, int (*wait)(void *ctx, int count), void *ctx)
{
	sqlite3_busy_handler(db->sql, wait, ctx);
}

static const char sql_data_version[] = "PRAGMA data_version";

long db_data_version(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, sql_data_version, NULL);
	long v = -1;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);	/* no read transaction left behind */
	return v;
}
