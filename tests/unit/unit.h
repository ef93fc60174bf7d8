/* SPDX-License-Identifier: EUPL-1.2 */
/* What every cmocka unit test includes.  Tests run with TAP output
 * (tests/run.sh counts the ok / not ok lines). */
#ifndef JMON_UNIT_H
#define JMON_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Run a group with the file's name as the group name. */
#define RUN_TESTS(tests) cmocka_run_group_tests_name(__FILE__, tests, NULL, NULL)

#endif
