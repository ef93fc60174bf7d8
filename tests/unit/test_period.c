/* SPDX-License-Identifier: EUPL-1.2 */
/* Period codes: every accepted spelling, every rejection, the arithmetic the
 * stoplight rules lean on (previous period, same period last year) and the
 * roll-ups. */
#include <string.h>

#include "unit.h"
#include "jmon/period.h"

static struct period parse(const char *s)
{
	struct period p;

	if (!period_parse_str(s, &p))
		fail_msg("'%s' did not parse", s);
	return p;
}

static void assert_canonical(const char *in, const char *want)
{
	char buf[PERIOD_CODE_MAX];
	struct period p = parse(in);

	assert_string_equal(period_format(&p, buf), want);
}

static void test_parse_canonical_and_cbs(void **state)
{
	(void)state;
	assert_canonical("2020", "2020");
	assert_canonical("2020JJ00", "2020");
	assert_canonical("2020H1", "2020H1");
	assert_canonical("2020HJ02", "2020H2");
	assert_canonical("2020Q1", "2020Q1");
	assert_canonical("2020KW04", "2020Q4");
	assert_canonical("2020M03", "2020M03");
	assert_canonical("2020MM12", "2020M12");
	assert_canonical("2023-01-01", "2023-01-01");
	assert_canonical("2024-02-29", "2024-02-29");
	assert_canonical("2020q2", "2020Q2");	/* case does not matter */
	assert_canonical("2020kw02", "2020Q2");
}

static void test_parse_kinds(void **state)
{
	struct period p;

	(void)state;
	p = parse("2021HJ01");
	assert_int_equal(p.kind, PERIOD_HALF);
	assert_int_equal(p.year, 2021);
	assert_int_equal(p.n, 1);
	p = parse("2023-01-01");
	assert_int_equal(p.kind, PERIOD_DATE);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.day, 1);
	assert_int_equal(parse("2020").kind, PERIOD_YEAR);
	assert_int_equal(parse("2020M11").kind, PERIOD_MONTH);
}

static void test_parse_rejects(void **state)
{
	static const char *const bad[] = {
		"", "202", "20201", "2020Q0", "2020Q5", "2020Q", "2020Q11",
		"2020KW00", "2020KW05", "2020KW1", "2020H0", "2020H3", "2020HJ03",
		"2020JJ01", "2020M00", "2020M13", "2020M3", "2020MM13", "2020MM",
		"2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "2023-1-1",
		"0999", "999Q1", "abcd", "2020 Q1", "2020Q1 ", "2020X1", "2020-01",
		"Q1 2020",
	};
	struct period p;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (period_parse_str(bad[i], &p))
			fail_msg("'%s' should not parse", bad[i]);
}

static void test_parse_length_bounded(void **state)
{
	struct period p;

	(void)state;
	/* Only the first len bytes count: the CSV hands over fields in place. */
	assert_true(period_parse("2020Q1,GM0361", 6, &p));
	assert_int_equal(p.kind, PERIOD_QUARTER);
	assert_false(period_parse("2020Q1,GM0361", 7, &p));
}

static void test_dutch_date(void **state)
{
	struct period p;
	char buf[PERIOD_CODE_MAX];

	(void)state;
	assert_true(period_parse_dutch_date("1-1-2023", 8, &p));
	assert_string_equal(period_format(&p, buf), "2023-01-01");
	assert_true(period_parse_dutch_date("31-12-2019", 10, &p));
	assert_string_equal(period_format(&p, buf), "2019-12-31");
	assert_false(period_parse_dutch_date("31-4-2019", 9, &p));
	assert_false(period_parse_dutch_date("1-1-23", 6, &p));
	assert_false(period_parse_dutch_date("1/1/2023", 8, &p));
	assert_false(period_parse_dutch_date("1-1-2023-1", 10, &p));
}

static void assert_label(const char *code, const char *want)
{
	char buf[PERIOD_LABEL_MAX];
	struct period p = parse(code);

	assert_string_equal(period_label(&p, buf), want);
}

/* The short label fits a column of PERIOD_SHORT_MAX: never cut. */
static void assert_short(const char *code, const char *want)
{
	char buf[PERIOD_LABEL_MAX];
	struct period p = parse(code);

	assert_string_equal(period_label_short(&p, buf), want);
	assert_true(strlen(buf) <= PERIOD_SHORT_MAX);
}

static void test_labels(void **state)
{
	(void)state;
	assert_label("2020", "2020");
	assert_label("2020H1", "2020 H1");
	assert_label("2020KW01", "2020 Q1");
	assert_label("2020M03", "maart 2020");
	assert_label("2020M12", "december 2020");
	assert_short("2020M03", "mrt 2020");
	assert_short("2020M12", "dec 2020");
	assert_short("2023-12-31", "31-12-2023");
	assert_short("2020Q1", "2020 Q1");
	assert_label("2023-01-01", "1-1-2023");
	assert_label("2023-12-31", "31-12-2023");
}

static void assert_bounds(const char *code, const char *start, const char *end)
{
	char buf[PERIOD_CODE_MAX];
	struct period p = parse(code);

	period_start(&p, buf);
	assert_string_equal(buf, start);
	period_end(&p, buf);
	assert_string_equal(buf, end);
}

static void test_bounds(void **state)
{
	(void)state;
	assert_bounds("2020", "2020-01-01", "2020-12-31");
	assert_bounds("2020H2", "2020-07-01", "2020-12-31");
	assert_bounds("2020Q1", "2020-01-01", "2020-03-31");
	assert_bounds("2020Q2", "2020-04-01", "2020-06-30");
	assert_bounds("2020M02", "2020-02-01", "2020-02-29");	/* leap year */
	assert_bounds("2021M02", "2021-02-01", "2021-02-28");
	assert_bounds("1900M02", "1900-02-01", "1900-02-28");	/* century rule */
	assert_bounds("2000M02", "2000-02-01", "2000-02-29");
	assert_bounds("2023-01-01", "2023-01-01", "2023-01-01");
}

static void assert_step(struct period (*fn)(const struct period *), const char *from,
			const char *want)
{
	char buf[PERIOD_CODE_MAX];
	struct period p = parse(from);
	struct period r = fn(&p);

	assert_string_equal(period_format(&r, buf), want);
}

static void test_previous(void **state)
{
	(void)state;
	assert_step(period_prev, "2020Q1", "2019Q4");	/* across the year */
	assert_step(period_prev, "2020Q4", "2020Q3");
	assert_step(period_prev, "2020H1", "2019H2");
	assert_step(period_prev, "2020H2", "2020H1");
	assert_step(period_prev, "2020M01", "2019M12");
	assert_step(period_prev, "2020M10", "2020M09");
	assert_step(period_prev, "2020", "2019");
	assert_step(period_prev, "2023-01-01", "2022-01-01");
	assert_step(period_prev, "2024-02-29", "2023-02-28");
}

static void test_year_ago(void **state)
{
	(void)state;
	assert_step(period_year_ago, "2020Q1", "2019Q1");
	assert_step(period_year_ago, "2020Q4", "2019Q4");
	assert_step(period_year_ago, "2020H2", "2019H2");
	assert_step(period_year_ago, "2020M03", "2019M03");
	assert_step(period_year_ago, "2020", "2019");
	assert_step(period_year_ago, "2023-01-01", "2022-01-01");
}

static void test_add(void **state)
{
	struct period p = parse("2019Q3");
	struct period r;
	char buf[PERIOD_CODE_MAX];

	(void)state;
	r = period_add(&p, 2);
	assert_string_equal(period_format(&r, buf), "2020Q1");
	r = period_add(&p, -7);
	assert_string_equal(period_format(&r, buf), "2017Q4");
	r = period_add(&p, 0);
	assert_string_equal(period_format(&r, buf), "2019Q3");
	p = parse("2020M11");
	r = period_add(&p, 14);
	assert_string_equal(period_format(&r, buf), "2022M01");
}

static void assert_rollup(const char *from, enum period_kind kind, const char *want)
{
	char buf[PERIOD_CODE_MAX];
	struct period p = parse(from);
	struct period r;

	if (!period_rollup(&p, kind, &r))
		fail_msg("%s did not roll up to %s", from, period_kind_name(kind));
	assert_string_equal(period_format(&r, buf), want);
}

static void test_rollup(void **state)
{
	struct period p, r;

	(void)state;
	assert_rollup("2020Q1", PERIOD_HALF, "2020H1");
	assert_rollup("2020Q2", PERIOD_HALF, "2020H1");
	assert_rollup("2020Q3", PERIOD_HALF, "2020H2");
	assert_rollup("2020Q4", PERIOD_HALF, "2020H2");
	assert_rollup("2020Q4", PERIOD_YEAR, "2020");
	assert_rollup("2020H2", PERIOD_YEAR, "2020");
	assert_rollup("2020M06", PERIOD_QUARTER, "2020Q2");
	assert_rollup("2020M07", PERIOD_QUARTER, "2020Q3");
	assert_rollup("2020M07", PERIOD_HALF, "2020H2");
	assert_rollup("2020M12", PERIOD_YEAR, "2020");
	assert_rollup("2023-05-17", PERIOD_QUARTER, "2023Q2");
	assert_rollup("2023-05-17", PERIOD_YEAR, "2023");
	/* Never down or sideways. */
	p = parse("2020H1");
	assert_false(period_rollup(&p, PERIOD_QUARTER, &r));
	assert_false(period_rollup(&p, PERIOD_HALF, &r));
	p = parse("2020Q1");
	assert_false(period_rollup(&p, PERIOD_DATE, &r));
}

static void test_order(void **state)
{
	struct period a, b;

	(void)state;
	a = parse("2019Q4");
	b = parse("2020Q1");
	assert_true(period_cmp(&a, &b) < 0);
	assert_true(period_cmp(&b, &a) > 0);
	assert_int_equal(period_cmp(&b, &b), 0);
	a = parse("2020");
	b = parse("2020H1");
	assert_true(period_cmp(&a, &b) < 0);	/* same start: longer first */
	a = parse("2020Q1");
	b = parse("2020M01");
	assert_true(period_cmp(&a, &b) < 0);
	a = parse("2020M02");
	b = parse("2020Q1");
	assert_true(period_cmp(&a, &b) > 0);	/* later start wins over kind */
	a = parse("2020KW01");
	b = parse("2020Q1");
	assert_int_equal(period_cmp(&a, &b), 0);	/* one period, two spellings */
}

static void test_kind_names(void **state)
{
	enum period_kind k;

	(void)state;
	assert_string_equal(period_kind_name(PERIOD_QUARTER), "quarter");
	assert_true(period_kind_parse("date", &k));
	assert_int_equal(k, PERIOD_DATE);
	assert_false(period_kind_parse("week", &k));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_canonical_and_cbs),
		cmocka_unit_test(test_parse_kinds),
		cmocka_unit_test(test_parse_rejects),
		cmocka_unit_test(test_parse_length_bounded),
		cmocka_unit_test(test_dutch_date),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_previous),
		cmocka_unit_test(test_year_ago),
		cmocka_unit_test(test_add),
		cmocka_unit_test(test_rollup),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_kind_names),
	};

	return RUN_TESTS(tests);
}
