/* The compare view (c): the selected figure for the region, the regions of
 * its peer group(s) and their mean, and the Netherlands where present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/privacy.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"

#define MAX_ROWS 64
#define NL_CODE "NL01"

struct compare_row {
	char name[160];
	bool is_self, is_mean, is_heading;
	bool has_value;
	double value;
	char text[64];			/* the value as shown */
};

struct compare_state {
	struct indicator_ref ref;
	unsigned generation;
	struct compare_row rows[MAX_ROWS];
	int n;
};

static struct compare_state *state(struct view *v)
{
	return v->data;
}

static struct compare_row *add(struct compare_state *s)
{
	struct compare_row *r = &s->rows[s->n < MAX_ROWS ? s->n++ : MAX_ROWS - 1];

	memset(r, 0, sizeof *r);
	return r;
}

/* One region's value of the cell, privacy applied. */
static void add_region(struct compare_state *s, struct app *app, const char *code, bool self)
{
	const struct indicator *ind = s->ref.ind;
	struct cell_value v;
	struct jmon_error err;
	char name[128];
	struct compare_row *r = add(s);

	query_region_name(app->db, code, name, sizeof name);
	if (strcmp(name, code))
		snprintf(r->name, sizeof r->name, "  %s (%s)", name, code);
	else
		snprintf(r->name, sizeof r->name, "  %s", code);
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
		numfmt_unit(r->text, sizeof r->text, v.value, ind->decimals, ind->unit, 0);
	}
}

static void add_group(struct compare_state *s, struct app *app, const struct peer_group *g)
{
	double sum = 0;
	int n = 0;
	struct compare_row *h = add(s);

	snprintf(h->name, sizeof h->name, "%s", g->label ? g->label : g->id);
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
	struct compare_row *m = add(s);
	snprintf(m->name, sizeof m->name, "  gemiddelde (%d van %zu)", n, g->nregions);
	m->is_mean = true;
	if (n) {
		m->has_value = true;
		m->value = sum / n;
		numfmt_unit(m->text, sizeof m->text, m->value, s->ref.ind->decimals + 1,
			    s->ref.ind->unit, 0);
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

	if (s->generation == app->generation && s->n)
		return;
	s->generation = app->generation;
	s->n = 0;
	if (!app->db || !app->period[0])
		return;
	struct compare_row *h = add(s);
	snprintf(h->name, sizeof h->name, "Deze regio");
	h->is_heading = true;
	add_region(s, app, app->region, true);
	for (size_t i = 0; i < cfg->npeers; i++)
		if (!ind->peers || !strcmp(ind->peers, cfg->peers[i].id))
			add_group(s, app, &cfg->peers[i]);
	if (query_region(app->db, NL_CODE, &nl, &has_nl, &err) == JMON_OK && has_nl &&
	    strcmp(app->region, NL_CODE)) {
		h = add(s);
		snprintf(h->name, sizeof h->name, "Nederland");
		h->is_heading = true;
		add_region(s, app, NL_CODE, false);
	}
}

static void compare_draw(struct view *v, struct app *app)
{
	struct compare_state *s = state(v);
	int top = ui_body_top(), bottom = ui_body_bottom();
	int value_w = 16, diff_w = 14, name_w = ui_cols() - value_w - diff_w;
	double self = 0;
	bool has_self = false;
	char buf[256];

	load(v, app);
	snprintf(buf, sizeof buf, " %s%s%s, %s", s->ref.ind->label, s->ref.cat ? " › " : "",
		 s->ref.cat ? s->ref.cat->label : "", app->figures.label);
	ui_text(top, 0, name_w, STYLE_HEADER, false, buf);
	ui_text(top, name_w, value_w, STYLE_HEADER, true, "waarde");
	ui_text(top, name_w + value_w, diff_w, STYLE_HEADER, true, "verschil");
	for (int i = 0; i < s->n; i++)
		if (s->rows[i].is_self && s->rows[i].has_value) {
			self = s->rows[i].value;
			has_self = true;
		}
	for (int i = 0; i < s->n && top + 1 + i <= bottom; i++) {
		const struct compare_row *r = &s->rows[i];
		enum ui_style st = r->is_heading ? STYLE_BOLD : r->is_self ? STYLE_BOLD : STYLE_NORMAL;
		int row = top + 1 + i;

		ui_text(row, 0, name_w, st, false, r->name);
		ui_text(row, name_w, value_w, st, true, r->text);
		/* the region against the other: +12 % means this region is 12 % higher */
		if (has_self && r->has_value && !r->is_self && r->value != 0) {
			char num[64];
			numfmt_nl(num, sizeof num, (self - r->value) / r->value * 100, 1, NUMFMT_SIGN);
			snprintf(buf, sizeof buf, "%s %%", num);
			ui_text(row, name_w + value_w, diff_w, STYLE_NORMAL, true, buf);
		}
	}
	if (s->n <= 2 && top + 4 <= bottom)
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
	free(v->data);
}

const struct view_ops compare_view_ops = {
	.name = "compare",
	.draw = compare_draw,
	.crumb = compare_crumb,
	.close = compare_close,
	.state_size = sizeof(struct compare_state),
};
