/* SPDX-License-Identifier: EUPL-1.2 */
/* Regions side by side; see include/jmon/benchmark.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/benchmark.h"
#include "jmon/numfmt.h"
#include "jmon/region.h"
#include "jmon/xmalloc.h"

void benchmark_entries_of_config(const struct config *cfg, struct benchmark_entry **out,
				 size_t *n)
{
	size_t cap = cfg->ncompare ? cfg->ncompare : cfg->npeers + 1;

	*out = xcalloc(cap, sizeof **out);
	*n = 0;
	if (!cfg->ncompare) {
		for (size_t i = 0; i < cfg->npeers; i++)
			(*out)[(*n)++] = (struct benchmark_entry){ BENCHMARK_GROUP, cfg->peers[i].id };
		(*out)[(*n)++] = (struct benchmark_entry){ BENCHMARK_REGION, BENCHMARK_NL };
		return;
	}
	/* checked when the configuration was read (src/config_check.c) */
	for (size_t i = 0; i < cfg->ncompare; i++)
		benchmark_entry_parse(cfg, cfg->compare[i], true, &(*out)[(*n)++], NULL);
}

enum jmon_status benchmark_entry_parse(const struct config *cfg, const char *text, bool groups,
				       struct benchmark_entry *out, struct jmon_error *err)
{
	size_t plen = strlen(BENCHMARK_MEAN_PREFIX);

	if (!strncmp(text, BENCHMARK_MEAN_PREFIX, plen)) {
		*out = (struct benchmark_entry){ BENCHMARK_MEAN, text + plen };
		if (!config_peer_group(cfg, text + plen))
			return jmon_fail(err, JMON_USAGE, "'%s': no peer group '%s'", text,
					 text + plen);
		return JMON_OK;
	}
	if (groups && config_peer_group(cfg, text))
		*out = (struct benchmark_entry){ BENCHMARK_GROUP, text };
	else if (!strcmp(text, "nl"))
		*out = (struct benchmark_entry){ BENCHMARK_REGION, BENCHMARK_NL };
	else
		*out = (struct benchmark_entry){ BENCHMARK_REGION, text };
	return JMON_OK;
}

size_t benchmark_periods(const char *period, size_t n, char codes[][PERIOD_CODE_MAX])
{
	struct period p;

	if (n > BENCHMARK_MAX_PERIODS)
		n = BENCHMARK_MAX_PERIODS;
	if (!period_parse_str(period, &p))
		return 0;
	for (size_t i = 0; i < n; i++) {
		struct period q = period_add(&p, (int)i - (int)(n - 1));

		period_format(&q, codes[i]);
	}
	return n;
}

struct builder {
	struct db *db;
	const struct config *cfg;
	const struct benchmark_spec *spec;
	struct benchmark *b;
	size_t cap;
	struct jmon_error *err;
};

static bool has_column(const struct benchmark *b, const char *code)
{
	for (size_t i = 0; i < b->ncols; i++)
		if (!strcmp(b->cols[i].code, code))
			return true;
	return false;
}

static struct benchmark_column *add_column(struct builder *bl)
{
	struct benchmark *b = bl->b;
	struct benchmark_column *c;

	ARRAY_GROW(b->cols, b->ncols, bl->cap);
	c = &b->cols[b->ncols++];
	memset(c, 0, sizeof *c);
	return c;
}

/* A region once, whichever entries name it; one the database does not
 * know is skipped or an error (spec->skip_unknown). */
static enum jmon_status add_region(struct builder *bl, const char *code, bool self)
{
	struct region_row r;
	struct benchmark_column *c;
	bool found = false;
	enum jmon_status st;

	if (has_column(bl->b, code))
		return JMON_OK;
	if ((st = query_region(bl->db, code, &r, &found, bl->err)))
		return st;
	if (!found && !self) {
		if (bl->spec->skip_unknown)
			return JMON_OK;
		return jmon_fail(bl->err, JMON_DATA, "unknown region '%s'", code);
	}
	c = add_column(bl);
	c->is_self = self;
	snprintf(c->code, sizeof c->code, "%s", code);
	snprintf(c->name, sizeof c->name, "%s", found && r.name[0] ? r.name : code);
	return JMON_OK;
}

static void add_mean(struct builder *bl, const struct peer_group *g)
{
	struct benchmark_column *c;
	char code[sizeof c->code];

	snprintf(code, sizeof code, "%s%s", BENCHMARK_MEAN_PREFIX, g->id);
	if (has_column(bl->b, code))
		return;
	c = add_column(bl);
	c->is_mean = true;
	c->group = g;
	memcpy(c->code, code, sizeof code);
	snprintf(c->name, sizeof c->name, "gem. %s", g->label ? g->label : g->id);
}

/* A group's members but the region, then their mean when it is of more
 * than one: the mean of one region is that region. */
static enum jmon_status add_group(struct builder *bl, const struct peer_group *g)
{
	size_t others = 0;
	enum jmon_status st;

	for (size_t i = 0; i < g->nregions; i++) {
		if (!strcmp(g->regions[i], bl->b->region))
			continue;
		others++;
		if ((st = add_region(bl, g->regions[i], false)))
			return st;
	}
	if (others > 1)
		add_mean(bl, g);
	return JMON_OK;
}

static enum jmon_status add_columns(struct builder *bl)
{
	const struct benchmark_spec *spec = bl->spec;
	enum jmon_status st = add_region(bl, spec->region, true);

	for (size_t i = 0; st == JMON_OK && i < spec->nentries; i++) {
		const struct benchmark_entry *e = &spec->entries[i];
		const struct peer_group *g = e->kind != BENCHMARK_REGION
					     ? config_peer_group(bl->cfg, e->id) : NULL;

		if (e->kind == BENCHMARK_REGION)
			st = add_region(bl, e->id, false);
		else if (g && e->kind == BENCHMARK_GROUP)
			st = add_group(bl, g);
		else if (g)
			add_mean(bl, g);
	}
	return st;
}

/* The rows are the region's figures: every figure_set of the same
 * chapter has the same rows, in configuration order. */
static void take_rows(struct benchmark *b)
{
	const struct figure_set *fs = &b->sets[0];

	b->nrows = fs->n;
	b->rows = xcalloc(fs->n ? fs->n : 1, sizeof *b->rows);
	for (size_t i = 0; i < fs->n; i++) {
		struct benchmark_row *r = &b->rows[i];
		struct period base;

		*r = (struct benchmark_row){ fs->rows[i].ind, fs->rows[i].cat, "", "" };
		period_parse_named(r->ind->baseline, &base, r->base_period, r->base_label);
	}
}

bool benchmark_has_baseline(const struct benchmark *b)
{
	for (size_t i = 0; i < b->nrows; i++)
		if (b->rows[i].base_period[0])
			return true;
	return false;
}

static const struct figure *figure_of(const struct figure_set *fs, size_t i,
				      const struct benchmark_row *row)
{
	if (i < fs->n && fs->rows[i].ind == row->ind && fs->rows[i].cat == row->cat)
		return &fs->rows[i];
	for (size_t k = 0; k < fs->n; k++)
		if (fs->rows[k].ind == row->ind && fs->rows[k].cat == row->cat)
			return &fs->rows[k];
	return NULL;
}

static bool shown(const struct figure *f)
{
	return f && f->now.present && f->now.has_value && !f->withheld && f->ind->unit != UNIT_NONE;
}

/* The cells of column c: a region's from its figures, a mean's from the
 * gate (d). */
static enum jmon_status fill_column(struct benchmark *b, size_t c, struct disclosure *d,
				    struct jmon_error *err)
{
	const struct benchmark_column *col = &b->cols[c];
	enum jmon_status st;

	for (size_t r = 0; r < b->nrows; r++)
		for (size_t p = 0; p < b->nperiods; p++) {
			const struct benchmark_row *row = &b->rows[r];
			struct benchmark_cell *cell = benchmark_cell(b, r, c, p);

			if (!col->is_mean) {
				cell->f = figure_of(&b->sets[c * b->nperiods + p], r, row);
				cell->has_value = shown(cell->f);
				cell->value = cell->has_value ? cell->f->now.value : 0;
				cell->has_base_change = cell->f && cell->f->has_base_change;
				cell->base_change = cell->has_base_change ? cell->f->base_change : 0;
				continue;
			}
			if (row->ind->unit == UNIT_NONE)
				continue;
			if ((st = comparison_mean(d, row->ind, col->group, b->region, b->periods[p],
						  row->cat ? row->cat->id : NULL, &cell->mean, err)))
				return st;
			cell->has_value = cell->mean.n > 0;
			cell->value = cell->mean.value;
			if ((st = comparison_mean_change(d, row->ind, col->group, b->region,
							 b->periods[p], &cell->mean, row->base_period,
							 row->cat ? row->cat->id : NULL,
							 &cell->has_base_change, &cell->base_change,
							 err)))
				return st;
		}
	return JMON_OK;
}

/* The figures of region column c in every period, read as far as how
 * says (the values alone only of a chapter) and what was read before of
 * it given back. */
static enum jmon_status load_column(struct db *db, const struct config *cfg,
				    struct disclosure *dc, struct benchmark *b, size_t c,
				    enum benchmark_read how, struct jmon_error *err)
{
	enum jmon_status st;

	b->loaded[c] = BENCHMARK_UNREAD;
	for (size_t p = 0; p < b->nperiods; p++) {
		struct figure_set *fs = &b->sets[c * b->nperiods + p];

		figures_free(fs);
		st = b->indicator
		     ? figures_load_indicator(db, cfg, dc, b->cols[c].code, b->periods[p],
					      b->indicator, fs, err)
		     : figures_load(db, cfg, dc, b->cols[c].code, b->periods[p], b->chapter,
				    how == BENCHMARK_VALUES ? FIGURES_VALUES : FIGURES_BREAKDOWN,
				    fs, err);
		if (st)
			return st;
		if (c == 0)
			memcpy(b->period_labels[p], fs->label, sizeof fs->label);
	}
	return JMON_OK;
}

/* Every column's figures (the region's alone when lazy), then the rows
 * they have. */
static enum jmon_status load_sets(struct builder *bl, struct disclosure *dc)
{
	struct benchmark *b = bl->b;
	enum jmon_status st;

	b->sets = xcalloc(b->ncols * b->nperiods, sizeof *b->sets);
	b->loaded = xcalloc(b->ncols, sizeof *b->loaded);
	for (size_t c = 0; c < b->ncols; c++) {
		if (b->cols[c].is_mean || (bl->spec->lazy && c > 0))
			continue;
		if ((st = load_column(bl->db, bl->cfg, dc, b, c, BENCHMARK_READ, bl->err)))
			return st;
		b->loaded[c] = BENCHMARK_READ;
	}
	take_rows(b);
	b->cells = xcalloc(b->nrows * b->ncols * b->nperiods + 1, sizeof *b->cells);
	return JMON_OK;
}

/* The cells of the columns read and of every mean. */
static enum jmon_status fill_cells(struct builder *bl, struct disclosure *d)
{
	struct benchmark *b = bl->b;
	enum jmon_status st;

	for (size_t c = 0; c < b->ncols; c++) {
		if (!b->cols[c].is_mean && !b->loaded[c])
			continue;
		if ((st = fill_column(b, c, d, bl->err)))
			return st;
		b->loaded[c] = BENCHMARK_READ;
	}
	return JMON_OK;
}

static size_t default_reference(const struct benchmark *b)
{
	for (size_t i = 0; i < b->ncols; i++)
		if (!strcmp(b->cols[i].code, BENCHMARK_NL) && !b->cols[i].is_self)
			return i;
	for (size_t i = 0; i < b->ncols; i++)
		if (b->cols[i].is_mean)
			return i;
	return 0;
}

enum jmon_status benchmark_load(struct db *db, const struct config *cfg, struct disclosure *dc,
				const struct benchmark_spec *spec, struct benchmark *b,
				struct jmon_error *err)
{
	struct builder bl = { db, cfg, spec, b, 0, err };
	struct disclosure *d = NULL;
	enum jmon_status st;

	memset(b, 0, sizeof *b);
	snprintf(b->region, sizeof b->region, "%s", spec->region);
	b->chapter = spec->indicator ? spec->indicator->chapter : spec->chapter;
	b->indicator = spec->indicator;
	b->nperiods = spec->nperiods < BENCHMARK_MAX_PERIODS ? spec->nperiods
							      : BENCHMARK_MAX_PERIODS;
	if (b->nperiods == 0)
		return jmon_fail(err, JMON_USAGE, "a comparison needs a period");
	for (size_t p = 0; p < b->nperiods; p++)
		snprintf(b->periods[p], sizeof b->periods[p], "%s", spec->periods[p]);
	st = add_columns(&bl);
	if (st == JMON_OK)
		st = load_sets(&bl, dc);
	if (st == JMON_OK && (st = disclosure_begin(dc, db, cfg, &d, err)) == JMON_OK) {
		st = fill_cells(&bl, d);
		disclosure_done(dc, d);
	}
	if (st != JMON_OK) {
		benchmark_free(b);
		return st;
	}
	benchmark_set_reference(b, default_reference(b));
	return JMON_OK;
}

void benchmark_free(struct benchmark *b)
{
	for (size_t i = 0; b->sets && i < b->ncols * b->nperiods; i++)
		figures_free(&b->sets[i]);
	free(b->sets);
	free(b->cols);
	free(b->rows);
	free(b->cells);
	free(b->loaded);
	memset(b, 0, sizeof *b);
}

enum jmon_status benchmark_show(struct db *db, const struct config *cfg, struct disclosure *dc,
				struct benchmark *b, size_t first, size_t last,
				struct jmon_error *err)
{
	enum jmon_status st;

	for (size_t c = 0; c < b->ncols; c++) {
		enum benchmark_read how = c >= first && c < last ? BENCHMARK_READ
					  : c == b->reference ? BENCHMARK_VALUES : BENCHMARK_UNREAD;

		if (b->loaded[c] >= how)
			continue;
		/* a mean is read with the benchmark: this is a region */
		if ((st = load_column(db, cfg, dc, b, c, how, err)) ||
		    (st = fill_column(b, c, NULL, err)))
			return st;
		b->loaded[c] = how;
	}
	benchmark_set_reference(b, b->reference);
	return JMON_OK;
}

struct benchmark_cell *benchmark_cell(const struct benchmark *b, size_t row, size_t col,
				      size_t period)
{
	return &b->cells[(row * b->ncols + col) * b->nperiods + period];
}

void benchmark_set_reference(struct benchmark *b, size_t ref)
{
	if (ref >= b->ncols)
		return;
	b->reference = ref;
	for (size_t r = 0; r < b->nrows; r++)
		for (size_t c = 0; c < b->ncols; c++)
			for (size_t p = 0; p < b->nperiods; p++) {
				struct benchmark_cell *cell = benchmark_cell(b, r, c, p);
				const struct benchmark_cell *base = benchmark_cell(b, r, ref, p);

				/* between two shown values only: a withheld
				 * cell is withheld in every column */
				cell->has_diff = c != ref && cell->has_value && base->has_value &&
						 comparison_difference(b->rows[r].ind, cell->value,
								       base->value, &cell->diff);
			}
}

char *benchmark_value_text(const struct benchmark_row *row, const struct benchmark_cell *c,
			   const struct benchmark_column *col, char *buf, size_t size, int width)
{
	buf[0] = '\0';
	if (!col->is_mean)
		return c->f ? figure_value_fit(c->f, buf, size, width) : buf;
	/* the precision of the values it is the mean of */
	if (c->has_value && width > 0)
		numfmt_unit_fit(buf, size, c->value, row->ind->decimals, row->ind->unit, 0, width);
	else if (c->has_value)
		numfmt_unit(buf, size, c->value, row->ind->decimals, row->ind->unit, 0);
	return buf;
}

bool benchmark_has_status(const struct benchmark_cell *c)
{
	return c->f && c->f->now.present && (c->f->colored || c->f->light.overridden);
}

void benchmark_settings_init(struct benchmark_settings *set, const struct config *cfg)
{
	memset(set, 0, sizeof *set);
	set->nperiods = 1;
	benchmark_entries_of_config(cfg, &set->entries, &set->nentries);
}

void benchmark_settings_copy(struct benchmark_settings *to, const struct benchmark_settings *from)
{
	*to = *from;
	to->entries = xcalloc(from->nentries + 1, sizeof *to->entries);
	memcpy(to->entries, from->entries, from->nentries * sizeof *to->entries);
	to->owned = NULL;
	to->nowned = to->capowned = 0;
	/* typed entries (:peers) point into from->owned, one string each, in
	 * order ("mean:ID" past its prefix; "nl" is NL01, a literal): the
	 * copy keeps its own */
	for (size_t i = 0; i < from->nowned && i < from->nentries; i++) {
		const char *id = from->entries[i].id, *text = from->owned[i];
		size_t plen = strlen(BENCHMARK_MEAN_PREFIX);

		ARRAY_GROW(to->owned, to->nowned, to->capowned);
		to->owned[to->nowned++] = xstrdup(text);
		if (!strcmp(id, text))
			to->entries[i].id = to->owned[i];
		else if (!strncmp(text, BENCHMARK_MEAN_PREFIX, plen) && !strcmp(id, text + plen))
			to->entries[i].id = to->owned[i] + plen;
	}
}

void benchmark_settings_free(struct benchmark_settings *set)
{
	for (size_t i = 0; i < set->nowned; i++)
		free(set->owned[i]);
	free(set->owned);
	free(set->entries);
	memset(set, 0, sizeof *set);
}
