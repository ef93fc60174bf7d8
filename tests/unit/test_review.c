/* SPDX-License-Identifier: EUPL-1.2 */
/* The review cycle in the figures: a signal under a lighter total is a
 * signal of its indicator, and a review is about a value: a later delivery
 * that changes the figure, as a reader sees it, or its status makes it
 * outdated, one that changes nothing a reader sees does not (two withheld
 * counts read the same, or the mark would tell that a hidden count moved). */
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "dbtest.h"
#include "jmon/figures.h"
#include "jmon/judgement.h"

static const char monitor[] =
	"monitor: {title: t, region: GM0001, privacy: {min_count: 10}}\n"
	"chapters:\n"
	"  - id: c\n"
	"    indicators:\n"
	"      - id: verwijzingen\n"
	"        unit: aantal\n"
	"        counts: true\n"
	"        total: sum\n"
	"        categories: [{id: a}, {id: b}]\n"
	"        stoplight: {on: change_pct, green: '-10..10', amber: '-20..20'}\n"
	"      - id: klein\n"
	"        unit: aantal\n"
	"        counts: true\n"
	"        stoplight: {on: value, green: '<= 100'}\n"
	"      - id: rustig\n"
	"        unit: aantal\n"
	"        stoplight: {on: value, green: '<= 100', amber: '<= 200'}\n";

/* 2023 Q2: a 100, b 100; Q3: a 110, b 115 (+15 %: amber), the total 225
 * (+12,5 %: amber); see each test for what a delivery then changes. */
static const char first[] =
	"region,period,indicator,category,value,flag\n"
	"GM0001,2023Q2,verwijzingen,a,100,\n"
	"GM0001,2023Q2,verwijzingen,b,100,\n"
	"GM0001,2023Q3,verwijzingen,a,110,\n"
	"GM0001,2023Q3,verwijzingen,b,115,\n"
	"GM0001,2023Q3,klein,,3,\n"
	"GM0001,2023Q3,rustig,,150,\n";

static int setup(void **state)
{
	struct dbtest *t = xcalloc(1, sizeof *t);
	char *path;

	setlocale(LC_ALL, "C.UTF-8");
	strcpy(t->dir, "/tmp/jmon-test-XXXXXX");
	if (!mkdtemp(t->dir))
		return -1;
	*state = t;
	t->path = xasprintf("%s/t.db", t->dir);
	if (config_load_string("t.yaml", monitor, sizeof monitor - 1, &t->cfg, &t->err) ||
	    db_open(t->path, DB_READWRITE, t->cfg, &t->db, &t->err))
		fail_msg("%s", t->err.msg);
	path = scratch_file(t, "first.csv", first);
	if (import_path(t, path, IMPORT_AUTO) != JMON_OK)
		fail_msg("%s", t->err.msg);
	free(path);
	return 0;
}

static const struct figure *row(const struct figure_set *fs, const char *id)
{
	for (size_t i = 0; i < fs->n; i++)
		if (!strcmp(fs->rows[i].ind->id, id) && !fs->rows[i].cat)
			return &fs->rows[i];
	fail_msg("no row %s", id);
	return NULL;
}

static void load(struct dbtest *t, struct figure_set *fs)
{
	if (figures_load(t->db, t->cfg, NULL, "GM0001", "2023Q3", NULL, FIGURES_TOTALS, fs, &t->err))
		fail_msg("%s", t->err.msg);
}

/* Mark indicator id reviewed as the browser does: about what it shows. */
static void mark(struct dbtest *t, const char *id)
{
	struct figure_set fs;
	const struct figure *f;

	load(t, &fs);
	f = row(&fs, id);
	struct cell_key key = { id, "GM0001", "2023Q3", "" };
	struct judgement_basis b = {
		"analist", "browser", f->review_change, f->now.present && f->now.has_value && !f->withheld,
		f->now.value, f->now.present ? f->now.flag : NULL, stoplight_name(f->light.status),
		fs.delivery,
	};
	if (judgement_mark(t->db, &key, true, &b, NULL, &t->err))
		fail_msg("%s", t->err.msg);
	figures_free(&fs);
}

static void deliver(struct dbtest *t, const char *name, const char *csv)
{
	char *path = scratch_file(t, name, csv);

	if (import_path(t, path, IMPORT_AUTO) != JMON_OK)
		fail_msg("%s", t->err.msg);
	free(path);
}

/* b is amber, the total amber too; a delivery that lowers a to 95 makes
 * the total 210 (+5 %), green, with b still amber below it. */
static void test_signal_below_green_total(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;

	deliver(t, "a.csv", "region,period,indicator,category,value,flag\n"
			    "GM0001,2023Q3,verwijzingen,a,95,\n");
	load(t, &fs);
	f = row(&fs, "verwijzingen");
	assert_int_equal(f->light.status, STOPLIGHT_GREEN);
	assert_int_equal(f->below, STOPLIGHT_AMBER);
	assert_string_equal(f->below_cat->id, "b");
	assert_int_equal(f->below_n, 1);
	assert_true(figure_is_signal(f));
	assert_int_equal(fs.below, 1);
	/* verwijzingen (below) and rustig (150: amber) */
	assert_int_equal(fs.signals, 2);
	char reason[1024];
	assert_non_null(strstr(figure_reason(f, true, reason, sizeof reason),
			       "; categorie b ▲ oranje: +15,0 %"));
	figures_free(&fs);
}

/* A review, then a delivery that changes the figure: outdated, counted as
 * not done, saying for what it was given; one that does not: still done. */
static void test_review_outdated_by_a_new_value(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;

	mark(t, "rustig");
	mark(t, "verwijzingen");
	load(t, &fs);
	assert_true(row(&fs, "rustig")->reviewed);
	assert_int_equal(fs.signals_reviewed, 2);
	figures_free(&fs);

	/* rustig changes (150 -> 160, still amber); verwijzingen is delivered
	 * again with the same values: nothing a reader sees changed */
	deliver(t, "b.csv", "region,period,indicator,category,value,flag\n"
			    "GM0001,2023Q3,rustig,,160,\n"
			    "GM0001,2023Q3,verwijzingen,a,110,\n");
	load(t, &fs);
	f = row(&fs, "rustig");
	assert_false(f->reviewed);
	assert_true(f->review_outdated);
	assert_string_equal(f->review_for, "150 (oranje)");
	assert_true(row(&fs, "verwijzingen")->reviewed);
	assert_false(row(&fs, "verwijzingen")->review_outdated);
	assert_int_equal(fs.signals_reviewed, 1);
	assert_int_equal(fs.outdated, 1);
	figures_free(&fs);
}

/* The status alone changes (a revised previous quarter moves the change
 * past a bound): outdated as well. */
static void test_review_outdated_by_a_new_status(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;

	mark(t, "verwijzingen");
	deliver(t, "q2.csv", "region,period,indicator,category,value,flag\n"
			     "GM0001,2023Q2,verwijzingen,b,80,\n");	/* 180 -> 225: +25 %: red */
	load(t, &fs);
	assert_int_equal(row(&fs, "verwijzingen")->light.status, STOPLIGHT_RED);
	assert_true(row(&fs, "verwijzingen")->review_outdated);
	assert_string_equal(row(&fs, "verwijzingen")->review_for, "225 (oranje)");
	figures_free(&fs);
}

/* A count below the minimum that changes (3 -> 4) reads "<10" before and
 * after: the review stays, or its mark would tell that it moved. */
static void test_withheld_change_does_not_outdate(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;

	mark(t, "klein");
	deliver(t, "k.csv", "region,period,indicator,category,value,flag\n"
			    "GM0001,2023Q3,klein,,4,\n");
	load(t, &fs);
	assert_true(row(&fs, "klein")->withheld);
	assert_true(row(&fs, "klein")->reviewed);
	assert_false(row(&fs, "klein")->review_outdated);
	figures_free(&fs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_signal_below_green_total, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_review_outdated_by_a_new_value, setup,
						dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_review_outdated_by_a_new_status, setup,
						dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_withheld_change_does_not_outdate, setup,
						dbtest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
