/* SPDX-License-Identifier: EUPL-1.2 */
/* The checks of the configuration that need more than one key: bands
 * that can match, references that resolve (stoplight.categories,
 * stoplight.count_from), unique indicator ids, and what an indicator
 * without a number (unit: none) may not have.  The keys themselves are in
 * config_keys.c. */
#include <stdlib.h>
#include <string.h>

#include "jmon/condition.h"
#include "jmon/config_check.h"
#include "jmon/config_yaml.h"
#include "jmon/xmalloc.h"

/* "band 'amber' (<= 4) can never match: 'green' (<= 6) already covers it" */
static void check_band_order(struct loader *ld, yaml_node_t *sl, const struct stoplight_rule *r)
{
	const struct condition *green = r->green.op != COND_NONE ? &r->green : NULL;
	const struct condition *amber = r->amber.op != COND_NONE ? &r->amber : NULL;
	const struct condition *before[2] = { green, amber };

	if (green && amber && condition_covered(amber, before, 1))
		cfg_error(ld, cfg_get(ld, sl, "amber"),
			  "band 'amber' (%s) can never match: 'green' (%s) already covers it",
			  amber->text, green->text);
	if (r->red.op == COND_NONE || !(green || amber) || !condition_covered(&r->red, before, 2))
		return;
	if (green && amber)
		cfg_error(ld, cfg_get(ld, sl, "red"),
			  "band 'red' (%s) can never match: 'green' (%s) and 'amber' (%s) already cover it",
			  r->red.text, green->text, amber->text);
	else
		cfg_error(ld, cfg_get(ld, sl, "red"),
			  "band 'red' (%s) can never match: '%s' (%s) already covers it",
			  r->red.text, green ? "green" : "amber", (green ? green : amber)->text);
}

static void check_rule_categories(struct loader *ld, yaml_node_t *list, const struct indicator *ind)
{
	const char **ids;
	size_t n;
	yaml_node_item_t *items;

	if (!list || list->type != YAML_SEQUENCE_NODE)
		return;
	if (ind->ncategories == 0 && list->data.sequence.items.top > list->data.sequence.items.start) {
		cfg_error(ld, list, "stoplight.categories names categories, but indicator '%s' has none",
			  ind->id);
		return;
	}
	ld->key = "categories";
	items = cfg_sequence(ld, list, &n);
	ids = xcalloc(ind->ncategories + 1, sizeof *ids);
	for (size_t i = 0; i < ind->ncategories; i++)
		ids[i] = ind->categories[i].id;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *item = cfg_node(ld, items[i]);
		const char *id = item->type == YAML_SCALAR_NODE ? (const char *)item->data.scalar.value : NULL;
		if (id && !indicator_category(ind, id))
			cfg_unknown(ld, item, "category", id, ids, ind->ncategories);
	}
	free(ids);
	ld->key = NULL;
}

static void check_rule(struct loader *ld, yaml_node_t *node, const struct indicator *ind)
{
	const struct stoplight_rule *r = &ind->rule;
	yaml_node_t *sl = cfg_get(ld, node, "stoplight");
	yaml_node_t *on = cfg_get(ld, sl, "on");

	if (!r->present)
		return;
	if (r->green.op == COND_NONE && r->amber.op == COND_NONE && r->red.op == COND_NONE
	    && !cfg_get(ld, sl, "green") && !cfg_get(ld, sl, "amber") && !cfg_get(ld, sl, "red"))
		cfg_error(ld, sl, "a stoplight needs at least one band: green, amber or red");
	if (r->on == ON_NORM_RATIO && !ind->norm.present)
		cfg_error(ld, on ? on : sl, "on: norm_ratio needs a 'norm' on indicator '%s'", ind->id);
	if (r->on == ON_PEER_PCT && !ind->peers && !cfg_get(ld, node, "peers"))
		cfg_error(ld, on ? on : sl, "on: peer_pct needs 'peers' (a peer group) on indicator '%s'",
			  ind->id);
	check_band_order(ld, sl, r);
	check_rule_categories(ld, cfg_get(ld, sl, "categories"), ind);
}

/* A figure without a number has nothing to colour, compare or count: its
 * status comes from a review, so these keys would only mislead. */
static void check_unit_none(struct loader *ld, yaml_node_t *node, const struct indicator *ind)
{
	yaml_node_t *v;

	if (ind->unit != UNIT_NONE)
		return;
	if ((v = cfg_get(ld, node, "stoplight")))
		cfg_error(ld, v, "indicator '%s' has unit none: there is no value to colour "
			  "(its status is set by hand, in a review)", ind->id);
	if ((v = cfg_get(ld, node, "norm")))
		cfg_error(ld, v, "indicator '%s' has unit none: there is no value to hold "
			  "against a norm", ind->id);
	if ((v = cfg_get(ld, node, "cbs")))
		cfg_error(ld, v, "indicator '%s' has unit none: there is no value for CBS "
			  "to deliver", ind->id);
	if (ind->counts)
		cfg_error(ld, cfg_get(ld, node, "counts"), "indicator '%s' has unit none: "
			  "there is no value to count", ind->id);
}

void config_check_indicator(struct loader *ld, yaml_node_t *node, const struct indicator *ind)
{
	check_unit_none(ld, node, ind);
	if (ind->unit != UNIT_NONE)
		check_rule(ld, node, ind);
}

/* Indicator ids are unique across all chapters: the database and the
 * command line name an indicator without its chapter. */
void config_check_indicator_id(struct loader *ld, yaml_node_t *node, const struct indicator *ind)
{
	const struct config *cfg = ld->cfg;
	yaml_node_t *idnode = cfg_get(ld, node, "id");

	for (size_t c = 0; c < cfg->nchapters; c++) {
		const struct chapter *ch = &cfg->chapters[c];
		for (size_t i = 0; i < ch->nindicators; i++) {
			const struct indicator *other = &ch->indicators[i];
			if (other == ind)
				return;
			if (other->id && !strcmp(other->id, ind->id)) {
				cfg_error(ld, idnode,
					  "duplicate indicator id '%s' (first in chapter '%s', line %d)",
					  ind->id, ch->id ? ch->id : "?", other->pos.line);
				return;
			}
		}
	}
}

/* --- stoplight.count_from and n_from ----------------------------------- */

static void unknown_indicator(struct loader *ld, struct config_pos pos, const char *id)
{
	const struct config *cfg = ld->cfg;
	const char **ids;
	size_t n = 0;

	for (size_t c = 0; c < cfg->nchapters; c++)
		n += cfg->chapters[c].nindicators;
	ids = xcalloc(n ? n : 1, sizeof *ids);
	n = 0;
	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++)
			if (cfg->chapters[c].indicators[i].id)
				ids[n++] = cfg->chapters[c].indicators[i].id;
	cfg_unknown_at(ld, pos, "indicator", id, ids, n);
	free(ids);
}

/* The number behind a percentage (key: count_from or n_from) is read from
 * the same cell of another indicator, so that indicator must exist, hold
 * numbers and have every category. */
static void check_cases_from(struct loader *ld, const struct indicator *ind, const char *key,
			     const char *id, struct config_pos pos)
{
	const struct indicator *count;

	if (!(count = config_indicator(ld->cfg, id))) {
		unknown_indicator(ld, pos, id);
	} else if (count->unit == UNIT_NONE) {
		cfg_error_at(ld, pos, "%s: indicator '%s' has unit none, so it holds no number "
			     "of cases", key, count->id);
	} else if (count == ind) {
		cfg_error_at(ld, pos, "%s names indicator '%s' itself; name the indicator that "
			     "holds its number of cases", key, ind->id);
	} else if (ind->counts) {
		cfg_error_at(ld, pos, "%s on indicator '%s', which counts itself: %s", key, ind->id,
			     strcmp(key, "n_from") ? "min_n already applies to its own value"
			     : "its value is its own number of cases");
	} else {
		for (size_t i = 0; i < ind->ncategories; i++)
			if (!indicator_category(count, ind->categories[i].id)) {
				cfg_error_at(ld, pos, "%s: indicator '%s' has no category '%s' "
					     "(indicator '%s' has)", key, count->id,
					     ind->categories[i].id, ind->id);
				return;
			}
	}
}

static void check_count_from(struct loader *ld, const struct indicator *ind)
{
	const struct stoplight_rule *r = &ind->rule;

	if (ind->n_from)
		check_cases_from(ld, ind, "n_from", ind->n_from, ind->n_from_pos);
	if (!r->count_from)
		return;
	if (r->min_n == 0 && !ind->counts)
		cfg_error_at(ld, r->count_from_pos, "count_from without min_n: say below how many "
			     "cases indicator '%s' is too small to judge", ind->id);
	else
		check_cases_from(ld, ind, "count_from", r->count_from, r->count_from_pos);
}

void config_check_references(struct loader *ld)
{
	const struct config *cfg = ld->cfg;

	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++)
			check_count_from(ld, &cfg->chapters[c].indicators[i]);
}
