/* SPDX-License-Identifier: EUPL-1.2 */
/* OData JSON as records (import_json.c): the header from the first row,
 * values under their keys, escapes decoded, and the position of every
 * problem.  Every text is read from a file in a window of a few bytes, so
 * rows, keys and strings cross the window's moves as they do in a large
 * file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvtest.h"
#include "jmon/import_internal.h"

#define WINDOW 8

/* Open text as a file read in a small window, and read up to its first row. */
static bool load_sized(const char *text, size_t len)
{
	FILE *f = tmpfile();

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, len, f), len);
	assert_int_equal(fflush(f), 0);
	rewind(f);
	csv_open_fd(&c, dup(fileno(f)), "t.json", WINDOW);
	fclose(f);
	assert_int_equal(lseek(c.fd, 0, SEEK_CUR), len < WINDOW - 1 ? (off_t)len : WINDOW - 1);
	assert_true(import_looks_like_json(&c));
	return import_json_table(&c, "t.json", &diags);
}

static bool load(const char *text)
{
	return load_sized(text, strlen(text));
}

/* Open text and read all its rows: whether all went well. */
static bool load_all(const char *text)
{
	int r = 0;

	if (!load(text) && !c.table)
		return false;
	while ((r = csv_read(&c, &diags)) > 0)
		;
	return r == 0 && diags.count == 0;
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
	assert_false(load_all(text));
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

/* Rows far more than a window are read one at a time, each where it is,
 * and a row that would not fit in CSV_MAX_RECORD is refused, not held. */
static void test_streaming(void **state)
{
	char *text = malloc(1 << 20), *p = text;

	(void)state;
	assert_non_null(text);
	p += sprintf(p, "{\"odata.metadata\": \"http://x/\u00e9\", \"value\": [\n");
	for (int i = 0; i < 10000; i++)
		p += sprintf(p, "%s{\"RegioS\": \"GM%04d\", \"N\": %d.5}", i ? ",\n" : "", i, i);
	p += sprintf(p, "], \"odata.nextLink\": [1, {\"a\": \"]}\"}]}\n");
	assert_true(load_sized(text, (size_t)(p - text)));
	assert_record(2, "RegioS", "N");
	for (int i = 0; i < 10000; i++) {
		char code[16], n[16];

		sprintf(code, "GM%04d", i);
		sprintf(n, "%d.5", i);
		assert_record(2, code, n);
		assert_int_equal(c.record_line, i + 2);
		assert_int_equal(c.fields[1].col, 27);
	}
	assert_int_equal(csv_read(&c, &diags), 0);
	assert_int_equal(diags.count, 0);
	assert_true(c.cap <= 64);	/* the window grew to a row, not to the file */
	free(text);
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
		T(test_streaming),
		T(test_keys_that_do_not_fit),
	};

	return RUN_TESTS(tests);
}
