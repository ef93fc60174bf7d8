/* SPDX-License-Identifier: EUPL-1.2 */
/* Computed figures (compute:): the value of each formula from the same
 * cell of its inputs, per category and for the total; withheld when an
 * input is (so no hidden input follows from it), without a value when an
 * input has none or a divisor is 0, missing when an input is, provisional
 * when an input is; a computed count below the minimum withheld; a change
 * and a stoplight like any other figure; a ratio of a year from the last
 * quarter; the formula in words; never imported. */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "dbtest.h"
#include "jmon/figures.h"

static const char monitor[] =
	"monitor: {title: t, region: GM0001, privacy: {min_count: 10}}\n"
	"chapters:\n"
	"  - id: c\n"
	"    indicators:\n"
	"      - id: prognose\n"
	"        unit: euro\n"
	"        label: Prognose\n"
	"        categories: [{id: a}, {id: b}]\n"
	"        rollup: last\n"
	"      - id: begroting\n"
	"        unit: euro\n"
	"        label: Begroting\n"
	"        categories: [{id: a}, {id: b}]\n"
	"        rollup: last\n"
	"      - id: pct\n"
	"        unit: procent\n"
	"        decimals: 1\n"
	"        categories: [{id: a}, {id: b}]\n"
	"        compute: {ratio: [prognose, begroting], scale: 100}\n"
	"        rollup: last\n"
	"        norm: {value: 100}\n"
	"        stoplight: {on: value, green: '95..105', amber: '90..110'}\n"
	"      - {id: over, unit: euro, compute: {difference: [prognose, begroting]}}\n"
	"      - {id: jongens, unit: aantal, counts: true}\n"
	"      - {id: meisjes, unit: aantal, counts: true}\n"
	"      - {id: samen, unit: aantal, counts: true, compute: {sum: [jongens, meisjes]},\n"
	"         stoplight: {on: change, green: '-5..5'}}\n"
	"      - {id: verschil, unit: aantal, counts: true, compute: {difference: [jongens, meisjes]}}\n"
	"      - {id: aandeel, unit: procent, compute: {share: [jongens, samen]}}\n"
	"      - {id: sinds, unit: aantal, counts: true, baseline: 2023Q3,\n"
	"         stoplight: {on: baseline_pct, green: '-10..10', amber: '-50..50'}}\n";

static const char cells[] =
	"region,period,indicator,category,value,flag\n"
	"GM0001,2023Q3,prognose,a,1030,\n"
	"GM0001,2023Q3,prognose,b,880,\n"
	"GM0001,2023Q3,begroting,a,1000,\n"
	"GM0001,2023Q3,begroting,b,1000,\n"
	"GM0001,2023Q4,prognose,a,1124,provisional\n"
	"GM0001,2023Q4,prognose,b,,unknown\n"
	"GM0001,2023Q4,begroting,a,1000,\n"
	"GM0001,2023Q4,begroting,b,0,\n"
	"GM0001,2023Q1,prognose,a,1,\n"  "GM0001,2023Q2,prognose,a,1,\n"
	"GM0001,2023Q1,begroting,a,1,\n" "GM0001,2023Q2,begroting,a,1,\n"
	"GM0001,2023Q3,jongens,,40,\n"
	"GM0001,2023Q3,meisjes,,7,\n"
	"GM0001,2023Q4,jongens,,40,\n"
	"GM0001,2023Q4,meisjes,,35,\n"
	"GM0001,2024Q1,jongens,,14,\n"
	"GM0001,2024Q1,meisjes,,11,\n"
	"GM0001,2024Q1,prognose,b,500,\n"
	"GM0001,2024Q1,begroting,b,0,\n"
	"GM0001,2023Q3,sinds,,200,\n"
	"GM0001,2023Q4,sinds,,210,\n"
	"GM0001,2024Q1,sinds,,150,\n";

static int setup(void **state)
{
	return dbtest_setup_monitor(state, monitor, sizeof monitor - 1, cells);
}

static const struct figure *row(const struct figure_set *fs, const char *id, const char *cat)
{
	for (size_t i = 0; i < fs->n; i++)
		if (!strcmp(fs->rows[i].ind->id, id) &&
		    (cat ? fs->rows[i].cat && !strcmp(fs->rows[i].cat->id, cat) : !fs->rows[i].cat))
			return &fs->rows[i];
	fail_msg("no row %s %s", id, cat ? cat : "");
	return NULL;
}

static void load(struct dbtest *t, const char *period, struct figure_set *fs)
{
	if (figures_load(t->db, t->cfg, NULL, "GM0001", period, NULL, FIGURES_BREAKDOWN, fs,
			 &t->err))
		fail_msg("%s", t->err.msg);
}

static void assert_text(const struct figure *f, const char *want)
{
	char buf[64];

	assert_string_equal(figure_value_text(f, buf, sizeof buf), want);
}

/* Each category from the same category of its inputs, the total from the
 * inputs' totals (summed from their categories); a change and a
 * stoplight against the norm like any other figure. */
static void test_ratio_per_category_and_total(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;

	load(t, "2023Q3", &fs);
	f = row(&fs, "pct", "a");
	assert_true(f->now.has_value);
	assert_true(f->now.value > 102.999 && f->now.value < 103.001);
	assert_text(f, "103,0 %");
	assert_int_equal(f->light.status, STOPLIGHT_GREEN);
	assert_text(row(&fs, "pct", "b"), "88,0 %");
	assert_int_equal(row(&fs, "pct", "b")->light.status, STOPLIGHT_RED);
	f = row(&fs, "pct", NULL);
	assert_text(f, "95,5 %");		/* 1910 / 2000 */
	assert_int_equal(f->light.status, STOPLIGHT_GREEN);
	assert_int_equal(f->below, STOPLIGHT_RED);	/* b is red under a green total */
	assert_text(row(&fs, "over", NULL), "€ -90");
	figures_free(&fs);
}

/* No value when an input has none (its flag) or the divisor is 0;
 * provisional when an input is; the change against the quarter before. */
static void test_flags(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;

	load(t, "2023Q4", &fs);
	f = row(&fs, "pct", "a");
	assert_text(f, "112,4 %");
	assert_string_equal(f->now.flag, "provisional");
	assert_true(f->has_change);
	assert_true(f->change > 9.399 && f->change < 9.401);
	assert_text(row(&fs, "pct", "b"), "onbekend");	/* prognose b unknown */
	assert_false(row(&fs, "pct", NULL)->now.has_value);	/* its total too */
	assert_false(row(&fs, "pct", "b")->now.has_value);
	figures_free(&fs);
}

/* One cell of indicator id straight from the gate. */
static struct disclosed gate_cell(struct dbtest *t, const char *id, const char *period,
				  const char *cat)
{
	struct disclosure *dc = disclosure_new(t->db);
	struct disclosed d;

	if (disclosure_refresh(dc, t->cfg, &t->err) ||
	    disclosure_cell(dc, config_indicator(t->cfg, id), "GM0001", period, cat, 0, &d, &t->err))
		fail_msg("%s", t->err.msg);
	disclosure_free(dc);
	return d;
}

/* A ratio of a zero is n.v.t., not infinite; no inputs, no figure. */
static void test_division_by_zero(void **state)
{
	struct dbtest *t = *state;
	struct disclosed d = gate_cell(t, "pct", "2023Q4", "b");

	assert_string_equal(d.v.flag, "unknown");	/* prognose b is unknown: its flag */
	d = gate_cell(t, "pct", "2024Q1", "b");
	assert_true(d.v.present);
	assert_false(d.v.has_value);
	assert_string_equal(d.v.flag, "na");		/* 500 / 0 */
	assert_false(gate_cell(t, "aandeel", "2099Q1", NULL).v.present);
}

/* A withheld input withholds the figure (40 + <10 would give the 7 back
 * from the shown 40), its change and its colour; a computed count below
 * the minimum is withheld itself. */
static void test_withheld_input(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;

	load(t, "2023Q3", &fs);
	f = row(&fs, "samen", NULL);
	assert_true(f->withheld);
	assert_text(f, "geheim");
	assert_int_equal(f->light.status, STOPLIGHT_GREY);
	assert_true(row(&fs, "verschil", NULL)->withheld);
	assert_true(row(&fs, "aandeel", NULL)->withheld);
	figures_free(&fs);
	load(t, "2023Q4", &fs);
	f = row(&fs, "samen", NULL);
	assert_text(f, "75");
	assert_false(f->has_change);		/* 2023 Q3 was withheld */
	assert_text(row(&fs, "verschil", NULL), "<10");	/* 40 - 35 = 5 */
	assert_text(row(&fs, "aandeel", NULL), "53 %");	/* 40 / 75 */
	figures_free(&fs);
	load(t, "2024Q1", &fs);
	assert_text(row(&fs, "samen", NULL), "25");
	assert_true(row(&fs, "samen", NULL)->has_change);
	assert_true(row(&fs, "samen", NULL)->change == -50);
	figures_free(&fs);
}

/* The year of a ratio with rollup: last is the ratio of its last quarter. */
static void test_rollup_last(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;

	load(t, "2023", &fs);
	f = row(&fs, "pct", "a");
	assert_int_equal(f->basis, FIGURE_ROLLUP);
	assert_text(f, "112,4 %");
	figures_free(&fs);
}

/* A delivery that holds a computed figure is refused whole: jmon makes
 * it from its inputs. */
static void test_not_imported(void **state)
{
	struct dbtest *t = *state;
	char *path = scratch_file(t, "pct.csv", "region,period,indicator,category,value,flag\n"
				  "GM0001,2025Q1,jongens,,20,\n"
				  "GM0001,2025Q1,pct,a,101.5,\n");

	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_DATA);
	assert_int_equal(t->diag.count, 1);
	assert_string_equal(t->diag.lines[0], "pct.csv:3:15: indicator 'pct' is computed "
			    "(prognose / begroting * 100): deliver its inputs, not it");
	assert_false(gate_cell(t, "jongens", "2025Q1", NULL).v.present);	/* nothing imported */
	free(path);
}

/* A baseline (nulmeting): the change against it, and a stoplight on it;
 * none in the baseline period itself. */
static void test_baseline(void **state)
{
	struct dbtest *t = *state;
	struct figure_set fs;
	const struct figure *f;
	char buf[64];

	load(t, "2024Q1", &fs);
	f = row(&fs, "sinds", NULL);
	assert_string_equal(f->base_period, "2023Q3");
	assert_true(f->has_base_change);
	assert_string_equal(figure_base_change_text(f, buf, sizeof buf), "-50");
	assert_int_equal(f->light.status, STOPLIGHT_AMBER);	/* -25 % */
	assert_non_null(strstr(f->light.reason, "t.o.v. nulmeting 2023 Q3"));
	assert_true(row(&fs, "samen", NULL)->base_period[0] == '\0');	/* none configured */
	figures_free(&fs);
	load(t, "2023Q3", &fs);
	assert_false(row(&fs, "sinds", NULL)->has_base_change);
	figures_free(&fs);
}

static const char *formula(struct dbtest *t, const char *id, enum formula_form form)
{
	static char buf[256];

	return indicator_formula(config_indicator(t->cfg, id), form, buf, sizeof buf);
}

static void test_formula_text(void **state)
{
	struct dbtest *t = *state;

	assert_string_equal(formula(t, "pct", FORMULA_LABELS), "Prognose / Begroting × 100");
	assert_string_equal(formula(t, "pct", FORMULA_IDS), "prognose / begroting * 100");
	assert_string_equal(formula(t, "over", FORMULA_LABELS), "Prognose − Begroting");
	assert_string_equal(formula(t, "over", FORMULA_ASCII), "Prognose - Begroting");
	assert_string_equal(formula(t, "samen", FORMULA_IDS), "jongens + meisjes");
	assert_string_equal(formula(t, "aandeel", FORMULA_IDS), "jongens / samen * 100");
	assert_string_equal(formula(t, "jongens", FORMULA_IDS), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ratio_per_category_and_total, setup,
						dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_flags, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_division_by_zero, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_withheld_input, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_rollup_last, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_not_imported, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_baseline, setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_formula_text, setup, dbtest_teardown),
	};

	return RUN_TESTS(tests);
}
