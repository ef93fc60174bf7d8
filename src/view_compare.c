/* SPDX-License-Identifier: EUPL-1.2 */
/* The compare view (c): the selected figure for the region, the regions of
 * its peer group(s) and their mean, and the Netherlands where present. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/comparison.h"
#include "jmon/numfmt.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/xmalloc.h"

#define VALUE_W 16	/* the value column, a space before the number */
#define STATUS_W 11	/* "  ▲ oranje" */

struct compare_state {
	struct indicator_ref ref;
	struct comparison cmp;	/* a peer group may name every gemeente */
	/* each region's status by its own rule, as its own chapter view
	 * would show it; STOPLIGHT_NSTATUS for a row without one */
	enum stoplight_status *status;
};

/* The status of the cell in region, evaluated as for that region. */
static enum stoplight_status status_in(struct app *app, const struct indicator_ref *ref,
				       const char *region)
{
	struct figure_set fs;
	struct jmon_error err;
	enum stoplight_status st = STOPLIGHT_NSTATUS;

	if (figures_load_indicator(app->db, app->cfg, app->gate, region, app->period, ref->ind,
				   &fs, &err) != JMON_OK)
		return st;
	for (size_t i = 0; i < fs.n; i++)
		if (fs.rows[i].cat == ref->cat && fs.rows[i].now.present)
			st = fs.rows[i].light.status;
	figures_free(&fs);
	return st;
}

static struct compare_state *state(struct view *v)
{
	return v->data;
}

static void compare_reload(struct view *v, struct app *app)
{
	struct compare_state *s = state(v);
	struct jmon_error err;

	comparison_free(&s->cmp);
	free(s->status);
	s->status = NULL;
	if (!app->db || !app->period[0])
		return;
	if (comparison_load(app->db, app->cfg, app->gate, s->ref.ind, s->ref.cat ? s->ref.cat->id : NULL,
			    app->region, app->period, &s->cmp, &err) != JMON_OK) {
		ui_error(app, "%s", err.msg);
		return;
	}
	s->status = xcalloc(s->cmp.n ? s->cmp.n : 1, sizeof *s->status);
	for (size_t i = 0; i < s->cmp.n; i++)
		s->status[i] = s->cmp.rows[i].kind == COMPARISON_REGION
			       ? status_in(app, &s->ref, s->cmp.rows[i].code) : STOPLIGHT_NSTATUS;
}

/* A row's value as the reader sees it. */
static char *value_text(const struct indicator *ind, const struct comparison_row *r, char *buf,
			size_t size)
{

	buf[0] = '\0';
	if (r->kind == COMPARISON_MEAN) {
		if (r->has_value)	/* the precision of the values it is the mean of */
			numfmt_unit_fit(buf, size, r->value, ind->decimals, ind->unit, 0,
					VALUE_W - 1);
		else
			snprintf(buf, size, "geen gegevens");
	} else if (r->kind == COMPARISON_REGION) {
		if (!r->cell.v.present)
			snprintf(buf, size, "geen gegevens");
		else
			disclosed_value_text(ind, &r->cell, buf, size, VALUE_W - 1);
	}
	return buf;
}

static int compare_lines(struct view *v, struct app *app)
{
	(void)app;
	return (int)state(v)->cmp.n;
}

static void compare_draw(struct view *v, struct app *app)
{
	struct compare_state *s = state(v);
	int top = ui_body_top(), height = ui_body_bottom() - top;
	int value_w = VALUE_W, status_w = STATUS_W, diff_w = 14;
	int name_w = ui_cols() - value_w - status_w - diff_w;
	int n = compare_lines(v, app);
	char buf[256];

	ui_textf(top, 0, name_w, STYLE_HEADER, false, " %s%s%s, %s", s->ref.ind->label,
		 s->ref.cat ? " › " : "", s->ref.cat ? s->ref.cat->label : "", app->figures.label);
	ui_text(top, name_w, value_w, STYLE_HEADER, true, "waarde");
	ui_text(top, name_w + value_w, status_w, STYLE_HEADER, false, "  status");
	/* B: each row against its own nulmeting instead of against this region */
	ui_text(top, name_w + value_w + status_w, diff_w, STYLE_HEADER, true,
		app->show_baseline ? "Δ nulm." : "verschil");
	ui_pager(v, n, height);
	for (int r = 0; r < height && v->cursor + r < n; r++) {
		const struct comparison_row *c = &s->cmp.rows[v->cursor + r];
		enum ui_style st = c->kind == COMPARISON_HEADING || c->is_self ? STYLE_BOLD
									: STYLE_NORMAL;
		int row = top + 1 + r;

		ui_text(row, 0, name_w, st, false, c->name);
		ui_number(row, name_w, value_w, st, value_text(s->ref.ind, c, buf, sizeof buf));
		if (s->status && s->status[v->cursor + r] != STOPLIGHT_NSTATUS) {
			enum stoplight_status ls = s->status[v->cursor + r];

			snprintf(buf, sizeof buf, "  %s %s", stoplight_glyph(ls, app->utf8),
				 stoplight_word(ls));
			ui_text(row, name_w + value_w, status_w, ui_stoplight_style(ls), false, buf);
		}
		if (app->show_baseline && c->has_base_change) {
			difference_fit(s->ref.ind, c->base_change, buf, sizeof buf, diff_w - 1);
			ui_number(row, name_w + value_w + status_w, diff_w, STYLE_NORMAL, buf);
		} else if (!app->show_baseline && c->has_diff) {
			comparison_difference_text(s->ref.ind, c->diff, buf, sizeof buf, diff_w - 1);
			ui_number(row, name_w + value_w + status_w, diff_w, STYLE_NORMAL, buf);
		}
	}
	/* what the column is against, below the table where there is room */
	if (app->show_baseline && n + 2 <= height)
		ui_textf(top + 2 + n, 1, -1, STYLE_DIM, false, "%s%s%s",
			 s->cmp.base_period[0] ? "Δ nulm.: elke rij t.o.v. haar eigen nulmeting " :
			 "Deze indicator heeft geen nulmeting (baseline)",
			 s->cmp.base_label, s->cmp.base_period[0] ? " (B: t.o.v. deze regio)" : "");
	if (n <= 2 && top + 4 <= ui_body_bottom())
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

	comparison_free(&s->cmp);
	free(s->status);
	free(s);
}

const struct view_ops compare_view_ops = {
	.name = "compare",
	.reload = compare_reload,
	.lines = compare_lines,
	.draw = compare_draw,
	.crumb = compare_crumb,
	.close = compare_close,
	.state_size = sizeof(struct compare_state),
};
