/* SPDX-License-Identifier: EUPL-1.2 */
/* Sparklines: eight levels between the lowest and highest shown value;
 * a value that may not be shown is a gap, never a bar. */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdbool.h>

#include "unit.h"
#include "jmon/numfmt.h"
#include "jmon/sparkline.h"

static void levels_span_low_to_high(void **state)
{
	double v[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	bool shown[] = { 1, 1, 1, 1, 1, 1, 1, 1 };
	char buf[64];

	(void)state;
	assert_string_equal(sparkline(buf, sizeof buf, v, shown, 8, true), "▁▂▃▄▅▆▇█");
	assert_string_equal(sparkline(buf, sizeof buf, v, shown, 8, false), "_.:-=+*#");
}

static void hidden_values_are_gaps(void **state)
{
	double v[] = { 10, 7, 20 };
	bool shown[] = { 1, 0, 1 };
	char buf[64];

	(void)state;
	/* the hidden 7 would be the lowest bar: it must not show at all */
	assert_string_equal(sparkline(buf, sizeof buf, v, shown, 3, true), "▁ █");
}

static void flat_series_is_the_middle(void **state)
{
	double v[] = { 5, 5, 5 };
	bool shown[] = { 1, 1, 1 };
	char buf[64];

	(void)state;
	assert_string_equal(sparkline(buf, sizeof buf, v, shown, 3, true), "▄▄▄");
}

static void extreme_values_stay_in_range(void **state)
{
	/* hi - lo overflows to infinity: the levels must still be 0..7 */
	double v[] = { -DBL_MAX, DBL_MAX, 0, -DBL_MAX };
	double inf[] = { 1, INFINITY, 2, -INFINITY, NAN };
	bool shown[] = { 1, 1, 1, 1, 1 };
	char buf[64];

	(void)state;
	assert_string_equal(sparkline(buf, sizeof buf, v, shown, 4, true), "▁█▅▁");
	/* no value can be drawn from infinity: a gap, and the rest scaled */
	assert_string_equal(sparkline(buf, sizeof buf, inf, shown, 5, true), "▁ █  ");
	assert_string_equal(sparkline(buf, sizeof buf, v, shown, 0, true), "");
}

static void small_buffer_never_splits_a_block(void **state)
{
	double v[] = { 1, 2, 3 };
	bool shown[] = { 1, 1, 1 };
	char buf[8];	/* room for two 3-byte blocks and the NUL */

	(void)state;
	assert_string_equal(sparkline(buf, sizeof buf, v, shown, 3, true), "▁▅");
}

static void large_amounts_fit_their_column(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(numfmt_unit_fit(buf, sizeof buf, 32645350, 0, UNIT_EURO, 0, 11),
			    "€ 32,6 mln");
	assert_string_equal(numfmt_unit_fit(buf, sizeof buf, 7679350, 0, UNIT_EURO, NUMFMT_SIGN, 8),
			    "+7,7 mln");
	assert_string_equal(numfmt_unit_fit(buf, sizeof buf, 541000, 0, UNIT_EURO, NUMFMT_SIGN, 8),
			    "+541 dzd");
	assert_string_equal(numfmt_unit_fit(buf, sizeof buf, 2660, 0, UNIT_AANTAL, 0, 11), "2.660");
	assert_string_equal(numfmt_unit_fit(buf, sizeof buf, 999999999999999.0, 0, UNIT_EURO, 0, 11),
			    "€ 1.000 bln");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(levels_span_low_to_high),
		cmocka_unit_test(hidden_values_are_gaps),
		cmocka_unit_test(flat_series_is_the_middle),
		cmocka_unit_test(small_buffer_never_splits_a_block),
		cmocka_unit_test(extreme_values_stay_in_range),
		cmocka_unit_test(large_amounts_fit_their_column),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return RUN_TESTS(tests);
}
