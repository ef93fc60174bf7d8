/* SPDX-License-Identifier: EUPL-1.2 */
/* The figures of a period with figures of other periods in it: which
 * figure an indicator shows as of the chosen period (a year around a
 * quarter, a reference date before it), within its bound, with its change
 * and stoplight against its own previous period, provisional kept, and the
 * privacy rule applied to it as to any other cell. */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "dbtest.h"
#include "jmon/asof.h"
#include "jmon/figures.h"

static const char monitor[] =
	"monitor: {title: t, region: GM0001, privacy: {min_count: 10}}\n"
	"chapters:\n"
	"  - id: c\n"
	"    indicators:\n"
	"      - {id: kwartaal, unit: aantal, counts: true}\n"
	"      - id: peildatum\n"
	"        unit: aantal\n"
	"        counts: true\n"
	"        stoplight: {on: change_pct, green: '-5..5', amber: '-10..10'}\n"
	"      - {id: jaar, unit: aantal, counts: true}\n"
	"      - {id: klein, unit: aantal, counts: true}\n"
	"      - {id: oud, unit: aantal, counts: true}\n"
	"      - {id: oud_lang, unit: aantal, counts: true, as_of: {max_age: 2y}}\n"
	"      - {id: uit, unit: aantal, counts: true, as_of: none}\n"
	"      - {id: voorlopig, unit: aantal, counts: true}\n"
	"      - {id: som, unit: aantal, counts: true, rollup: sum}\n"
	"      - {id: gem, unit: aantal, counts: true, rollup: mean}\n"
	"      - {id: stand, unit: aantal, counts: true, rollup: last}\n"
	"      - {id: onvolledig, unit: aantal, counts: true, rollup: sum}\n"
	"      - {id: geheim, unit: aantal, counts: true, rollup: sum}\n"
	"      - {id: nooit, unit: aantal, counts: true}\n"
	"      - {id: half_af, unit: aantal, counts: true, rollup: sum, as_of: none}\n"
	"      - {id: maand, unit: aantal, counts: true, rollup: sum, as_of: none}\n"
	"      - {id: maandstand, unit: aantal, counts: true, rollup: last}\n";

static const char cells[] =
	"region,period,indicator,category,value,flag\n"
	"GM0001,2023Q4,kwartaal,,100,\n"
	"GM0001,2023Q3,kwartaal,,90,\n"
	"GM0001,2022-01-01,peildatum,,2515,\n"
	"GM0001,2023-01-01,peildatum,,2790,\n"
	"GM0001,2022,jaar,,50,\n"
	"GM0001,2023,jaar,,40,\n"
	"GM0001,2023-06-30,jaar,,45,\n"
	"GM0001,2022-01-01,klein,,300,\n"
	"GM0001,2023-01-01,klein,,4,\n"
	"GM0001,2022-01-01,oud,,70,\n"
	"GM0001,2022-01-01,oud_lang,,70,\n"
	"GM0001,2023,uit,,70,\n"
	"GM0001,2023H1,voorlopig,,80,\n"
	"GM0001,2023H2,voorlopig,,85,provisional\n"
#define QUARTERS(id, a, b, c, d) \
	"GM0001,2023Q1," id ",," a ",\n" "GM0001,2023Q2," id ",," b ",\n" \
	"GM0001,2023Q3," id ",," c ",\n" "GM0001,2023Q4," id ",," d ",\n"
	QUARTERS("som", "10", "20", "30", "40")
	QUARTERS("gem", "10", "20", "30", "40")
	QUARTERS("stand", "10", "20", "30", "40")
	QUARTERS("nooit", "10", "20", "30", "40")
	QUARTERS("geheim", "10", "20", "4", "40")
	"GM0001,2022Q1,som,,10,\n" "GM0001,2022Q2,som,,10,\n"
	"GM0001,2022Q3,som,,10,\n" "GM0001,2022Q4,som,,10,provisional\n"
	"GM0001,2023Q1,onvolledig,,10,\n" "GM0001,2023Q2,onvolledig,,20,\n"
	"GM0001,2023Q3,onvolledig,,30,\n"
	"GM0001,2023Q1,half_af,,10,\n" "GM0001,2023Q2,half_af,,20,\n"
	"GM0001,2023Q3,half_af,,30,\n"
	"GM0001,2023M07,maand,,11,\n" "GM0001,2023M08,maand,,12,\n"
	"GM0001,2023M10,maand,,15,\n" "GM0001,2023M11,maand,,16,\n" "GM0001,2023M12,maand,,17,\n"
	"GM0001,2023M10,maandstand,,50,\n" "GM0001,2023M11,maandstand,,60,\n"
	"GM0001,2023M12,maandstand,,70,\n";

static int setup(void **state)
{
	return dbtest_setup_monitor(state, monitor, sizeof monitor - 1, cells);
}

static const struct figure *row(const struct figure_set *fs, const char *id)
{
	for (size_t i = 0; i < fs->n; i++)
		if (!strcmp(fs->rows[i].ind->id, id) && !fs->rows[i].cat)
			return &fs->rows[i];
	fail_msg("no row %s", id);
	return NULL;
}

static void load(struct dbtest *t, const char *period, struct figure_set *fs)
{
	if (figures_load(t->db, t->cfg, NULL, "GM0001", period, NULL, FIGURES_TOTALS, fs, &t->err))
		fail_msg("%s", t->err.msg);
}

static void test_own_figure_first(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;

	load(t, "2023Q4", &fs);
	f = row(&fs, "kwartaal");
	assert_int_equal(f->basis, FIGURE_OWN);
	assert_string_equal(f->value_period, "2023Q4");
	assert_true(f->has_change);
	assert_true(f->change == 10);
	figures_free(&fs);
}

/* A quarter without a figure shows the reference date before its end,
 * changed against the reference date before that, coloured by it. */
static void test_reference_date(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;
	char buf[64];

	load(t, "2023Q4", &fs);
	f = row(&fs, "peildatum");
	assert_int_equal(f->basis, FIGURE_AS_OF);
	assert_string_equal(f->value_period, "2023-01-01");
	assert_string_equal(figure_basis_text(f, buf, sizeof buf), "1-1-2023");
	assert_true(f->now.value == 2790);
	assert_true(f->has_change);
	assert_true(f->change == 275);
	assert_int_equal(f->light.status, STOPLIGHT_RED);
	assert_non_null(strstr(f->light.reason, "t.o.v. 1-1-2022"));
	assert_true(fs.as_of >= 1);
	assert_true(fs.status_count[STOPLIGHT_RED] == 1);
	figures_free(&fs);
	/* a year later the reference date is older than a year: not shown */
	load(t, "2024Q1", &fs);
	assert_false(row(&fs, "peildatum")->now.present);
	assert_int_equal(row(&fs, "peildatum")->basis, FIGURE_OWN);
	figures_free(&fs);
}

/* The year around the quarter comes before a reference date in it. */
static void test_year_before_date(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;

	load(t, "2023Q3", &fs);
	f = row(&fs, "jaar");
	assert_string_equal(f->value_period, "2023");
	assert_true(f->now.value == 40);
	assert_true(f->change == -10);	/* against 2022, its own previous period */
	figures_free(&fs);
}

/* A count below the minimum is withheld as of another period too, and so
 * is the change that would give it away. */
static void test_privacy_applies(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;
	char buf[64];

	load(t, "2023Q2", &fs);
	f = row(&fs, "klein");
	assert_string_equal(f->value_period, "2023-01-01");
	assert_true(f->withheld);
	assert_false(f->has_change);
	assert_string_equal(figure_value_text(f, buf, sizeof buf), "<10");
	assert_int_equal(f->light.status, STOPLIGHT_GREY);
	figures_free(&fs);
}

static void test_staleness_and_off(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;

	load(t, "2023Q2", &fs);
	/* 1-1-2022 is more than a year before 30-6-2023, not two years */
	assert_false(row(&fs, "oud")->now.present);
	assert_string_equal(row(&fs, "oud_lang")->value_period, "2022-01-01");
	/* as_of: none: the year around the quarter is not shown either */
	assert_false(row(&fs, "uit")->now.present);
	figures_free(&fs);
}

/* A provisional figure shown as of its half-year stays provisional, and
 * does not make the chosen period provisional. */
static void test_provisional(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;

	load(t, "2023Q4", &fs);
	f = row(&fs, "voorlopig");
	assert_string_equal(f->value_period, "2023H2");
	assert_string_equal(f->now.flag, "provisional");
	assert_true(f->change == 5);
	assert_false(fs.provisional);
	figures_free(&fs);
}

/* A year made of its quarters, marked with them, changed against the
 * year before made the same way. */
static void test_rollup(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;
	char buf[64];

	load(t, "2023", &fs);
	f = row(&fs, "som");
	assert_int_equal(f->basis, FIGURE_ROLLUP);
	assert_true(f->now.value == 100);
	assert_string_equal(figure_basis_text(f, buf, sizeof buf), "som van 2023 Q1–Q4");
	assert_string_equal(figure_basis_short(f, buf, sizeof buf), "som Q1–Q4");
	assert_string_equal(f->value_period, "2023Q1..2023Q4");
	assert_true(f->has_change);
	assert_true(f->change == 60);	/* 2022: 40, one of them provisional */
	assert_true(row(&fs, "gem")->now.value == 25);
	assert_true(row(&fs, "stand")->now.value == 40);
	assert_string_equal(figure_basis_short(row(&fs, "stand"), buf, sizeof buf), "stand Q4");
	/* rollup: none never invents an aggregate: the last quarter as of */
	assert_int_equal(row(&fs, "nooit")->basis, FIGURE_AS_OF);
	assert_string_equal(row(&fs, "nooit")->value_period, "2023Q4");
	figures_free(&fs);
	load(t, "2022", &fs);
	assert_string_equal(row(&fs, "som")->now.flag, "provisional");
	figures_free(&fs);
	load(t, "2023H2", &fs);
	assert_true(row(&fs, "som")->now.value == 70);
	assert_string_equal(figure_basis_text(row(&fs, "som"), buf, sizeof buf),
			    "som van 2023 Q3–Q4");
	figures_free(&fs);
}

/* Three quarters of four are not a year; a withheld quarter withholds the
 * year it is part of. */
static void test_rollup_incomplete_and_withheld(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;
	char buf[64];

	load(t, "2023", &fs);
	f = row(&fs, "onvolledig");
	assert_int_not_equal(f->basis, FIGURE_ROLLUP);
	assert_string_equal(f->value_period, "2023Q3");
	/* not summed, and the reason says why */
	assert_string_equal(f->incomplete, "3 van 4 kwartalen");
	char reason[1024];
	assert_non_null(strstr(figure_reason(f, true, reason, sizeof reason),
			       "; niet opgeteld: 3 van 4 kwartalen geleverd"));
	assert_string_equal(row(&fs, "som")->incomplete, "");
	f = row(&fs, "geheim");
	assert_int_equal(f->basis, FIGURE_ROLLUP);
	assert_true(f->withheld);
	assert_false(f->has_change);
	assert_string_equal(figure_value_text(f, buf, sizeof buf), "geheim");
	figures_free(&fs);
}

/* A year of some of its quarters without a figure of another period to
 * stand in says where its value would be how many parts there are, and
 * every report's reason says why it is empty. */
static void test_incomplete_mark(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;
	char buf[1024];

	load(t, "2023", &fs);
	f = row(&fs, "half_af");
	assert_false(f->now.present);
	assert_string_equal(figure_incomplete_mark(f, buf, sizeof buf), "3/4 kw.");
	assert_non_null(strstr(figure_report_reason(f, buf, sizeof buf),
			       "; niet opgeteld: 3 van 4 kwartalen geleverd"));
	/* one shown as of its last quarter has a value, and no mark there;
	 * the chapter row's period says which quarter of how many */
	assert_string_equal(figure_incomplete_mark(row(&fs, "onvolledig"), buf, sizeof buf), "");
	assert_string_equal(figure_basis_short(row(&fs, "onvolledig"), buf, sizeof buf), "Q3 (3/4)");
	assert_string_equal(figure_basis_text(row(&fs, "onvolledig"), buf, sizeof buf), "2023 Q3");
	assert_string_equal(figure_incomplete_mark(row(&fs, "som"), buf, sizeof buf), "");
	figures_free(&fs);
}

/* A quarter is made of its three months like a year of its quarters;
 * two months of three are not a quarter. */
static void test_rollup_months_into_quarter(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;
	char buf[64];

	load(t, "2023Q4", &fs);
	f = row(&fs, "maand");
	assert_int_equal(f->basis, FIGURE_ROLLUP);
	assert_true(f->now.value == 48);
	assert_string_equal(f->value_period, "2023M10..2023M12");
	assert_string_equal(figure_basis_text(f, buf, sizeof buf), "som van okt–dec 2023");
	assert_string_equal(figure_basis_short(f, buf, sizeof buf), "som 3 mnd");
	/* against the previous quarter, itself of two months: none */
	assert_false(f->has_change);
	f = row(&fs, "maandstand");
	assert_int_equal(f->basis, FIGURE_ROLLUP);
	assert_true(f->now.value == 70);
	assert_string_equal(figure_basis_short(f, buf, sizeof buf), "stand dec");
	figures_free(&fs);
	load(t, "2023Q3", &fs);
	f = row(&fs, "maand");
	assert_int_not_equal(f->basis, FIGURE_ROLLUP);
	assert_string_equal(f->incomplete, "2 van 3 maanden");
	assert_string_equal(figure_incomplete_mark(f, buf, sizeof buf), "2/3 mnd");
	figures_free(&fs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_own_figure_first, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_reference_date, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_year_before_date, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_privacy_applies, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_staleness_and_off, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_provisional, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_rollup, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_incomplete_mark, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_rollup_months_into_quarter, setup,
						dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_rollup_incomplete_and_withheld, setup,
						dbtest_teardown),
	};

	return RUN_TESTS(tests);
}
