/* SPDX-License-Identifier: EUPL-1.2 */
/* The checks of the configuration that need more than one key: bands
 * that can match, references that resolve (stoplight.categories,
 * stoplight.count_from), unique indicator ids, and what an indicator
 * without a number (unit: none) may not have.  The keys themselves are in
 * config_keys.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/condition.h"
#include "jmon/config_check.h"
#include "jmon/config_yaml.h"
#include "jmon/units.h"
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
	if ((r->on == ON_BASELINE_CHANGE || r->on == ON_BASELINE_PCT) && !ind->baseline)
		cfg_error(ld, on ? on : sl, "on: %s needs a baseline: monitor.baseline or 'baseline' "
			  "on indicator '%s' (baseline: 2016)", rule_on_name(r->on), ind->id);
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
	if ((v = cfg_get(ld, node, "compute")))
		cfg_error(ld, v, "indicator '%s' has unit none: there is no value to "
			  "compute", ind->id);
	if (ind->counts)
		cfg_error(ld, cfg_get(ld, node, "counts"), "indicator '%s' has unit none: "
			  "there is no value to count", ind->id);
}

/* What a computed figure may not have: it is never delivered, its total
 * is computed from its inputs' totals, and a year of it is the year of a
 * formula, which only `last` keeps for a ratio. */
static void check_computed_keys(struct loader *ld, yaml_node_t *node, const struct indicator *ind)
{
	const struct compute *c = &ind->compute;
	bool quotient = c->kind == COMPUTE_RATIO || c->kind == COMPUTE_SHARE;
	yaml_node_t *v;

	if (c->kind == COMPUTE_NONE)
		return;
	if ((v = cfg_get(ld, node, "cbs")))
		cfg_error(ld, v, "indicator '%s' is computed (compute: %s): CBS does not "
			  "deliver it", ind->id, compute_kind_name(c->kind));
	if ((v = cfg_get(ld, node, "total")))
		cfg_error(ld, v, "indicator '%s' is computed: its total is computed from "
			  "the totals of its inputs, so it has no 'total'", ind->id);
	if (quotient && (ind->rollup == ROLLUP_SUM || ind->rollup == ROLLUP_MEAN))
		cfg_error(ld, cfg_get(ld, node, "rollup"), "indicator '%s' is a %s: the %s of "
			  "its quarters is not the %s of the year (rollup: last or none)", ind->id,
			  compute_kind_name(c->kind), ind->rollup == ROLLUP_SUM ? "sum" : "mean",
			  compute_kind_name(c->kind));
	if (quotient && ind->counts)
		cfg_error(ld, cfg_get(ld, node, "counts"), "indicator '%s' is a %s, not a "
			  "count of people or cases (counts: false)", ind->id,
			  compute_kind_name(c->kind));
}

void config_check_indicator(struct loader *ld, yaml_node_t *node, const struct indicator *ind)
{
	check_unit_none(ld, node, ind);
	check_computed_keys(ld, node, ind);
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

/* "unknown indicator 'x'; did you mean 'y'?" at pos. */
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

/* --- compute ------------------------------------------------------------ */

/* How many inputs each formula takes: at least, at most (0: any). */
static const struct {
	size_t least, most;
	const char *example;
} arity[] = {
	[COMPUTE_RATIO]      = { 2, 2, "ratio: [a, b] is a / b" },
	[COMPUTE_DIFFERENCE] = { 2, 2, "difference: [a, b] is a - b" },
	[COMPUTE_SUM]        = { 2, 0, "sum: [a, b, ...] is a + b + ..." },
	[COMPUTE_SHARE]      = { 2, 2, "share: [part, whole] is part / whole x 100" },
};

/* The unit a formula gives, or why the inputs' units do not go together:
 * a sum or difference keeps the unit of its inputs; a share of two
 * figures of one unit is a percentage; a ratio of one unit is a
 * percentage (scale: 100) or a plain multiple (aantal, score), and a
 * ratio to a number of cases is the numerator's unit per case (euro per
 * jeugdige). */
static bool unit_fits(const struct indicator *ind, const struct indicator *a,
		      const struct indicator *b, char *why, size_t size)
{
	const struct compute *c = &ind->compute;
	bool same = a->unit == b->unit;

	switch (c->kind) {
	case COMPUTE_SUM:
	case COMPUTE_DIFFERENCE:
		if (same && ind->unit == a->unit)
			return true;
		snprintf(why, size, "a %s of %s and %s %s", compute_kind_name(c->kind),
			 unit_name(a->unit), unit_name(b->unit),
			 same ? "is in that unit" : "has no unit: give its inputs one unit");
		return false;
	case COMPUTE_SHARE:
		if (same && ind->unit == UNIT_PROCENT && a->unit != UNIT_PROCENT)
			return true;
		snprintf(why, size, "a share is a percentage (unit: procent) of a part and a "
			 "whole of one unit that is not procent, not of %s and %s",
			 unit_name(a->unit), unit_name(b->unit));
		return false;
	case COMPUTE_RATIO:
		if (same && (ind->unit == UNIT_PROCENT || ind->unit == UNIT_AANTAL ||
			     ind->unit == UNIT_SCORE))
			return true;
		if (b->unit == UNIT_AANTAL && ind->unit == a->unit)
			return true;	/* per case */
		if (same)
			snprintf(why, size, "a ratio of %s to %s is procent (scale: 100), aantal "
				 "or score", unit_name(a->unit), unit_name(b->unit));
		else if (b->unit == UNIT_AANTAL)
			snprintf(why, size, "a ratio of %s to aantal is %s per case",
				 unit_name(a->unit), unit_name(a->unit));
		else
			snprintf(why, size, "a ratio of %s to %s has no unit jmon knows (divide "
				 "by an aantal, or by the same unit)", unit_name(a->unit),
				 unit_name(b->unit));
		return false;
	case COMPUTE_NONE:
		break;
	}
	return true;
}

/* Whether following the inputs from ind comes back to it (depth: a chain
 * longer than every indicator is a circle). */
static bool in_circle(const struct indicator *start, const struct indicator *at, int depth)
{
	if (depth > 64)
		return true;
	if (at->compute.kind == COMPUTE_NONE || !at->compute.from)
		return false;
	for (size_t i = 0; i < at->compute.ninputs; i++) {
		const struct indicator *in = at->compute.from[i];

		if (!in)
			continue;
		if (in == start || in_circle(start, in, depth + 1))
			return true;
	}
	return false;
}

/* The inputs resolved into c->from; false after an error. */
static bool resolve_inputs(struct loader *ld, struct indicator *ind)
{
	struct compute *c = &ind->compute;
	bool ok = true;

	c->from = xcalloc(c->ninputs ? c->ninputs : 1, sizeof *c->from);
	for (size_t i = 0; i < c->ninputs; i++) {
		const struct indicator *in = config_indicator(ld->cfg, c->inputs[i]);

		if (!in) {
			unknown_indicator(ld, c->input_pos[i], c->inputs[i]);
			ok = false;
		} else if (in == ind) {
			cfg_error_at(ld, c->input_pos[i], "indicator '%s' is computed from itself",
				     ind->id);
			in = NULL;	/* said here: the circle below need not say it */
			ok = false;
		} else if (in->unit == UNIT_NONE) {
			cfg_error_at(ld, c->input_pos[i], "compute: indicator '%s' has unit none, "
				     "so it holds no number to compute with", in->id);
			ok = false;
		}
		c->from[i] = in;
	}
	return ok;
}

static void check_compute(struct loader *ld, struct indicator *ind)
{
	struct compute *c = &ind->compute;
	char why[256];

	if (c->kind == COMPUTE_NONE)
		return;
	if (c->ninputs < arity[c->kind].least ||
	    (arity[c->kind].most && c->ninputs > arity[c->kind].most)) {
		cfg_error_at(ld, c->pos, "compute: a %s takes %s%zu indicators (%s), not %zu",
			     compute_kind_name(c->kind), arity[c->kind].most ? "" : "at least ",
			     arity[c->kind].least, arity[c->kind].example, c->ninputs);
		return;
	}
	if (!resolve_inputs(ld, ind))
		return;
	for (size_t i = 1; i < c->ninputs; i++)
		if (!unit_fits(ind, c->from[0], c->from[i], why, sizeof why)) {
			cfg_error_at(ld, c->input_pos[i], "compute: indicator '%s' has unit %s: %s",
				     ind->id, unit_name(ind->unit), why);
			return;
		}
	/* each category row is computed from the same category of every input */
	for (size_t k = 0; k < ind->ncategories; k++)
		for (size_t i = 0; i < c->ninputs; i++)
			if (!indicator_category(c->from[i], ind->categories[k].id)) {
				cfg_error_at(ld, c->input_pos[i], "compute: indicator '%s' has no "
					     "category '%s' (indicator '%s' has)", c->from[i]->id,
					     ind->categories[k].id, ind->id);
				return;
			}
}

void config_check_references(struct loader *ld)
{
	const struct config *cfg = ld->cfg;

	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++) {
			check_count_from(ld, &cfg->chapters[c].indicators[i]);
			check_compute(ld, &cfg->chapters[c].indicators[i]);
		}
	/* once every formula is resolved: a circle never ends */
	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++) {
			struct indicator *ind = &cfg->chapters[c].indicators[i];

			if (ind->compute.from && in_circle(ind, ind, 0)) {
				cfg_error_at(ld, ind->compute.pos, "compute: indicator '%s' is computed "
					     "from itself through its inputs", ind->id);
				/* reported once: the others of the circle stop here */
				ind->compute.kind = COMPUTE_NONE;
			}
		}
}
