/* SPDX-License-Identifier: EUPL-1.2 */
/* Error values, positioned diagnostics, growing strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "unit.h"
#include "jmon/error.h"
#include "jmon/strbuf.h"
#include "jmon/xmalloc.h"

static void exit_codes_are_sysexits(void **state)
{
	(void)state;
	assert_int_equal(jmon_exit_code(JMON_OK), 0);
	assert_int_equal(jmon_exit_code(JMON_USAGE), EX_USAGE);
	assert_int_equal(jmon_exit_code(JMON_DATA), EX_DATAERR);
	assert_int_equal(jmon_exit_code(JMON_NOINPUT), EX_NOINPUT);
	assert_int_equal(jmon_exit_code(JMON_IO), EX_IOERR);
	assert_int_equal(jmon_exit_code(JMON_CANTCREAT), EX_CANTCREAT);
	assert_int_equal(jmon_exit_code(JMON_NOPERM), EX_NOPERM);
	assert_int_equal(jmon_exit_code(JMON_CONFIG), EX_CONFIG);
	assert_string_equal(jmon_status_text(JMON_CONFIG), "bad configuration");
}

static void fail_records_and_returns(void **state)
{
	struct jmon_error err = { JMON_OK, "" };

	(void)state;
	assert_int_equal(jmon_fail(&err, JMON_NOINPUT, "%s: no such file", "x.csv"), JMON_NOINPUT);
	assert_int_equal(err.status, JMON_NOINPUT);
	assert_string_equal(err.msg, "x.csv: no such file");
	assert_int_equal(jmon_fail(NULL, JMON_IO, "ignored"), JMON_IO);
	jmon_error_clear(&err);
	assert_string_equal(err.msg, "");
}

static void diagnostics_show_twenty_then_count(void **state)
{
	struct diag_list d = { 0 };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	(void)state;
	for (int i = 1; i <= 23; i++)
		diag_add(&d, "a.csv", i + 1, 5, "bad value '%d'", i);
	assert_int_equal(d.count, 23);
	diag_print(&d, out);
	fclose(out);
	assert_non_null(strstr(buf, "a.csv:2:5: bad value '1'\n"));
	assert_non_null(strstr(buf, "a.csv:21:5: bad value '20'\n"));
	assert_null(strstr(buf, "bad value '21'"));
	assert_non_null(strstr(buf, "... and 3 more errors\n"));
	free(buf);
	diag_free(&d);
	assert_int_equal(d.count, 0);
}

static void strbuf_grows(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	assert_string_equal(sb_str(&sb), "");
	for (int i = 0; i < 1000; i++)
		sb_addf(&sb, "%d,", i % 10);
	assert_int_equal(sb.len, 2000);
	sb_reset(&sb);
	sb_adds(&sb, "GM");
	sb_addc(&sb, '0');
	sb_add(&sb, "361xyz", 3);
	char *s = sb_detach(&sb);
	assert_string_equal(s, "GM0361");
	assert_null(sb.s);
	free(s);
}

static void xasprintf_formats(void **state)
{
	char *s = xasprintf("%s:%d:%d: %s", "f.yaml", 3, 7, "onbekende sleutel");

	(void)state;
	assert_string_equal(s, "f.yaml:3:7: onbekende sleutel");
	free(s);
	s = xstrndup("abcdef", 3);
	assert_string_equal(s, "abc");
	free(s);
}

/* What a message quotes from the input acts on no terminal and keeps the
 * message one line. */
static void diagnostics_escape_controls(void **state)
{
	struct diag_list d = { 0 };

	(void)state;
	diag_add(&d, "f.csv", 2, 3, "name '%s'", "a\nb\tc\x1b]0;x\x07\xc2\x9b" "2J\x7f é");
	assert_string_equal(d.lines[0], "f.csv:2:3: name 'a\\nb\\tc\\x1B]0;x\\x07\\u009B2J\\x7F é'");
	diag_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exit_codes_are_sysexits),
		cmocka_unit_test(fail_records_and_returns),
		cmocka_unit_test(diagnostics_show_twenty_then_count),
		cmocka_unit_test(diagnostics_escape_controls),
		cmocka_unit_test(strbuf_grows),
		cmocka_unit_test(xasprintf_formats),
	};
	return RUN_TESTS(tests);
}
