/* SPDX-License-Identifier: EUPL-1.2 */
/* The choice of an as-of figure's period (include/jmon/asof.h): every kind
 * of chosen period against every kind of figure, the staleness bound, as_of
 * none, the cutoff date and the durations of the configuration. */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "jmon/asof.h"

/* Figures of every kind around 2023: years, halves, quarters, months,
 * reference dates, one too new and one too old for a year's bound. */
static const char *const all[] = {
	"2022", "2023", "2024", "2023H1", "2023H2", "2023Q2", "2023Q3", "2023M07", "2023M08",
	"2022-01-01", "2023-01-01", "2023-07-01",
};

static struct period parse(const char *s)
{
	struct period p;

	if (!period_parse_str(s, &p))
		fail_msg("'%s' did not parse", s);
	return p;
}

/* The candidates of `all` for p in order of preference, as "a b c". */
static void order_of(const char *p, int max_age, char *out, size_t size)
{
	struct period cands[sizeof all / sizeof *all], pp = parse(p);
	size_t n = sizeof all / sizeof *all, used = 0;
	char code[PERIOD_CODE_MAX];

	for (size_t i = 0; i < n; i++)
		cands[i] = parse(all[i]);
	n = asof_order(&pp, cands, n, max_age);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		used += (size_t)snprintf(out + used, size - used, "%s%s", i ? " " : "",
					 period_format(&cands[i], code));
}

static bool eligible(const struct period *p, const char *code, int max_age)
{
	struct period c = parse(code);

	return asof_eligible(p, &c, max_age);
}

static void assert_order(const char *p, int max_age, const char *want)
{
	char got[512];

	order_of(p, max_age, got, sizeof got);
	if (strcmp(got, want))
		fail_msg("%s: got '%s', want '%s'", p, got, want);
}

/* First the period itself, then the shortest period of another kind
 * around it, then the newest of another kind that ends by its end, within
 * the year; never another period of its own kind, never a later one. */
static void test_every_kind_against_every_kind(void **state)
{
	(void)state;
	assert_order("2023", 12, "2023 2023H2 2023Q3 2023M08 2023M07 2023-07-01 2023H1 2023Q2 "
		     "2023-01-01");
	assert_order("2023H2", 12, "2023H2 2023 2023Q3 2023M08 2023M07 2023-07-01 2023Q2 "
		     "2023-01-01 2022");
	assert_order("2023Q3", 12, "2023Q3 2023H2 2023 2023M08 2023M07 2023-07-01 2023H1 "
		     "2023-01-01 2022");
	assert_order("2023M08", 12, "2023M08 2023Q3 2023H2 2023 2023-07-01 2023H1 2023Q2 "
		     "2023-01-01 2022");
	assert_order("2023-07-01", 12, "2023-07-01 2023M07 2023Q3 2023H2 2023 2023H1 2023Q2 2022");
}

/* Without a figure of its own: a quarter of 2023 shows the year around
 * it before a reference date, and a reference date before a year ago. */
static void test_without_own_figure(void **state)
{
	struct period p = parse("2023Q4"), year = parse("2023"), date = parse("2023-01-01");
	struct period old = parse("2022");

	(void)state;
	assert_true(asof_cmp(&p, &year, &date) < 0);
	assert_true(asof_cmp(&p, &date, &old) < 0);
	assert_true(eligible(&p, "2023-01-01", 12));
	assert_false(eligible(&p, "2023Q3", 12));	/* its own kind */
	assert_false(eligible(&p, "2024-01-01", 12));	/* after its end */
}

static void test_staleness(void **state)
{
	struct period p = parse("2023Q4");

	(void)state;
	/* 12 months before 31-12-2023 is 31-12-2022: that day still counts */
	assert_true(eligible(&p, "2022-12-31", 12));
	assert_false(eligible(&p, "2022-12-30", 12));
	assert_true(eligible(&p, "2022", 12));
	assert_false(eligible(&p, "2022H1", 12));
	assert_true(eligible(&p, "2022H1", 18));
	assert_true(eligible(&p, "2022-01-01", 24));
	assert_false(eligible(&p, "2021-12-01", 24));
	/* a period around P is never too old, however long */
	assert_true(eligible(&p, "2023", 0));
	assert_true(eligible(&p, "2023H2", 0));
	assert_false(eligible(&p, "2023M11", 0));
	assert_true(eligible(&p, "2023M12", 0));	/* ends with P */
	/* as_of: none: only P itself */
	assert_true(asof_eligible(&p, &p, ASOF_OFF));
	assert_false(eligible(&p, "2023", ASOF_OFF));
	assert_order("2023Q3", ASOF_OFF, "2023Q3");
}

static void assert_cutoff(const char *p, int months, const char *want)
{
	char buf[PERIOD_CODE_MAX];
	struct period pp = parse(p);

	asof_cutoff(&pp, months, buf);
	assert_string_equal(buf, want);
}

static void test_cutoff(void **state)
{
	(void)state;
	assert_cutoff("2023Q4", 12, "2022-12-31");
	assert_cutoff("2024Q1", 1, "2024-02-29");	/* the last day of a short month */
	assert_cutoff("2024Q1", 13, "2023-02-28");
	assert_cutoff("2023H1", 6, "2022-12-30");
	assert_cutoff("2023-01-01", 24, "2021-01-01");
	assert_cutoff("2023M03", 0, "2023-03-31");
}

static void test_durations(void **state)
{
	int m = -5;

	(void)state;
	assert_true(asof_duration_parse("2y", &m));
	assert_int_equal(m, 24);
	assert_true(asof_duration_parse("18m", &m));
	assert_int_equal(m, 18);
	assert_true(asof_duration_parse("0m", &m));
	assert_int_equal(m, 0);
	assert_true(asof_duration_parse("100y", &m));
	assert_int_equal(m, 1200);
	static const char *const bad[] = { "", "y", "2", "2w", "-1y", "2y ", " 2y", "101y", "1.5y",
					   "2Y", "twee jaar" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (asof_duration_parse(bad[i], &m))
			fail_msg("'%s' was taken as a duration", bad[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_against_every_kind),
		cmocka_unit_test(test_without_own_figure),
		cmocka_unit_test(test_staleness),
		cmocka_unit_test(test_cutoff),
		cmocka_unit_test(test_durations),
	};

	return RUN_TESTS(tests);
}
