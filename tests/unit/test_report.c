/* SPDX-License-Identifier: EUPL-1.2 */
/* The report: the escaping of each format, what a machine reads of a
 * figure (value and flag, never a withheld number), and a report of the
 * test monitor of tests/fixtures/report with a review written through
 * judgement_review, as the TUI writes it. */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "dbtest.h"
#include "jmon/judgement.h"
#include "jmon/numfmt.h"
#include "jmon/query.h"
#include "jmon/report.h"
#include "jmon/report_fields.h"
#include "jmon/text.h"

/* Run a writer into a string; caller frees. */
#define CAPTURE(buf, call)                                              \
	do {                                                            \
		size_t len_;                                            \
		FILE *out = open_memstream(&(buf), &len_);              \
		assert_non_null(out);                                   \
		call;                                                   \
		fclose(out);                                            \
	} while (0)

static char *csv_field(const char *s)
{
	char *buf;

	CAPTURE(buf, report_csv_field(out, s));
	return buf;
}

static char *json_string(const char *s)
{
	char *buf;

	CAPTURE(buf, report_json_string(out, s));
	return buf;
}

static char *md_cell(const char *s)
{
	char *buf;

	CAPTURE(buf, report_md_cell(out, s));
	return buf;
}

#define ASSERT_ESCAPED(fn, in, expected)        \
	do {                                    \
		char *got_ = fn(in);            \
		assert_string_equal(got_, expected); \
		free(got_);                     \
	} while (0)

static void test_format_names(void **state)
{
	static const struct {
		const char *name;
		enum report_format format;
	} good[] = {
		{ "text", REPORT_TEXT }, { "csv", REPORT_CSV }, { "json", REPORT_JSON }, { "md", REPORT_MD },
		{ "xlsx", REPORT_XLSX },
	};
	enum report_format f = REPORT_TEXT;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(good); i++) {
		assert_true(report_format_parse(good[i].name, &f));
		assert_int_equal(f, good[i].format);
	}
	assert_false(report_format_parse("CSV", &f));
	assert_false(report_format_parse("markdown", &f));
	assert_false(report_format_parse("", &f));
	assert_string_equal(report_format_choices, "text, csv, json, md or xlsx");
	/* :export FILE: the format its name asks for */
	assert_int_equal(report_format_for_file("raad.xlsx"), REPORT_XLSX);
	assert_int_equal(report_format_for_file("RAAD.XLSX"), REPORT_XLSX);
	assert_int_equal(report_format_for_file("tabel.md"), REPORT_MD);
	assert_int_equal(report_format_for_file("x.json"), REPORT_JSON);
	assert_int_equal(report_format_for_file("x.csv"), REPORT_CSV);
	assert_int_equal(report_format_for_file("xlsx"), REPORT_CSV);
	assert_true(report_format_needs_file(REPORT_XLSX));
	assert_false(report_format_needs_file(REPORT_CSV));
}

static void test_csv_quoting(void **state)
{
	(void)state;
	ASSERT_ESCAPED(csv_field, "", "");
	ASSERT_ESCAPED(csv_field, "11 <= 20", "11 <= 20");
	ASSERT_ESCAPED(csv_field, "6,5 wk > 6", "\"6,5 wk > 6\"");
	ASSERT_ESCAPED(csv_field, "zie \"toelichting\"", "\"zie \"\"toelichting\"\"\"");
	ASSERT_ESCAPED(csv_field, "twee\nregels", "\"twee\nregels\"");
	ASSERT_ESCAPED(csv_field, "cr\rhier", "\"cr\rhier\"");
	ASSERT_ESCAPED(csv_field, "Cliënt; tevreden", "Cliënt; tevreden");
	/* what a spreadsheet would run as a formula is made text */
	ASSERT_ESCAPED(csv_field, "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
	ASSERT_ESCAPED(csv_field, "+31 6", "'+31 6");
	ASSERT_ESCAPED(csv_field, "-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0");
	ASSERT_ESCAPED(csv_field, "@SUM(A1)", "'@SUM(A1)");
	ASSERT_ESCAPED(csv_field, "\t=1", "'\t=1");
	ASSERT_ESCAPED(csv_field, "a=b", "a=b");
	/* an escape sequence has no place in a field: U+FFFD; tab, CR, LF stay */
	ASSERT_ESCAPED(csv_field, "Zand\033]0;x\007voort", "Zand\xEF\xBF\xBD]0;x\xEF\xBF\xBDvoort");
	ASSERT_ESCAPED(csv_field, "c1\xc2\x9b" "2J", "c1\xEF\xBF\xBD" "2J");
	ASSERT_ESCAPED(csv_field, "bad\xff", "bad\xEF\xBF\xBD");
}

static void test_json_escaping(void **state)
{
	(void)state;
	ASSERT_ESCAPED(json_string, "", "\"\"");
	ASSERT_ESCAPED(json_string, "a \"b\" \\ c", "\"a \\\"b\\\" \\\\ c\"");
	ASSERT_ESCAPED(json_string, "r1\nr2\tx\r\b\f", "\"r1\\nr2\\tx\\r\\b\\f\"");
	ASSERT_ESCAPED(json_string, "\x01\x1f", "\"\\u0001\\u001f\"");
	/* legal in JSON raw, but a terminal would run them: escaped */
	ASSERT_ESCAPED(json_string, "del\x7f/", "\"del\\u007f/\"");
	ASSERT_ESCAPED(json_string, "csi\xc2\x9b" "2J", "\"csi\\u009b2J\"");
	ASSERT_ESCAPED(json_string, "rlo\xe2\x80\xae", "\"rlo\\u202e\"");
	/* UTF-8 passes through: 2, 3 and 4 bytes */
	ASSERT_ESCAPED(json_string, "Cliënt € \xf0\x9f\x98\x80", "\"Cliënt € \xf0\x9f\x98\x80\"");
	/* what is not UTF-8 becomes U+FFFD, one per bad byte */
	ASSERT_ESCAPED(json_string, "a\xff" "b", "\"a\\ufffdb\"");
	ASSERT_ESCAPED(json_string, "end\xc3", "\"end\\ufffd\"");		/* cut short */
	ASSERT_ESCAPED(json_string, "\xc0\xaf", "\"\\ufffd\\ufffd\"");	/* overlong "/" */
	ASSERT_ESCAPED(json_string, "\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"");
	ASSERT_ESCAPED(json_string, "\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");	/* surrogate */
	ASSERT_ESCAPED(json_string, "\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	ASSERT_ESCAPED(json_string, "\xf4\x8f\xbf\xbf", "\"\xf4\x8f\xbf\xbf\"");	/* U+10FFFF */
}

static void test_md_cells(void **state)
{
	(void)state;
	ASSERT_ESCAPED(md_cell, "n=12 | zie bijlage", "n=12 \\| zie bijlage");
	ASSERT_ESCAPED(md_cell, "regel 1\nregel 2\r\n", "regel 1 regel 2  ");
	ASSERT_ESCAPED(md_cell, "Cliënttevredenheid", "Cliënttevredenheid");
}

/* What a machine reads of a figure: the number only when a reader may see
 * it, and a flag that says why not. */
static void test_machine_value_and_flag(void **state)
{
	struct indicator ind = { .id = "klachten", .counts = true, .min_count = 10 };
	struct figure f = { .ind = &ind };
	char buf[NUMFMT_MAX];

	(void)state;
	/* not delivered: nothing, and no flag */
	assert_string_equal(report_value_machine(&f, buf, sizeof buf), "");
	assert_string_equal(report_flag(&f), "");
	/* a final value, machine form */
	f.now = (struct cell_value){ .present = true, .has_value = true, .value = 4.2 };
	assert_string_equal(report_value_machine(&f, buf, sizeof buf), "4.2");
	assert_string_equal(report_flag(&f), "");
	f.now.value = 2660;
	strcpy(f.now.flag, "provisional");
	assert_string_equal(report_value_machine(&f, buf, sizeof buf), "2660");
	assert_string_equal(report_flag(&f), "provisional");
	/* withheld for privacy: the 7 is never written */
	f.now.value = 7;
	f.now.flag[0] = '\0';
	f.withheld = true;
	assert_string_equal(report_value_machine(&f, buf, sizeof buf), "");
	assert_string_equal(report_flag(&f), "suppressed");
	/* a derived total is a value like any other */
	f.withheld = false;
	f.derived = true;
	f.now.value = 11;
	assert_string_equal(report_value_machine(&f, buf, sizeof buf), "11");
	/* flagged away at the source */
	f.derived = false;
	f.now.has_value = false;
	strcpy(f.now.flag, "unknown");
	assert_string_equal(report_value_machine(&f, buf, sizeof buf), "");
	assert_string_equal(report_flag(&f), "unknown");
}

/* --- a report of the test monitor -------------------------------------------- */

static int report_setup(void **state)
{
	static const char *const files[] = { "report/00-regions.csv", "report/10-history.csv",
					     "report/20-levering-2023Q4.csv",
					     "report/30-revisie-2023Q4.csv" };
	struct dbtest *t;

	setlocale(LC_ALL, "C.UTF-8");
	if (dbtest_setup(state) != 0)
		return -1;
	t = *state;
	config_free(t->cfg);
	t->cfg = test_config("report/monitor.yaml");
	if (db_sync_config(t->db, t->cfg, &t->err) != JMON_OK)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(files); i++)
		if (import_fixture(t, files[i]) != JMON_OK)
			return -1;
	return 0;
}

static char *render(struct dbtest *t, const char *chapter, enum report_format format)
{
	const struct chapter *ch = chapter ? config_chapter(t->cfg, chapter) : NULL;
	struct report r;
	char *buf;

	if (report_load(t->db, t->cfg, "GM0361", "2023Q4", ch, &r, &t->err) != JMON_OK)
		fail_msg("%s", t->err.msg);
	r.utf8 = true;
	CAPTURE(buf, assert_int_equal(report_write(&r, format, out, &t->err), JMON_OK));
	report_free(&r);
	return buf;
}

static void set_review(struct dbtest *t, const char *indicator, const char *status,
		       const char *reason, bool reviewed)
{
	struct cell_key key = { indicator, "GM0361", "2023Q4", "" };

	if (judgement_review(t->db, &key, status, reason, reviewed, "test", NULL, &t->err) !=
	    JMON_OK)
		fail_msg("%s", t->err.msg);
}

/* An override replaces the status and says so in the reason; the review
 * mark of an indicator covers its category rows too. */
static void test_override_and_review(void **state)
{
	struct dbtest *t = *state;
	char *csv;

	csv = render(t, "cijfers", REPORT_CSV);
	/* 3,5 >= 3,5: amber, the computed status */
	assert_non_null(strstr(csv, ",tevredenheid,,3.5,,amber,\"3,5 >= 3,5 (Streefwaarde 4)\",,"));
	free(csv);

	set_review(t, "tevredenheid", "green", "Steekproef te klein", false);
	set_review(t, "ggz_aanmeld", NULL, NULL, true);
	csv = render(t, "cijfers", REPORT_CSV);
	assert_non_null(strstr(csv, ",tevredenheid,,3.5,,green,"
				    "handmatig: Steekproef te klein (berekend: oranje),,"));
	free(csv);

	csv = render(t, "wachttijden", REPORT_CSV);
	assert_non_null(strstr(csv, ",ggz_aanmeld,,5.2,,amber,\"5,2 wk <= 6 (Treeknorm 4 wk)\",yes,"));
	assert_non_null(strstr(csv, ",ggz_aanmeld,aanbieder_b,6.5,,red,\"6,5 wk > 6 (Treeknorm 4 wk)\",yes,"));
	assert_null(strstr(csv, "cijfers"));	/* --chapter: that chapter only */
	free(csv);
}

/* Withheld numbers appear in no format: jeugdarts 7 (below 10), the total
 * 172 it would give away, bezwaren 3. */
static void test_withheld_in_no_format(void **state)
{
	struct dbtest *t = *state;
	static const enum report_format formats[] = { REPORT_TEXT, REPORT_CSV, REPORT_JSON, REPORT_MD };

	for (size_t i = 0; i < ARRAY_SIZE(formats); i++) {
		char *s = render(t, NULL, formats[i]);

		assert_null(strstr(s, "172"));
		assert_null(strstr(s, ",7,"));
		assert_null(strstr(s, "\"value\": 7,"));
		assert_null(strstr(s, "\"value\": 3,"));
		assert_null(strstr(s, "| 7 |"));
		assert_null(strstr(s, "| 3 |"));
		assert_null(strstr(s, ",bezwaren,,3,"));
		free(s);
	}
}

/* The value column ends in the same display column on every row, also
 * after a label with a two-byte character. */
static void test_text_alignment(void **state)
{
	struct dbtest *t = *state;
	char *s = render(t, "cijfers", REPORT_TEXT);
	const char *rows[][2] = { { "Cliënttevredenheid", "3,5" },
				  { "Nieuwe hulpvragen", "440" },
				  { "Jeugdigen met een maatwerkvoorziening", "2.660" },
				  { "  Jeugdarts", "<10" } };
	int end = -1;

	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		char *line = strstr(s, rows[i][0]);
		char *value;
		char prefix[256];

		assert_non_null(line);
		value = strstr(line, rows[i][1]);
		assert_non_null(value);
		snprintf(prefix, sizeof prefix, "%.*s", (int)(value - line) + (int)strlen(rows[i][1]), line);
		if (end < 0)
			end = text_width(prefix);
		assert_int_equal(text_width(prefix), end);
	}
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_csv_quoting),
		cmocka_unit_test(test_json_escaping),
		cmocka_unit_test(test_md_cells),
		cmocka_unit_test(test_machine_value_and_flag),
		cmocka_unit_test_setup_teardown(test_override_and_review, report_setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_withheld_in_no_format, report_setup, dbtest_teardown),
		cmocka_unit_test_setup_teardown(test_text_alignment, report_setup, dbtest_teardown),
	};

	return RUN_TESTS(tests);
}
