/* SPDX-License-Identifier: EUPL-1.2 */
/* The configuration loader: every key of jmon.yaml(5) read into the
 * structs, every class of error with its exact FILE:LINE:COLUMN, the
 * search order with the environment set and unset, and the built-in
 * default monitor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "jmon/config.h"
#include "jmon/xmalloc.h"

static struct config *load_ok(const char *yaml)
{
	struct config *cfg = NULL;
	struct jmon_error err = { 0, "" };

	if (config_load_string("t.yaml", yaml, strlen(yaml), &cfg, &err) != JMON_OK)
		fail_msg("did not load: %s", err.msg);
	return cfg;
}

/* The file must be refused with exactly this message (all lines). */
static void refused(const char *yaml, const char *want)
{
	struct config *cfg = (struct config *)1;
	struct jmon_error err = { 0, "" };

	assert_int_equal(config_load_string("t.yaml", yaml, strlen(yaml), &cfg, &err), JMON_CONFIG);
	assert_null(cfg);
	assert_int_equal(err.status, JMON_CONFIG);
	assert_int_equal(jmon_exit_code(err.status), 78);
	assert_string_equal(err.msg, want);
}

static const char every_key[] =
	"monitor:\n"
	"  title: \"Monitor jeugdhulp Test\"\n"
	"  region: GM0361\n"
	"  database: /var/lib/jmon/test.db\n"
	"  privacy: {min_count: 5}\n"
	"  legend:\n"
	"    red: \"Rood.\"\n"
	"    amber: \"Oranje.\"\n"
	"    green: \"Groen.\"\n"
	"peers:\n"
	"  - id: vergelijkbaar\n"
	"    label: \"Vergelijkbare gemeenten\"\n"
	"    regions: [GM0363, GM0344]\n"
	"chapters:\n"
	"  - id: wachttijden\n"
	"    label: \"Wachttijden\"\n"
	"    indicators:\n"
	"      - id: ggz_aanmeldwachttijd\n"
	"        label: \"Aanmeldwachttijd jeugd-ggz\"\n"
	"        unit: weken\n"
	"        decimals: 1\n"
	"        definition: \"Weken tussen aanmelding en intake.\"\n"
	"        source: \"Opgave aanbieders\"\n"
	"        counts: false\n"
	"        categories:\n"
	"          - {id: aanbieder_a, label: \"Aanbieder A\"}\n"
	"          - {id: aanbieder_b, label: \"Aanbieder B\"}\n"
	"        total: none\n"
	"        norm: {value: 4, label: \"Treeknorm\", basis: \"Treeknorm GGZ, richtlijn\"}\n"
	"        peers: vergelijkbaar\n"
	"        stoplight:\n"
	"          on: peer_pct\n"
	"          green: \"<= 4\"\n"
	"          amber: \"<= 6.5\"\n"
	"          red:   \"> 6.5\"\n"
	"          min_n: 3\n"
	"          categories: [aanbieder_b]\n"
	"      - id: jeugdzorg_in_natura\n"
	"        unit: aantal\n"
	"        counts: true\n"
	"        privacy: {min_count: 20}\n"
	"        cbs:\n"
	"          measure: JongerenMetJeugdzorgInNatura_96\n"
	"          decimals: 1\n"
	"  - id: klachten\n"
	"    indicators: []\n";

static void test_every_key(void **state)
{
	struct config *cfg = load_ok(every_key);
	const struct indicator *ind;
	const struct stoplight_rule *r;

	(void)state;
	assert_string_equal(cfg->path, "t.yaml");
	assert_string_equal(cfg->monitor.title, "Monitor jeugdhulp Test");
	assert_string_equal(cfg->monitor.region, "GM0361");
	assert_string_equal(cfg->monitor.database, "/var/lib/jmon/test.db");
	assert_int_equal(cfg->monitor.min_count, 5);
	assert_string_equal(cfg->monitor.legend_red, "Rood.");
	assert_string_equal(cfg->monitor.legend_amber, "Oranje.");
	assert_string_equal(cfg->monitor.legend_green, "Groen.");

	assert_int_equal(cfg->npeers, 1);
	assert_string_equal(cfg->peers[0].id, "vergelijkbaar");
	assert_string_equal(cfg->peers[0].label, "Vergelijkbare gemeenten");
	assert_int_equal(cfg->peers[0].nregions, 2);
	assert_string_equal(cfg->peers[0].regions[1], "GM0344");
	assert_ptr_equal(config_peer_group(cfg, "vergelijkbaar"), &cfg->peers[0]);
	assert_null(config_peer_group(cfg, "regio"));

	assert_int_equal(cfg->nchapters, 2);
	assert_string_equal(cfg->chapters[0].label, "Wachttijden");
	assert_string_equal(cfg->chapters[1].label, "klachten");	/* label defaults to the id */
	assert_int_equal(cfg->chapters[1].nindicators, 0);
	assert_ptr_equal(config_chapter(cfg, "klachten"), &cfg->chapters[1]);

	ind = config_indicator(cfg, "ggz_aanmeldwachttijd");
	assert_non_null(ind);
	assert_ptr_equal(ind->chapter, &cfg->chapters[0]);
	assert_string_equal(ind->label, "Aanmeldwachttijd jeugd-ggz");
	assert_int_equal(ind->unit, UNIT_WEKEN);
	assert_string_equal(unit_name(ind->unit), "weken");
	assert_int_equal(ind->decimals, 1);
	assert_string_equal(ind->definition, "Weken tussen aanmelding en intake.");
	assert_string_equal(ind->source, "Opgave aanbieders");
	assert_false(ind->counts);
	assert_int_equal(ind->ncategories, 2);
	assert_string_equal(ind->categories[0].id, "aanbieder_a");
	assert_string_equal(ind->categories[1].label, "Aanbieder B");
	assert_ptr_equal(indicator_category(ind, "aanbieder_b"), &ind->categories[1]);
	assert_null(indicator_category(ind, "aanbieder_c"));
	assert_int_equal(ind->total, TOTAL_NONE);
	assert_true(ind->norm.present);
	assert_true(ind->norm.value == 4);
	assert_string_equal(ind->norm.label, "Treeknorm");
	assert_string_equal(ind->norm.basis, "Treeknorm GGZ, richtlijn");
	assert_string_equal(ind->peers, "vergelijkbaar");
	assert_null(ind->cbs.measure);
	assert_int_equal(ind->min_count, 5);	/* the monitor's */
	assert_int_equal(ind->pos.line, 18);
	assert_int_equal(ind->pos.col, 9);

	r = &ind->rule;
	assert_true(r->present);
	assert_int_equal(r->on, ON_PEER_PCT);
	assert_string_equal(rule_on_name(r->on), "peer_pct");
	assert_int_equal(r->green.op, COND_LE);
	assert_true(r->green.a == 4);
	assert_string_equal(r->green.text, "<= 4");
	assert_int_equal(r->green.pos.line, 33);
	assert_int_equal(r->green.pos.col, 18);
	assert_int_equal(r->amber.op, COND_LE);
	assert_true(r->amber.a == 6.5);
	assert_int_equal(r->red.op, COND_GT);
	assert_int_equal(r->min_n, 3);
	assert_int_equal(r->ncategories, 1);
	assert_string_equal(r->categories[0], "aanbieder_b");

	ind = config_indicator(cfg, "jeugdzorg_in_natura");
	assert_string_equal(ind->label, "jeugdzorg_in_natura");
	assert_true(ind->counts);
	assert_int_equal(ind->min_count, 20);	/* its own */
	assert_int_equal(ind->ncategories, 0);
	assert_int_equal(ind->total, TOTAL_SUM);	/* the default */
	assert_false(ind->norm.present);
	assert_false(ind->rule.present);
	assert_string_equal(ind->cbs.measure, "JongerenMetJeugdzorgInNatura");	/* _96 dropped */
	assert_int_equal(ind->cbs.decimals, 1);
	assert_null(config_indicator(cfg, "nope"));

	size_t ch, in, rules;
	config_counts(cfg, &ch, &in, &rules);
	assert_int_equal(ch, 2);
	assert_int_equal(in, 2);
	assert_int_equal(rules, 1);
	config_free(cfg);
}

static void test_defaults(void **state)
{
	struct config *cfg = load_ok("chapters:\n  - {id: c, indicators: [{id: x}]}\n");
	const struct indicator *ind = config_indicator(cfg, "x");

	(void)state;
	assert_string_equal(cfg->monitor.title, "Monitor jeugdhulp");
	assert_null(cfg->monitor.region);
	assert_null(cfg->monitor.database);
	assert_null(cfg->monitor.period);	/* the newest period with data */
	assert_int_equal(cfg->monitor.min_count, 10);
	/* jmon's own words: no document's legend unless the file adopts one */
	assert_non_null(strstr(cfg->monitor.legend_red, "deze monitor stelt"));
	assert_null(strstr(cfg->monitor.legend_red, "maatregel"));
	assert_null(cfg->monitor.legend_source);
	/* one text field, the explanation */
	assert_int_equal(cfg->monitor.ntexts, 1);
	assert_string_equal(cfg->monitor.texts[0].id, "toelichting");
	assert_string_equal(cfg->monitor.texts[0].label, "Toelichting");
	assert_int_equal(ind->unit, UNIT_AANTAL);
	assert_int_equal(ind->decimals, 0);
	assert_false(ind->counts);
	assert_int_equal(ind->min_count, 10);
	assert_null(ind->peers);
	config_free(cfg);
}

static void test_conditions_parsed(void **state)
{
	struct config *cfg = load_ok(
		"chapters:\n"
		"  - id: c\n"
		"    indicators:\n"
		"      - {id: a, stoplight: {on: change, green: '-5..5', amber: '-10..10'}}\n"
		"      - {id: b, stoplight: {green: '==0', amber: '< 2.5', red: '>=   2.5'}}\n"
		"      - {id: d, stoplight: {on: yoy_pct, green: ' -1.5 .. +1.5 '}}\n");
	const struct stoplight_rule *a = &config_indicator(cfg, "a")->rule;
	const struct stoplight_rule *b = &config_indicator(cfg, "b")->rule;
	const struct stoplight_rule *d = &config_indicator(cfg, "d")->rule;

	(void)state;
	assert_int_equal(a->on, ON_CHANGE);
	assert_int_equal(a->green.op, COND_RANGE);
	assert_true(a->green.a == -5 && a->green.b == 5);
	assert_true(a->amber.a == -10 && a->amber.b == 10);
	assert_int_equal(a->red.op, COND_NONE);	/* red is the fallback */
	assert_int_equal(b->on, ON_VALUE);	/* the default */
	assert_int_equal(b->green.op, COND_EQ);
	assert_true(b->green.a == 0);
	assert_int_equal(b->amber.op, COND_LT);
	assert_int_equal(b->red.op, COND_GE);
	assert_true(b->red.a == 2.5);
	assert_int_equal(d->green.op, COND_RANGE);
	assert_true(d->green.a == -1.5 && d->green.b == 1.5);
	config_free(cfg);
}

/* --- errors, each with its position ---------------------------------- */

#define CH "chapters:\n  - id: c\n    indicators:\n"	/* lines 1-3 */

static void test_unknown_keys(void **state)
{
	(void)state;
	refused(CH "      - id: x\n        lable: X\n",
		"t.yaml:5:9: unknown indicator key 'lable'; did you mean 'label'?");
	refused("monitor:\n  titel: X\n" CH "      - id: x\n",
		"t.yaml:2:3: unknown monitor key 'titel'; did you mean 'title'?");
	refused("chapter:\n  - id: c\n",
		"t.yaml:1:1: unknown top-level key 'chapter'; did you mean 'chapters'?\n"
		"t.yaml:1:1: no 'chapters': a monitor needs at least one chapter");
	refused(CH "      - id: x\n        stoplight: {on: value, gren: '< 1'}\n",
		"t.yaml:5:32: unknown stoplight key 'gren'; did you mean 'green'?\n"
		"t.yaml:5:20: a stoplight needs at least one band: green, amber or red");
	refused(CH "      - id: x\n        kleur: rood\n",
		"t.yaml:5:9: unknown indicator key 'kleur'; expected id, label, unit, decimals, "
		"definition, source, counts, categories, total, rollup, norm, stoplight, peers, cbs, privacy, "
		"as_of, compute, baseline or n_from");
	refused("monitor: {privacy: {minimum: 5}}\n" CH "      - id: x\n",
		"t.yaml:1:21: unknown privacy key 'minimum'; expected 'min_count'");
}

static void test_wrong_types(void **state)
{
	(void)state;
	refused("chapters:\n  - id: c\n    indicators: x\n",
		"t.yaml:3:17: 'indicators' must be a list, not a value");
	refused(CH "      - id: x\n        stoplight: [green]\n",
		"t.yaml:5:20: 'stoplight' must be a mapping (key: value), not a list");
	refused(CH "      - id: x\n        label: [a, b]\n",
		"t.yaml:5:16: 'label' must be a single value, not a list");
	refused(CH "      - id: x\n        decimals: twee\n",
		"t.yaml:5:19: 'decimals' must be a whole number from 0 to 9, not 'twee'");
	refused(CH "      - id: x\n        decimals: \"1\"\n",
		"t.yaml:5:19: 'decimals' must be a whole number from 0 to 9, not a quoted text");
	refused(CH "      - id: x\n        counts: ja\n",
		"t.yaml:5:17: 'counts' must be true or false, not 'ja'");
	refused(CH "      - id: x\n        norm: {value: vier}\n",
		"t.yaml:5:23: 'value' must be a number, not 'vier'");
	refused("monitor: {privacy: {min_count: -1}}\n" CH "      - id: x\n",
		"t.yaml:1:32: 'min_count' must be a whole number from 0 to 1000000, not '-1'");
	refused(CH "      - x\n",
		"t.yaml:4:9: each indicator in 'indicators' must be a mapping (key: value), not a value");
	refused(CH "      - id: x\n        label:\n",
		"t.yaml:5:15: 'label' needs a value");
	refused("[a, b]\n",
		"t.yaml:1:1: the configuration must be a mapping with monitor, peers and chapters");
}

static void test_duplicates(void **state)
{
	(void)state;
	/* indicator ids are unique across all chapters */
	refused("chapters:\n"
		"  - id: a\n"
		"    indicators:\n"
		"      - id: x\n"
		"  - id: b\n"
		"    indicators:\n"
		"      - id: y\n"
		"      - id: x\n",
		"t.yaml:8:13: duplicate indicator id 'x' (first in chapter 'a', line 4)");
	refused("chapters:\n  - {id: a, indicators: []}\n  - {id: a, indicators: []}\n",
		"t.yaml:3:10: duplicate chapter id 'a'");
	refused(CH "      - id: x\n        categories: [{id: pgb}, {id: zin}, {id: pgb}]\n",
		"t.yaml:5:49: duplicate category id 'pgb'");
	refused("peers:\n  - {id: p, regions: [GM1]}\n  - {id: p, regions: [GM2]}\n" CH
		"      - id: x\n",
		"t.yaml:3:10: duplicate peer group id 'p'");
	refused(CH "      - id: x\n        label: A\n        label: B\n",
		"t.yaml:6:9: duplicate key 'label' (first on line 5)");
}

static void test_unknown_names(void **state)
{
	(void)state;
	refused(CH "      - {id: x, unit: week}\n",
		"t.yaml:4:23: unknown unit 'week'; did you mean 'weken'?");
	refused(CH "      - {id: x, unit: uren}\n",
		"t.yaml:4:23: unknown unit 'uren'; expected aantal, procent, weken, dagen, euro, score, none or werkdagen");
	refused(CH "      - {id: x, total: som}\n",
		"t.yaml:4:24: unknown total 'som'; did you mean 'sum'?");
	refused(CH "      - {id: x, stoplight: {on: delta, green: '< 1'}}\n",
		"t.yaml:4:33: unknown stoplight kind 'delta'; expected value, change, change_pct, "
		"yoy_pct, norm_ratio, peer_pct, baseline_change or baseline_pct");
	refused(CH "      - {id: x, stoplight: {on: yoy, green: '< 1'}}\n",
		"t.yaml:4:33: unknown stoplight kind 'yoy'; expected value, change, change_pct, "
		"yoy_pct, norm_ratio, peer_pct, baseline_change or baseline_pct");
	refused(CH "      - {id: x, stoplight: {on: chnage, green: '< 1'}}\n",
		"t.yaml:4:33: unknown stoplight kind 'chnage'; did you mean 'change'?");
	refused("peers:\n  - {id: buren, regions: [GM1]}\n" CH "      - {id: x, peers: buuren}\n",
		"t.yaml:6:24: unknown peer group 'buuren'; did you mean 'buren'?");
	refused(CH "      - {id: x, peers: buren}\n",
		"t.yaml:4:24: unknown peer group 'buren'; the file defines no 'peers'");
	refused(CH "      - id: x\n        categories: [{id: pgb}, {id: zin}]\n"
		"        stoplight: {green: '< 1', categories: [zin, pbg]}\n",
		"t.yaml:6:53: unknown category 'pbg'; did you mean 'pgb'?");
	refused(CH "      - id: x\n        stoplight: {green: '< 1', categories: [zin]}\n",
		"t.yaml:5:47: stoplight.categories names categories, but indicator 'x' has none");
}

static void test_conditions(void **state)
{
	(void)state;
	refused(CH "      - {id: x, stoplight: {green: '4'}}\n",
		"t.yaml:4:36: 'green': '4': a bare number is not a condition; "
		"write <= x, >= x, == x or a..b");
	refused(CH "      - {id: x, stoplight: {amber: '=< 4'}}\n",
		"t.yaml:4:36: 'amber': '=< 4': condition does not parse; "
		"write < x, <= x, > x, >= x, == x or a..b");
	refused(CH "      - {id: x, stoplight: {red: '> 4 weken'}}\n",
		"t.yaml:4:34: 'red': '> 4 weken': condition does not parse; "
		"write < x, <= x, > x, >= x, == x or a..b");
	refused(CH "      - {id: x, stoplight: {green: '4,5..6'}}\n",
		"t.yaml:4:36: 'green': '4,5..6': condition does not parse; "
		"write < x, <= x, > x, >= x, == x or a..b");
	refused(CH "      - {id: x, stoplight: {green: '5..1'}}\n",
		"t.yaml:4:36: 'green': '5..1': empty range: the lower bound is above the upper bound");
	refused(CH "      - {id: x, stoplight: {green: ''}}\n",
		"t.yaml:4:36: 'green': '': empty condition; write < x, <= x, > x, >= x, == x or a..b");
	refused(CH "      - id: x\n        stoplight:\n          green: >\n            6\n",
		"t.yaml:6:18: 'green': put the condition in quotes, as in \"> 6\"");
	refused(CH "      - {id: x, stoplight: {on: value}}\n",
		"t.yaml:4:28: a stoplight needs at least one band: green, amber or red");
}

static void test_band_order(void **state)
{
	(void)state;
	refused(CH "      - id: x\n        stoplight:\n          green: '<= 6'\n          amber: '<= 4'\n",
		"t.yaml:7:18: band 'amber' (<= 4) can never match: 'green' (<= 6) already covers it");
	refused(CH "      - id: x\n        stoplight:\n          green: '<= 4'\n          amber: '<= 4'\n",
		"t.yaml:7:18: band 'amber' (<= 4) can never match: 'green' (<= 4) already covers it");
	refused(CH "      - id: x\n        stoplight:\n          green: '-5..5'\n"
		"          amber: '-10..10'\n          red: '-8..8'\n",
		"t.yaml:8:16: band 'red' (-8..8) can never match: 'green' (-5..5) and 'amber' "
		"(-10..10) already cover it");
	/* green and amber together cover red, neither alone */
	refused(CH "      - id: x\n        stoplight:\n          green: '<= 4'\n"
		"          amber: '4..8'\n          red: '2..7'\n",
		"t.yaml:8:16: band 'red' (2..7) can never match: 'green' (<= 4) and 'amber' "
		"(4..8) already cover it");
	refused(CH "      - id: x\n        stoplight:\n          amber: '> 1'\n          red: '== 3'\n",
		"t.yaml:7:16: band 'red' (== 3) can never match: 'amber' (> 1) already covers it");

	/* a wider band after a narrower one is fine, and so are bands that
	 * touch or leave the rest to red */
	config_free(load_ok(CH "      - {id: a, stoplight: {green: '-5..5', amber: '-10..10'}}\n"
			       "      - {id: b, stoplight: {green: '<= 4', amber: '<= 6', red: '> 6'}}\n"
			       "      - {id: c, stoplight: {green: '< 4', amber: '<= 4'}}\n"
			       "      - {id: d, stoplight: {green: '>= 90', amber: '>= 80'}}\n"
			       "      - {id: e, stoplight: {green: '< 2', amber: '> 3', red: '2..3'}}\n"
			       "      - {id: f, stoplight: {green: '< 2', amber: '> 2', red: '== 2'}}\n"));
	/* (2 is in neither "< 2" nor "> 2", so red "== 2" can match) */
}

static void test_cross_key_rules(void **state)
{
	(void)state;
	refused(CH "      - {id: x, stoplight: {on: peer_pct, green: '< 5'}}\n",
		"t.yaml:4:33: on: peer_pct needs 'peers' (a peer group) on indicator 'x'");
	refused(CH "      - {id: x, stoplight: {on: norm_ratio, green: '<= 1'}}\n",
		"t.yaml:4:33: on: norm_ratio needs a 'norm' on indicator 'x'");
	refused(CH "      - {id: x, norm: {label: Treeknorm}}\n",
		"t.yaml:4:23: a norm needs a 'value'");
	refused(CH "      - {id: x, cbs: {decimals: 1}}\n",
		"t.yaml:4:22: cbs needs a 'measure' (the CBS column key)");
	refused(CH "      - {label: X}\n",
		"t.yaml:4:9: indicator without 'id'");
	refused(CH "      - {id: 'x y'}\n",
		"t.yaml:4:14: id 'x y' may only contain letters, digits, '_' and '-'");
	refused("peers:\n  - {id: p}\n" CH "      - id: x\n",
		"t.yaml:2:5: peer group 'p' has no 'regions'");
	refused("chapters:\n  - {id: c}\n",
		"t.yaml:2:5: chapter 'c' has no 'indicators'");
}

/* monitor.period: the period to open and report, kept canonical. */
static void test_monitor_period(void **state)
{
	static const struct { const char *written, *stored; } ok[] = {
		{ "2018H2", "2018H2" }, { "2018HJ02", "2018H2" }, { "2015KW01", "2015Q1" },
		{ "2016", "2016" }, { "2020JJ00", "2020" }, { "2020M03", "2020M03" },
		{ "2019-10-01", "2019-10-01" },
	};
	char yaml[200];

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		snprintf(yaml, sizeof yaml, "monitor: {period: %s}\n" CH "      - id: x\n",
			 ok[i].written);
		struct config *cfg = load_ok(yaml);
		assert_string_equal(cfg->monitor.period, ok[i].stored);
		config_free(cfg);
	}
	refused("monitor:\n  period: 2018H3\n" CH "      - id: x\n",
		"t.yaml:2:11: 'period': malformed period '2018H3' (expected 2020, 2020H1, 2020Q1, "
		"2020M03, 2023-01-01 or a CBS code like 2020KW01)");
	refused("monitor:\n  period: 2023-02-29\n" CH "      - id: x\n",
		"t.yaml:2:11: 'period': malformed period '2023-02-29' (expected 2020, 2020H1, 2020Q1, "
		"2020M03, 2023-01-01 or a CBS code like 2020KW01)");
	refused("monitor:\n  period: [2018H2]\n" CH "      - id: x\n",
		"t.yaml:2:11: 'period' must be a single value, not a list");
	refused("monitor:\n  period:\n" CH "      - id: x\n",
		"t.yaml:2:10: 'period' needs a value");
}

/* unit: none, a figure without a number: nothing to colour, hold against
 * a norm, count or take from CBS; its status is set in a review. */
static void test_unit_none(void **state)
{
	struct config *cfg;
	const struct indicator *ind;

	(void)state;
	cfg = load_ok(CH "      - {id: thema, unit: none, definition: \"Streefbeeld: ...\"}\n"
		      "      - id: maatregel\n        unit: none\n        counts: false\n"
		      "        categories: [{id: a}, {id: b}]\n");
	ind = config_indicator(cfg, "thema");
	assert_int_equal(ind->unit, UNIT_NONE);
	assert_string_equal(unit_name(ind->unit), "none");
	assert_false(ind->rule.present);
	assert_int_equal(config_indicator(cfg, "maatregel")->ncategories, 2);
	config_free(cfg);

	refused(CH "      - id: x\n        unit: none\n        stoplight: {green: '>= 1'}\n",
		"t.yaml:6:20: indicator 'x' has unit none: there is no value to colour "
		"(its status is set by hand, in a review)");
	refused(CH "      - id: x\n        unit: none\n        norm: {value: 4}\n",
		"t.yaml:6:15: indicator 'x' has unit none: there is no value to hold against a norm");
	refused(CH "      - id: x\n        counts: true\n        unit: none\n",
		"t.yaml:5:17: indicator 'x' has unit none: there is no value to count");
	refused(CH "      - id: x\n        unit: none\n        cbs: {measure: M}\n",
		"t.yaml:6:14: indicator 'x' has unit none: there is no value for CBS to deliver");
	/* all at once, each at its key */
	refused(CH "      - {id: x, unit: none, counts: true, norm: {value: 1}, stoplight: {red: '> 1'}}\n",
		"t.yaml:4:72: indicator 'x' has unit none: there is no value to colour "
		"(its status is set by hand, in a review)\n"
		"t.yaml:4:49: indicator 'x' has unit none: there is no value to hold against a norm\n"
		"t.yaml:4:37: indicator 'x' has unit none: there is no value to count");
}

/* stoplight.count_from: the indicator with the number of cases behind a
 * percentage, same region, period and category; checked once the whole
 * file is read, so it may name a later indicator. */
static void test_count_from(void **state)
{
	struct config *cfg;
	const struct stoplight_rule *r;

	(void)state;
	cfg = load_ok(CH "      - id: s2a\n        unit: procent\n"
		      "        categories: [{id: jgt}, {id: spec}]\n        total: none\n"
		      "        stoplight: {green: '>= 75', min_n: 15, count_from: s2a_n}\n"
		      "  - id: n\n    indicators:\n"
		      "      - {id: s2a_n, categories: [{id: spec}, {id: jgt}, {id: extra}], total: none}\n");
	r = &config_indicator(cfg, "s2a")->rule;
	assert_string_equal(r->count_from, "s2a_n");
	assert_int_equal(r->count_from_pos.line, 8);
	assert_int_equal(r->count_from_pos.col, 60);
	assert_null(config_indicator(cfg, "s2a_n")->rule.count_from);
	config_free(cfg);

#define PCT CH "      - id: p\n        unit: procent\n        categories: [{id: a}, {id: b}]\n"
	refused(PCT "        stoplight: {green: '>= 75', min_n: 15, count_from: p_m}\n"
		"      - {id: p_n, categories: [{id: a}, {id: b}]}\n",
		"t.yaml:7:60: unknown indicator 'p_m'; did you mean 'p_n'?");
	refused(PCT "        stoplight: {green: '>= 75', min_n: 15, count_from: respondenten}\n",
		"t.yaml:7:60: unknown indicator 'respondenten'; expected 'p'");
	refused(PCT "        stoplight: {green: '>= 75', min_n: 15, count_from: p}\n",
		"t.yaml:7:60: count_from names indicator 'p' itself; name the indicator that "
		"holds its number of cases");
	refused(PCT "        stoplight: {green: '>= 75', min_n: 15, count_from: p_n}\n"
		"      - {id: p_n, categories: [{id: a}]}\n",
		"t.yaml:7:60: count_from: indicator 'p_n' has no category 'b' (indicator 'p' has)");
	refused(PCT "        stoplight: {green: '>= 75', count_from: p_n}\n"
		"      - {id: p_n, categories: [{id: a}, {id: b}]}\n",
		"t.yaml:7:49: count_from without min_n: say below how many cases indicator 'p' "
		"is too small to judge");
	refused(PCT "        stoplight: {green: '>= 75', min_n: 5, count_from: p_n}\n"
		"      - {id: p_n, unit: none}\n",
		"t.yaml:7:59: count_from: indicator 'p_n' has unit none, so it holds no number of cases");
	refused(CH "      - {id: k, counts: true, stoplight: {green: '> 1', min_n: 5, count_from: n}}\n"
		"      - {id: n}\n",
		"t.yaml:4:79: count_from on indicator 'k', which counts itself: min_n already "
		"applies to its own value");
	refused(PCT "        stoplight: {green: '>= 75', min_n: 15, count_from: [p_n]}\n",
		"t.yaml:7:60: 'count_from' must be a single value, not a list");
#undef PCT
}

static void test_yaml_errors(void **state)
{
	(void)state;
	refused("chapters:\n  - id: c\n   label: x\n",
		"t.yaml:3:4: YAML syntax error: did not find expected '-' indicator "
		"(while parsing a block collection that starts on line 2)");
	refused("chapters: [c\n",
		"t.yaml:2:1: YAML syntax error: did not find expected ',' or ']' "
		"(while parsing a flow sequence that starts on line 1)");
	refused("chapters:\n  - id: \"c\n",
		"t.yaml:3:1: YAML syntax error: found unexpected end of stream "
		"(while scanning a quoted scalar that starts on line 2)");
	refused("chapters:\n\t- id: c\n",
		"t.yaml:2:1: YAML syntax error: found character that cannot start any token "
		"(while scanning for the next token)");
	refused("chapters:\n  - id: \"\xff\"\n",
		"t.yaml:2:10: YAML syntax error: invalid leading UTF-8 octet");
	refused("", "t.yaml:1:1: the file is empty: a monitor needs at least 'chapters'");
	refused("# nothing\n", "t.yaml:1:1: the file is empty: a monitor needs at least 'chapters'");
	refused("chapters: []\n---\nchapters: []\n",
		"t.yaml:3:1: a second YAML document; the configuration is one document");
}

static void test_all_errors_reported(void **state)
{
	(void)state;
	refused(CH "      - id: x\n        unit: week\n        decimals: 12\n"
		"      - id: x\n        total: some\n",
		"t.yaml:5:15: unknown unit 'week'; did you mean 'weken'?\n"
		"t.yaml:6:19: 'decimals' must be a whole number from 0 to 9, not '12'\n"
		"t.yaml:8:16: unknown total 'some'; did you mean 'sum'?\n"
		"t.yaml:7:13: duplicate indicator id 'x' (first in chapter 'c', line 4)");
}

/* --- the search order ---------------------------------------------- */

struct tmp {
	char dir[64];
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A monitor whose title says where it came from. */
static void write_monitor(const char *path, const char *title)
{
	char *text = xasprintf("monitor: {title: %s}\nchapters: [{id: c, indicators: []}]\n", title);

	write_file(path, text);
	free(text);
}

static const char *loaded_title(const char *explicit_path, enum jmon_status want)
{
	static char title[1024];
	struct config *cfg = NULL;
	struct jmon_error err = { 0, "" };

	assert_int_equal(config_load(explicit_path, &cfg, &err), want);
	if (!cfg) {
		snprintf(title, sizeof title, "%s", err.msg);
		return title;
	}
	snprintf(title, sizeof title, "%s", cfg->monitor.title);
	config_free(cfg);
	return title;
}

static void test_search_order(void **state)
{
	char dir[] = "/tmp/jmon-test-config-XXXXXX";
	char *p;
	const char *saved_system = config_system_path;

	(void)state;
	assert_non_null(mkdtemp(dir));
	char *xdg_home = xasprintf("%s/xdg", dir);
	char *home_dir = xasprintf("%s/home", dir);
	p = xasprintf("%s/jmon", xdg_home);
	assert_int_equal(mkdir(xdg_home, 0700) | mkdir(p, 0700), 0);
	free(p);
	p = xasprintf("%s/.config", home_dir);
	assert_int_equal(mkdir(home_dir, 0700) | mkdir(p, 0700), 0);
	free(p);
	p = xasprintf("%s/.config/jmon", home_dir);
	assert_int_equal(mkdir(p, 0700), 0);
	free(p);

	char *explicit = xasprintf("%s/explicit.yaml", dir);
	char *env = xasprintf("%s/env.yaml", dir);
	char *xdg = xasprintf("%s/xdg/jmon/jmon.yaml", dir);
	char *home = xasprintf("%s/home/.config/jmon/jmon.yaml", dir);
	char *sys = xasprintf("%s/system.yaml", dir);
	write_monitor(explicit, "explicit");
	write_monitor(env, "env");
	write_monitor(xdg, "xdg");
	write_monitor(home, "home");
	write_monitor(sys, "system");
	config_system_path = sys;

	setenv("JMON_CONFIG", env, 1);
	setenv("XDG_CONFIG_HOME", xdg_home, 1);
	setenv("HOME", home_dir, 1);

	assert_string_equal(loaded_title(explicit, JMON_OK), "explicit");
	assert_string_equal(loaded_title(NULL, JMON_OK), "env");
	setenv("JMON_CONFIG", "", 1);		/* empty is unset */
	assert_string_equal(loaded_title(NULL, JMON_OK), "xdg");
	unsetenv("JMON_CONFIG");
	assert_string_equal(loaded_title(NULL, JMON_OK), "xdg");
	unlink(xdg);
	assert_string_equal(loaded_title(NULL, JMON_OK), "system");	/* XDG set: HOME not asked */
	unsetenv("XDG_CONFIG_HOME");
	assert_string_equal(loaded_title(NULL, JMON_OK), "home");
	unlink(home);
	assert_string_equal(loaded_title(NULL, JMON_OK), "system");
	unlink(sys);
	assert_string_equal(loaded_title(NULL, JMON_OK), "Monitor jeugdhulp");	/* built-in */

	/* a file the user names must exist: no silent fall-through */
	char *gone = xasprintf("%s/gone.yaml", dir);
	char *want = xasprintf("%s: cannot open configuration: No such file or directory", gone);
	assert_string_equal(loaded_title(gone, JMON_NOINPUT), want);
	setenv("JMON_CONFIG", gone, 1);
	assert_string_equal(loaded_title(NULL, JMON_NOINPUT), want);
	unsetenv("JMON_CONFIG");

	/* config_find tells which file; NULL is the built-in one */
	char *found = (char *)1;
	struct jmon_error err = { 0, "" };
	assert_int_equal(config_find(explicit, &found, &err), JMON_OK);
	assert_string_equal(found, explicit);
	free(found);
	assert_int_equal(config_find(NULL, &found, &err), JMON_OK);
	assert_null(found);

	config_system_path = saved_system;
	unlink(explicit);
	unlink(env);
	free(gone);
	free(want);
	free(explicit);
	free(env);
	free(xdg);
	free(home);
	free(sys);
	free(xdg_home);
	free(home_dir);
	(void)!system(p = xasprintf("rm -rf '%s'", dir));
	free(p);
}

static void test_load_file(void **state)
{
	char dir[] = "/tmp/jmon-test-config-XXXXXX";
	struct config *cfg = NULL;
	struct jmon_error err = { 0, "" };
	char *path, *want;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = xasprintf("%s/bad.yaml", dir);
	write_file(path, "chapters:\n  - id: c\n    indicators:\n      - {id: x, unit: uur}\n");
	assert_int_equal(config_load_file(path, &cfg, &err), JMON_CONFIG);
	want = xasprintf("%s:4:23: unknown unit 'uur'; expected aantal, procent, weken, "
			 "dagen, euro, score, none or werkdagen", path);
	assert_string_equal(err.msg, want);
	assert_null(cfg);
	free(want);

	struct diag_list diag = { NULL, 0 };
	assert_int_equal(config_load_diag(path, &cfg, &diag, &err), JMON_CONFIG);
	assert_int_equal(diag.count, 1);
	diag_free(&diag);
	unlink(path);
	assert_int_equal(config_load_file(path, &cfg, &err), JMON_NOINPUT);
	free(path);
	rmdir(dir);
}

/* The default monitor compiled into jmon loads, with the four chapters. */
static void test_builtin_default(void **state)
{
	struct config *cfg = NULL;
	struct diag_list diag = { NULL, 0 };
	struct jmon_error err = { 0, "" };
	static const char *const chapters[] = {
		"cijfers", "wachttijden", "beschermingstafel", "klachten_bezwaar"
	};
	const struct indicator *ind;

	(void)state;
	if (config_load_diag(NULL, &cfg, &diag, &err) != JMON_OK) {
		diag_print(&diag, stderr);
		fail_msg("the built-in default does not load");
	}
	assert_string_equal(cfg->path, "config/jmon.yaml (built-in)");
	assert_string_equal(cfg->monitor.region, "GM0361");
	assert_int_equal(cfg->monitor.min_count, 10);
	/* the default judges nothing for a council: jmon's own words */
	assert_true(cfg->monitor.legend_jmon);
	assert_string_equal(cfg->monitor.legend_amber,
			    "De waarde valt buiten de grens van groen, binnen die van "
			    "oranje: een signaal om naar te kijken.");
	assert_int_equal(cfg->nchapters, 4);
	for (size_t i = 0; i < 4; i++)
		assert_string_equal(cfg->chapters[i].id, chapters[i]);

	ind = config_indicator(cfg, "ggz_aanmeldwachttijd");
	assert_true(ind->norm.present && ind->norm.value == 4);
	ind = config_indicator(cfg, "ggz_behandelwachttijd");
	assert_true(ind->norm.value == 10);
	ind = config_indicator(cfg, "crisis_verblijfsduur");
	assert_true(ind->norm.value == 28);
	ind = config_indicator(cfg, "rvdk_start_onderzoek");
	assert_true(ind->norm.value == 10);
	ind = config_indicator(cfg, "klachten_afhandeltermijn");
	assert_true(ind->norm.value == 6);
	ind = config_indicator(cfg, "jongeren_jeugdzorg_natura");
	assert_string_equal(ind->cbs.measure, "JongerenMetJeugdzorgInNatura");
	assert_int_equal(ind->cbs.decimals, 0);
	ind = config_indicator(cfg, "percentage_jongeren_jeugdzorg");
	assert_string_equal(ind->cbs.measure, "PercentageJongerenMetJeugdzorg");
	assert_int_equal(ind->cbs.decimals, 1);
	ind = config_indicator(cfg, "indicaties_verwijzer");
	assert_non_null(indicator_category(ind, "medisch_specialist"));
	ind = config_indicator(cfg, "jeugdigen_maatregel");
	assert_int_equal(ind->total, TOTAL_NONE);
	assert_non_null(indicator_category(ind, "voogdij"));
	/* every on: kind is used somewhere */
	bool used[ON_PEER_PCT + 1] = { false };
	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++)
			if (cfg->chapters[c].indicators[i].rule.present)
				used[cfg->chapters[c].indicators[i].rule.on] = true;
	for (int k = 0; k <= ON_PEER_PCT; k++)
		if (!used[k])
			fail_msg("no indicator uses on: %s", rule_on_name((enum rule_on)k));
	config_free(cfg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_conditions_parsed),
		cmocka_unit_test(test_unknown_keys),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_unknown_names),
		cmocka_unit_test(test_conditions),
		cmocka_unit_test(test_band_order),
		cmocka_unit_test(test_cross_key_rules),
		cmocka_unit_test(test_monitor_period),
		cmocka_unit_test(test_unit_none),
		cmocka_unit_test(test_count_from),
		cmocka_unit_test(test_yaml_errors),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_search_order),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_builtin_default),
	};

	return RUN_TESTS(tests);
}
