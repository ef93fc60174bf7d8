/* The compare view (c): the selected figure for the region, the regions of
 * its peer group(s) and their mean, and the Netherlands where present. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/privacy.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/xmalloc.h"

#define NL_CODE "NL01"
#define VALUE_W 16	/* the value column, a space before the number */

struct compare_row {
	char *name;
	bool is_self, is_mean, is_heading;
	bool has_value;
	double value;
	char text[64];			/* the value as shown */
};

struct compare_state {
	struct indicator_ref ref;
	unsigned generation;
	bool loaded;
	struct compare_row *rows;	/* a peer group may name every gemeente */
	int n, cap;
};

static struct compare_state *state(struct view *v)
{
	return v->data;
}

/* A new row named by fmt. */
static struct compare_row *add(struct compare_state *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static struct compare_row *add(struct compare_state *s, const char *fmt, ...)
{
	struct compare_row *r;
	va_list ap;

	ARRAY_GROW(s->rows, s->n, s->cap);
	r = &s->rows[s->n++];
	memset(r, 0, sizeof *r);
	va_start(ap, fmt);
	r->name = text_vdup(fmt, ap);
	va_end(ap);
	return r;
}

static void clear_rows(struct compare_state *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->rows[i].name);
	s->n = 0;
}

/* One region's value of the cell, privacy applied. */
static void add_region(struct compare_state *s, struct app *app, const char *code, bool self)
{
	const struct indicator *ind = s->ref.ind;
	struct cell_value v;
	struct jmon_error err;
	char name[128];
	struct compare_row *r;

	query_region_name(app->db, code, name, sizeof name);
	if (strcmp(name, code))
		r = add(s, "  %s (%s)", name, code);
	else
		r = add(s, "  %s", code);
	r->is_self = self;
	bool withheld;

	if (figures_cell(app->db, ind, code, app->period, s->ref.cat ? s->ref.cat->id : NULL, &v,
			 &withheld, &err) != JMON_OK || !v.present) {
		snprintf(r->text, sizeof r->text, "geen gegevens");
		return;
	}
	if (withheld && v.has_value && privacy_hides(ind, v.value)) {
		privacy_mask(r->text, sizeof r->text, ind);
	} else if (withheld) {
		snprintf(r->text, sizeof r->text, "geheim");
	} else if (!v.has_value) {
		snprintf(r->text, sizeof r->text, "%s", v.flag);
	} else {
		r->has_value = true;
		r->value = v.value;
		numfmt_unit_fit(r->text, sizeof r->text, v.value, ind->decimals, ind->unit, 0,
				VALUE_W - 1);
	}
}

static void add_group(struct compare_state *s, struct app *app, const struct peer_group *g)
{
	double sum = 0;
	int n = 0;
	struct compare_row *h = add(s, "%s", g->label ? g->label : g->id);

	h->is_heading = true;
	for (size_t i = 0; i < g->nregions; i++) {
		if (!strcmp(g->regions[i], app->region))
			continue;	/* the mean is of the others, as peer_pct has it */
		add_region(s, app, g->regions[i], false);
		if (s->rows[s->n - 1].has_value) {
			sum += s->rows[s->n - 1].value;
			n++;
		}
	}
	struct compare_row *m = add(s, "  gemiddelde (%d van %zu)", n, g->nregions);
	m->is_mean = true;
	if (n) {
		m->has_value = true;
		m->value = sum / n;
		numfmt_unit_fit(m->text, sizeof m->text, m->value, s->ref.ind->decimals + 1,
				s->ref.ind->unit, 0, VALUE_W - 1);
	} else {
		snprintf(m->text, sizeof m->text, "geen gegevens");
	}
}

static void load(struct view *v, struct app *app)
{
	struct compare_state *s = state(v);
	const struct config *cfg = app->cfg;
	const struct indicator *ind = s->ref.ind;
	struct region_row nl;
	bool has_nl = false;
	struct jmon_error err;

	if (s->loaded && s->generation == app->generation)
		return;
	s->loaded = true;
	s->generation = app->generation;
	clear_rows(s);
	if (!app->db || !app->period[0])
		return;
	struct compare_row *h = add(s, "Deze regio");
	h->is_heading = true;
	add_region(s, app, app->region, true);
	for (size_t i = 0; i < cfg->npeers; i++)
		if (!ind->peers || !strcmp(ind->peers, cfg->peers[i].id))
			add_group(s, app, &cfg->peers[i]);
	if (query_region(app->db, NL_CODE, &nl, &has_nl, &err) == JMON_OK && has_nl &&
	    strcmp(app->region, NL_CODE)) {
		h = add(s, "Nederland");
		h->is_heading = true;
		add_region(s, app, NL_CODE, false);
	}
}

static int compare_lines(struct view *v, struct app *app)
{
	load(v, app);
	return state(v)->n;
}

static void compare_draw(struct view *v, struct app *app)
{
	struct compare_state *s = state(v);
	int top = ui_body_top(), height = ui_body_bottom() - top;
	int value_w = VALUE_W, diff_w = 14, name_w = ui_cols() - value_w - diff_w;
	double self = 0;
	bool has_self = false;
	char buf[256];

	load(v, app);
	ui_textf(top, 0, name_w, STYLE_HEADER, false, " %s%s%s, %s", s->ref.ind->label,
		 s->ref.cat ? " › " : "", s->ref.cat ? s->ref.cat->label : "", app->figures.label);
	ui_text(top, name_w, value_w, STYLE_HEADER, true, "waarde");
	ui_text(top, name_w + value_w, diff_w, STYLE_HEADER, true, "verschil");
	for (int i = 0; i < s->n; i++)
		if (s->rows[i].is_self && s->rows[i].has_value) {
			self = s->rows[i].value;
			has_self = true;
		}
	/* scrolls as a pager: the cursor is the first row shown */
	if (v->cursor > s->n - height)
		v->cursor = s->n - height > 0 ? s->n - height : 0;
	for (int r = 0; r < height && v->cursor + r < s->n; r++) {
		const struct compare_row *c = &s->rows[v->cursor + r];
		enum ui_style st = c->is_heading || c->is_self ? STYLE_BOLD : STYLE_NORMAL;
		int row = top + 1 + r;

		ui_text(row, 0, name_w, st, false, c->name);
		ui_number(row, name_w, value_w, st, c->text);
		/* the region against the other: +12 % means this region is 12 % higher */
		if (has_self && c->has_value && !c->is_self && c->value != 0) {
			char num[64];
			numfmt_nl(num, sizeof num, (self - c->value) / c->value * 100, 1, NUMFMT_SIGN);
			snprintf(buf, sizeof buf, "%s %%", num);
			ui_number(row, name_w + value_w, diff_w, STYLE_NORMAL, buf);
		}
	}
	if (s->n <= 2 && top + 4 <= ui_body_bottom())
		ui_text(top + 4, 1, -1, STYLE_DIM, false,
			"Geen vergelijkingsgroep in de configuratie (peers:).");
}

static const char *compare_crumb(struct view *v, struct app *app)
{
	(void)v;
	(void)app;
	return "Vergelijken";
}

static void compare_close(struct view *v)
{
	struct compare_state *s = state(v);

	clear_rows(s);
	free(s->rows);
	free(s);
}

const struct view_ops compare_view_ops = {
	.name = "compare",
	.lines = compare_lines,
	.draw = compare_draw,
	.crumb = compare_crumb,
	.close = compare_close,
	.state_size = sizeof(struct compare_state),
};
