/* SPDX-License-Identifier: EUPL-1.2 */
/* The compare view's rows against their nulmeting (B): each region since
 * its own value in the baseline period, between two shown values only,
 * and a group's mean only when both means are of every member, so that
 * the change is one of the same regions. */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "dbtest.h"
#include "jmon/comparison.h"

static const char monitor[] =
	"monitor: {title: t, region: GM0001, baseline: 2023Q3, privacy: {min_count: 10}}\n"
	"peers:\n"
	"  - {id: g, label: G, regions: [GM0001, GM0002, GM0003]}\n"
	"chapters:\n"
	"  - id: c\n"
	"    indicators:\n"
	"      - {id: alle, unit: aantal, counts: true}\n"
	"      - {id: klein, unit: aantal, counts: true}\n"
	"      - {id: geen, unit: aantal, counts: true, baseline: 2022Q4}\n";

static const char cells[] =
	"region,period,indicator,category,value,flag\n"
	"GM0001,2023Q3,alle,,100,\n" "GM0002,2023Q3,alle,,50,\n" "GM0003,2023Q3,alle,,60,\n"
	"GM0001,2023Q4,alle,,120,\n" "GM0002,2023Q4,alle,,55,\n" "GM0003,2023Q4,alle,,70,\n"
	/* GM0003's nulmeting is a count <10: withheld */
	"GM0001,2023Q3,klein,,100,\n" "GM0002,2023Q3,klein,,50,\n" "GM0003,2023Q3,klein,,5,\n"
	"GM0001,2023Q4,klein,,120,\n" "GM0002,2023Q4,klein,,55,\n" "GM0003,2023Q4,klein,,70,\n"
	"GM0001,2023Q4,geen,,120,\n";

static int setup(void **state)
{
	return dbtest_setup_monitor(state, monitor, sizeof monitor - 1, cells);
}

static const struct comparison_row *row(const struct comparison *c, const char *code)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->rows[i].kind == COMPARISON_MEAN ? !strcmp(code, "mean")
						       : !strcmp(c->rows[i].code, code))
			return &c->rows[i];
	fail_msg("no row %s", code);
	return NULL;
}

static void load(struct dbtest *t, const char *ind, const char *period, struct comparison *c)
{
	if (comparison_load(t->db, t->cfg, NULL, config_indicator(t->cfg, ind), NULL, "GM0001",
			    period, c, &t->err))
		fail_msg("%s", t->err.msg);
}

static void test_every_row_since_its_nulmeting(void **state)
{
	struct dbtest *t = *state;
	struct comparison c;

	load(t, "alle", "2023Q4", &c);
	assert_string_equal(c.base_period, "2023Q3");
	assert_string_equal(c.base_label, "2023 Q3");
	assert_true(row(&c, "GM0001")->has_base_change);
	assert_true(row(&c, "GM0001")->base_change == 20);
	assert_true(row(&c, "GM0002")->base_change == 5);
	assert_true(row(&c, "GM0003")->base_change == 10);
	/* 62,5 of both others against 55 of both */
	assert_true(row(&c, "mean")->has_base_change);
	assert_true(row(&c, "mean")->base_change == 7.5);
	comparison_free(&c);
	/* the nulmeting itself has no change since */
	load(t, "alle", "2023Q3", &c);
	assert_false(row(&c, "GM0001")->has_base_change);
	assert_false(row(&c, "mean")->has_base_change);
	comparison_free(&c);
}

static void test_withheld_nulmeting(void **state)
{
	struct dbtest *t = *state;
	struct comparison c;

	load(t, "klein", "2023Q4", &c);
	assert_true(row(&c, "GM0003")->has_value);
	assert_false(row(&c, "GM0003")->has_base_change);
	assert_true(row(&c, "GM0002")->base_change == 5);
	/* 62,5 of two against 50 of one: not the same regions */
	assert_int_equal(row(&c, "mean")->mean.n, 2);
	assert_false(row(&c, "mean")->has_base_change);
	comparison_free(&c);
	/* a nulmeting without data: no change */
	load(t, "geen", "2023Q4", &c);
	assert_string_equal(c.base_period, "2022Q4");
	assert_false(row(&c, "GM0001")->has_base_change);
	comparison_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_row_since_its_nulmeting, setup,
						dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_withheld_nulmeting, setup, dbtest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
