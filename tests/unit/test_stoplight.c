/* SPDX-License-Identifier: EUPL-1.2 */
/* The stoplight engine: every `on:` kind at every bound (equal to it,
 * just above, just below), every grey cause, overrides, the reasons as
 * the reader sees them, the status table, and the privacy rules. */
#include <string.h>

#include "unit.h"
#include "jmon/config.h"
#include "jmon/privacy.h"
#include "jmon/stoplight.h"

static const char monitor_yaml[] =
	"monitor: {title: Test, region: GM0361, privacy: {min_count: 10}}\n"
	"peers:\n"
	"  - {id: buren, label: Buurgemeenten, regions: [GM0001, GM0002, GM0003]}\n"
	"chapters:\n"
	"  - id: c\n"
	"    indicators:\n"
	"      - {id: wacht, unit: weken, decimals: 1, norm: {value: 4, label: Treeknorm},\n"
	"         stoplight: {on: value, green: '<= 4', amber: '<= 6'}}\n"
	"      - {id: wachtdelta, unit: weken, decimals: 1,\n"
	"         stoplight: {on: change, green: '<= 0.2', amber: '<= 1'}}\n"
	"      - {id: aantal, counts: true,\n"
	"         stoplight: {on: change, green: '-5..5', amber: '-10..10', min_n: 20}}\n"
	"      - {id: groei, counts: true,\n"
	"         stoplight: {on: change_pct, green: '< 5', amber: '< 10', red: '>= 10'}}\n"
	"      - {id: jaar, counts: true, privacy: {min_count: 5},\n"
	"         stoplight: {on: yoy_pct, green: '-10..10', amber: '-20..20', min_n: 20}}\n"
	"      - {id: jaarpct, unit: procent, stoplight: {on: yoy_pct, green: '-10..10'}}\n"
	"      - {id: ratio, unit: dagen, norm: {value: 10, label: Norm RvdK},\n"
	"         stoplight: {on: norm_ratio, green: '<= 1', amber: '<= 1.5'}}\n"
	"      - {id: nulnorm, norm: {value: 0, label: Nul}, stoplight: {on: norm_ratio, green: '<= 1'}}\n"
	"      - {id: peer, unit: procent, decimals: 1, peers: buren,\n"
	"         stoplight: {on: peer_pct, green: '<= 5', amber: '<= 15'}}\n"
	"      - {id: score, unit: score, decimals: 1, stoplight: {green: '>= 4', amber: '== 3.5'}}\n"
	"      - {id: kaal, counts: true}\n"
	"      - {id: gat, stoplight: {green: '<= 4', red: '> 6'}}\n"
	"      - {id: sub, counts: true, categories: [{id: a}, {id: b}],\n"
	"         stoplight: {green: '>= 0', categories: [a]}}\n"
	"      - {id: pct_n, unit: procent, stoplight: {green: '>= 90', amber: '>= 80', min_n: 20}}\n"
	"      - {id: verdeling, counts: true, categories: [{id: a}, {id: b}, {id: c}]}\n"
	"      - {id: overlap, counts: true, total: none, categories: [{id: a}, {id: b}, {id: c}]}\n";

static struct config *cfg;

static int load(void **state)
{
	struct jmon_error err = { 0, "" };

	(void)state;
	if (config_load_string("test.yaml", monitor_yaml, sizeof monitor_yaml - 1, &cfg, &err))
		fail_msg("test monitor does not load: %s", err.msg);
	return 0;
}

static int unload(void **state)
{
	(void)state;
	config_free(cfg);
	cfg = NULL;
	return 0;
}

static const struct indicator *ind(const char *id)
{
	const struct indicator *i = config_indicator(cfg, id);

	if (!i)
		fail_msg("no indicator %s", id);
	return i;
}

static struct stoplight_cell val(double v)
{
	return (struct stoplight_cell){ true, v, "" };
}

static const struct stoplight_cell missing = { false, 0, NULL };

static struct stoplight_input input(double v)
{
	struct stoplight_input in;

	memset(&in, 0, sizeof in);
	in.region = "GM0361";
	in.current = val(v);
	in.previous = missing;
	in.previous_label = "2019 Q4";
	in.last_year = missing;
	in.last_year_label = "2019 Q1";
	return in;
}

static void check(const char *id, const struct stoplight_input *in,
		  enum stoplight_status want, const char *reason)
{
	struct stoplight_result r;

	stoplight_eval(ind(id), in, &r);
	assert_string_equal(r.reason, reason);
	assert_string_equal(stoplight_name(r.status), stoplight_name(want));
	assert_false(r.overridden);
}

static void value_is(const char *id, double v, enum stoplight_status want, const char *reason)
{
	struct stoplight_input in = input(v);

	check(id, &in, want, reason);
}

static void change_is(const char *id, double v, double prev, enum stoplight_status want,
		      const char *reason)
{
	struct stoplight_input in = input(v);

	in.previous = val(prev);
	check(id, &in, want, reason);
}

static void yoy_is(const char *id, double v, double last, enum stoplight_status want,
		   const char *reason)
{
	struct stoplight_input in = input(v);

	in.last_year = val(last);
	check(id, &in, want, reason);
}

#define GREEN STOPLIGHT_GREEN
#define AMBER STOPLIGHT_AMBER
#define RED   STOPLIGHT_RED
#define GREY  STOPLIGHT_GREY

static void test_value(void **state)
{
	(void)state;
	value_is("wacht", 3.99, GREEN, "4,0 wk <= 4 (Treeknorm 4 wk)");
	value_is("wacht", 4, GREEN, "4,0 wk <= 4 (Treeknorm 4 wk)");
	/* shown as 4,0 but stored above the bound: the stored value decides */
	value_is("wacht", 4.01, AMBER, "4,0 wk <= 6 (Treeknorm 4 wk)");
	value_is("wacht", 5.99, AMBER, "6,0 wk <= 6 (Treeknorm 4 wk)");
	value_is("wacht", 6, AMBER, "6,0 wk <= 6 (Treeknorm 4 wk)");
	value_is("wacht", 6.01, RED, "6,0 wk > 6 (Treeknorm 4 wk)");
	value_is("wacht", 6.5, RED, "6,5 wk > 6 (Treeknorm 4 wk)");
	value_is("wacht", 0, GREEN, "0,0 wk <= 4 (Treeknorm 4 wk)");
}

static void test_value_conditions(void **state)
{
	(void)state;
	/* >= and == bands, the fallback says "not equal" */
	value_is("score", 4, GREEN, "4,0 >= 4");
	value_is("score", 4.01, GREEN, "4,0 >= 4");
	value_is("score", 3.99, RED, "4,0 ≠ 3,5");
	value_is("score", 3.5, AMBER, "3,5 = 3,5");
	value_is("score", 3.49, RED, "3,5 ≠ 3,5");
	/* an explicit red band and a figure between the bands */
	value_is("gat", 4, GREEN, "4 <= 4");
	value_is("gat", 5, GREY, "5 valt buiten alle grenzen");
	value_is("gat", 6, GREY, "6 valt buiten alle grenzen");
	value_is("gat", 6.2, RED, "6 > 6");
	value_is("gat", 7, RED, "7 > 6");
}

static void test_change(void **state)
{
	(void)state;
	change_is("aantal", 100, 95, GREEN, "+5 binnen -5..5 t.o.v. 2019 Q4");
	change_is("aantal", 100, 96, GREEN, "+4 binnen -5..5 t.o.v. 2019 Q4");
	change_is("aantal", 100, 94, AMBER, "+6 binnen -10..10 t.o.v. 2019 Q4");
	change_is("aantal", 100, 105, GREEN, "-5 binnen -5..5 t.o.v. 2019 Q4");
	change_is("aantal", 100, 106, AMBER, "-6 binnen -10..10 t.o.v. 2019 Q4");
	change_is("aantal", 100, 110, AMBER, "-10 binnen -10..10 t.o.v. 2019 Q4");
	change_is("aantal", 100, 111, RED, "-11 buiten -10..10 t.o.v. 2019 Q4");
	change_is("aantal", 100, 89, RED, "+11 buiten -10..10 t.o.v. 2019 Q4");
	change_is("aantal", 100, 100, GREEN, "0 binnen -5..5 t.o.v. 2019 Q4");
}

/* 4,2 - 4,0 is 0,2000000000000002 in binary; the reader sees +0,2 and a
 * bound of 0,2, so it must be green. */
static void test_change_decimals(void **state)
{
	(void)state;
	change_is("wachtdelta", 4.2, 4.0, GREEN, "+0,2 wk <= 0,2 t.o.v. 2019 Q4");
	change_is("wachtdelta", 4.21, 4.0, AMBER, "+0,2 wk <= 1 t.o.v. 2019 Q4");
	change_is("wachtdelta", 4.19, 4.0, GREEN, "+0,2 wk <= 0,2 t.o.v. 2019 Q4");
	change_is("wachtdelta", 5.0, 4.0, AMBER, "+1,0 wk <= 1 t.o.v. 2019 Q4");
	change_is("wachtdelta", 5.01, 4.0, RED, "+1,0 wk > 1 t.o.v. 2019 Q4");
	change_is("wachtdelta", 3.0, 4.5, GREEN, "-1,5 wk <= 0,2 t.o.v. 2019 Q4");
}

static void test_change_pct(void **state)
{
	(void)state;
	change_is("groei", 104.99, 100, GREEN, "+5,0 % < 5 t.o.v. 2019 Q4");
	change_is("groei", 105, 100, AMBER, "+5,0 % < 10 t.o.v. 2019 Q4");
	change_is("groei", 109.99, 100, AMBER, "+10,0 % < 10 t.o.v. 2019 Q4");
	change_is("groei", 110, 100, RED, "+10,0 % >= 10 t.o.v. 2019 Q4");
	change_is("groei", 33, 30, RED, "+10,0 % >= 10 t.o.v. 2019 Q4");
	change_is("groei", 84, 100, GREEN, "-16,0 % < 5 t.o.v. 2019 Q4");
	change_is("groei", 112.3, 100, RED, "+12,3 % >= 10 t.o.v. 2019 Q4");
}

static void test_yoy_pct(void **state)
{
	(void)state;
	yoy_is("jaar", 55, 50, GREEN, "+10,0 % binnen -10..10 t.o.v. 2019 Q1");
	yoy_is("jaar", 54.9, 50, GREEN, "+9,8 % binnen -10..10 t.o.v. 2019 Q1");
	yoy_is("jaar", 55.5, 50, AMBER, "+11,0 % binnen -20..20 t.o.v. 2019 Q1");
	yoy_is("jaar", 40, 50, AMBER, "-20,0 % binnen -20..20 t.o.v. 2019 Q1");
	yoy_is("jaar", 39.5, 50, RED, "-21,0 % buiten -20..20 t.o.v. 2019 Q1");
	yoy_is("jaar", 60, 50, AMBER, "+20,0 % binnen -20..20 t.o.v. 2019 Q1");
	yoy_is("jaar", 60.5, 50, RED, "+21,0 % buiten -20..20 t.o.v. 2019 Q1");
	yoy_is("jaar", 60, 50.5, AMBER, "+18,8 % binnen -20..20 t.o.v. 2019 Q1");
}

static void test_norm_ratio(void **state)
{
	(void)state;
	value_is("ratio", 9.9, GREEN, "0,99 × Norm RvdK <= 1 (10 dgn; Norm RvdK 10 dgn)");
	value_is("ratio", 10, GREEN, "1,00 × Norm RvdK <= 1 (10 dgn; Norm RvdK 10 dgn)");
	value_is("ratio", 10.1, AMBER, "1,01 × Norm RvdK <= 1,5 (10 dgn; Norm RvdK 10 dgn)");
	value_is("ratio", 15, AMBER, "1,50 × Norm RvdK <= 1,5 (15 dgn; Norm RvdK 10 dgn)");
	value_is("ratio", 15.1, RED, "1,51 × Norm RvdK > 1,5 (15 dgn; Norm RvdK 10 dgn)");
	value_is("ratio", 30, RED, "3,00 × Norm RvdK > 1,5 (30 dgn; Norm RvdK 10 dgn)");
}

static void peer_is(double v, double mean, const char *label, enum stoplight_status want,
		    const char *reason)
{
	struct stoplight_input in = input(v);

	in.has_peer_mean = true;
	in.peer_mean = mean;
	in.peer_n = in.peer_of = 3;
	in.peer_label = label;
	check("peer", &in, want, reason);
}

static void test_peer_pct(void **state)
{
	/* the mean comes from the gate (comparison.c, tested in test_query) */
	const char *g = "Buurgemeenten";

	(void)state;
	peer_is(11.55, 11, g, GREEN, "+5,0 % <= 5 t.o.v. Buurgemeenten (gemiddeld 11,0 %), +0,6 pp");
	peer_is(11.5, 11, g, GREEN, "+4,5 % <= 5 t.o.v. Buurgemeenten (gemiddeld 11,0 %), +0,5 pp");
	peer_is(11.6, 11, g, AMBER, "+5,5 % <= 15 t.o.v. Buurgemeenten (gemiddeld 11,0 %), +0,6 pp");
	peer_is(12.65, 11, g, AMBER, "+15,0 % <= 15 t.o.v. Buurgemeenten (gemiddeld 11,0 %), +1,7 pp");
	peer_is(12.7, 11, g, RED, "+15,5 % > 15 t.o.v. Buurgemeenten (gemiddeld 11,0 %), +1,7 pp");
	peer_is(5.5, 11, g, GREEN, "-50,0 % <= 5 t.o.v. Buurgemeenten (gemiddeld 11,0 %), -5,5 pp");
	/* without a label the group's id names it */
	peer_is(11, 11, NULL, GREEN, "0,0 % <= 5 t.o.v. buren (gemiddeld 11,0 %), 0,0 pp");
}

static void test_peer_pct_partial_mean(void **state)
{
	struct stoplight_input in = input(11);

	(void)state;
	in.has_peer_mean = true;
	in.peer_mean = 11;
	in.peer_n = 2;
	in.peer_of = 3;
	in.peer_label = "Buurgemeenten";
	check("peer", &in, GREEN, "0,0 % <= 5 t.o.v. Buurgemeenten (gemiddeld 11,0 %, 2 van 3), 0,0 pp");
}

static void test_grey_no_value(void **state)
{
	struct stoplight_input in = input(0);

	(void)state;
	in.current = missing;
	check("wacht", &in, GREY, "geen waarde");
	in.current = (struct stoplight_cell){ false, 0, "suppressed" };
	check("wacht", &in, GREY, "geheim");
	in.current = (struct stoplight_cell){ false, 0, "unknown" };
	check("wacht", &in, GREY, "onbekend");
	in.current = (struct stoplight_cell){ false, 0, "na" };
	check("wacht", &in, GREY, "niet van toepassing");
	/* a flag wins over a value that came with it */
	in.current = (struct stoplight_cell){ true, 3, "suppressed" };
	check("wacht", &in, GREY, "geheim");
	/* provisional figures are coloured like final ones */
	in.current = (struct stoplight_cell){ true, 3, "provisional" };
	check("wacht", &in, GREEN, "3,0 wk <= 4 (Treeknorm 4 wk)");
	in.current = (struct stoplight_cell){ true, 3, NULL };
	check("wacht", &in, GREEN, "3,0 wk <= 4 (Treeknorm 4 wk)");
}

static void test_grey_no_rule(void **state)
{
	struct stoplight_input in = input(50);

	(void)state;
	check("kaal", &in, GREY, "geen stoplichtregel");
	assert_false(stoplight_applies(ind("kaal"), NULL));
	/* stoplight.categories: only the listed rows and the total */
	in.category = "a";
	check("sub", &in, GREEN, "50 >= 0");
	in.category = "b";
	check("sub", &in, GREY, "geen stoplicht voor deze uitsplitsing");
	in.category = "";
	check("sub", &in, GREEN, "50 >= 0");
	in.category = NULL;
	check("sub", &in, GREEN, "50 >= 0");
}

static void test_grey_privacy(void **state)
{
	(void)state;
	/* the monitor's minimum: 10 */
	change_is("aantal", 9, 100, GREY, "aantal <10, niet getoond (privacy)");
	change_is("aantal", 1, 100, GREY, "aantal <10, niet getoond (privacy)");
	/* 10 is shown, but below min_n 20 */
	change_is("aantal", 10, 100, GREY, "te klein om te beoordelen: 10, minimum 20");
	change_is("aantal", 19, 100, GREY, "te klein om te beoordelen: 19, minimum 20");
	change_is("aantal", 20, 25, GREEN, "-5 binnen -5..5 t.o.v. 2019 Q4");
	/* zero identifies nobody: shown, then too small for min_n */
	change_is("aantal", 0, 3, GREY, "te klein om te beoordelen: 0, minimum 20");
	/* the indicator's own minimum: 5 */
	yoy_is("jaar", 4, 50, GREY, "aantal <5, niet getoond (privacy)");
	yoy_is("jaar", 5, 50, GREY, "te klein om te beoordelen: 5, minimum 20");
	/* a change against a hidden count would reveal it */
	change_is("aantal", 100, 9, GREY, "geen vergelijking: 2019 Q4 is <10 (privacy)");
	change_is("groei", 100, 9, GREY, "geen vergelijking: 2019 Q4 is <10 (privacy)");
}

static void test_grey_min_n(void **state)
{
	struct stoplight_input in = input(95);

	(void)state;
	/* a percentage is judged on the cases behind it, when given */
	in.has_count = true;
	in.count = 19;
	check("pct_n", &in, GREY, "te klein om te beoordelen: 19, minimum 20");
	in.count = 20;
	check("pct_n", &in, GREEN, "95 % >= 90");
	in.has_count = false;
	check("pct_n", &in, GREEN, "95 % >= 90");
	/* a percentage change from a tiny base means nothing */
	yoy_is("jaar", 40, 19, GREY, "te klein om mee te vergelijken: 2019 Q1 is 19, minimum 20");
	yoy_is("jaar", 40, 20, RED, "+100,0 % buiten -20..20 t.o.v. 2019 Q1");
}

static void test_grey_nothing_to_compare(void **state)
{
	struct stoplight_input in = input(100), no_peers = input(10);

	(void)state;
	check("aantal", &in, GREY, "geen vergelijking: geen waarde voor 2019 Q4");
	check("groei", &in, GREY, "geen vergelijking: geen waarde voor 2019 Q4");
	check("jaar", &in, GREY, "geen vergelijking: geen waarde voor 2019 Q1");
	in.previous = (struct stoplight_cell){ false, 0, "suppressed" };
	check("aantal", &in, GREY, "geen vergelijking: geheim voor 2019 Q4");
	in.previous_label = NULL;
	check("aantal", &in, GREY, "geen vergelijking: geheim voor de vorige periode");
	in.last_year_label = NULL;
	check("jaar", &in, GREY,
	      "geen vergelijking: geen waarde voor dezelfde periode een jaar eerder");
	/* no peer with a shown value (the gate decides which count) */
	no_peers.peer_label = "Buurgemeenten";
	check("peer", &no_peers, GREY, "geen vergelijking: geen waarden van Buurgemeenten");
}

static void test_grey_division_by_zero(void **state)
{
	(void)state;
	change_is("groei", 50, 0, GREY, "deling door nul: 2019 Q4 is 0");
	yoy_is("jaarpct", 50, 0, GREY, "deling door nul: 2019 Q1 is 0");
	yoy_is("jaarpct", 0, 0, GREY, "deling door nul: 2019 Q1 is 0");
	yoy_is("jaarpct", 0, 10, RED, "-100,0 % buiten -10..10 t.o.v. 2019 Q1, -10 pp");
	value_is("nulnorm", 5, GREY, "deling door nul: Nul is 0");
	peer_is(5, 0, "Buurgemeenten", GREY,
		"deling door nul: het gemiddelde van Buurgemeenten is 0");
}

static void test_override(void **state)
{
	struct stoplight_input in = input(6.5);
	struct stoplight_override o = { STOPLIGHT_GREEN, "Wachtlijst loopt af na nieuwe aanbieder" };
	struct stoplight_result r;

	(void)state;
	in.override = &o;
	stoplight_eval(ind("wacht"), &in, &r);
	assert_true(r.overridden);
	assert_string_equal(stoplight_name(r.status), "green");
	assert_string_equal(stoplight_name(r.computed), "red");
	assert_string_equal(r.reason, "handmatig: Wachtlijst loopt af na nieuwe aanbieder (berekend: rood)");
	assert_string_equal(r.computed_reason, "6,5 wk > 6 (Treeknorm 4 wk)");
	assert_true(r.has_measure);
	assert_true(r.measure == 6.5);

	o.reason = "";
	o.status = STOPLIGHT_AMBER;
	stoplight_eval(ind("wacht"), &in, &r);
	assert_string_equal(stoplight_name(r.status), "amber");
	assert_string_equal(r.reason, "handmatig (berekend: rood)");

	/* an override also replaces grey; the hidden count stays unnamed */
	in = input(4);
	o = (struct stoplight_override){ STOPLIGHT_RED, "Signaal van de aanbieder" };
	in.override = &o;
	stoplight_eval(ind("aantal"), &in, &r);
	assert_string_equal(stoplight_name(r.status), "red");
	assert_string_equal(stoplight_name(r.computed), "grey");
	assert_string_equal(r.reason, "handmatig: Signaal van de aanbieder (berekend: grijs)");
	assert_string_equal(r.computed_reason, "aantal <10, niet getoond (privacy)");
	assert_false(r.has_measure);
}

static void test_status_table(void **state)
{
	static const char *const want[][4] = {
		{ "green", "groen", "●", "o" },
		{ "amber", "oranje", "▲", "^" },
		{ "red", "rood", "■", "#" },
		{ "grey", "grijs", "○", "-" },
	};
	enum stoplight_status s;

	(void)state;
	for (int i = 0; i < STOPLIGHT_NSTATUS; i++) {
		assert_string_equal(stoplight_name((enum stoplight_status)i), want[i][0]);
		assert_string_equal(stoplight_word((enum stoplight_status)i), want[i][1]);
		assert_string_equal(stoplight_glyph((enum stoplight_status)i, true), want[i][2]);
		assert_string_equal(stoplight_glyph((enum stoplight_status)i, false), want[i][3]);
		assert_true(stoplight_status_parse(want[i][0], &s));
		assert_int_equal(s, i);
		assert_true(stoplight_status_parse(want[i][1], &s));
		assert_int_equal(s, i);
	}
	assert_false(stoplight_status_parse("orange", &s));
	assert_false(stoplight_status_parse("", &s));
}

static void test_privacy_cells(void **state)
{
	const struct indicator *counts = ind("aantal"), *weeks = ind("wacht");
	struct stoplight_cell c;
	char buf[16];

	(void)state;
	assert_false(privacy_hides(counts, 0));
	assert_true(privacy_hides(counts, 1));
	assert_true(privacy_hides(counts, 9));
	assert_false(privacy_hides(counts, 10));
	assert_false(privacy_hides(weeks, 3));	/* not a count */
	assert_true(privacy_hides(ind("jaar"), 4));
	assert_false(privacy_hides(ind("jaar"), 5));
	c = (struct stoplight_cell){ false, 0, "suppressed" };
	assert_true(privacy_cell_withheld(weeks, &c));
	c = (struct stoplight_cell){ false, 0, "unknown" };
	assert_false(privacy_cell_withheld(counts, &c));
	c = val(7);
	assert_true(privacy_cell_withheld(counts, &c));
	assert_string_equal(privacy_mask(buf, sizeof buf, counts), "<10");
	assert_string_equal(privacy_mask(buf, sizeof buf, ind("jaar")), "<5");
}

/* A member: shown with a value, withheld, or not delivered. */
#define SHOWN(v) { true, false, (v) }
#define HIDDEN(v) { false, true, (v) }
#define ABSENT { false, false, 0 }

static void test_privacy_complement(void **state)
{
	const struct indicator *sum = ind("verdeling");
	/* member 0 is the total */
	struct privacy_member one_hidden[] = { SHOWN(85), SHOWN(50), HIDDEN(5), SHOWN(30) };
	struct privacy_member two_hidden[] = { SHOWN(58), SHOWN(50), HIDDEN(5), HIDDEN(3) };
	struct privacy_member zero[] = { SHOWN(80), SHOWN(50), SHOWN(0), SHOWN(30) };
	struct privacy_member also_missing[] = { SHOWN(85), SHOWN(50), HIDDEN(5), ABSENT };
	struct privacy_member total_hidden[] = { HIDDEN(80), SHOWN(50), SHOWN(0), SHOWN(30) };
	/* regions: a part that leaves the hidden one every value 1..9 (>= 19) */
	struct privacy_member wijken[] = { SHOWN(100), SHOWN(40), HIDDEN(4), SHOWN(12), SHOWN(24),
					   SHOWN(20) };
	struct privacy_member small_wijken[] = { SHOWN(30), SHOWN(12), HIDDEN(4), SHOWN(14) };

	(void)state;
	assert_int_equal(privacy_complement(sum, one_hidden, 4, PRIVACY_SPARE_PARTS), 0);
	assert_int_equal(privacy_complement(sum, two_hidden, 4, PRIVACY_SPARE_PARTS), -1);
	assert_int_equal(privacy_complement(sum, zero, 4, PRIVACY_SPARE_PARTS), -1);
	/* a part not delivered: total minus the rest is the sum of two unknowns */
	assert_int_equal(privacy_complement(sum, also_missing, 4, PRIVACY_SPARE_PARTS), -1);
	/* a hidden total is the sum of its parts: hide a part of at least 19 */
	assert_int_equal(privacy_complement(sum, total_hidden, 4, PRIVACY_SPARE_PARTS), 3);
	assert_int_equal(privacy_complement(sum, total_hidden, 4, PRIVACY_SPARE_TOTAL), 3);
	/* sparing the total: the smallest part of at least 19, else the total */
	assert_int_equal(privacy_complement(sum, wijken, 6, PRIVACY_SPARE_TOTAL), 5);
	assert_int_equal(privacy_complement(sum, small_wijken, 4, PRIVACY_SPARE_TOTAL), 0);
	assert_int_equal(privacy_complement(sum, one_hidden, 1, PRIVACY_SPARE_PARTS), -1);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, load, unload)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_value),
		T(test_value_conditions),
		T(test_change),
		T(test_change_decimals),
		T(test_change_pct),
		T(test_yoy_pct),
		T(test_norm_ratio),
		T(test_peer_pct),
		T(test_grey_no_value),
		T(test_grey_no_rule),
		T(test_grey_privacy),
		T(test_grey_min_n),
		T(test_grey_nothing_to_compare),
		T(test_grey_division_by_zero),
		T(test_override),
		T(test_status_table),
		T(test_privacy_cells),
		T(test_privacy_complement),
		T(test_peer_pct_partial_mean),
	};

	return RUN_TESTS(tests);
}
