/* SPDX-License-Identifier: EUPL-1.2 */
/* The bar chart of one indicator across the regions of the benchmark view
 * (s), as seed 002 draws its comparison charts: per region one bar per
 * period, grouped, with the reference column's value as a line ("│", "|"
 * without UTF-8) and each bar's value, stoplight and difference against
 * the reference beside it.  A withheld or missing value has no bar: its
 * length would tell the number. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/sparkline.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/xmalloc.h"

#define NAME_W 21
#define VALUE_W 11
#define DIFF_W 11

struct chart_state {
	struct indicator_ref ref;
	struct benchmark_settings set;
	struct benchmark b;
	bool have;
	size_t row;		/* the indicator's row in b */
};

static struct chart_state *state(struct view *v)
{
	return v->data;
}

static void chart_reload(struct view *v, struct app *app)
{
	struct chart_state *s = state(v);
	struct jmon_error err;

	if (s->have)
		benchmark_free(&s->b);
	s->have = false;
	if (!app->db || !app->period[0])
		return;
	if (view_benchmark_load(app, &s->set, s->ref.ind, false, &s->b, &err) != JMON_OK) {
		ui_error(app, "%s", err.msg);
		return;
	}
	s->have = true;
	for (size_t r = 0; r < s->b.nrows; r++)
		if (s->b.rows[r].ind == s->ref.ind && s->b.rows[r].cat == s->ref.cat)
			s->row = r;
}

/* The lines: one per column and period. */
static int chart_lines(struct view *v, struct app *app)
{
	struct chart_state *s = state(v);

	(void)app;
	return s->have ? (int)(s->b.ncols * s->b.nperiods) : 0;
}

static double scale_max(const struct chart_state *s)
{
	double max = 0;

	for (size_t c = 0; c < s->b.ncols; c++)
		for (size_t p = 0; p < s->b.nperiods; p++) {
			const struct benchmark_cell *cell = benchmark_cell(&s->b, s->row, c, p);

			if (cell->has_value && isfinite(cell->value) && cell->value > max)
				max = cell->value;
		}
	/* 5 % headroom; max * 1.05 of the largest double is infinity */
	return !(max > 0) ? 1 : max < DBL_MAX / 1.05 ? max * 1.05 : DBL_MAX;
}

static int axis_col(double v, double max, int width)
{
	double at = v / max * width;

	return at >= 0 && at < width ? (int)at : -1;
}

static void chart_line(struct chart_state *s, struct app *app, int row, size_t c, size_t p,
		       double max, int bar_w)
{
	const struct benchmark *b = &s->b;
	const struct benchmark_column *col = &b->cols[c];
	const struct benchmark_cell *cell = benchmark_cell(b, s->row, c, p);
	const struct benchmark_cell *ref = benchmark_cell(b, s->row, b->reference, p);
	int per_w = b->nperiods > 1 ? 9 : 0, x = NAME_W + per_w;
	int line = ref->has_value ? axis_col(ref->value, max, bar_w) : -1;
	double len = cell->has_value && cell->value > 0 ? cell->value / max * bar_w : 0;
	enum ui_style st = col->is_self ? STYLE_BOLD : STYLE_NORMAL;
	char buf[1024], num[128];

	if (p == 0)
		ui_textf(row, 0, NAME_W - 1, st, false, " %s%s", c == b->reference ? "=" : "", col->name);
	if (per_w)
		ui_text(row, NAME_W, per_w, STYLE_DIM, false, b->period_labels[p]);
	sparkline_bar(buf, sizeof buf, len, bar_w, NULL, 0, line, app->utf8);
	ui_text(row, x, bar_w, STYLE_NORMAL, false, buf);
	benchmark_value_text(&b->rows[s->row], cell, col, num, sizeof num, VALUE_W - 1);
	ui_number(row, x + bar_w, VALUE_W, st, num[0] ? num : "geen");
	if (benchmark_has_status(cell))
		ui_text(row, x + bar_w + VALUE_W + 1, 1, ui_stoplight_style(cell->f->light.status),
			false, stoplight_glyph(cell->f->light.status, app->utf8));
	if (cell->has_diff)
		ui_number(row, x + bar_w + VALUE_W + 2, DIFF_W, STYLE_NORMAL,
			  comparison_difference_text(b->rows[s->row].ind, cell->diff, num, sizeof num,
						     DIFF_W - 1));
}

static void chart_draw(struct view *v, struct app *app)
{
	struct chart_state *s = state(v);
	const struct benchmark *b = &s->b;
	int top = ui_body_top(), height = ui_body_bottom() - top - 1;
	int per_w, bar_w, n = chart_lines(v, app);
	double max;
	char legend[512], num[128];

	if (!s->have || !b->ncols) {
		ui_text(top, 1, -1, STYLE_DIM, false, "Geen gegevens om te tekenen.");
		return;
	}
	per_w = b->nperiods > 1 ? 9 : 0;
	bar_w = ui_cols() - NAME_W - per_w - VALUE_W - 2 - DIFF_W;
	max = scale_max(s);
	ui_textf(top, 0, -1, STYLE_HEADER, false, " %s%s%s%s%s%s%s", s->ref.ind->label,
		 s->ref.cat ? (app->utf8 ? " › " : " > ") : "", s->ref.cat ? s->ref.cat->label : "",
		 app->utf8 ? " · " : " - ", b->period_labels[0],
		 b->nperiods > 1 ? (app->utf8 ? "–" : "-") : "",
		 b->nperiods > 1 ? b->period_labels[b->nperiods - 1] : "");
	ui_pager(v, n, height - 1);
	for (int i = 0; i < height - 1 && v->cursor + i < n; i++) {
		size_t at = (size_t)(v->cursor + i);

		chart_line(s, app, top + 1 + i, at / b->nperiods, at % b->nperiods, max, bar_w);
	}
	/* the reference line and what it stands for, per period */
	snprintf(legend, sizeof legend, " %s = %s:", app->utf8 ? "│" : "|",
		 b->cols[b->reference].name);
	for (size_t p = 0; p < b->nperiods; p++) {
		const struct benchmark_cell *ref = benchmark_cell(b, s->row, b->reference, p);
		size_t len = strlen(legend);

		benchmark_value_text(&b->rows[s->row], ref, &b->cols[b->reference], num, sizeof num, 0);
		text_format(legend + len, sizeof legend - len, "%s%s%s %s", p ? "," : "",
			    b->nperiods > 1 ? " " : "", b->nperiods > 1 ? b->period_labels[p] : "",
			    num[0] ? num : "geen gegevens");
	}
	ui_text(top + height, 0, -1, STYLE_DIM, false, legend);
}

static const char *chart_crumb(struct view *v, struct app *app)
{
	(void)app;
	return state(v)->ref.cat ? state(v)->ref.cat->label : "Grafiek";
}

static void chart_close(struct view *v)
{
	struct chart_state *s = state(v);

	if (s->have)
		benchmark_free(&s->b);
	benchmark_settings_free(&s->set);
	free(s);
}

const struct view_ops chart_view_ops = {
	.name = "chart",
	.reload = chart_reload,
	.lines = chart_lines,
	.draw = chart_draw,
	.crumb = chart_crumb,
	.close = chart_close,
	.state_size = sizeof(struct chart_state),
};

struct view *view_chart_new(const struct indicator *ind, const struct category *cat,
			    const struct benchmark_settings *set)
{
	struct view *v = view_for_indicator(&chart_view_ops, ind, cat);

	benchmark_settings_copy(&state(v)->set, set);
	return v;
}
