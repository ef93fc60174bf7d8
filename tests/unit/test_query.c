/* SPDX-License-Identifier: EUPL-1.2 */
/* The read side: current values, history per delivery, the changes of the
 * last delivery, periods, regions and deliveries.  Annotations and reviews
 * are read back in test_judgement.c, where they are written. */
#include <math.h>

#include "unit.h"
#include "dbtest.h"
#include "jmon/query.h"

/* Two deliveries: long.csv, then long_revision.csv (see the fixtures). */
static int two_deliveries(void **state)
{
	struct dbtest *t;

	if (dbtest_setup(state) != 0)
		return -1;
	t = *state;
	if (import_fixture(t, "import/long.csv") != JMON_OK ||
	    import_fixture(t, "import/long_revision.csv") != JMON_OK)
		return -1;
	return 0;
}

static const struct cell_key maatwerk = { "jeugdigen_maatwerk", "GM0361", "2020Q1", "" };

static void test_current_value(void **state)
{
	struct dbtest *t = *state;
	struct cell_value v;
	struct cell_key none = { "jeugdigen_maatwerk", "GM0361", "2018Q1", "" };

	assert_int_equal(query_cell(t->db, &maatwerk, &v, &t->err), JMON_OK);
	assert_true(v.present);
	assert_true(v.has_value);
	assert_true(v.value == 2675);
	assert_int_equal(v.delivery, 2);
	assert_string_equal(v.flag, "");
	/* Unchanged in delivery 2: still the value delivery 1 gave. */
	struct cell_key tev = { "tevredenheid", "GM0361", "2020Q1", "" };
	assert_int_equal(query_cell(t->db, &tev, &v, &t->err), JMON_OK);
	assert_int_equal(v.delivery, 1);
	assert_true(fabs(v.value - 4.2) < 1e-12);
	assert_int_equal(query_cell(t->db, &none, &v, &t->err), JMON_OK);
	assert_false(v.present);
}

static void test_history(void **state)
{
	struct dbtest *t = *state;
	struct cell_value h[4];
	struct cell_key klachten = { "klachten", "GM0361", "2020Q1", "bejegening" };
	size_t n;

	assert_int_equal(query_cell_history(t->db, &maatwerk, h, 4, &n, &t->err), JMON_OK);
	assert_int_equal(n, 2);
	assert_int_equal(h[0].delivery, 2);	/* newest first */
	assert_true(h[0].value == 2675);
	assert_int_equal(h[1].delivery, 1);
	assert_true(h[1].value == 2660);
	assert_int_equal(query_cell_history(t->db, &klachten, h, 4, &n, &t->err), JMON_OK);
	assert_int_equal(n, 2);
	assert_false(h[1].has_value);
	assert_string_equal(h[1].flag, "suppressed");
	/* The limit holds. */
	assert_int_equal(query_cell_history(t->db, &maatwerk, h, 1, &n, &t->err), JMON_OK);
	assert_int_equal(n, 1);
}

static void assert_changes(struct dbtest *t, const char *region)
{
	struct cell_change c[8];
	size_t n;
	long delivery;

	assert_int_equal(query_changes(t->db, region, "2020Q1", c, 8, &n, &delivery, &t->err),
			 JMON_OK);
	assert_int_equal(delivery, 2);
	/* jeugdigen_maatwerk 2660 -> 2675, klachten bejegening suppressed -> 4;
	 * verwijzingen gemeente is new, not a change; the rest is unchanged. */
	assert_int_equal(n, 2);
	assert_string_equal(c[0].indicator, "jeugdigen_maatwerk");
	assert_string_equal(c[0].category, "");
	assert_string_equal(c[0].region, "GM0361");
	assert_true(c[0].old.value == 2660);
	assert_true(c[0].now.value == 2675);
	assert_true(c[0].has_diff);
	assert_true(c[0].diff == 15);
	assert_int_equal(c[0].old.delivery, 1);
	assert_string_equal(c[1].indicator, "klachten");
	assert_string_equal(c[1].category, "bejegening");
	assert_false(c[1].has_diff);
	assert_string_equal(c[1].old.flag, "suppressed");
	assert_true(c[1].now.value == 4);
}

static void test_changes(void **state)
{
	assert_changes(*state, "GM0361");
	assert_changes(*state, NULL);	/* every region: only GM0361 changed */
}

static void test_changes_none(void **state)
{
	struct dbtest *t = *state;
	struct cell_change c[4];
	size_t n;
	long delivery;

	/* 2019Q4 was delivered once and repeated unchanged: no changes. */
	assert_int_equal(query_changes(t->db, "GM0361", "2019Q4", c, 4, &n, &delivery, &t->err),
			 JMON_OK);
	assert_int_equal(delivery, 1);
	assert_int_equal(n, 0);
	assert_int_equal(query_changes(t->db, "GM0361", "2030Q1", c, 4, &n, &delivery, &t->err),
			 JMON_OK);
	assert_int_equal(delivery, 0);
	assert_int_equal(n, 0);
}

/* What the family reads collect: region, category and value per call. */
struct collected {
	char rows[8][64];
	size_t n;
};

static void collect_cell(void *ctx, const char *region, const char *category,
			 const struct cell_value *v)
{
	struct collected *c = ctx;

	if (c->n < 8)
		snprintf(c->rows[c->n++], sizeof c->rows[0], "%s/%s=%g@%ld", region, category,
			 v->value, v->delivery);
}

static void collect_region(void *ctx, const char *region)
{
	struct collected *c = ctx;

	if (c->n < 8)
		snprintf(c->rows[c->n++], sizeof c->rows[0], "%s", region);
}

static void test_regions_cells(void **state)
{
	struct dbtest *t = *state;
	/* out of code order, one without data, one with a quote: the list is
	 * a parameter, and the rows come in code order */
	const char *regions[] = { "NL01", "GM9999", "GM0361", "GM\"0361" };
	struct collected c = { 0 };

	assert_int_equal(query_regions_cells(t->db, regions, 4, "2020Q1", "jeugdigen_maatwerk", 0,
					     collect_cell, &c, &t->err), JMON_OK);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.rows[0], "GM0361/=2675@2");	/* the newest delivery */
	assert_string_equal(c.rows[1], "NL01/=391000@1");
	/* as of the first delivery: its value */
	c.n = 0;
	assert_int_equal(query_regions_cells(t->db, regions, 4, "2020Q1", "jeugdigen_maatwerk", 1,
					     collect_cell, &c, &t->err), JMON_OK);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.rows[0], "GM0361/=2660@1");
	c.n = 0;
	assert_int_equal(query_regions_holding(t->db, regions, 4, "2020Q1", collect_region, &c,
					       &t->err), JMON_OK);
	assert_int_equal(c.n, 2);
	assert_string_equal(c.rows[0], "NL01");	/* in the order asked */
	assert_string_equal(c.rows[1], "GM0361");
	c.n = 0;
	assert_int_equal(query_regions_holding(t->db, regions, 4, "2030Q1", collect_region, &c,
					       &t->err), JMON_OK);
	assert_int_equal(c.n, 0);
}

static void test_latest_period(void **state)
{
	struct dbtest *t = *state;
	char code[PERIOD_CODE_MAX];
	bool found;
	enum period_kind quarter = PERIOD_QUARTER, year = PERIOD_YEAR;

	assert_int_equal(query_latest_period(t->db, "GM0361", NULL, code, &found, &t->err), JMON_OK);
	assert_true(found);
	assert_string_equal(code, "2020Q1");
	assert_int_equal(import_fixture(t, "import/long_nl.csv"), JMON_OK);
	assert_int_equal(query_latest_period(t->db, "GM0361", NULL, code, &found, &t->err), JMON_OK);
	assert_string_equal(code, "2020Q2");	/* ends with 2020H1, but is shorter */
	assert_int_equal(query_latest_period(t->db, "GM0361", &quarter, code, &found, &t->err),
			 JMON_OK);
	assert_string_equal(code, "2020Q2");
	assert_int_equal(query_latest_period(t->db, "GM0361", &year, code, &found, &t->err),
			 JMON_OK);
	assert_false(found);
	assert_int_equal(query_latest_period(t->db, "GM0999", NULL, code, &found, &t->err), JMON_OK);
	assert_false(found);
}

static void test_step_period(void **state)
{
	struct dbtest *t = *state;
	char code[PERIOD_CODE_MAX];
	bool found;
	struct period q1, h1;
	enum period_kind quarter = PERIOD_QUARTER;

	period_parse_str("2020Q1", &q1);
	period_parse_str("2020H1", &h1);
	/* the quarter before, skipping nothing; none before 2019Q4 */
	assert_int_equal(query_step_period(t->db, "GM0361", &q1, -1, &quarter, code, &found,
					   &t->err), JMON_OK);
	assert_true(found);
	assert_string_equal(code, "2019Q4");
	period_parse_str("2019Q4", &q1);
	assert_int_equal(query_step_period(t->db, "GM0361", &q1, -1, &quarter, code, &found,
					   &t->err), JMON_OK);
	assert_false(found);
	/* no later quarter yet; with the second file, 2020Q2 and the half-year */
	period_parse_str("2020Q1", &q1);
	assert_int_equal(query_step_period(t->db, "GM0361", &q1, 1, NULL, code, &found, &t->err),
			 JMON_OK);
	assert_false(found);
	assert_int_equal(import_fixture(t, "import/long_nl.csv"), JMON_OK);
	assert_int_equal(query_step_period(t->db, "GM0361", &q1, 1, &quarter, code, &found,
					   &t->err), JMON_OK);
	assert_string_equal(code, "2020Q2");
	/* any kind, ordered by end then start: 2020H1 and 2020Q2 end together,
	 * the half-year starts earlier, so 2020Q2 comes after it */
	assert_int_equal(query_step_period(t->db, "GM0361", &h1, 1, NULL, code, &found, &t->err),
			 JMON_OK);
	assert_true(found);
	assert_string_equal(code, "2020Q2");
	assert_int_equal(query_step_period(t->db, "GM0361", &h1, -1, NULL, code, &found, &t->err),
			 JMON_OK);
	assert_string_equal(code, "2020M04");
}

static void test_regions(void **state)
{
	struct dbtest *t = *state;
	struct region_row r[4];
	char name[64];
	bool found;
	size_t n;

	query_region_name(t->db, "GM0361", name, sizeof name);
	assert_string_equal(name, "GM0361");	/* known by its code only, so far */
	assert_int_equal(import_fixture(t, "import/regions.csv"), JMON_OK);
	query_region_name(t->db, "GM0361", name, sizeof name);
	assert_string_equal(name, "Alkmaar");
	query_region_name(t->db, "GM0999", name, sizeof name);
	assert_string_equal(name, "GM0999");
	assert_int_equal(query_region(t->db, "GM0361", r, &found, &t->err), JMON_OK);
	assert_true(found);
	assert_string_equal(r[0].kind, "gemeente");
	assert_string_equal(r[0].parent, "");
	assert_int_equal(r[0].children, 1);
	assert_int_equal(query_region_children(t->db, "GM0361", NULL, r, 4, &n, &t->err), JMON_OK);
	assert_int_equal(n, 1);
	assert_string_equal(r[0].code, "WK036101");
	assert_string_equal(r[0].name, "Centrum");
	assert_int_equal(query_region_children(t->db, "GM0361", "WK036101", r, 4, &n, &t->err),
			 JMON_OK);
	assert_int_equal(n, 0);	/* keyset paging: nothing after the last */
	assert_int_equal(query_region(t->db, "XX", r, &found, &t->err), JMON_OK);
	assert_false(found);
}

static void test_deliveries(void **state)
{
	struct dbtest *t = *state;
	struct delivery_row d[4];
	size_t n;

	assert_int_equal(query_deliveries(t->db, 0, d, 4, &n, &t->err), JMON_OK);
	assert_int_equal(n, 2);
	assert_int_equal(d[0].id, 2);
	assert_string_equal(d[0].source, "long_revision.csv");
	assert_string_equal(d[0].format, "long");
	assert_int_equal(d[0].rows, 6);
	assert_int_equal(d[0].cells_new, 1);
	assert_int_equal(d[0].cells_changed, 2);
	assert_int_equal(d[0].cells_unchanged, 3);
	assert_int_equal(strlen(d[0].sha256), 64);
	assert_int_equal(strlen(d[0].imported_at), 20);
	assert_int_equal(query_deliveries(t->db, 2, d, 4, &n, &t->err), JMON_OK);
	assert_int_equal(n, 1);
	assert_int_equal(d[0].id, 1);
}

static void test_readonly_sees_committed_only(void **state)
{
	struct dbtest *t = *state;
	struct db *ro;
	struct cell_value v;

	assert_int_equal(db_open(t->path, DB_READONLY, NULL, &ro, &t->err), JMON_OK);
	/* A writer holds an open transaction with a new value ... */
	assert_int_equal(db_begin(t->db, &t->err), JMON_OK);
	assert_int_equal(db_exec(t->db, "UPDATE observation SET value = 1 WHERE delivery = 2 "
				 "AND indicator = 'jeugdigen_maatwerk'", &t->err), JMON_OK);
	/* ... and the reader still browses the committed one (WAL). */
	assert_int_equal(query_cell(ro, &maatwerk, &v, &t->err), JMON_OK);
	assert_true(v.value == 2675);
	db_rollback(t->db);
	db_close(ro);
}

#define T(f) cmocka_unit_test_setup_teardown(f, two_deliveries, dbtest_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_current_value),
		T(test_history),
		T(test_changes),
		T(test_changes_none),
		T(test_regions_cells),
		T(test_latest_period),
		T(test_step_period),
		T(test_regions),
		T(test_deliveries),
		T(test_readonly_sees_committed_only),
	};

	return RUN_TESTS(tests);
}
