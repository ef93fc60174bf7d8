/* SPDX-License-Identifier: EUPL-1.2 */
/* What the tests of the record readers share (test_csv.c, test_json.c):
 * one reader and its diagnostics per test, emptied by the teardown, and a
 * check of the next record field by field. */
#ifndef JMON_CSVTEST_H
#define JMON_CSVTEST_H

#include <string.h>

#include "unit.h"
#include "jmon/csv.h"

static struct csv c;
static struct diag_list diags;

static int teardown(void **state)
{
	(void)state;
	csv_close(&c);
	diag_free(&diags);
	return 0;
}

#define T(f) cmocka_unit_test_teardown(f, teardown)

/* The next record has exactly these nfields fields ("" for an empty one). */
static void assert_record(int nfields, ...)
{
	va_list ap;

	assert_int_equal(csv_read(&c, &diags), 1);
	assert_int_equal(c.nfields, nfields);
	va_start(ap, nfields);
	for (int i = 0; i < nfields; i++) {
		const char *want = va_arg(ap, const char *);

		assert_string_equal(c.fields[i].s, want);
		assert_int_equal(c.fields[i].len, strlen(want));
	}
	va_end(ap);
}

#endif
