/* SPDX-License-Identifier: EUPL-1.2 */
/* The chapter view, the start screen: one row per indicator of the current
 * chapter with its value, change, trend, norm, stoplight and markers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/sparkline.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/xmalloc.h"

#define TREND_PERIODS 8

struct chapter_state {
	size_t shown;			/* the chapter the cursor belongs to */
	int *cursors;			/* the cursor of every chapter */
	char (*trends)[64];		/* one sparkline per row */
	size_t ntrends;
};

/* Column widths for a screen width; 0 hides a column. */
struct layout {
	int label, value, change, trend, norm, status, marks;
};

static struct layout layout_for(int cols)
{
	struct layout l = { 0, 12, 9, 10, 9, 10, 4 };

	if (cols < 78)
		l.norm = 0;
	if (cols < 70)
		l.trend = 0;
	l.label = cols - l.value - l.change - l.trend - l.norm - l.status - l.marks;
	return l;
}

static struct chapter_state *state(struct view *v, const struct app *app)
{
	struct chapter_state *s = v->data;

	if (!s) {
		s = v->data = xcalloc(1, sizeof *s);
		s->cursors = xcalloc(app->cfg->nchapters + 1, sizeof *s->cursors);
	}
	return s;
}

/* Keep a cursor per chapter: Tab and back lands where the analyst was. */
static void follow_chapter(struct view *v, struct app *app)
{
	struct chapter_state *s = state(v, app);

	if (s->shown == app->chapter || app->chapter >= app->cfg->nchapters)
		return;
	s->cursors[s->shown] = v->cursor;
	s->shown = app->chapter;
	v->cursor = s->cursors[app->chapter];
	v->offset = 0;
}

/* The trends of the chapter's rows (the figures themselves are the app's). */
static void chapter_reload(struct view *v, struct app *app)
{
	struct chapter_state *s = state(v, app);
	size_t n = app_chapter_size(app);
	struct jmon_error err;

	free(s->trends);
	s->trends = xcalloc(n ? n : 1, sizeof *s->trends);
	s->ntrends = n;
	for (size_t i = 0; i < n; i++) {
		const struct figure *f = app_chapter_row(app, i);
		struct cell_value series[TREND_PERIODS];
		double values[TREND_PERIODS];
		bool shown[TREND_PERIODS], withheld[TREND_PERIODS];
		struct period p;

		/* a figure of another period shows that period instead (draw_row) */
		if (!f || f->basis != FIGURE_OWN || !period_parse_str(app->period, &p))
			continue;
		for (int k = 0; k < TREND_PERIODS; k++) {
			struct period q = period_add(&p, k - (TREND_PERIODS - 1));
			char code[PERIOD_CODE_MAX];

			if (figures_cell(app->db, app->cfg, app->gate, f->ind, app->region,
					 period_format(&q, code), NULL, &series[k], &withheld[k],
					 &err) != JMON_OK)
				series[k].present = false;
			/* a hidden count is a gap: its height would give it away */
			shown[k] = series[k].present && series[k].has_value && !withheld[k];
			values[k] = series[k].value;
		}
		sparkline(s->trends[i], sizeof s->trends[i], values, shown, TREND_PERIODS, app->utf8);
	}
}

/* The chapter's indicators: the rows shown also without figures. */
static size_t chapter_size(const struct app *app)
{
	return app->cfg->nchapters ? app->cfg->chapters[app->chapter].nindicators : 0;
}

/* Whether the filter shows row i of the chapter. */
static bool row_shown(const struct app *app, size_t i)
{
	const struct figure *f = app_chapter_row(app, i);

	return app->filter == FILTER_ALL || (f && app_filter_shows(app, f));
}

/* The chapter row of line `line` of the view, or the chapter's size. */
static size_t row_of_line(const struct app *app, int line)
{
	size_t n = chapter_size(app), i = 0;

	for (int k = -1; i < n; i++)
		if (row_shown(app, i) && ++k == line)
			break;
	return i;
}

static int chapter_lines(struct view *v, struct app *app)
{
	int k = 0;

	(void)v;
	for (size_t i = 0; i < chapter_size(app); i++)
		k += row_shown(app, i);
	return k;
}

static void draw_row(struct app *app, struct chapter_state *s, const struct layout *l,
		     int row, size_t i, bool selected)
{
	const struct chapter *ch = &app->cfg->chapters[app->chapter];
	const struct figure *f = app_chapter_row(app, i);
	char buf[256];
	int col = 0;

	/* The cursor is the label in reverse video, the rest of the row as on
	 * any row: a move rewrites two labels and the status line, not two
	 * whole rows (fewer bytes over SSH).  It has a mark too, not only
	 * reverse video: it must show in a screen dump, on a terminal without
	 * attributes and to a screen reader. */
	ui_textf(row, col, l->label, selected ? STYLE_CURSOR : STYLE_NORMAL, false, "%s%s",
		 selected ? (app->utf8 ? "▸" : ">") : " ", ch->indicators[i].label);
	col += l->label;
	if (!f) {	/* no data: the chapter still shows what it holds */
		ui_text(row, col, -1, STYLE_NORMAL, false, "");
		return;
	}
	/* one column of space between columns, so "€ 32,6 mln" and not a run-on;
	 * a year of some of its quarters says how many, dimmed: not a value */
	if (figure_incomplete_mark(f, buf, sizeof buf)[0])
		ui_number(row, col, l->value, STYLE_DIM, buf);
	else
		ui_number(row, col, l->value, STYLE_NORMAL,
			  figure_value_fit(f, buf, sizeof buf, l->value - 1));
	col += l->value;
	/* a survey's percentage has no change, but an n beside it (n_from) */
	if (app->show_baseline)	/* B: against the nulmeting */
		ui_number(row, col, l->change, STYLE_NORMAL,
			  figure_base_change_text(f, buf, sizeof buf));
	else if (!f->has_change && figure_n_text(f, buf, sizeof buf)[0])
		ui_number(row, col, l->change, STYLE_DIM, buf);
	else
		ui_number(row, col, l->change, STYLE_NORMAL,
			  figure_change_fit(f, buf, sizeof buf, l->change - 1));
	col += l->change;
	bool spans = false;	/* the period label takes the empty norm's room */
	if (l->trend && f->basis != FIGURE_OWN) {
		/* the period the figure is of, where its trend would be: the
		 * value is not of the column's period, and says so; never cut
		 * ("31-12-2023" is wider than a sparkline) */
		int w = text_width(figure_basis_short(f, buf, sizeof buf));
		spans = w > l->trend - 1 && l->norm && !f->ind->norm.present;
		int room = l->trend + (spans ? l->norm : 0);
		ui_textf(row, col, room, STYLE_DIM, false, "%s%s",
			 w <= room - 2 ? "  " : " ", buf);
		col += room;
	} else if (l->trend) {
		snprintf(buf, sizeof buf, "  %s", i < s->ntrends ? s->trends[i] : "");
		ui_text(row, col, l->trend, STYLE_NORMAL, false, buf);
		col += l->trend;
	}
	if (l->norm && !spans) {
		ui_number(row, col, l->norm, STYLE_NORMAL,
			  figure_norm_text(f->ind, false, buf, sizeof buf));
		col += l->norm;
	}
	ui_text(row, col, 1, STYLE_NORMAL, false, " ");
	ui_status_cell(row, col + 1, l->status - 1, app, f);
	col += l->status;
	ui_markers(row, col, l->marks, app, f, false);
}

static void chapter_draw(struct view *v, struct app *app)
{
	struct chapter_state *s = state(v, app);
	struct layout l = layout_for(ui_cols());
	int top = ui_body_top(), height = ui_body_bottom() - top;
	size_t n = (size_t)chapter_lines(v, app);
	char head[128];
	int col = 0;

	follow_chapter(v, app);
	ui_text(top, col, l.label, STYLE_HEADER, false, " Indicator");
	col += l.label;
	ui_text(top, col, l.value, STYLE_HEADER, true, app->figures.label[0] ? app->figures.label : "waarde");
	col += l.value;
	ui_text(top, col, l.change, STYLE_HEADER, true,	/* "d vorig" in ASCII */
		app->show_baseline ? "Δ nulm." : "Δ vorig");
	col += l.change;
	if (l.trend) {
		snprintf(head, sizeof head, "  trend %d", TREND_PERIODS);
		ui_text(top, col, l.trend, STYLE_HEADER, false, head);
		col += l.trend;
	}
	if (l.norm) {
		ui_text(top, col, l.norm, STYLE_HEADER, true, "norm");
		col += l.norm;
	}
	ui_text(top, col, -1, STYLE_HEADER, false, "  status");
	if (app->filter != FILTER_ALL) {	/* the filter stays in sight while it hides rows */
		char *what = xasprintf(" [%s %zu/%zu]", app_filter_name(app->filter), n,
				       chapter_size(app));
		ui_text(top, 0, l.label, STYLE_HEADER, false, what);
		free(what);
	}
	if (chapter_size(app) == 0) {
		ui_text(top + 2, 1, -1, STYLE_DIM, false, "Dit hoofdstuk heeft geen indicatoren.");
		return;
	}
	if (n == 0) {
		ui_textf(top + 2, 1, -1, STYLE_DIM, false,
			 "Niets %s in dit hoofdstuk (f: ander filter, :filter alle)",
			 app->filter == FILTER_CHANGED ? "gewijzigd" :
			 app->filter == FILTER_TODO ? "meer te beoordelen" : "dat aandacht vraagt");
		return;
	}
	ui_scroll(v, (int)n, height);
	int line = 0, row = 0;

	for (size_t i = 0; i < chapter_size(app) && row < height; i++) {
		if (!row_shown(app, i))
			continue;
		if (line >= v->offset)
			draw_row(app, s, &l, top + 1 + row++, i, line == v->cursor);
		line++;
	}
}

static const char *chapter_crumb(struct view *v, struct app *app)
{
	(void)v;
	return app->cfg->nchapters ? app->cfg->chapters[app->chapter].label : "";
}

/* The indicator under the cursor, or NULL. */
static const struct figure *chapter_selected(struct view *v, struct app *app)
{
	follow_chapter(v, app);
	return app_chapter_row(app, row_of_line(app, v->cursor));
}

/* Put the cursor on a row of a chapter (for r/R and search); a row the
 * filter hides shows all rows again, so the cursor is never on nothing. */
void chapter_select(struct view *v, struct app *app, size_t chapter, size_t row)
{
	follow_chapter(v, app);
	app->chapter = chapter;
	follow_chapter(v, app);
	if (!row_shown(app, row))
		app->filter = FILTER_ALL;
	int line = 0;

	for (size_t i = 0; i < row; i++)
		line += row_shown(app, i);
	v->cursor = line;
}

static void chapter_close(struct view *v)
{
	struct chapter_state *s = v->data;

	if (s) {
		free(s->trends);
		free(s->cursors);
	}
	free(s);
}

const struct view_ops chapter_view_ops = {
	.name = "chapter",
	.reload = chapter_reload,
	.lines = chapter_lines,
	.draw = chapter_draw,
	.crumb = chapter_crumb,
	.close = chapter_close,
	.selected = chapter_selected,
};
