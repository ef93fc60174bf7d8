/* SPDX-License-Identifier: EUPL-1.2 */
/* OData JSON as records (import_json.c): the header from the first row,
 * values under their keys, escapes decoded, and the position of every
 * problem. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvtest.h"
#include "jmon/import_internal.h"

static bool load(const char *text)
{
	csv_open_buffer(&c, "t.json", text, strlen(text));
	assert_true(import_looks_like_json(&c));
	return import_json_table(&c, "t.json", &diags);
}

static void test_odata_rows(void **state)
{
	(void)state;
	assert_true(load("{\"odata.metadata\": \"x\", \"extra\": {\"a\": [1, {\"b\": null}]},\n"
			 " \"value\": [\n"
			 "  {\"RegioS\": \"GM0034  \", \"N_1\": 12.5, \"F_2\": true},\n"
			 "  {\"F_2\": false, \"RegioS\": \"WK003401\"},\n"
			 "  {\"RegioS\": \"x\", \"N_1\": null, \"F_2\": -1e3}]}\n"));
	assert_record(3, "RegioS", "N_1", "F_2");
	assert_int_equal(c.record_line, 3);
	assert_record(3, "GM0034  ", "12.5", "true");
	assert_int_equal(c.fields[1].line, 3);
	assert_int_equal(c.fields[1].col, 33);
	assert_record(3, "WK003401", "", "false");	/* a key left out: empty */
	assert_int_equal(c.record_line, 4);
	assert_record(3, "x", "", "-1e3");
	assert_int_equal(csv_read(&c, &diags), 0);
	assert_int_equal(diags.count, 0);
}

static void test_top_level_array_and_escapes(void **state)
{
	(void)state;
	assert_true(load("[{\"a\": \"\\\"q\\\" \\\\ \\/ \\n\\t\", \"b\": \"\\u00e9\\ud83d\\ude00\"}]"));
	assert_record(2, "a", "b");
	assert_record(2, "\"q\" \\ / \n\t", "\xc3\xa9\xf0\x9f\x98\x80");
	assert_int_equal(csv_read(&c, &diags), 0);
}

/* Columns count characters: the é before "N" is one. */
static void test_positions_in_characters(void **state)
{
	(void)state;
	assert_false(load("[{\"é\": 1, \"N\": {}}]"));
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.lines[0],
			    "t.json:1:16: JSON: a value of a row must be a string, number or null");
}

static void assert_refused(const char *text, const char *message)
{
	assert_false(load(text));
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.lines[0], message);
	teardown(NULL);
}

static void test_syntax_errors(void **state)
{
	(void)state;
	assert_refused("{\"value\": [{\"a\": 1,}]}", "t.json:1:20: JSON: expected a key");
	assert_refused("{\"value\": [{\"a\": 1}", "t.json:1:20: JSON: expected ',' or ']'");
	assert_refused("{\"value\": [{\"a\": \"x}]}", "t.json:1:18: JSON: unterminated string");
	assert_refused("{\"value\": [{\"a\": \"\\x\"}]}",
		       "t.json:1:19: JSON: unknown escape in a string");
	assert_refused("{\"value\": [{\"a\": \"\\ud800\"}]}", "t.json:1:19: JSON: bad \\u escape");
	assert_refused("{\"value\": [{\"a\": \"\xff\"}]}", "t.json:1:19: JSON: invalid UTF-8");
	assert_refused("{\"value\": [{\"a\": \"x\ny\"}]}",
		       "t.json:1:20: JSON: control character in a string (write it as \\n, \\t, ...)");
	assert_refused("{\"value\": [{\"a\": nope}]}", "t.json:1:18: JSON: expected a value");
	assert_refused("{\"value\": [{\"a\": 1}]} x",
		       "t.json:1:23: JSON: text after the end of the JSON value");
	assert_refused("{\"rows\": []}", "t.json:1:1: JSON: no \"value\" array of rows "
		       "(an OData TypedDataSet or UntypedDataSet)");
	assert_refused("{\"value\": []}", "t.json:1:1: JSON: no rows");
}

/* Deep nesting outside the rows is refused, not a stack overflow. */
static void test_nesting_limit(void **state)
{
	char text[1024] = "{\"x\": ";

	(void)state;
	for (int i = 0; i < 100; i++)
		strcat(text, "[");
	assert_false(load(text));
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.lines[0], "t.json:1:70: JSON: nested too deep");
}

/* Key problems are reported, yet the rows stay readable for the importer
 * to check the values too. */
static void test_keys_that_do_not_fit(void **state)
{
	(void)state;
	assert_false(load("[{\"a\": 1, \"a\": 2},\n {\"a\": 3, \"b\": 4, \"a\": 5}]"));
	assert_non_null(c.table);
	/* the first row's own key at once, the others as their rows are read */
	assert_int_equal(diags.count, 1);
	while (csv_read(&c, &diags) > 0)
		;
	assert_int_equal(diags.count, 3);
	assert_string_equal(diags.lines[0], "t.json:1:11: JSON: key 'a' given twice");
	assert_string_equal(diags.lines[1], "t.json:2:11: JSON: key 'b' is not in the first row");
	assert_string_equal(diags.lines[2], "t.json:2:19: JSON: key 'a' given twice");
	assert_non_null(c.table);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_odata_rows),
		T(test_top_level_array_and_escapes),
		T(test_positions_in_characters),
		T(test_syntax_errors),
		T(test_nesting_limit),
		T(test_keys_that_do_not_fit),
	};

	return RUN_TESTS(tests);
}
