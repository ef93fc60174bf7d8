/* SPDX-License-Identifier: EUPL-1.2 */
/* The gate reads a family's cells two ways (a region's period whole, or an
 * indicator over all regions at once); the verdicts must not depend on
 * which.  Every cell of the privacy monitor (tests/fixtures/privacy: a
 * gemeente with wijken and buurten, small counts, suppressed cells, a
 * revision), in every period and as of every delivery, both ways, each
 * way asked in two orders. */
#include "unit.h"
#include "dbtest.h"
#include "jmon/disclosure.h"
#include "jmon/query.h"
#include "jmon/strbuf.h"

#define MAX_CODES 256

struct codes {
	char code[MAX_CODES][32];
	size_t n;
};

static void read_codes(struct dbtest *t, const char *sql, struct codes *out)
{
	sqlite3_stmt *st = db_prepare(t->db, sql, &t->err);

	assert_non_null(st);
	out->n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && out->n < MAX_CODES)
		snprintf(out->code[out->n++], sizeof out->code[0], "%s",
			 (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
}

static int privacy_monitor(void **state)
{
	static const char *const files[] = {
		"privacy/00-regions.csv", "privacy/10-levering-1.csv",
		"privacy/15-buren-2023Q3.csv", "privacy/20-levering-2.csv",
		"privacy/30-revisie-2023Q4.csv",
	};
	struct dbtest *t;

	setlocale(LC_ALL, "C.UTF-8");
	if (dbtest_setup_config(state, "privacy/monitor.yaml") != 0)
		return -1;
	t = *state;
	/* without their licence comment, which the importer would take for
	 * data (as tests/cli/privacy.sh does) */
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *from = fixture(files[i]), line[4096];
		FILE *f = fopen(from, "r");
		struct strbuf text = STRBUF_INIT;

		assert_non_null(f);
		while (fgets(line, sizeof line, f))
			if (line[0] != '#')
				sb_adds(&text, line);
		fclose(f);
		char *path = scratch_file(t, strrchr(files[i], '/') + 1, sb_str(&text));

		if (import_path(t, path, IMPORT_AUTO) != JMON_OK)
			fail_msg("%s: %s", files[i], t->err.msg);
		free(path);
		free(from);
		sb_free(&text);
	}
	return 0;
}

/* One line per cell: what the gate says of it, as text to compare. */
static char *verdicts(struct dbtest *t, enum disclosure_reading how, bool backwards,
		      size_t *ncells)
{
	struct codes regions, periods;
	struct disclosure *d = disclosure_new(t->db);
	struct strbuf sb = STRBUF_INIT;
	long newest = 0;

	read_codes(t, "SELECT code FROM region ORDER BY code", &regions);
	read_codes(t, "SELECT code FROM period ORDER BY code", &periods);
	assert_int_equal(query_newest_delivery(t->db, &newest, &t->err), JMON_OK);
	disclosure_set_reading(d, how);
	assert_int_equal(disclosure_refresh(d, t->cfg, &t->err), JMON_OK);
	*ncells = 0;
	for (size_t k = 0; k < regions.n; k++) {
		const char *region = regions.code[backwards ? regions.n - 1 - k : k];

		for (size_t p = 0; p < periods.n; p++)
			for (long asof = 0; asof <= newest; asof++)
				for (size_t c = 0; c < t->cfg->nchapters; c++)
					for (size_t i = 0; i < t->cfg->chapters[c].nindicators; i++) {
						const struct indicator *ind =
							&t->cfg->chapters[c].indicators[i];

						for (size_t j = 0; j <= ind->ncategories; j++) {
							const char *cat = j ? ind->categories[j - 1].id : "";
							struct disclosed out;

							assert_int_equal(disclosure_cell(d, ind, region,
									periods.code[p], cat, asof,
									&out, &t->err), JMON_OK);
							sb_addf(&sb, "%s %s %ld %s/%s: %d %d %.17g '%s' %ld %d %d\n",
								region, periods.code[p], asof, ind->id, cat,
								out.v.present, out.v.has_value, out.v.value,
								out.v.flag, out.v.delivery, out.derived,
								out.withheld);
							*ncells += out.v.present;
						}
					}
	}
	disclosure_free(d);
	return sb_detach(&sb);
}

static void test_same_either_way(void **state)
{
	struct dbtest *t = *state;
	size_t n1, n2, n3, n4;
	char *whole = verdicts(t, DISCLOSURE_READ_WHOLE, false, &n1);
	char *by_ind = verdicts(t, DISCLOSURE_READ_BY_INDICATOR, false, &n2);
	char *whole_back = verdicts(t, DISCLOSURE_READ_WHOLE, true, &n3);
	char *by_ind_back = verdicts(t, DISCLOSURE_READ_BY_INDICATOR, true, &n4);

	assert_true(n1 > 100);	/* the fixture's cells were found at all */
	assert_int_equal(n1, n2);
	assert_string_equal(whole, by_ind);
	assert_int_equal(n3, n4);
	/* the same cells asked for in the other order (a wijk before its
	 * gemeente): the two ways agree again, on as many cells */
	assert_int_equal(n1, n3);
	assert_string_equal(whole_back, by_ind_back);
	free(whole);
	free(by_ind);
	free(whole_back);
	free(by_ind_back);
}

/* Whether a figure exists is asked of the region alone: it says what the
 * gate's cells say. */
static void test_present_agrees(void **state)
{
	struct dbtest *t = *state;
	struct codes regions, periods;
	struct disclosure *d = disclosure_new(t->db), *g = disclosure_new(t->db);
	size_t yes = 0;

	read_codes(t, "SELECT code FROM region ORDER BY code", &regions);
	read_codes(t, "SELECT code FROM period ORDER BY code", &periods);
	assert_int_equal(disclosure_refresh(d, t->cfg, &t->err), JMON_OK);
	assert_int_equal(disclosure_refresh(g, t->cfg, &t->err), JMON_OK);
	for (size_t k = 0; k < regions.n; k++)
		for (size_t p = 0; p < periods.n; p++)
			for (size_t c = 0; c < t->cfg->nchapters; c++)
				for (size_t i = 0; i < t->cfg->chapters[c].nindicators; i++) {
					const struct indicator *ind = &t->cfg->chapters[c].indicators[i];
					bool any = false, cell_any = false;
					struct disclosed out;

					if (ind->compute.kind != COMPUTE_NONE)
						continue;
					assert_int_equal(disclosure_present(d, ind, regions.code[k],
									    periods.code[p], 0,
									    &any, &t->err), JMON_OK);
					for (size_t j = 0; j <= ind->ncategories; j++) {
						assert_int_equal(disclosure_cell(g, ind, regions.code[k],
								periods.code[p],
								j ? ind->categories[j - 1].id : "", 0,
								&out, &t->err), JMON_OK);
						cell_any |= out.v.present;
					}
					assert_int_equal(any, cell_any);
					yes += any;
				}
	assert_true(yes > 10);
	disclosure_free(d);
	disclosure_free(g);
}

#define T(f) cmocka_unit_test_setup_teardown(f, privacy_monitor, dbtest_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_same_either_way),
		T(test_present_agrees),
	};

	return RUN_TESTS(tests);
}
