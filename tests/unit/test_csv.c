/* SPDX-License-Identifier: EUPL-1.2 */
/* The CSV reader: RFC 4180 quoting, separators, BOM, CRLF, and the exact
 * position of every problem it reports. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvtest.h"

static void open_text(const char *text)
{
	csv_open_buffer(&c, "t.csv", text, strlen(text));
	csv_detect_separator(&c);
}

static void test_plain(void **state)
{
	(void)state;
	open_text("a,b,c\n1,,3\n");
	assert_int_equal(c.sep, ',');
	assert_record(3, "a", "b", "c");
	assert_record(3, "1", "", "3");
	assert_int_equal(csv_read(&c, &diags), 0);
	assert_int_equal(diags.count, 0);
}

static void test_quotes(void **state)
{
	(void)state;
	open_text("x,y\n\"a,b\",\"say \"\"hi\"\"\"\n\"\",\"line1\nline2\"\nlast,\"\"\"\"\n");
	assert_record(2, "x", "y");
	assert_record(2, "a,b", "say \"hi\"");
	assert_record(2, "", "line1\nline2");
	assert_int_equal(c.record_line, 3);
	assert_record(2, "last", "\"");
	assert_int_equal(c.fields[0].line, 5);	/* the embedded newline counted */
	assert_true(c.fields[1].quoted);
	assert_false(c.fields[0].quoted);
	assert_int_equal(diags.count, 0);
}

static void test_semicolon_detected(void **state)
{
	(void)state;
	/* Commas inside quotes do not vote. */
	open_text("\"a,b,c\";d;e\n1,5;2;3\n");
	assert_int_equal(c.sep, ';');
	assert_record(3, "a,b,c", "d", "e");
	assert_record(3, "1,5", "2", "3");
}

static void test_bom_and_crlf(void **state)
{
	(void)state;
	open_text("\xEF\xBB\xBFregion;period\r\nGM0361;2020Q1\r\n\r\nNL01;2020\r\n");
	assert_record(2, "region", "period");
	assert_int_equal(c.fields[0].col, 1);	/* the BOM takes no column */
	assert_record(2, "GM0361", "2020Q1");
	assert_record(2, "NL01", "2020");
	assert_int_equal(c.fields[0].line, 4);	/* the blank line was skipped, and counted */
	assert_int_equal(csv_read(&c, &diags), 0);
}

static void test_no_final_newline(void **state)
{
	(void)state;
	open_text("a,b\n1,2");
	assert_record(2, "a", "b");
	assert_record(2, "1", "2");
	assert_int_equal(csv_read(&c, &diags), 0);
}

static void test_trailing_separator(void **state)
{
	(void)state;
	open_text("a,b,\n,\n");
	assert_record(3, "a", "b", "");
	assert_record(2, "", "");
}

static void test_columns_in_characters(void **state)
{
	(void)state;
	/* "één" is 3 characters in 5 bytes: the next field starts at column 5. */
	open_text("\xC3\xA9\xC3\xA9n,x,\"q\"\n");
	assert_record(3, "\xC3\xA9\xC3\xA9n", "x", "q");
	assert_int_equal(c.fields[1].col, 5);
	assert_int_equal(c.fields[2].col, 7);
	assert_int_equal(diags.count, 0);
}

static void test_position_after_multiline_field(void **state)
{
	(void)state;
	open_text("a,b,c\n\"x\ny\",z,w\n");
	assert_record(3, "a", "b", "c");
	assert_record(3, "x\ny", "z", "w");
	assert_int_equal(c.fields[0].line, 2);
	assert_int_equal(c.fields[0].col, 1);
	assert_int_equal(c.fields[1].line, 3);	/* z starts on the next line */
	assert_int_equal(c.fields[1].col, 4);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* Latin-1 'é' (0xE9) in the second field of line 2. */
	open_text("a,b\nok,caf\xE9,z\n\xED\xA0\x80\n");
	assert_record(2, "a", "b");
	assert_int_equal(csv_read(&c, &diags), 1);
	assert_int_equal(c.fields[2].col, 9);	/* the bad byte counts as one character */
	assert_int_equal(csv_read(&c, &diags), 1);	/* a UTF-16 surrogate */
	assert_int_equal(diags.count, 2);
	assert_string_equal(diags.lines[0], "t.csv:2:7: invalid UTF-8 (byte 0xE9)");
	assert_string_equal(diags.lines[1], "t.csv:3:1: invalid UTF-8 (byte 0xED)");
}

static void test_overlong_and_truncated_utf8(void **state)
{
	(void)state;
	open_text("\xC0\xAF,\xE2\x82\n");
	assert_int_equal(csv_read(&c, &diags), 1);
	assert_int_equal(diags.count, 2);	/* C0 AF is one bad character */
	assert_string_equal(diags.lines[0], "t.csv:1:1: invalid UTF-8 (byte 0xC0)");
	assert_string_equal(diags.lines[1], "t.csv:1:3: invalid UTF-8 (byte 0xE2)");
}

static void test_unterminated_quote(void **state)
{
	(void)state;
	open_text("a,b\n1,2\nx,\"open\nmore,stuff\n");
	assert_record(2, "a", "b");
	assert_record(2, "1", "2");
	assert_int_equal(csv_read(&c, &diags), -1);
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.lines[0], "t.csv:3:3: unterminated quoted field");
}

static void test_text_after_quote(void **state)
{
	(void)state;
	open_text("\"ab\"cd,e\n");
	assert_int_equal(csv_read(&c, &diags), 1);
	assert_int_equal(c.nfields, 2);
	assert_string_equal(c.fields[0].s, "ab");
	assert_string_equal(c.fields[1].s, "e");
	assert_int_equal(diags.count, 1);
	assert_string_equal(diags.lines[0], "t.csv:1:5: text after the closing quote");
}

static void test_literal_quote_in_unquoted(void **state)
{
	(void)state;
	open_text("5\" disk,x\n");
	assert_record(2, "5\" disk", "x");
	assert_int_equal(diags.count, 0);
}

/* Old Mac spreadsheets end lines in CR alone; inside quotes it is text. */
static void test_lone_cr_ends_a_line(void **state)
{
	(void)state;
	open_text("a\rb,c\r\r\"d\re\"\rf");
	assert_record(1, "a");
	assert_record(2, "b", "c");
	assert_int_equal(c.record_line, 2);
	assert_record(1, "d\re");
	assert_int_equal(c.record_line, 4);
	assert_record(1, "f");
	assert_int_equal(c.fields[0].line, 5);
	assert_int_equal(csv_read(&c, &diags), 0);
}

static void test_trim(void **state)
{
	(void)state;
	open_text("GM0034    ;  x ;\n");
	assert_int_equal(csv_read(&c, &diags), 1);
	csv_trim(&c.fields[0]);
	csv_trim(&c.fields[1]);
	csv_trim(&c.fields[2]);
	assert_string_equal(c.fields[0].s, "GM0034");
	assert_int_equal(c.fields[0].len, 6);
	assert_string_equal(c.fields[1].s, "x");
	assert_int_equal(c.fields[2].len, 0);
}

static void test_file_and_missing_file(void **state)
{
	struct jmon_error err = { 0 };
	char path[] = "/tmp/jmon-test-csv-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	(void)state;
	fputs("a;b\n1;2\n", f);
	fclose(f);
	assert_int_equal(csv_open_file(&c, path, "in.csv", &err), JMON_OK);
	csv_detect_separator(&c);
	assert_record(2, "a", "b");
	assert_record(2, "1", "2");
	assert_int_equal(csv_offset(&c), 8);
	csv_close(&c);
	remove(path);
	assert_int_equal(csv_open_file(&c, path, "in.csv", &err), JMON_NOINPUT);
	assert_non_null(strstr(err.msg, "No such file"));
}

static void test_many_fields_and_records(void **state)
{
	char *text = malloc(200000);
	size_t n = 0;
	long rows = 0;

	(void)state;
	for (int i = 0; i < 5000; i++)
		n += (size_t)sprintf(text + n, "GM%04d,2020Q%d,\"x,%d\",%d.5\n", i % 400, i % 4 + 1, i, i);
	csv_open_buffer(&c, "big.csv", text, n);
	free(text);
	while (csv_read(&c, &diags) == 1) {
		assert_int_equal(c.nfields, 4);
		rows++;
	}
	assert_int_equal(rows, 5000);
	assert_int_equal(c.line, 5001);
	assert_int_equal(csv_offset(&c), n);
}


int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_plain),
		T(test_quotes),
		T(test_semicolon_detected),
		T(test_bom_and_crlf),
		T(test_no_final_newline),
		T(test_trailing_separator),
		T(test_columns_in_characters),
		T(test_position_after_multiline_field),
		T(test_invalid_utf8),
		T(test_overlong_and_truncated_utf8),
		T(test_unterminated_quote),
		T(test_text_after_quote),
		T(test_literal_quote_in_unquoted),
		T(test_lone_cr_ends_a_line),
		T(test_trim),
		T(test_file_and_missing_file),
		T(test_many_fields_and_records),
	};

	return RUN_TESTS(tests);
}
