/* SPDX-License-Identifier: EUPL-1.2 */
/* A number's text and its value (src/number.c): what every layout of a
 * delivery and the configuration accept, and why the rest is refused. */
#include <math.h>

#include "unit.h"
#include "jmon/number.h"

static void machine(const char *s, double want)
{
	double v = -12345;
	enum number_problem p = number_machine(s, &v);

	if (p != NUMBER_OK)
		fail_msg("'%s' refused (%d)", s, (int)p);
	if (v != want || signbit(v) != signbit(want))
		fail_msg("'%s' gave %.17g, not %.17g", s, v, want);
}

static void refused(const char *s, enum number_problem want)
{
	double v = -12345;
	enum number_problem p = number_machine(s, &v);

	if (p != want)
		fail_msg("'%s': problem %d, not %d", s, (int)p, (int)want);
	assert_true(v == -12345);	/* left alone */
}

static void test_machine(void **state)
{
	(void)state;
	machine("11.4", 11.4);
	machine("2e+05", 200000);
	machine("2.660", 2.66);		/* a point is a point: not ambiguous */
	machine("-0", 0);		/* not -0, which would show as "-0" */
	machine("+3", 3);
	machine("1.5e-20", 1.5e-20);
	machine("1e22", 1e22);
	machine("1e-22", 1e-22);
	machine("123456789012345", 123456789012345.0);
	machine("0.000000000000000000001", 1e-21);
	refused("1,5", NUMBER_NOT_MACHINE);
	refused("1.234.567", NUMBER_NOT_MACHINE);
	refused("nan", NUMBER_NOT_A_NUMBER);
	refused("inf", NUMBER_NOT_A_NUMBER);
	refused("-Infinity", NUMBER_NOT_A_NUMBER);
	refused("4.", NUMBER_NOT_A_NUMBER);
	refused("1e", NUMBER_NOT_A_NUMBER);
	refused("1e0005", NUMBER_NOT_A_NUMBER);
	refused("", NUMBER_NOT_A_NUMBER);
}

/* What a double does not hold: the gaps of OData v4 and the
 * configuration, which read 1e999 as infinity and 1e-400 as 0. */
static void test_out_of_range(void **state)
{
	(void)state;
	refused("1e999", NUMBER_OUT_OF_RANGE);
	refused("-1e999", NUMBER_OUT_OF_RANGE);
	refused("1E400", NUMBER_OUT_OF_RANGE);
	refused("1e23", NUMBER_OUT_OF_RANGE);
	refused("1e-400", NUMBER_OUT_OF_RANGE);
	refused("1e300", NUMBER_OUT_OF_RANGE);
	refused("0.00000000000000000000001", NUMBER_OUT_OF_RANGE);	/* 1e-23 */
	refused("123456789012345678901234567890", NUMBER_TOO_MANY_DIGITS);
	refused("1234567890123456", NUMBER_TOO_MANY_DIGITS);
}

/* The marks of people's numbers are the importer's to give a meaning;
 * the scan only counts them. */
static void test_scan_marks(void **state)
{
	struct number_text t;
	double v;

	(void)state;
	assert_int_equal(number_scan("1.234,5", &t), NUMBER_OK);
	assert_int_equal(t.ndot, 1);
	assert_int_equal(t.ncomma, 1);
	assert_int_equal(t.last, ',');
	assert_int_equal(t.first_group, 1);
	assert_int_equal(number_value(&t, ',', &v), NUMBER_OK);
	assert_true(v == 1234.5);
	assert_int_equal(number_scan("0,125", &t), NUMBER_OK);
	assert_true(t.leading_zero);
	assert_int_equal(number_scan("12.3456.789", &t), NUMBER_OK);
	assert_true(t.group_bad);
}

static void test_why(void **state)
{
	struct number_why w = number_why(NUMBER_TOO_MANY_DIGITS);

	(void)state;
	assert_string_equal(w.before, "too many digits in ");
	assert_string_equal(w.after, " (at most 15)");
	assert_string_equal(number_why(NUMBER_OUT_OF_RANGE).before, "number out of range: ");
	assert_string_equal(number_why(NUMBER_NOT_A_NUMBER).before, "not a number: ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_machine),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_scan_marks),
		cmocka_unit_test(test_why),
	};
	return RUN_TESTS(tests);
}
