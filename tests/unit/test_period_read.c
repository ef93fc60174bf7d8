/* SPDX-License-Identifier: EUPL-1.2 */
/* Periods as people write them (period_read): every form the screen and
 * CBS write, and the refusal of what is not a period. */
#include <stdio.h>
#include <string.h>

#include "unit.h"
#include "jmon/period.h"

static void assert_reads(const char *text, const char *want)
{
	char buf[PERIOD_CODE_MAX];
	struct period p;

	if (!period_read(text, &p))
		fail_msg("'%s' was not read", text);
	if (strcmp(period_format(&p, buf), want))
		fail_msg("'%s' read as %s, expected %s", text, buf, want);
}

static void test_quarters(void **state)
{
	(void)state;
	assert_reads("2023Q3", "2023Q3");
	assert_reads("2023 Q3", "2023Q3");	/* as the screen writes it */
	assert_reads("Q3 2023", "2023Q3");
	assert_reads("2023-Q3", "2023Q3");
	assert_reads("2023-q3", "2023Q3");
	assert_reads("q3-2023", "2023Q3");
	assert_reads("2023KW03", "2023Q3");	/* CBS */
	assert_reads("2023 KW 3", "2023Q3");
	assert_reads("KW03 2023", "2023Q3");
	assert_reads("2023 3e kwartaal", "2023Q3");	/* StatLine */
	assert_reads("3e kwartaal 2023", "2023Q3");
	assert_reads("kwartaal 3 2023", "2023Q3");
	assert_reads("  2023 Q4  ", "2023Q4");
	assert_reads("2023 1e kwartaal*", "2023Q1");	/* StatLine: provisional */
}

static void test_years_and_halves(void **state)
{
	(void)state;
	assert_reads("2023", "2023");
	assert_reads("2023JJ00", "2023");
	assert_reads("jaar 2023", "2023");
	assert_reads("2023*", "2023");
	assert_reads("2023 H1", "2023H1");	/* as jmon writes it */
	assert_reads("H2 2023", "2023H2");
	assert_reads("2023-H2", "2023H2");
	assert_reads("2023HJ01", "2023H1");	/* CBS */
	assert_reads("2023 2e halfjaar", "2023H2");	/* StatLine */
	assert_reads("1e halfjaar 2023", "2023H1");
}

static void test_months_and_dates(void **state)
{
	(void)state;
	assert_reads("2023M03", "2023M03");
	assert_reads("2023MM03", "2023M03");
	assert_reads("maart 2023", "2023M03");	/* as the screen writes it */
	assert_reads("2023 maart", "2023M03");	/* StatLine */
	assert_reads("mrt 2023", "2023M03");
	assert_reads("Sep 2023", "2023M09");
	assert_reads("2023-03", "2023M03");
	assert_reads("3/2023", "2023M03");
	assert_reads("2023-01-01", "2023-01-01");
	assert_reads("1-1-2023", "2023-01-01");	/* CBS Peildatum */
	assert_reads("01-01-2023", "2023-01-01");
	assert_reads("1/1/2023", "2023-01-01");
	assert_reads("1 januari 2023", "2023-01-01");	/* as the screen writes it */
	assert_reads("29 februari 2024", "2024-02-29");
}

/* Whatever the screen shows of a period is read back as that period. */
static void test_every_label_reads_back(void **state)
{
	static const struct period samples[] = {
		{ PERIOD_YEAR, 2019, 0, 0 }, { PERIOD_HALF, 2020, 1, 0 }, { PERIOD_HALF, 2020, 2, 0 },
		{ PERIOD_DATE, 2023, 1, 1 }, { PERIOD_DATE, 2024, 2, 29 },
		{ PERIOD_DATE, 2022, 12, 31 },
	};
	char label[PERIOD_LABEL_MAX], a[PERIOD_CODE_MAX], b[PERIOD_CODE_MAX];
	struct period p, back;

	(void)state;
	for (int q = 1; q <= 4; q++) {
		p = (struct period){ PERIOD_QUARTER, 2023, q, 0 };
		assert_true(period_read(period_label(&p, label), &back));
		assert_string_equal(period_format(&back, a), period_format(&p, b));
	}
	for (int m = 1; m <= 12; m++) {
		p = (struct period){ PERIOD_MONTH, 2021, m, 0 };
		if (!period_read(period_label(&p, label), &back))
			fail_msg("label '%s' was not read", label);
		assert_string_equal(period_format(&back, a), period_format(&p, b));
	}
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		if (!period_read(period_label(&samples[i], label), &back))
			fail_msg("label '%s' was not read", label);
		assert_string_equal(period_format(&back, a), period_format(&samples[i], b));
	}
}

static void test_refuses_nonsense(void **state)
{
	static const char *const bad[] = {
		"", "   ", "*", "Q3", "2023 Q5", "Q0 2023", "2023 H3", "2023 KW00",
		"2023 3",		/* March or the third quarter? */
		"2023 Q3 Q4", "2023 2024", "Q3 2023 2024", "2023 13e kwartaal",
		"13-2023", "2023-13", "31-4-2023", "29 februari 2023", "2023-02-30",
		"ma 2023",		/* maart or mei: too short to tell */
		"week 3 2023", "2023W03", "jaar 3 2023", "jj 2023", "999 Q1", "20233 Q1",
		"2023 Q3 ✓", "2023;Q3", "gisteren", "Q3 '23",
		"2023 januari februari", "1-2023-3",
		"1-1z9999999023", "99999999999 2023",	/* fuzz: too many digits for an int */
	};
	struct period p;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (period_read(bad[i], &p))
			fail_msg("'%s' should not be read as a period", bad[i]);
}

static void test_refusal_says_how(void **state)
{
	char buf[256];

	(void)state;
	assert_string_equal(period_unreadable("2023 Q5", buf, sizeof buf),
			    "'2023 Q5' is not a period (write it as 2023 Q3, Q3 2023, 2023KW03, "
			    "2023 H1, 2023, maart 2023, 1-1-2023 or 2023-01-01)");
	assert_string_equal(period_unreadable_nl("gisteren", buf, sizeof buf),
			    "'gisteren' is geen periode; schrijf 2023 Q3, Q3 2023, 2023KW03, "
			    "2023 H1, 2023, maart 2023, 1-1-2023 of 2023-01-01");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quarters),
		cmocka_unit_test(test_years_and_halves),
		cmocka_unit_test(test_months_and_dates),
		cmocka_unit_test(test_every_label_reads_back),
		cmocka_unit_test(test_refuses_nonsense),
		cmocka_unit_test(test_refusal_says_how),
	};

	return RUN_TESTS(tests);
}
