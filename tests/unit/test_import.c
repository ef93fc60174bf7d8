/* SPDX-License-Identifier: EUPL-1.2 */
/* The importers: good files land with the right values, bad files are
 * rejected whole with every problem at its position, the same file twice
 * is one delivery, and the real CBS files import. */
#include <math.h>

#include "jmon/strbuf.h"

#include "unit.h"
#include "dbtest.h"
#include "jmon/import_internal.h"
#include "jmon/query.h"

static struct cell_value cell(struct dbtest *t, const char *ind, const char *region,
			      const char *period, const char *cat)
{
	struct cell_key k = { ind, region, period, cat };
	struct cell_value v;

	if (query_cell(t->db, &k, &v, &t->err) != JMON_OK)
		fail_msg("%s", t->err.msg);
	return v;
}

static void assert_value(struct dbtest *t, const char *ind, const char *region,
			 const char *period, const char *cat, double want, const char *flag)
{
	struct cell_value v = cell(t, ind, region, period, cat);

	if (!v.present || !v.has_value)
		fail_msg("%s %s %s %s: no value", ind, region, period, cat);
	if (fabs(v.value - want) > 1e-9)
		fail_msg("%s %s %s %s: %g, expected %g", ind, region, period, cat, v.value, want);
	assert_string_equal(v.flag, flag);
}

static void assert_missing(struct dbtest *t, const char *ind, const char *region,
			const char *period, const char *cat, const char *flag)
{
	struct cell_value v = cell(t, ind, region, period, cat);

	assert_true(v.present);
	assert_false(v.has_value);
	assert_string_equal(v.flag, flag);
}

static void test_long(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	assert_int_equal(t->res.delivery, 1);
	assert_int_equal(t->res.format, IMPORT_LONG);
	assert_int_equal(t->res.rows, 6);
	assert_int_equal(t->res.cells_new, 6);
	assert_int_equal(t->res.regions_new, 2);	/* GM0361 and NL01, by their codes */
	assert_value(t, "jeugdigen_maatwerk", "GM0361", "2020Q1", "", 2660, "");
	assert_value(t, "verwijzingen", "GM0361", "2020Q1", "huisarts", 412, "provisional");
	assert_missing(t, "klachten", "GM0361", "2020Q1", "bejegening", "suppressed");
	assert_value(t, "tevredenheid", "GM0361", "2020Q1", "", 4.2, "");
	assert_value(t, "jeugdigen_maatwerk", "NL01", "2020Q1", "", 391000, "");
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM period WHERE code = '2020Q1' "
				"AND start = '2020-01-01' AND end = '2020-03-31'"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region WHERE code = 'NL01' "
				"AND kind = 'nl'"), 1);
	assert_int_equal(scalar(t->db, "SELECT rows FROM delivery WHERE id = 1"), 6);
}

static void test_long_dutch(void **state)
{
	struct dbtest *t = *state;

	/* BOM, ';', CRLF, decimal comma, Dutch headers and flags, quotes. */
	assert_int_equal(import_fixture(t, "import/long_nl.csv"), JMON_OK);
	assert_int_equal(t->res.rows, 3);
	assert_value(t, "tevredenheid", "GM0361", "2020Q2", "", 4.4, "provisional");
	assert_value(t, "jeugdigen_maatwerk", "GM0361", "2020H1", "", 2700, "");
	assert_missing(t, "klachten", "GM0361", "2020M04", "werkwijze", "na");
}

static void test_same_file_twice(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	assert_true(t->res.already);
	assert_int_equal(t->res.delivery, 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM delivery"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation"), 6);
}

static void test_revision_counts(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	assert_int_equal(import_fixture(t, "import/long_revision.csv"), JMON_OK);
	assert_int_equal(t->res.delivery, 2);
	assert_int_equal(t->res.cells_new, 1);		/* verwijzingen gemeente */
	assert_int_equal(t->res.cells_changed, 2);	/* maatwerk, klachten */
	assert_int_equal(t->res.cells_unchanged, 3);
	/* Unchanged cells are not stored again; the old rows stay. */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation WHERE delivery = 2"), 3);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation WHERE delivery = 1"), 6);
	assert_value(t, "jeugdigen_maatwerk", "GM0361", "2020Q1", "", 2675, "");
	assert_value(t, "klachten", "GM0361", "2020Q1", "bejegening", 4, "");
	assert_int_equal(scalar(t->db, "SELECT cells_changed FROM delivery WHERE id = 2"), 2);
}

/* A rejected file: the status, the first message exactly, the number of
 * problems, and nothing written. */
static void assert_rejected(struct dbtest *t, const char *text, const char *first, int count)
{
	char *path = scratch_file(t, "bad.csv", text);
	long long deliveries = scalar(t->db, "SELECT count(*) FROM delivery");
	long long observations = scalar(t->db, "SELECT count(*) FROM observation");
	long long regions = scalar(t->db, "SELECT count(*) FROM region");
	long long periods = scalar(t->db, "SELECT count(*) FROM period");

	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_DATA);
	if (t->diag.count < 1)
		fail_msg("no message for: %s", text);
	assert_string_equal(t->diag.lines[0], first);
	assert_int_equal(t->diag.count, count);
	assert_int_equal(t->res.delivery, 0);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM delivery"), deliveries);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation"), observations);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region"), regions);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM period"), periods);
	free(path);
}

#define HEADER "region,period,indicator,category,value,flag\n"
#define GOOD "GM0361,2020Q1,jeugdigen_maatwerk,,2660,\n"

/* Write HEADER and the 60 gemeenten GM0300..GM0359 (those with step
 * 2 the even ones), the k-th as gemeente (k * order) % 60 with value(i),
 * and import them. */
static void import_gemeenten(struct dbtest *t, int step, int order, int (*value)(int))
{
	struct strbuf sb = STRBUF_INIT;
	char *path;

	sb_adds(&sb, HEADER);
	for (int k = 0; k < 60; k += step) {
		int i = k * order % 60;

		sb_addf(&sb, "GM%04d,2020Q1,jeugdigen_maatwerk,,%d,\n", 300 + i, value(i));
	}
	path = scratch_file(t, "gemeenten.csv", sb_str(&sb));
	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_OK);
	sb_free(&sb);
	free(path);
}

static int as_first(int i)
{
	return i;
}

static int as_second(int i)
{
	return i % 4 == 0 ? i + 1000 : i;
}

static int as_third(int i)
{
	return i % 3 == 0 ? i + 2000 : as_second(i);
}

/* A revision compares its rows with the stored cells through a cursor in
 * key order (import_cells.c): cells stored and not, in the order of the
 * key; then in an order that jumps 37 cells ahead or 23 back, further than
 * the cursor steps, where the current value is the second delivery's. */
static void test_revision_walks_stored_cells(void **state)
{
	struct dbtest *t = *state;

	import_gemeenten(t, 2, 1, as_first);
	import_gemeenten(t, 1, 1, as_second);
	assert_int_equal(t->res.cells_new, 30);
	assert_int_equal(t->res.cells_changed, 15);
	assert_int_equal(t->res.cells_unchanged, 15);
	import_gemeenten(t, 1, 37, as_third);
	assert_int_equal(t->res.cells_new, 0);
	assert_int_equal(t->res.cells_changed, 20);
	assert_int_equal(t->res.cells_unchanged, 40);
	assert_value(t, "jeugdigen_maatwerk", "GM0300", "2020Q1", "", 2000, "");
	assert_value(t, "jeugdigen_maatwerk", "GM0304", "2020Q1", "", 1004, "");
	assert_value(t, "jeugdigen_maatwerk", "GM0301", "2020Q1", "", 1, "");
	assert_value(t, "jeugdigen_maatwerk", "GM0357", "2020Q1", "", 2057, "");
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation"), 30 + 45 + 20);
}

static void test_rejects_long(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q1,maatwerk,,1,\n",
			"bad.csv:3:15: unknown indicator 'maatwerk'", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q1,verwijzingen,bakker,1,\n",
			"bad.csv:3:28: unknown category 'bakker' of indicator 'verwijzingen'", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q5,jeugdigen_maatwerk,,1,\n",
			"bad.csv:3:8: malformed period '2020Q5' (expected 2020, 2020H1, 2020Q1, "
			"2020M03, 2023-01-01 or a CBS code like 2020KW01)", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q2,jeugdigen_maatwerk,,12a,\n",
			"bad.csv:3:35: not a number: '12a'", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020KW01,jeugdigen_maatwerk,,2661,\n",
			"bad.csv:3:1: duplicate row: GM0361 2020Q1 jeugdigen_maatwerk was given "
			"on line 2 already", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q2,jeugdigen_maatwerk,1\n",
			"bad.csv:3:1: 4 fields, expected 6", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q2,jeugdigen_maatwerk,,1,,x\n",
			"bad.csv:3:38: 7 fields, expected 6", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q2,jeugdigen_maatwerk,,,\n",
			"bad.csv:3:35: empty value without a flag (a missing value needs "
			"suppressed, unknown or na)", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q2,jeugdigen_maatwerk,,,secret\n",
			"bad.csv:3:36: unknown flag 'secret' (expected provisional, suppressed, "
			"unknown or na)", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q2,jeugdigen_maatwerk,,5,suppressed\n",
			"bad.csv:3:35: value '5' with flag 'suppressed' (leave the value empty)", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q2,tevredenheid,,4\xe9,\n",
			"bad.csv:3:30: invalid UTF-8 (byte 0xE9)", 1);
	assert_rejected(t, HEADER GOOD "GM0361,2020Q2,jeugdigen_maatwerk,\"huis,1,\n",
			"bad.csv:3:34: unterminated quoted field", 1);
	assert_rejected(t, HEADER GOOD "XX99,2020Q2,jeugdigen_maatwerk,,1,\n",
			"bad.csv:3:1: unknown region 'XX99' (not in the regions table, and not a "
			"CBS code like GM0361)", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,\"1.23,5\",\n",
			"bad.csv:2:29: ambiguous number '1.23,5': '.' does not group the digits "
			"by three", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,1.23.4,\n",
			"bad.csv:2:29: not a number: '1.23.4' ('.' twice, but not as thousands "
			"separator)", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,\"1.234,5\",\n"
			"GM0361,2020Q3,tevredenheid,,4.5,\n",
			"bad.csv:3:29: decimal mark '.' in '4.5', but line 2 used ','", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,4.5,\n"
			"GM0361,2020Q3,tevredenheid,,\"1.234,5\",\n",
			"bad.csv:3:29: '.' as thousands separator in '1.234,5', but line 2 used "
			"it as decimal mark", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,2.660,\n",
			"bad.csv:2:29: ambiguous number '2.660': '.' may be a decimal mark or a "
			"thousands separator (leave out thousands separators, or write fewer "
			"than three decimals)", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,2.660,\n"
			"GM0361,2020Q3,tevredenheid,,\"4,5\",\n",
			"bad.csv:2:29: ambiguous number '2.660': '.' may be a decimal mark or a "
			"thousands separator (it was read before this file showed its decimal "
			"mark; write it without the thousands separator)", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,1e99,\n",
			"bad.csv:2:29: number out of range: '1e99'", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,5.,\n",
			"bad.csv:2:29: not a number: '5.'", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,1e,\n",
			"bad.csv:2:29: not a number: '1e'", 1);
	assert_rejected(t, HEADER "GM0361,2020Q2,tevredenheid,,4.5,\n"
			"GM0361,2020Q3,tevredenheid,,\"4,5\",\n",
			"bad.csv:3:29: decimal mark ',' in '4,5', but line 2 used '.'", 1);
	assert_rejected(t, "region,period,indicator,waarde,colour\n" GOOD,
			"bad.csv:1:32: unknown column 'colour'", 1);
	assert_rejected(t, "region,period,indicator,category,flag\n",
			"bad.csv:1:1: missing column 'value'", 1);
	assert_rejected(t, "", "bad.csv:1:1: empty file", 1);
	assert_rejected(t, "a,b,c\n1,2,3\n",
			"bad.csv:1:1: cannot tell the layout from this header: expected a long "
			"CSV (region,period,indicator,...), a regions CSV (region,name,kind,parent) "
			"or a CBS export; --format chooses one", 1);
}

/* Numbers as spreadsheets and statistics programs write them. */
static void test_numbers(void **state)
{
	static const struct {
		const char *written;
		double value;
	} cases[] = {
		{ "\"4,5\"", 4.5 },	/* one mark: the decimal mark */
		{ " 7 ", 7 },		/* blanks are padding */
		{ "-3", -3 },
		{ "+2", 2 },
		{ ".5", 0.5 },
		{ "1e3", 1000 },
		{ "2.5E-4", 0.00025 },
		{ "\"1.234,5\"", 1234.5 },	/* both: the last is the decimal mark */
		{ "12.345.678", 12345678 },	/* one, repeated: thousands */
		{ "0.1", 0.1 },
		{ "0.125", 0.125 },	/* a leading 0 never groups thousands */
		{ "0.660e0", 0.66 },	/* an exponent: the mark is a decimal mark */
		{ "2.660E+0", 2.66 },
		{ "-0", 0 },
	};
	struct dbtest *t = *state;
	struct strbuf sb = STRBUF_INIT;
	char *path;

	/* one file per case: a file keeps one decimal mark */
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char name[32], period[16];

		snprintf(name, sizeof name, "n%zu.csv", i);
		snprintf(period, sizeof period, "%zuM%02zu", 2001 + i / 12, 1 + i % 12);
		sb_reset(&sb);
		sb_addf(&sb, HEADER "GM0361,%s,tevredenheid,,%s,\n", period, cases[i].written);
		path = scratch_file(t, name, sb_str(&sb));
		if (import_path(t, path, IMPORT_AUTO) != JMON_OK)
			fail_msg("%s: %s", cases[i].written, t->diag.count ? t->diag.lines[0] : "");
		assert_value(t, "tevredenheid", "GM0361", period, "", cases[i].value, "");
		free(path);
	}
	sb_free(&sb);
	/* "-0" is stored as 0, not as a -0.0 that shows as "-0" */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation WHERE value = 0 "
				"AND CAST(value AS TEXT) = '-0.0'"), 0);
	/* "2.660" takes the file's decimal mark, wherever that shows */
	path = scratch_file(t, "context.csv", HEADER
			    "GM0361,2030Q1,tevredenheid,,4.5,\n"
			    "GM0361,2030Q2,tevredenheid,,2.660,\n"
			    "GM0361,2030Q3,tevredenheid,,\"2,660\",\n");
	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_OK);
	assert_value(t, "tevredenheid", "GM0361", "2030Q2", "", 2.66, "");
	assert_value(t, "tevredenheid", "GM0361", "2030Q3", "", 2660, "");
	free(path);
}

static void test_every_problem_of_a_row(void **state)
{
	struct dbtest *t = *state;

	assert_rejected(t, HEADER "GM0361,2020Q9,nope,,x,\n",
			"bad.csv:2:8: malformed period '2020Q9' (expected 2020, 2020H1, 2020Q1, "
			"2020M03, 2023-01-01 or a CBS code like 2020KW01)", 3);
	assert_string_equal(t->diag.lines[1], "bad.csv:2:15: unknown indicator 'nope'");
	assert_string_equal(t->diag.lines[2], "bad.csv:2:21: not a number: 'x'");
}

static void test_many_errors_counted(void **state)
{
	struct dbtest *t = *state;
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, HEADER);
	for (int i = 0; i < 25; i++)
		sb_addf(&sb, "GM0361,2020Q1,jeugdigen_maatwerk,,x%d,\n", i);
	assert_rejected(t, sb_str(&sb), "bad.csv:2:35: not a number: 'x0'", 25);
	assert_string_equal(t->diag.lines[DIAG_SHOWN - 1], "bad.csv:21:35: not a number: 'x19'");
	sb_free(&sb);
}

static void test_format_override(void **state)
{
	struct dbtest *t = *state;
	char *path = fixture("import/long.csv");

	/* A long file read as regions: its header is wrong for that. */
	assert_int_equal(import_path(t, path, IMPORT_REGIONS), JMON_DATA);
	assert_string_equal(t->diag.lines[0], "long.csv:1:8: unknown column 'period'");
	free(path);
}

static void test_regions(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(import_fixture(t, "import/regions.csv"), JMON_OK);
	assert_int_equal(t->res.format, IMPORT_REGIONS);
	assert_int_equal(t->res.regions_new, 4);
	/* The wijk came before its gemeente: parents are checked at the end. */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region WHERE code = 'WK036101' "
				"AND name = 'Centrum' AND kind = 'wijk' AND parent = 'GM0361'"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region WHERE code = 'GM0361' "
				"AND name = 'Alkmaar' AND parent IS NULL"), 1);
}

static void test_regions_after_codes(void **state)
{
	struct dbtest *t = *state;

	/* The long file creates GM0361 with its code as name; the regions
	 * file then names it. */
	assert_int_equal(import_fixture(t, "import/long.csv"), JMON_OK);
	assert_int_equal(import_fixture(t, "import/regions.csv"), JMON_OK);
	assert_int_equal(t->res.regions_new, 2);
	assert_int_equal(t->res.regions_changed, 2);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region WHERE name = 'Alkmaar'"), 1);
}

static void test_rejects_regions(void **state)
{
	struct dbtest *t = *state;

	assert_rejected(t, "regio,naam,soort,ouder\nWK036101,Centrum,wijk,GM9999\n",
			"bad.csv:2:23: unknown parent region 'GM9999'", 1);
	assert_rejected(t, "region,name,kind\nGM0361,Alkmaar,stad\n",
			"bad.csv:2:16: unknown kind 'stad' (expected nl, provincie, regio, "
			"gemeente, wijk, buurt or postcode)", 1);
	assert_rejected(t, "region,name,kind\nGM0361,Alkmaar,gemeente\nGM0361,Alk,gemeente\n",
			"bad.csv:3:1: region GM0361 was given on line 2 already", 1);
	assert_rejected(t, "region,name,kind\nGM0361,,gemeente\n",
			"bad.csv:2:8: empty name for region GM0361", 1);
}

static void test_cbs_kerncijfers(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(import_fixture(t, "cbs/almere_kwb_kerncijfers_GM0034_raw.csv"), JMON_OK);
	assert_int_equal(t->res.format, IMPORT_CBS);
	assert_int_equal(t->res.rows, 1536);
	/* Region rows fill the region table: 1 gemeente, 71 wijken, 291 buurten. */
	assert_int_equal(t->res.regions_new, 363);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region WHERE code = 'GM0034' "
				"AND name = 'Almere' AND kind = 'gemeente'"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region WHERE code = 'WK003401' "
				"AND kind = 'wijk' AND parent = 'GM0034'"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region WHERE code = 'BU00340101' "
				"AND kind = 'buurt' AND parent = 'WK003401'"), 1);
	/* Peildatum 1-1-2023 is the period 2023-01-01; the yearly tables
	 * side by side (_84 ... _96) feed one indicator. */
	assert_value(t, "jeugdzorg_in_natura", "GM0034", "2023-01-01", "", 7160, "");
	assert_value(t, "jeugdzorg_in_natura", "GM0034", "2018-01-01", "", 5805, "");
	/* Implied decimal from the configuration: 114 is 11,4 %. */
	assert_value(t, "jeugdzorg_pct", "GM0034", "2023-01-01", "", 11.4, "");
	assert_value(t, "jeugdzorg_pct", "GM0034", "2018-01-01", "", 9.6, "");
	/* An empty cell in a published year is suppressed, never 0. */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation WHERE "
				"indicator = 'jeugdzorg_in_natura' AND period = '2023-01-01' "
				"AND value IS NULL AND flag = 'suppressed'"), 102);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation WHERE value = 0"), 0);
	/* 2025 has no youth-care figures yet: not published, nothing stored. */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation "
				"WHERE period = '2025-01-01'"), 0);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM period WHERE code = '2023-01-01' "
				"AND kind = 'date'"), 1);
	/* Columns no indicator asks for are ignored. */
	assert_int_equal(scalar(t->db, "SELECT count(DISTINCT indicator) FROM observation"), 2);
}

static void test_cbs_statline(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(import_fixture(t, "cbs/almere_bevolking_pc4_83502NED_statline_export.csv"),
			 JMON_OK);
	assert_int_equal(t->res.format, IMPORT_CBS);
	assert_int_equal(t->res.rows, 6);
	assert_value(t, "bevolking", "NL01", "2022", "", 17590672, "");
	assert_value(t, "bevolking", "PC1309", "2022", "0_tot_5_jaar", 0, "");
	assert_value(t, "bevolking", "PC1363", "2025", "5_tot_10_jaar", 1370, "");
	/* "" in a published year: suppressed. */
	assert_missing(t, "bevolking", "PC1322", "2022", "", "suppressed");
	/* Age groups the indicator has no category for are left out. */
	assert_false(cell(t, "bevolking", "PC1309", "2022", "10_tot_15_jaar").present);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region WHERE code = 'PC1309' "
				"AND kind = 'postcode'"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM region WHERE code = 'NL01' "
				"AND name = 'Nederland'"), 1);
	/* 3 rows of interest x 43 regions x 4 years */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM observation"), 3 * 43 * 4);
}

static void test_cbs_odata(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(import_fixture(t, "cbs/odata_typed.csv"), JMON_OK);
	assert_value(t, "jeugdzorg_in_natura", "GM0034", "2020", "", 5960, "");
	assert_value(t, "jeugdzorg_pct", "GM0034", "2020", "", 9.7, "");
	assert_missing(t, "jeugdzorg_in_natura", "WK003401", "2020", "", "suppressed");
	assert_int_equal(import_fixture(t, "cbs/odata_untyped.csv"), JMON_OK);
	assert_value(t, "jeugdzorg_in_natura", "GM0034", "2021", "", 6585, "");
	assert_missing(t, "jeugdzorg_pct", "WK003401", "2021", "", "suppressed");
	/* A breakdown dimension: the total code (T001038) and a category. */
	assert_value(t, "verwijzingen", "GM0034", "2021", "", 950, "");
	assert_value(t, "verwijzingen", "GM0034", "2021", "huisarts", 400, "");
	assert_false(cell(t, "verwijzingen", "GM0034", "2021", "jeugdarts").present);
}

static void test_rejects_cbs(void **state)
{
	struct dbtest *t = *state;

	assert_rejected(t, "ID;WijkenEnBuurten;Peildatum;JongerenMetJeugdzorgInNatura_96\n"
			"0;GM0034    ;1-13-2023;7160\n",
			"bad.csv:2:14: malformed period '1-13-2023'", 1);
	assert_rejected(t, "ID;WijkenEnBuurten;Peildatum;JongerenMetJeugdzorgInNatura_96\n"
			"0;GM0034    ;1-1-2023;71x0\n",
			"bad.csv:2:23: not a number: '71x0'", 1);
	assert_rejected(t, "ID;WijkenEnBuurten;Peildatum;JongerenMetJeugdzorgInNatura_96\n"
			"0;GM0034    ;1-1-2023;7160\n1;GM0034;1-1-2023;7165\n",
			"bad.csv:3:19: GM0034 2023-01-01 jeugdzorg_in_natura: a second row for "
			"this region and period (the first is on line 2)", 1);
	assert_rejected(t, "ID;WijkenEnBuurten;JongerenMetJeugdzorgInNatura_96\n0;GM0034;1\n",
			"bad.csv:1:1: no period column (Perioden or Peildatum)", 1);
}

/* A StatLine export that names its regions: a database error while one is
 * looked up is that error (74), not an "unknown region" (65). */
static void test_statline_database_error(void **state)
{
	struct dbtest *t = *state;
	char *path = scratch_file(t, "names.csv",
				  "\"Titel\"\n"
				  "\"\";\"\";\"Perioden\";\"2022\"\n"
				  "\"Onderwerp\";\"Leeftijd\";\"Regio\";\"Alkmaar\"\n"
				  "\"Bevolking\";\"Totaal leeftijd\";\"aantal\";\"108000\"\n"
				  "\"Bron: CBS\"\n");

	assert_int_equal(import_fixture(t, "import/regions.csv"), JMON_OK);
	dbtest_fail_statements(t->db, "FROM region WHERE name = ?1");
	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_IO);
	dbtest_fail_statements(t->db, NULL);
	assert_int_equal(t->diag.count, 0);
	assert_non_null(strstr(t->err.msg, "reading regions: interrupted"));
	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_OK);
	assert_value(t, "bevolking", "GM0361", "2022", "", 108000, "");
	free(path);
}

/* A regions CSV of the header alone is a valid, empty delivery. */
static void test_regions_header_only(void **state)
{
	struct dbtest *t = *state;
	char *path = scratch_file(t, "empty_regions.csv", "region,name,kind,parent\n");

	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_OK);
	assert_int_equal(t->res.format, IMPORT_REGIONS);
	assert_int_equal(t->res.rows, 0);
	free(path);
}

/* The file at path is refused for exactly these two repeated keys. */
static void assert_two_repeats(struct dbtest *t, const char *path, const char *first,
			       const char *second)
{
	if (import_path(t, path, IMPORT_AUTO) != JMON_DATA)
		fail_msg("%s", t->err.msg);
	assert_int_equal(t->diag.count, 2);
	assert_string_equal(t->diag.lines[0], first);
	assert_string_equal(t->diag.lines[1], second);
}

/* Rows out of order: the file is read again, a long CSV staged and
 * written in key order, the other layouts keeping every key, past the ones
 * kept in memory in a temporary table; a repeated key is found wherever
 * its first one is. */
static void test_keys_out_of_order(void **state)
{
	struct dbtest *t = *state;
	size_t in_memory = import_keys_in_memory;
	char *shuffled = scratch_file(t, "shuffled.csv", HEADER
				      "GM0361,2020Q3,jeugdigen_maatwerk,,3,\n"
				      "GM0361,2020Q1,jeugdigen_maatwerk,,1,\n"
				      "GM0363,2020Q1,jeugdigen_maatwerk,,5,\n"
				      "GM0361,2020Q2,jeugdigen_maatwerk,,2,\n"
				      "GM0361,2020Q4,jeugdigen_maatwerk,,4,\n");
	char *repeated = scratch_file(t, "repeated.csv", HEADER
				      "GM0361,2021Q3,jeugdigen_maatwerk,,3,\n"
				      "GM0361,2021Q1,jeugdigen_maatwerk,,1,\n"
				      "GM0361,2021Q2,jeugdigen_maatwerk,,2,\n"
				      "GM0361,2021Q4,jeugdigen_maatwerk,,4,\n"
				      "GM0361,2021Q1,jeugdigen_maatwerk,,9,\n"
				      "GM0361,2021KW04,jeugdigen_maatwerk,,9,\n");

	import_keys_in_memory = 2;
	assert_int_equal(import_path(t, shuffled, IMPORT_AUTO), JMON_OK);
	assert_int_equal(t->res.rows, 5);
	assert_value(t, "jeugdigen_maatwerk", "GM0361", "2020Q2", "", 2, "");
	assert_value(t, "jeugdigen_maatwerk", "GM0363", "2020Q1", "", 5, "");
	/* staged: found in key order, told in line order */
	assert_two_repeats(t, repeated, "repeated.csv:6:1: duplicate row: GM0361 2021Q1 "
			   "jeugdigen_maatwerk was given on line 3 already",
			   "repeated.csv:7:1: duplicate row: GM0361 2021Q4 "
			   "jeugdigen_maatwerk was given on line 5 already");
	/* a regions CSV keeps its keys: one in memory, the rest in the table */
	free(repeated);
	repeated = scratch_file(t, "regions.csv", "region,name,kind,parent\n"
				"GM0392,Haarlem,gemeente,\n"
				"GM0363,Amsterdam,gemeente,\n"
				"GM0394,Haarlemmermeer,gemeente,\n"
				"GM0363,Amsterdam,gemeente,\n"
				"GM0394,Haarlemmermeer,gemeente,\n");
	assert_two_repeats(t, repeated, "regions.csv:5:1: region GM0363 was given on line 3 already",
			   "regions.csv:6:1: region GM0394 was given on line 4 already");
	import_keys_in_memory = in_memory;
	/* and a file in order needs neither */
	assert_int_equal(import_fixture(t, "import/long_revision.csv"), JMON_OK);
	free(shuffled);
	free(repeated);
}

/* A file out of order is written in key order at its end (import_stage.c):
 * its duplicates are found there, reported after the other problems, in
 * the order of their lines, the first DIAG_SHOWN of them with their
 * messages and the rest counted. */
static void test_duplicates_out_of_order(void **state)
{
	struct dbtest *t = *state;
	struct strbuf sb = STRBUF_INIT;
	char *path;

	sb_adds(&sb, HEADER);
	for (int i = 30; i > 0; i--)	/* lines 2-31, from 2030 down */
		sb_addf(&sb, "GM0361,%dQ1,jeugdigen_maatwerk,,%d,\n", 2000 + i, i);
	sb_adds(&sb, "GM0361,2020Q1,jeugdigen_maatwerk,,x,\n");	/* line 32 */
	for (int i = 1; i <= 30; i++)	/* lines 33-62 repeat them, from 2001 up */
		sb_addf(&sb, "GM0361,%dKW01,jeugdigen_maatwerk,,%d,\n", 2000 + i, i);
	path = scratch_file(t, "twice.csv", sb_str(&sb));
	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_DATA);
	assert_int_equal(t->diag.count, 31);
	assert_string_equal(t->diag.lines[0], "twice.csv:32:35: not a number: 'x'");
	assert_string_equal(t->diag.lines[1], "twice.csv:33:1: duplicate row: GM0361 2001Q1 "
			    "jeugdigen_maatwerk was given on line 31 already");
	assert_string_equal(t->diag.lines[DIAG_SHOWN - 1], "twice.csv:51:1: duplicate row: "
			    "GM0361 2019Q1 jeugdigen_maatwerk was given on line 13 already");
	assert_int_equal(cell(t, "jeugdigen_maatwerk", "GM0361", "2001Q1", "").present, false);
	/* and without the bad value and the repeats, every row is there */
	sb_free(&sb);
	free(path);
	sb_adds(&sb, HEADER);
	for (int i = 30; i > 0; i--)
		sb_addf(&sb, "GM03%02d,%dQ%d,jeugdigen_maatwerk,,%d,\n", 60 + i % 7, 2000 + i,
			1 + i % 4, i);
	path = scratch_file(t, "shuffled30.csv", sb_str(&sb));
	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_OK);
	assert_int_equal(t->res.cells_new, 30);
	assert_value(t, "jeugdigen_maatwerk", "GM0362", "2009Q2", "", 9, "");
	sb_free(&sb);
	free(path);
}

/* The same two through runs of two and of three rows: sorted one by one,
 * written to the runs' file and merged, a repeated key in another run
 * than its first (import_stage_run_rows). */
static void out_of_order_in_runs(void **state, size_t rows, void (*test)(void **))
{
	size_t run_rows = import_stage_run_rows;

	import_stage_run_rows = rows;
	test(state);
	import_stage_run_rows = run_rows;
}

static void test_keys_out_of_order_in_runs_of_2(void **state)
{
	out_of_order_in_runs(state, 2, test_keys_out_of_order);
}

static void test_duplicates_out_of_order_in_runs_of_3(void **state)
{
	out_of_order_in_runs(state, 3, test_duplicates_out_of_order);
}

/* Rows out of order are written in the order of the key's text
 * (import_order.c), whatever order their regions came in, whatever the
 * order of indicators and categories in the configuration and of the
 * period kinds in a period's number: every cell of three regions, five
 * periods and five cells, shuffled, is stored with its value, and two
 * repeated keys are found next to their first ones. */
static const char *const order_regions[] = { "GM0392", "GM0363", "GM0361" };
static const char *const order_periods[] = { "2020Q1", "2020", "2020H1", "2020M03",
					     "2020-06-30" };
static const char *const order_cells[][2] = {
	{ "verwijzingen", "huisarts" }, { "klachten", "bejegening" }, { "jeugdigen_maatwerk", "" },
	{ "verwijzingen", "gemeente" }, { "tevredenheid", "" },
};
#define ORDER_KEYS 75	/* 3 x 5 x 5, written as key (k * 29) % 75 on line k + 2 */

static void order_row(struct strbuf *sb, int key, int value)
{
	const char *const *cell = order_cells[key % 5];

	sb_addf(sb, "%s,%s,%s,%s,%d,\n", order_regions[key / 25], order_periods[key / 5 % 5],
		cell[0], cell[1], value);
}

static void test_out_of_order_in_text_order(void **state)
{
	struct dbtest *t = *state;
	struct strbuf sb = STRBUF_INIT;
	char *path;

	sb_adds(&sb, HEADER);
	for (int k = 0; k < ORDER_KEYS; k++)
		order_row(&sb, k * 29 % ORDER_KEYS, k * 29 % ORDER_KEYS + 100);
	path = scratch_file(t, "order.csv", sb_str(&sb));
	/* again, after the last line: key 40 (first on line 37) and key 11
	 * (line 36), in another run than their first ones */
	order_row(&sb, 40, 1);
	order_row(&sb, 11, 1);
	assert_int_equal(import_path(t, path, IMPORT_AUTO), JMON_OK);
	assert_int_equal(t->res.cells_new, ORDER_KEYS);
	for (int key = 0; key < ORDER_KEYS; key++) {
		const char *const *cell = order_cells[key % 5];

		assert_value(t, cell[0], order_regions[key / 25], order_periods[key / 5 % 5],
			     cell[1], key + 100, "");
	}
	free(path);
	path = scratch_file(t, "repeated.csv", sb_str(&sb));
	assert_two_repeats(t, path, "repeated.csv:77:1: duplicate row: GM0363 2020M03 "
			   "verwijzingen huisarts was given on line 37 already",
			   "repeated.csv:78:1: duplicate row: GM0392 2020H1 klachten bejegening "
			   "was given on line 36 already");
	sb_free(&sb);
	free(path);
}

static void test_out_of_order_in_text_order_in_runs_of_2(void **state)
{
	out_of_order_in_runs(state, 2, test_out_of_order_in_text_order);
}

#define T(f) cmocka_unit_test_setup_teardown(f, dbtest_setup, dbtest_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_long),
		T(test_long_dutch),
		T(test_same_file_twice),
		T(test_revision_counts),
		T(test_revision_walks_stored_cells),
		T(test_rejects_long),
		T(test_numbers),
		T(test_every_problem_of_a_row),
		T(test_many_errors_counted),
		T(test_format_override),
		T(test_regions),
		T(test_regions_after_codes),
		T(test_rejects_regions),
		T(test_cbs_kerncijfers),
		T(test_cbs_statline),
		T(test_cbs_odata),
		T(test_rejects_cbs),
		T(test_statline_database_error),
		T(test_regions_header_only),
		T(test_keys_out_of_order),
		T(test_duplicates_out_of_order),
		T(test_keys_out_of_order_in_runs_of_2),
		T(test_duplicates_out_of_order_in_runs_of_3),
		T(test_out_of_order_in_text_order),
		T(test_out_of_order_in_text_order_in_runs_of_2),
	};

	return RUN_TESTS(tests);
}
