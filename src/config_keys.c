/* SPDX-License-Identifier: EUPL-1.2 */
/* The keys of the configuration (jmon.yaml(5)) as field tables.  The
 * walk itself is in config_yaml.c, the checks that need more than one key
 * in config_check.c. */
#include <stdlib.h>
#include <string.h>

#include "jmon/asof.h"
#include "jmon/config_check.h"
#include "jmon/config_keys.h"
#include "jmon/config_yaml.h"
#include "jmon/period.h"
#include "jmon/region.h"
#include "jmon/units.h"
#include "jmon/xmalloc.h"

#define DEFAULT_MIN_COUNT 10
#define AS_OF_UNSET (-2)	/* an indicator without as_of: the monitor's */

/* Names in enum order, NULL-terminated for F_CHOICE (the units' are in
 * numfmt.c, with their suffixes). */
static const char *const total_names[] = { "sum", "none", NULL };
static const char *const rollup_names[] = { "none", "sum", "mean", "last", NULL };
static const char *const on_names[] = {
	"value", "change", "change_pct", "yoy_pct", "norm_ratio", "peer_pct", "baseline_change",
	"baseline_pct", NULL
};

const char *rule_on_name(enum rule_on on)
{
	return (size_t)on < ARRAY_SIZE(on_names) - 1 ? on_names[on] : "?";
}

static const char *const compute_names[] = { "none", "ratio", "difference", "sum", "share", NULL };

const char *compute_kind_name(enum compute_kind k)
{
	return (size_t)k < ARRAY_SIZE(compute_names) - 1 ? compute_names[k] : "?";
}

static const struct field privacy_fields[] = {	/* obj: int *min_count */
	{ "min_count", F_INT, 0, 0, 1000000, NULL, NULL, NULL },
};

/* --- as_of: how old a figure of another period may be ----------------- */

static void as_of_max_age(struct loader *ld, yaml_node_t *v, void *obj)
{
	const char *text = cfg_text(ld, v);

	if (text && !asof_duration_parse(text, obj))
		cfg_error(ld, v, "'max_age': '%s' is not a duration (expected a number of years "
			  "or months: 2y, 18m)", text);
}

static const struct field as_of_fields[] = {	/* obj: int *months */
	FIELD_CALL("max_age", as_of_max_age),
};

/* as_of: none, or as_of: {max_age: 2y}; into the int at obj. */
static void read_as_of(struct loader *ld, yaml_node_t *v, int *months)
{
	if (v->type == YAML_SCALAR_NODE) {
		if (!strcmp((const char *)v->data.scalar.value, "none"))
			*months = ASOF_OFF;
		else
			cfg_error(ld, v, "'as_of' is 'none' or a mapping with 'max_age' (as_of: "
				  "{max_age: 2y})");
		return;
	}
	if (cfg_mapping(ld, v, "as_of", as_of_fields, ARRAY_SIZE(as_of_fields), months) &&
	    !cfg_get(ld, v, "max_age"))
		cfg_error(ld, v, "as_of needs a 'max_age' (2y, 18m), or write as_of: none");
}

static void monitor_as_of(struct loader *ld, yaml_node_t *v, void *obj)
{
	read_as_of(ld, v, &((struct monitor *)obj)->as_of);
}

/* --- monitor ---------------------------------------------------------- */

static void default_text(char **field, const char *text)
{
	if (!*field)
		*field = xstrdup(text);
}

static const struct field legend_fields[] = {
	FIELD_TEXT("red", struct monitor, legend_red),
	FIELD_TEXT("amber", struct monitor, legend_amber),
	FIELD_TEXT("green", struct monitor, legend_green),
	FIELD_TEXT("source", struct monitor, legend_source),
};

static void monitor_privacy(struct loader *ld, yaml_node_t *v, void *obj)
{
	cfg_mapping(ld, v, "privacy", privacy_fields, ARRAY_SIZE(privacy_fields),
		    &((struct monitor *)obj)->min_count);
}

/* A period key, kept canonical (2018HJ02 becomes 2018H2): the database
 * and the screens use the canonical code. */
static void read_period(struct loader *ld, yaml_node_t *v, char **field)
{
	const char *code = cfg_text(ld, v);
	struct period p;
	char canonical[PERIOD_CODE_MAX];

	if (!code)
		return;
	if (!period_parse_str(code, &p)) {
		char msg[512];

		cfg_error(ld, v, "'%s': %s", ld->key, period_malformed(code, msg, sizeof msg));
		return;
	}
	free(*field);
	*field = xstrdup(period_format(&p, canonical));
}

static void monitor_period(struct loader *ld, yaml_node_t *v, void *obj)
{
	read_period(ld, v, &((struct monitor *)obj)->period);
}

/* The nulmeting every indicator is measured against (jmon.yaml(5),
 * BASELINE). */
static void monitor_baseline(struct loader *ld, yaml_node_t *v, void *obj)
{
	read_period(ld, v, &((struct monitor *)obj)->baseline);
}

static void monitor_legend(struct loader *ld, yaml_node_t *v, void *obj)
{
	cfg_mapping(ld, v, "legend", legend_fields, ARRAY_SIZE(legend_fields), obj);
}

/* The column names of the reviews CSV (jmon-import(5)): a text field
 * named like one could not have a column of its own. */
static const char *const reserved_text_ids[] = {
	"region", "regio", "period", "periode", "indicator", "category", "categorie",
	"status", "reason", "reden", "text", "tekst",
};

static const struct field text_fields[] = {
	FIELD_TEXT("id", struct text_field, id),
	FIELD_TEXT("label", struct text_field, label),
};

static bool check_id(struct loader *ld, yaml_node_t *item, const char *what,
		     const char *id, const void *first, size_t n, size_t stride);

static void monitor_texts(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct monitor *m = obj;
	size_t n, cap = 0;
	yaml_node_item_t *items = cfg_sequence(ld, v, &n);

	if (items && n == 0)
		cfg_error(ld, v, "'texts' needs at least one field ({id: toelichting, label: "
			  "\"Toelichting\"})");
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *item = cfg_node(ld, items[i]);
		struct text_field t = { NULL, NULL };
		bool ok = cfg_item_mapping(ld, item, "text field", text_fields,
					   ARRAY_SIZE(text_fields), &t) &&
			  check_id(ld, item, "text field", t.id, m->texts, m->ntexts, sizeof t);

		for (size_t r = 0; ok && r < ARRAY_SIZE(reserved_text_ids); r++)
			if (!strcmp(t.id, reserved_text_ids[r])) {
				cfg_error(ld, cfg_get(ld, item, "id"), "text field id '%s' is a column "
					  "of the reviews CSV: choose another", t.id);
				ok = false;
			}
		if (!ok) {
			free(t.id);
			free(t.label);
			continue;
		}
		default_text(&t.label, t.id);
		ARRAY_GROW(m->texts, m->ntexts, cap);
		m->texts[m->ntexts++] = t;
	}
}

static const struct field monitor_fields[] = {
	FIELD_TEXT("title", struct monitor, title),
	FIELD_TEXT("region", struct monitor, region),
	FIELD_CALL("period", monitor_period),
	FIELD_CALL("baseline", monitor_baseline),
	FIELD_TEXT("database", struct monitor, database),
	FIELD_CALL("privacy", monitor_privacy),
	FIELD_CALL("as_of", monitor_as_of),
	FIELD_CALL("legend", monitor_legend),
	FIELD_CALL("texts", monitor_texts),
};

/* jmon's own words for the colours, for a monitor whose legend does not
 * say them (jmon.yaml(5), MONITOR: legend): what the colour is, not what
 * a council should conclude; a monitor that adopts a document's legend
 * says so (legend.source). */
static void monitor_defaults(struct monitor *m)
{
	default_text(&m->title, "Monitor jeugdhulp");
	m->legend_jmon = !m->legend_red && !m->legend_amber && !m->legend_green;
	default_text(&m->legend_red, "De waarde valt buiten de grenzen van groen en oranje die "
		     "deze monitor stelt, of een analist of het rapport zet rood.");
	default_text(&m->legend_amber, "De waarde valt buiten de grens van groen, binnen die van "
		     "oranje: een signaal om naar te kijken.");
	default_text(&m->legend_green, "De waarde valt binnen de grens van groen die deze "
		     "monitor stelt.");
	if (m->ntexts == 0) {
		m->texts = xcalloc(1, sizeof *m->texts);
		m->texts[0].id = xstrdup("toelichting");
		m->texts[0].label = xstrdup("Toelichting");
		m->ntexts = 1;
	}
}

/* --- peer groups -------------------------------------------------------- */

static void peer_regions(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct peer_group *pg = obj;
	size_t n, cap = 0;
	yaml_node_item_t *items = cfg_sequence(ld, v, &n);

	for (size_t i = 0; i < n; i++) {
		yaml_node_t *item = cfg_node(ld, items[i]);
		const char *code = cfg_text(ld, item);
		if (!code || !cfg_id_ok(ld, item, code))
			continue;
		ARRAY_GROW(pg->regions, pg->nregions, cap);
		pg->regions[pg->nregions++] = xstrdup(code);
	}
}

static const struct field peer_fields[] = {
	FIELD_TEXT("id", struct peer_group, id),
	FIELD_TEXT("label", struct peer_group, label),
	FIELD_CALL("regions", peer_regions),
};

/* The id of a list item: present, well-formed, not used before in
 * ids[0..n) (stride bytes apart, the id at offset 0 of each element). */
static bool check_id(struct loader *ld, yaml_node_t *item, const char *what,
		     const char *id, const void *first, size_t n, size_t stride)
{
	yaml_node_t *idnode = cfg_get(ld, item, "id");

	if (!id) {
		if (!idnode)
			cfg_error(ld, item, "%s without 'id'", what);
		return false;
	}
	if (!cfg_id_ok(ld, idnode, id))
		return false;
	for (size_t i = 0; i < n; i++) {
		const char *other = *(char *const *)((const char *)first + i * stride);
		if (other && !strcmp(other, id)) {
			cfg_error(ld, idnode, "duplicate %s id '%s'", what, id);
			return false;
		}
	}
	return true;
}

static void read_peers(struct loader *ld, yaml_node_t *node)
{
	struct config *cfg = ld->cfg;
	size_t n, cap = 0;
	yaml_node_item_t *items;

	ld->key = "peers";
	items = cfg_sequence(ld, node, &n);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *item = cfg_node(ld, items[i]);
		ARRAY_GROW(cfg->peers, cfg->npeers, cap);
		struct peer_group *pg = &cfg->peers[cfg->npeers++];
		memset(pg, 0, sizeof *pg);
		if (!cfg_item_mapping(ld, item, "peer group", peer_fields, ARRAY_SIZE(peer_fields), pg))
			continue;
		if (!check_id(ld, item, "peer group", pg->id, cfg->peers, cfg->npeers - 1, sizeof *pg))
			continue;
		default_text(&pg->label, pg->id);
		if (pg->nregions == 0 && !cfg_get(ld, item, "regions"))
			cfg_error(ld, item, "peer group '%s' has no 'regions'", pg->id);
	}
	ld->key = NULL;
}

/* --- compare: the columns of the benchmark view ------------------------- */

/* An entry is a peer group, "nl", a group's mean ("mean:ID") or a region
 * code as CBS writes them (JZ99, a jeugdzorgregio): the database decides
 * later whether it knows the region. */
static bool compare_entry_ok(const struct config *cfg, const char *text)
{
	if (!strncmp(text, "mean:", 5))
		return config_peer_group(cfg, text + 5) != NULL;
	return config_peer_group(cfg, text) || !strcmp(text, "nl") || region_kind_of_code(text);
}

static void read_compare(struct loader *ld, yaml_node_t *node)
{
	struct config *cfg = ld->cfg;
	size_t n;
	yaml_node_item_t *items;

	ld->key = "compare";
	items = cfg_sequence(ld, node, &n);
	cfg->compare = xcalloc(n ? n : 1, sizeof *cfg->compare);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *item = cfg_node(ld, items[i]);
		const char *text = cfg_text(ld, item);
		const char **ids;

		if (!text)
			continue;
		if (compare_entry_ok(cfg, text)) {
			cfg->compare[cfg->ncompare++] = xstrdup(text);
			continue;
		}
		ids = xcalloc(cfg->npeers + 1, sizeof *ids);
		for (size_t k = 0; k < cfg->npeers; k++)
			ids[k] = cfg->peers[k].id ? cfg->peers[k].id : "";
		ids[cfg->npeers] = "nl";
		cfg_unknown(ld, item, "compare entry (peer group, nl, mean:ID or region code)",
			    text, ids, cfg->npeers + 1);
		free(ids);
	}
	ld->key = NULL;
}

/* --- indicators --------------------------------------------------------- */

static const struct field category_fields[] = {
	FIELD_TEXT("id", struct category, id),
	FIELD_TEXT("label", struct category, label),
};

static void indicator_categories(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct indicator *ind = obj;
	size_t n, cap = 0;
	yaml_node_item_t *items = cfg_sequence(ld, v, &n);

	for (size_t i = 0; i < n; i++) {
		yaml_node_t *item = cfg_node(ld, items[i]);
		struct category cat = { NULL, NULL };
		if (cfg_item_mapping(ld, item, "category", category_fields,
				     ARRAY_SIZE(category_fields), &cat)
		    && check_id(ld, item, "category", cat.id, ind->categories,
				ind->ncategories, sizeof cat)) {
			default_text(&cat.label, cat.id);
			ARRAY_GROW(ind->categories, ind->ncategories, cap);
			ind->categories[ind->ncategories++] = cat;
		} else {
			free(cat.id);
			free(cat.label);
		}
	}
}

static const struct field norm_fields[] = {
	FIELD_NUMBER("value", struct norm, value),
	FIELD_TEXT("label", struct norm, label),
	FIELD_TEXT("basis", struct norm, basis),
};

static void indicator_norm(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct norm *norm = &((struct indicator *)obj)->norm;

	if (!cfg_mapping(ld, v, "norm", norm_fields, ARRAY_SIZE(norm_fields), norm))
		return;
	if (!cfg_get(ld, v, "value"))
		cfg_error(ld, v, "a norm needs a 'value'");
	norm->present = true;
	default_text(&norm->label, "norm");
}

static void rule_categories(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct stoplight_rule *rule = obj;
	size_t n;
	yaml_node_item_t *items = cfg_sequence(ld, v, &n);

	/* checked against the indicator's categories once it is read whole */
	rule->categories = xcalloc(n ? n : 1, sizeof *rule->categories);
	for (size_t i = 0; i < n; i++) {
		const char *id = cfg_text(ld, cfg_node(ld, items[i]));
		if (id)
			rule->categories[rule->ncategories++] = xstrdup(id);
	}
}

/* Checked once every indicator is read: it may name a later one. */
static void rule_count_from(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct stoplight_rule *rule = obj;
	const char *id = cfg_text(ld, v);

	if (!id)
		return;
	free(rule->count_from);
	rule->count_from = xstrdup(id);
	rule->count_from_pos = cfg_pos(v);
}

static const struct field stoplight_fields[] = {
	FIELD_CHOICE("on", struct stoplight_rule, on, on_names, "stoplight kind"),
	FIELD_CONDITION("green", struct stoplight_rule, green),
	FIELD_CONDITION("amber", struct stoplight_rule, amber),
	FIELD_CONDITION("red", struct stoplight_rule, red),
	FIELD_INT("min_n", struct stoplight_rule, min_n, 0, 1000000),
	FIELD_CALL("categories", rule_categories),
	FIELD_CALL("count_from", rule_count_from),
};

static void indicator_stoplight(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct stoplight_rule *rule = &((struct indicator *)obj)->rule;

	if (cfg_mapping(ld, v, "stoplight", stoplight_fields, ARRAY_SIZE(stoplight_fields), rule))
		rule->present = true;
}

static void indicator_peers(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct indicator *ind = obj;
	const struct config *cfg = ld->cfg;
	const char *id = cfg_text(ld, v);
	const char **ids;

	if (!id)
		return;
	if (config_peer_group(cfg, id)) {	/* peers: is read before chapters */
		ind->peers = xstrdup(id);
		return;
	}
	if (cfg->npeers == 0) {
		cfg_error(ld, v, "unknown peer group '%s'; the file defines no 'peers'", id);
		return;
	}
	ids = xcalloc(cfg->npeers, sizeof *ids);
	for (size_t i = 0; i < cfg->npeers; i++)
		ids[i] = cfg->peers[i].id ? cfg->peers[i].id : "";
	cfg_unknown(ld, v, "peer group", id, ids, cfg->npeers);
	free(ids);
}

static const struct field cbs_fields[] = {
	FIELD_TEXT("measure", struct cbs_source, measure),
	FIELD_INT("decimals", struct cbs_source, decimals, 0, CBS_DECIMALS_MAX),
};

/* CBS numbers its measure columns (JongerenMetJeugdzorgInNatura_96) and
 * the number changes between table versions, so it is not part of the key. */
static void strip_column_number(char *measure)
{
	char *u = strrchr(measure, '_');

	if (!u || !u[1] || u == measure)
		return;
	for (char *p = u + 1; *p; p++)
		if (*p < '0' || *p > '9')
			return;
	*u = '\0';
}

static void indicator_cbs(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct cbs_source *cbs = &((struct indicator *)obj)->cbs;

	if (!cfg_mapping(ld, v, "cbs", cbs_fields, ARRAY_SIZE(cbs_fields), cbs))
		return;
	if (!cbs->measure) {
		if (!cfg_get(ld, v, "measure"))
			cfg_error(ld, v, "cbs needs a 'measure' (the CBS column key)");
		return;
	}
	strip_column_number(cbs->measure);
}

static void indicator_privacy(struct loader *ld, yaml_node_t *v, void *obj)
{
	cfg_mapping(ld, v, "privacy", privacy_fields, ARRAY_SIZE(privacy_fields),
		    &((struct indicator *)obj)->min_count);
}

static void indicator_as_of(struct loader *ld, yaml_node_t *v, void *obj)
{
	read_as_of(ld, v, &((struct indicator *)obj)->as_of);
}

static void indicator_baseline(struct loader *ld, yaml_node_t *v, void *obj)
{
	read_period(ld, v, &((struct indicator *)obj)->baseline);
}

/* --- compute: a figure made of others --------------------------------- */

/* One formula key (ratio, difference, sum, share): its list of indicator
 * ids.  Whether they exist, how many there are and their units is checked
 * once every indicator is read (config_check.c): they may come later. */
static void compute_formula(struct loader *ld, yaml_node_t *v, struct compute *c,
			    enum compute_kind kind)
{
	size_t n;
	yaml_node_item_t *items;

	if (c->kind != COMPUTE_NONE) {
		cfg_error(ld, v, "compute has one formula, not '%s' and '%s'",
			  compute_kind_name(c->kind), compute_kind_name(kind));
		return;
	}
	items = cfg_sequence(ld, v, &n);
	if (v->type != YAML_SEQUENCE_NODE)
		return;
	c->kind = kind;
	c->pos = cfg_pos(v);
	c->inputs = xcalloc(n ? n : 1, sizeof *c->inputs);
	c->input_pos = xcalloc(n ? n : 1, sizeof *c->input_pos);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *item = cfg_node(ld, items[i]);
		const char *id = cfg_text(ld, item);

		if (id && cfg_id_ok(ld, item, id)) {
			c->input_pos[c->ninputs] = cfg_pos(item);
			c->inputs[c->ninputs++] = xstrdup(id);
		}
	}
}

#define COMPUTE_KEY(name, kind) \
	static void compute_##name(struct loader *ld, yaml_node_t *v, void *obj) \
	{ \
		compute_formula(ld, v, obj, kind); \
	}
COMPUTE_KEY(ratio, COMPUTE_RATIO)
COMPUTE_KEY(difference, COMPUTE_DIFFERENCE)
COMPUTE_KEY(sum, COMPUTE_SUM)
COMPUTE_KEY(share, COMPUTE_SHARE)

static const struct field compute_fields[] = {	/* obj: struct compute * */
	FIELD_CALL("ratio", compute_ratio),
	FIELD_CALL("difference", compute_difference),
	FIELD_CALL("sum", compute_sum),
	FIELD_CALL("share", compute_share),
	FIELD_NUMBER("scale", struct compute, scale),
};

static void indicator_compute(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct compute *c = &((struct indicator *)obj)->compute;
	yaml_node_t *scale;

	c->scale = 1;
	if (!cfg_mapping(ld, v, "compute", compute_fields, ARRAY_SIZE(compute_fields), c))
		return;
	scale = cfg_get(ld, v, "scale");
	if (c->kind == COMPUTE_NONE && !cfg_get(ld, v, "ratio") && !cfg_get(ld, v, "difference") &&
	    !cfg_get(ld, v, "sum") && !cfg_get(ld, v, "share"))
		cfg_error(ld, v, "compute needs a formula: ratio, difference, sum or share "
			  "(compute: {ratio: [a, b], scale: 100})");
	else if (scale && c->kind != COMPUTE_RATIO)
		cfg_error(ld, scale, "'scale' belongs to a ratio; a %s has none%s",
			  compute_kind_name(c->kind),
			  c->kind == COMPUTE_SHARE ? " (a share is always × 100)" : "");
	else if (scale && c->scale == 0)
		cfg_error(ld, scale, "'scale' 0 makes every ratio 0");
	if (c->kind == COMPUTE_SHARE)
		c->scale = 100;
}

/* Checked once every indicator is read: it may name a later one. */
static void indicator_n_from(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct indicator *ind = obj;
	const char *id = cfg_text(ld, v);

	if (!id)
		return;
	free(ind->n_from);
	ind->n_from = xstrdup(id);
	ind->n_from_pos = cfg_pos(v);
}

static const struct field indicator_fields[] = {
	FIELD_TEXT("id", struct indicator, id),
	FIELD_TEXT("label", struct indicator, label),
	FIELD_CHOICE("unit", struct indicator, unit, unit_names, "unit"),
	FIELD_INT("decimals", struct indicator, decimals, 0, 9),
	FIELD_TEXT("definition", struct indicator, definition),
	FIELD_TEXT("source", struct indicator, source),
	FIELD_BOOL("counts", struct indicator, counts),
	FIELD_CALL("categories", indicator_categories),
	FIELD_CHOICE("total", struct indicator, total, total_names, "total"),
	FIELD_CHOICE("rollup", struct indicator, rollup, rollup_names, "rollup"),
	FIELD_CALL("norm", indicator_norm),
	FIELD_CALL("stoplight", indicator_stoplight),
	FIELD_CALL("peers", indicator_peers),
	FIELD_CALL("cbs", indicator_cbs),
	FIELD_CALL("privacy", indicator_privacy),
	FIELD_CALL("as_of", indicator_as_of),
	FIELD_CALL("compute", indicator_compute),
	FIELD_CALL("baseline", indicator_baseline),
	FIELD_CALL("n_from", indicator_n_from),
};


static void read_indicator(struct loader *ld, yaml_node_t *node, struct indicator *ind)
{
	ind->min_count = -1;
	ind->as_of = AS_OF_UNSET;
	ind->pos = cfg_pos(node);
	if (!cfg_item_mapping(ld, node, "indicator", indicator_fields, ARRAY_SIZE(indicator_fields), ind))
		return;
	if (!ind->id) {
		if (!cfg_get(ld, node, "id"))
			cfg_error(ld, node, "indicator without 'id'");
		return;
	}
	if (!cfg_id_ok(ld, cfg_get(ld, node, "id"), ind->id))
		return;
	config_check_indicator_id(ld, node, ind);
	default_text(&ind->label, ind->id);
	if (ind->min_count < 0)
		ind->min_count = ld->cfg->monitor.min_count;
	if (ind->as_of == AS_OF_UNSET)
		ind->as_of = ld->cfg->monitor.as_of;
	if (!ind->baseline && ld->cfg->monitor.baseline)
		ind->baseline = xstrdup(ld->cfg->monitor.baseline);
	config_check_indicator(ld, node, ind);
}

/* --- chapters ----------------------------------------------------------- */

static void chapter_indicators(struct loader *ld, yaml_node_t *v, void *obj)
{
	struct chapter *ch = obj;
	size_t n;
	yaml_node_item_t *items = cfg_sequence(ld, v, &n);

	/* allocated at full size up front: config_check_indicator_id walks this
	 * array while it fills, so it must not move */
	ch->indicators = xcalloc(n ? n : 1, sizeof *ch->indicators);
	for (size_t i = 0; i < n; i++) {
		struct indicator *ind = &ch->indicators[ch->nindicators++];
		read_indicator(ld, cfg_node(ld, items[i]), ind);
	}
}

static const struct field chapter_fields[] = {
	FIELD_TEXT("id", struct chapter, id),
	FIELD_TEXT("label", struct chapter, label),
	FIELD_CALL("indicators", chapter_indicators),
};

static void read_chapters(struct loader *ld, yaml_node_t *node)
{
	struct config *cfg = ld->cfg;
	size_t n;
	yaml_node_item_t *items;

	ld->key = "chapters";
	items = cfg_sequence(ld, node, &n);
	cfg->chapters = xcalloc(n ? n : 1, sizeof *cfg->chapters);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *item = cfg_node(ld, items[i]);
		struct chapter *ch = &cfg->chapters[cfg->nchapters++];
		if (!cfg_item_mapping(ld, item, "chapter", chapter_fields, ARRAY_SIZE(chapter_fields), ch))
			continue;
		if (!check_id(ld, item, "chapter", ch->id, cfg->chapters, cfg->nchapters - 1, sizeof *ch))
			continue;
		default_text(&ch->label, ch->id);
		if (!cfg_get(ld, item, "indicators"))
			cfg_error(ld, item, "chapter '%s' has no 'indicators'", ch->id);
	}
	ld->key = NULL;
}

/* --- top level ---------------------------------------------------------- */

struct root {
	yaml_node_t *monitor, *peers, *compare, *chapters;
};

static const struct field root_fields[] = {
	FIELD_NODE("monitor", struct root, monitor),
	FIELD_NODE("peers", struct root, peers),
	FIELD_NODE("compare", struct root, compare),
	FIELD_NODE("chapters", struct root, chapters),
};

void config_read_root(struct loader *ld, yaml_node_t *root)
{
	struct root r = { NULL, NULL, NULL, NULL };
	struct monitor *m = &ld->cfg->monitor;

	if (root->type != YAML_MAPPING_NODE) {
		cfg_error(ld, root, "the configuration must be a mapping with monitor, peers and chapters");
		return;
	}
	cfg_mapping(ld, root, "top-level", root_fields, ARRAY_SIZE(root_fields), &r);
	/* in this order whatever the file's order: indicators inherit the
	 * monitor's privacy minimum and refer to peer groups */
	m->min_count = DEFAULT_MIN_COUNT;
	m->as_of = ASOF_DEFAULT_MONTHS;
	if (r.monitor) {
		ld->key = "monitor";
		cfg_mapping(ld, r.monitor, "monitor", monitor_fields, ARRAY_SIZE(monitor_fields), m);
		ld->key = NULL;
	}
	monitor_defaults(m);
	if (r.peers)
		read_peers(ld, r.peers);
	if (r.compare)
		read_compare(ld, r.compare);
	if (r.chapters) {
		read_chapters(ld, r.chapters);
		config_check_references(ld);
	} else
		cfg_error(ld, root, "no 'chapters': a monitor needs at least one chapter");
}
