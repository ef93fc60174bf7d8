/* SPDX-License-Identifier: EUPL-1.2 */
/* Helpers for the tests that need a database: a scratch directory per
 * test, the test monitor of tests/fixtures/import, fixtures by name. */
#ifndef JMON_DBTEST_H
#define JMON_DBTEST_H

#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jmon/config.h"
#include "jmon/db_internal.h"
#include "jmon/import.h"
#include "jmon/xmalloc.h"

struct dbtest {
	char dir[64];
	char *path;		/* dir/t.db */
	struct config *cfg;
	struct db *db;
	struct diag_list diag;
	struct import_result res;
	struct jmon_error err;
};

/* A fixture's path: $TOP/tests/fixtures/NAME (TOP from tests/run.sh). */
static inline char *fixture(const char *name)
{
	const char *top = getenv("TOP");

	return xasprintf("%s/tests/fixtures/%s", top && *top ? top : ".", name);
}

static inline struct config *test_config(const char *name)
{
	struct config *cfg = NULL;
	struct jmon_error err = { 0 };
	char *path = fixture(name);

	if (config_load_file(path, &cfg, &err) != JMON_OK)
		fail_msg("%s", err.msg);
	free(path);
	return cfg;
}

/* A scratch database with the monitor of fixture `config`. */
static inline int dbtest_setup_config(void **state, const char *config)
{
	struct dbtest *t = xcalloc(1, sizeof *t);

	strcpy(t->dir, "/tmp/jmon-test-XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	t->path = xasprintf("%s/t.db", t->dir);
	t->cfg = test_config(config);
	if (db_open(t->path, DB_READWRITE, t->cfg, &t->db, &t->err) != JMON_OK)
		return -1;
	*state = t;
	return 0;
}

static inline int dbtest_setup(void **state)
{
	return dbtest_setup_config(state, "import/monitor.yaml");
}

static inline int dbtest_teardown(void **state)
{
	struct dbtest *t = *state;
	char *cmd = xasprintf("rm -rf '%s'", t->dir);

	db_close(t->db);
	config_free(t->cfg);
	diag_free(&t->diag);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", t->dir);
	free(cmd);
	free(t->path);
	free(t);
	return 0;
}

/* Write text to a file in the scratch directory; caller frees the path. */
static inline char *scratch_file(struct dbtest *t, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", t->dir, name);
	FILE *f = fopen(path, "wb");

	fputs(text, f);
	fclose(f);
	return path;
}

/* Import a file with the format detected; the diagnostics start afresh. */
static inline enum jmon_status import_path(struct dbtest *t, const char *path,
					   enum import_format format)
{
	struct import_options opt = { .format = format, .name = strrchr(path, '/') + 1 };

	diag_free(&t->diag);
	jmon_error_clear(&t->err);
	return import_file(t->db, t->cfg, path, &opt, &t->res, &t->diag, &t->err);
}

static inline enum jmon_status import_fixture(struct dbtest *t, const char *name)
{
	char *path = fixture(name);
	enum jmon_status rc = import_path(t, path, IMPORT_AUTO);

	free(path);
	return rc;
}

/* A test of its own monitor (YAML text) and cells (long CSV text): a
 * scratch database holding them, for cmocka's setup. */
static inline int dbtest_setup_monitor(void **state, const char *monitor, size_t len,
				       const char *cells)
{
	struct dbtest *t = xcalloc(1, sizeof *t);
	char *path;

	setlocale(LC_ALL, "C.UTF-8");
	strcpy(t->dir, "/tmp/jmon-test-XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	*state = t;
	t->path = xasprintf("%s/t.db", t->dir);
	if (config_load_string("t.yaml", monitor, len, &t->cfg, &t->err) ||
	    db_open(t->path, DB_READWRITE, t->cfg, &t->db, &t->err))
		fail_msg("%s", t->err.msg);
	path = scratch_file(t, "cells.csv", cells);
	if (import_path(t, path, IMPORT_AUTO) != JMON_OK)
		fail_msg("%s", t->err.msg);
	free(path);
	return 0;
}

/* Make every statement whose SQL contains sql_part fail at its first step
 * (SQLITE_INTERRUPT), as a busy or broken database would; NULL stops it.
 * The trace says which statement runs, the progress handler stops it. */
static const char *dbtest_failing_sql;
static bool dbtest_failing;

static inline int dbtest_on_trace(unsigned type, void *ctx, void *p, void *x)
{
	(void)ctx;
	(void)x;
	if (type == SQLITE_TRACE_STMT)
		dbtest_failing = dbtest_failing_sql &&
				 strstr(sqlite3_sql(p), dbtest_failing_sql) != NULL;
	return 0;
}

static inline int dbtest_on_progress(void *ctx)
{
	(void)ctx;
	return dbtest_failing;
}

static inline void dbtest_fail_statements(struct db *db, const char *sql_part)
{
	dbtest_failing_sql = sql_part;
	dbtest_failing = false;
	sqlite3_trace_v2(db->sql, sql_part ? SQLITE_TRACE_STMT : 0, dbtest_on_trace, NULL);
	sqlite3_progress_handler(db->sql, sql_part ? 1 : 0, dbtest_on_progress, NULL);
}

/* The first integer of a one-row query. */
static inline long long scalar(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db->sql));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

#endif
