/* SPDX-License-Identifier: EUPL-1.2 */
/* Number formatting: Dutch for screens, machine form for exports, units,
 * signs, rounding on the decimal digits, and the strict machine parser. */
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "jmon/numfmt.h"

static void nl(double v, int decimals, unsigned flags, const char *want)
{
	char buf[NUMFMT_MAX];

	assert_string_equal(numfmt_nl(buf, sizeof buf, v, decimals, flags), want);
}

static void machine(double v, int decimals, const char *want)
{
	char buf[NUMFMT_MAX];

	assert_string_equal(numfmt_machine(buf, sizeof buf, v, decimals), want);
}

static void unit(double v, int decimals, enum unit u, unsigned flags, const char *want)
{
	char buf[NUMFMT_MAX];

	assert_string_equal(numfmt_unit(buf, sizeof buf, v, decimals, u, flags), want);
}

static void test_dutch(void **state)
{
	(void)state;
	nl(2660, 0, 0, "2.660");
	nl(4.2, 1, 0, "4,2");
	nl(-16, 0, 0, "-16");
	nl(24364, 0, 0, "24.364");
	nl(999, 0, 0, "999");
	nl(1000, 0, 0, "1.000");
	nl(1234567.891, 2, 0, "1.234.567,89");
	nl(-1234567, 0, 0, "-1.234.567");
	nl(123456789012.0, 0, 0, "123.456.789.012");
	nl(0.25, 2, 0, "0,25");
	nl(0, 0, 0, "0");
	nl(0, 2, 0, "0,00");
	nl(4, 1, 0, "4,0");		/* decimals are kept: a column lines up */
	nl(2660, 0, NUMFMT_NOGROUP, "2660");
}

static void test_signs(void **state)
{
	(void)state;
	nl(12.3, 1, NUMFMT_SIGN, "+12,3");
	nl(-16, 0, NUMFMT_SIGN, "-16");
	nl(60, 0, NUMFMT_SIGN, "+60");
	nl(0, 0, NUMFMT_SIGN, "0");		/* no change has no sign */
	nl(0.04, 1, NUMFMT_SIGN, "0,0");	/* rounds to zero: no sign either */
	nl(-0.04, 1, 0, "0,0");			/* never "-0,0" */
	nl(-0.0, 0, 0, "0");
	nl(1500, 0, NUMFMT_SIGN, "+1.500");
}

/* Half away from zero on the decimal digits, not on the binary double:
 * 4.35 is stored as 4.3499999999999996447 and still shows as 4,4. */
static void test_rounding(void **state)
{
	(void)state;
	nl(4.35, 1, 0, "4,4");
	nl(4.25, 1, 0, "4,3");
	nl(-4.25, 1, 0, "-4,3");
	nl(4.24, 1, 0, "4,2");
	nl(2.675, 2, 0, "2,68");
	nl(1.005, 2, 0, "1,01");
	nl(0.5, 0, 0, "1");
	nl(0.4999, 0, 0, "0");
	nl(-0.5, 0, 0, "-1");
	nl(9.96, 1, 0, "10,0");		/* carry into a new integer digit */
	nl(999.96, 1, 0, "1.000,0");	/* ... and into a new group */
	nl(99999.5, 0, 0, "100.000");
	nl(0.05, 1, 0, "0,1");
	nl(0.004, 2, 0, "0,00");
	nl(0.0049, 2, 0, "0,00");
	nl(0.005, 2, 0, "0,01");
	nl(123.456, 0, 0, "123");
}

static void test_short(void **state)
{
	(void)state;
	nl(3.5, -1, 0, "3,5");
	nl(10, -1, 0, "10");
	nl(1.25, -1, 0, "1,25");
	nl(-2.5, -1, 0, "-2,5");
	nl(0.1234567, -1, 0, "0,123457");	/* at most 6 decimals */
	nl(14000, -1, 0, "14.000");
}

static void test_machine(void **state)
{
	(void)state;
	machine(2660, -1, "2660");
	machine(4.2, -1, "4.2");
	machine(-16, -1, "-16");
	machine(0.1, -1, "0.1");
	machine(1234567.89, -1, "1234567.89");
	machine(0.000123, -1, "0.000123");
	machine(1e20, -1, "100000000000000000000");
	machine(0, -1, "0");
	machine(-0.0, -1, "0");
	machine(11.4, -1, "11.4");
	/* the shortest text that reads back as the same double */
	machine(1.0 / 3, -1, "0.3333333333333333");
	machine(10.8 - 11.1, -1, "-0.29999999999999893");
	machine(0.1 + 0.2, -1, "0.30000000000000004");
	machine(9.95, -1, "9.95");
	machine(4.2, 2, "4.20");
	machine(4.35, 1, "4.4");
	machine(-0.001, 2, "0.00");
	machine(24364, 0, "24364");
}

/* Every double comes back from its machine form unchanged. */
static void test_machine_round_trip(void **state)
{
	char buf[NUMFMT_MAX];
	double back;
	unsigned seed = 15;

	(void)state;
	for (int i = 0; i < 20000; i++) {
		seed = seed * 1103515245u + 12345u;
		double v = ((double)(seed >> 8) / (1u << 24) - 0.5) * numfmt_pow10[i % 12];

		numfmt_machine(buf, sizeof buf, v, -1);
		assert_true(numfmt_parse(buf, &back));
		if (back != v)
			fail_msg("%.17g came back as %s", v, buf);
	}
}

static void difference(double a, double b, const char *want)
{
	char buf[NUMFMT_MAX];

	assert_string_equal(numfmt_machine(buf, sizeof buf, numfmt_difference(a, b), -1), want);
}

static void test_difference(void **state)
{
	(void)state;
	difference(10.8, 11.1, "-0.3");		/* not -0.299999999999999 */
	difference(4.1, 4.2, "-0.1");
	difference(103.1, 101.5, "1.6");
	difference(2660, 2600, "60");
	difference(0.25, 0.125, "0.125");
	difference(1e15 + 2, 1e15, "2");
	difference(1.0 / 3, 0, "0.3333333333333333");	/* computed: left binary */
	difference(-0.5, -0.5, "0");
}

static void test_units(void **state)
{
	(void)state;
	unit(6.5, 1, UNIT_WEKEN, 0, "6,5 wk");
	unit(12, 0, UNIT_DAGEN, 0, "12 dgn");
	unit(11.4, 1, UNIT_PROCENT, 0, "11,4 %");
	unit(1234, 0, UNIT_EURO, 0, "€ 1.234");
	unit(-2500000, 0, UNIT_EURO, 0, "€ -2.500.000");
	unit(2660, 0, UNIT_AANTAL, 0, "2.660");
	unit(4.2, 1, UNIT_SCORE, 0, "4,2");
	unit(-1.5, 1, UNIT_WEKEN, NUMFMT_SIGN, "-1,5 wk");
	unit(12.3, 1, UNIT_PROCENT, NUMFMT_SIGN, "+12,3 %");
	assert_string_equal(unit_suffix(UNIT_DAGEN), "dgn");
	assert_string_equal(unit_suffix(UNIT_WERKDAGEN), "wd");
	unit(5, 0, UNIT_WERKDAGEN, 0, "5 wd");
	assert_string_equal(unit_suffix(UNIT_AANTAL), "");
}

static void test_cut_not_overrun(void **state)
{
	char small[5];

	(void)state;
	memset(small, 'x', sizeof small);
	numfmt_nl(small, sizeof small, 1234567, 0, 0);
	assert_string_equal(small, "1.23");
	numfmt_machine(small, sizeof small, 123456, -1);
	assert_string_equal(small, "1234");
}

static void parses(const char *s, double want)
{
	double v = -12345;

	if (!numfmt_parse(s, &v))
		fail_msg("'%s' did not parse", s);
	if (v != want)
		fail_msg("'%s' gave %.17g, not %.17g", s, v, want);
}

static void rejects(const char *s)
{
	double v;

	if (numfmt_parse(s, &v))
		fail_msg("'%s' parsed as %g", s, v);
}

static void test_parse(void **state)
{
	(void)state;
	parses("4.35", 4.35);		/* the same double as the compiler's */
	parses("0.1", 0.1);
	parses("2660", 2660);
	parses("-2", -2);
	parses("+3", 3);
	parses("1e3", 1000);
	parses("1.5e-2", 0.015);
	parses("-0.5", -0.5);
	parses("123456789.123", 123456789.123);
	parses("007", 7);
	rejects("");
	rejects("4,2");		/* machine form only: the decimal mark is '.' */
	rejects("4.");
	rejects(".5");
	rejects(" 4");
	rejects("4 ");
	rejects("1e");
	rejects("1e+");
	rejects("abc");
	rejects("1..2");
	rejects("--1");
	rejects("-");
	rejects("0x10");
	/* beyond a double: infinite, or a 0 that the digits are not */
	rejects("1e999");
	rejects("-1e999");
	rejects("1E400");
	rejects("1e-400");
	rejects("-0.001e-400");
	parses("0e-400", 0);
	parses("1.7976931348623157e308", 1.7976931348623157e308);
	parses("4.9e-324", 4.9e-324);	/* the smallest: tiny, not 0 */
}

/* 19 significant digits are more than a 64-bit mantissa times a power of
 * ten rounds correctly: each of these came out one ulp off that way.  The
 * nearest double is what strtod gives for the same text (this test runs
 * in the C locale). */
static void test_parse_nearest(void **state)
{
	static const char *const texts[] = {
		"64.89382200034699443",
		"-7.819507904580461324",
		"6.736067104646217080",
		"1.000000000000000111",
		"84601468435.22365840",
		"9786078857.983038735",
		"8330987444791873.283",
		"954642398269132253.2",
		"9007199254740993.000",		/* halfway: to the even neighbour */
		"8.562940905575395540e-2",
		"9.946253003502124429e-9",
		"6772008547351989845e-11",
		"2646736593843572449E-7",
	};

	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		parses(texts[i], strtod(texts[i], NULL));
	parses("9007199254740993.000", 9007199254740992.0);
	parses("1.000000000000000111", 1.0);
	/* what strtod takes and the machine form does not */
	rejects("inf");
	rejects("nan");
	rejects("0x1p3");
	rejects("4.e5");
	rejects("1e+-5");
	rejects("1e5 ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dutch),
		cmocka_unit_test(test_signs),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_short),
		cmocka_unit_test(test_machine),
		cmocka_unit_test(test_machine_round_trip),
		cmocka_unit_test(test_difference),
		cmocka_unit_test(test_units),
		cmocka_unit_test(test_cut_not_overrun),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_nearest),
	};

	return RUN_TESTS(tests);
}
