/* SPDX-License-Identifier: EUPL-1.2 */
/* The store: schema and pragmas, read-only opening, the configuration sync
 * ("the configuration is the truth"), the statement cache, the CHECKs
 * that keep a missing value from becoming 0, the mode of a new file, the
 * checkpoint and the backup. */
#include <sys/stat.h>

#include "unit.h"
#include "dbtest.h"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	buf = xmalloc(*len + 1);
	assert_int_equal(fread(buf, 1, *len, f), *len);
	fclose(f);
	return buf;
}

static void test_schema(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(db_user_version(t->db), DB_SCHEMA_VERSION);
	assert_int_equal(scalar(t->db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM pragma_journal_mode "
				"WHERE journal_mode = 'wal'"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
				"AND name IN ('region', 'period', 'indicator', 'category', "
				"'delivery', 'observation', 'annotation', 'review')"), 8);
	/* One key serves every screen; no second index slows the imports. */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' "
				"AND tbl_name = 'observation' AND sql IS NOT NULL"), 0);
}

static void test_sync(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(scalar(t->db, "SELECT count(*) FROM indicator WHERE active"), 7);
	/* every indicator has its total '' and its categories */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM category WHERE id = ''"), 7);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM category"), 7 + 2 + 2 + 2);
	assert_int_equal(scalar(t->db, "SELECT position FROM indicator WHERE id = 'klachten'"), 6);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM indicator WHERE id = 'klachten' "
				"AND chapter = 'klachten_bezwaar' AND unit = 'aantal' AND counts"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM category WHERE indicator = "
				"'verwijzingen' AND id = 'gemeente' AND label = 'Gemeente' "
				"AND position = 2"), 1);
}

static const char smaller[] =
	"chapters:\n"
	"  - id: cijfers\n"
	"    label: \"Cijfers\"\n"
	"    indicators:\n"
	"      - id: jeugdigen_maatwerk\n"
	"        label: \"Jeugdigen (nieuw label)\"\n"
	"        unit: aantal\n"
	"      - id: klachten\n"
	"        label: \"Klachten\"\n"
	"        unit: aantal\n"
	"        categories:\n"
	"          - {id: werkwijze, label: \"Werkwijze\"}\n";

static void test_sync_follows_configuration(void **state)
{
	struct dbtest *t = *state;
	struct config *cfg;

	/* Give klachten/bejegening and tevredenheid observations first. */
	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	assert_int_equal(config_load_string("smaller.yaml", smaller, sizeof smaller - 1, &cfg,
					    &t->err), JMON_OK);
	assert_int_equal(db_sync_config(t->db, cfg, &t->err), JMON_OK);
	/* Renamed in the configuration: renamed here. */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM indicator WHERE label = "
				"'Jeugdigen (nieuw label)' AND active"), 1);
	/* Dropped but with observations: kept, inactive. */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM indicator WHERE id = 'tevredenheid' "
				"AND NOT active"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM category WHERE indicator = "
				"'klachten' AND id = 'bejegening' AND NOT active"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM category WHERE indicator = "
				"'klachten' AND id = 'werkwijze' AND active"), 1);
	/* Dropped and never used: gone. */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM indicator WHERE id = 'bevolking'"), 0);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM category WHERE indicator = "
				"'bevolking'"), 0);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM indicator WHERE active"), 2);
	/* Back to the full configuration: active again. */
	assert_int_equal(db_sync_config(t->db, t->cfg, &t->err), JMON_OK);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM indicator WHERE active"), 7);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM category WHERE NOT active"), 0);
	config_free(cfg);
}

static void test_reopen_writes_nothing(void **state)
{
	struct dbtest *t = *state;
	size_t len1, len2;
	char *before, *after;

	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	db_close(t->db);	/* checkpoints the WAL into the file */
	before = slurp(t->path, &len1);
	assert_int_equal(db_open(t->path, DB_READWRITE, t->cfg, &t->db, &t->err), JMON_OK);
	db_close(t->db);
	after = slurp(t->path, &len2);
	assert_int_equal(len1, len2);
	assert_memory_equal(before, after, len1);
	free(before);
	free(after);
	assert_int_equal(db_open(t->path, DB_READWRITE, t->cfg, &t->db, &t->err), JMON_OK);
}

static void test_readonly_open(void **state)
{
	struct dbtest *t = *state;
	struct db *ro;
	char *missing = xasprintf("%s/none.db", t->dir);
	char *empty = scratch_file(t, "empty.db", "");
	char *want = xasprintf("%s: no database here yet (load data with: jmon import FILE)",
			       missing);

	assert_int_equal(db_open(missing, DB_READONLY, NULL, &ro, &t->err), JMON_NOINPUT);
	assert_string_equal(t->err.msg, want);
	/* Read-only never creates. */
	assert_int_equal(access(missing, F_OK), -1);
	assert_int_equal(db_open(empty, DB_READONLY, NULL, &ro, &t->err), JMON_IO);
	assert_non_null(strstr(t->err.msg, "database schema 0, this jmon reads 4"));
	assert_int_equal(db_open(t->path, DB_READONLY, NULL, &ro, &t->err), JMON_OK);
	assert_true(ro->readonly);
	assert_int_equal(db_exec(ro, "DELETE FROM region", &t->err), JMON_IO);
	assert_non_null(strstr(t->err.msg, "readonly"));
	db_close(ro);
	free(missing);
	free(empty);
	free(want);
}

static void test_creates_directories(void **state)
{
	struct dbtest *t = *state;
	struct db *db;
	char *deep = xasprintf("%s/a/b/jmon.db", t->dir);

	assert_int_equal(db_open(deep, DB_READWRITE, NULL, &db, &t->err), JMON_OK);
	db_close(db);
	assert_int_equal(access(deep, F_OK), 0);
	free(deep);
}

static void test_newer_schema_refused(void **state)
{
	struct dbtest *t = *state;
	struct db *db;

	assert_int_equal(db_exec(t->db, "PRAGMA user_version = 99", &t->err), JMON_OK);
	assert_int_equal(db_open(t->path, DB_READWRITE, NULL, &db, &t->err), JMON_IO);
	assert_non_null(strstr(t->err.msg, "database schema 99 is newer than this jmon (4)"));
	assert_int_equal(db_exec(t->db, "PRAGMA user_version = 1", &t->err), JMON_OK);
}

static void test_statement_cache(void **state)
{
	struct dbtest *t = *state;
	static const char sql[] = "SELECT count(*) FROM region WHERE kind = ?1";
	sqlite3_stmt *a = db_prepare(t->db, sql, &t->err);
	sqlite3_stmt *b;

	assert_non_null(a);
	assert_int_equal(db_exec(t->db, "INSERT INTO region VALUES ('GM0361', 'Alkmaar', "
				 "'gemeente', NULL)", &t->err), JMON_OK);
	db_bind_text(a, 1, "gemeente");
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(a, 0), 1);
	b = db_prepare(t->db, sql, &t->err);	/* the same one, reset and unbound */
	assert_ptr_equal(a, b);
	assert_int_equal(sqlite3_step(b), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(b, 0), 0);	/* kind = NULL */
	assert_null(db_prepare(t->db, "SELEC nonsense", &t->err));
	assert_non_null(strstr(t->err.msg, "syntax error"));
}

/* Insert a raw observation; returns SQLite's result code. */
static int insert(struct dbtest *t, const char *value, const char *flag)
{
	char *sql = xasprintf("INSERT INTO observation VALUES ('GM0361', '2020Q1', "
			      "'jeugdigen_maatwerk', '', 1, %s, '%s')", value, flag);
	int rc = sqlite3_exec(t->db->sql, sql, NULL, NULL, NULL);

	free(sql);
	return rc;
}

static void test_missing_is_never_zero(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(db_exec(t->db, "INSERT INTO region VALUES ('GM0361', 'Alkmaar', "
				 "'gemeente', NULL); INSERT INTO period VALUES ('2020Q1', 'quarter', "
				 "'2020-01-01', '2020-03-31'); INSERT INTO delivery (id, source, "
				 "sha256, format, imported_at, rows) VALUES (1, 'x', 'y', 'long', "
				 "'now', 0)", &t->err), JMON_OK);
	assert_int_equal(insert(t, "0", "suppressed"), SQLITE_CONSTRAINT);
	assert_int_equal(insert(t, "NULL", ""), SQLITE_CONSTRAINT);
	assert_int_equal(insert(t, "NULL", "provisional"), SQLITE_CONSTRAINT);
	assert_int_equal(insert(t, "1", "secret"), SQLITE_CONSTRAINT);
	assert_int_equal(insert(t, "NULL", "na"), SQLITE_OK);
	/* foreign keys are on: an unknown category is refused */
	assert_int_equal(sqlite3_exec(t->db->sql, "INSERT INTO observation VALUES ('GM0361', "
				      "'2020Q1', 'jeugdigen_maatwerk', 'x', 1, 1, '')", NULL, NULL,
				      NULL), SQLITE_CONSTRAINT);
}

/* A new database has no bit for other users, whatever the umask. */
static void test_new_file_mode(void **state)
{
	struct dbtest *t = *state;
	static const struct { mode_t umask, want; } cases[] = {
		{ 0000, 0660 }, { 0022, 0640 }, { 0077, 0600 },
	};
	mode_t saved = umask(0);

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *path = xasprintf("%s/mode%zu.db", t->dir, i);
		struct db *db;
		struct stat st;

		umask(cases[i].umask);
		assert_int_equal(db_open(path, DB_READWRITE, NULL, &db, &t->err), JMON_OK);
		db_close(db);
		assert_int_equal(stat(path, &st), 0);
		assert_int_equal(st.st_mode & 0777, cases[i].want);
		free(path);
	}
	umask(saved);
}

static long long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* A cached statement that stopped at a row holds a read transaction, which
 * kept SQLite's own checkpoint from running: db_checkpoint ends it first. */
static void test_checkpoint_empties_wal(void **state)
{
	struct dbtest *t = *state;
	static const char sql[] = "SELECT code FROM region";
	char *wal = xasprintf("%s-wal", t->path);
	sqlite3_stmt *st;

	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	assert_non_null(st = db_prepare(t->db, sql, &t->err));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_true(file_size(wal) > 0);
	assert_int_equal(db_checkpoint(t->db, &t->err), JMON_OK);
	assert_int_equal(file_size(wal), 0);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation"), 6);
	free(wal);
}

static void test_backup(void **state)
{
	struct dbtest *t = *state;
	char *copy = xasprintf("%s/copy.db", t->dir);
	char *want = xasprintf("%s exists: a backup never replaces a file; name a new one", copy);
	struct db *ro, *back;
	struct stat st;

	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	assert_int_equal(chmod(t->path, 0640), 0);
	assert_int_equal(db_open(t->path, DB_READONLY, NULL, &ro, &t->err), JMON_OK);
	assert_int_equal(db_backup(ro, copy, &t->err), JMON_OK);
	assert_int_equal(stat(copy, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(db_backup(ro, copy, &t->err), JMON_CANTCREAT);
	assert_string_equal(t->err.msg, want);
	db_close(ro);
	assert_int_equal(db_open(copy, DB_READONLY, NULL, &back, &t->err), JMON_OK);
	assert_int_equal(scalar(back, "SELECT count(*) FROM observation"), 6);
	assert_int_equal(scalar(back, "SELECT count(*) FROM pragma_journal_mode "
				"WHERE journal_mode = 'delete'"), 1);
	db_close(back);
	free(copy);
	free(want);
}

#define T(f) cmocka_unit_test_setup_teardown(f, dbtest_setup, dbtest_teardown)

/* user_version is any 32-bit number: -1 is a version no jmon wrote, not a
 * failed read, and never an index into the migrations. */
static void test_negative_schema_refused(void **state)
{
	struct dbtest *t = *state;
	struct db *db;

	assert_int_equal(db_exec(t->db, "PRAGMA user_version = -1", &t->err), JMON_OK);
	assert_int_equal(db_open(t->path, DB_READWRITE, NULL, &db, &t->err), JMON_IO);
	assert_non_null(strstr(t->err.msg, "database schema -1 is not one jmon writes"));
	assert_int_equal(db_open(t->path, DB_READONLY, NULL, &db, &t->err), JMON_IO);
	assert_non_null(strstr(t->err.msg, "database schema -1 is not one jmon writes"));
	assert_int_equal(db_exec(t->db, "PRAGMA user_version = 3", &t->err), JMON_OK);
}

/* A failing walk over the categories is the sync's error, never a sync
 * that silently kept what it should have retired. */
static void test_sync_database_error(void **state)
{
	struct dbtest *t = *state;

	dbtest_fail_statements(t->db, "SELECT indicator, id FROM category");
	assert_int_equal(db_sync_config(t->db, t->cfg, &t->err), JMON_IO);
	dbtest_fail_statements(t->db, NULL);
	assert_non_null(strstr(t->err.msg, "syncing the configuration"));
	assert_int_equal(db_sync_config(t->db, t->cfg, &t->err), JMON_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_schema),
		T(test_sync),
		T(test_sync_follows_configuration),
		T(test_reopen_writes_nothing),
		T(test_readonly_open),
		T(test_creates_directories),
		T(test_newer_schema_refused),
		T(test_negative_schema_refused),
		T(test_sync_database_error),
		T(test_statement_cache),
		T(test_missing_is_never_zero),
		T(test_new_file_mode),
		T(test_checkpoint_empties_wal),
		T(test_backup),
	};

	return RUN_TESTS(tests);
}
