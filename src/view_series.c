/* SPDX-License-Identifier: EUPL-1.2 */
/* The series view (Enter on a category): one cell over the last periods as
 * a horizontal bar chart, with the norm as a line and the stoplight bounds
 * of a `value` rule as marks, each period with its value and status. */
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/sparkline.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"

#define MAX_PERIODS 24

struct series_state {
	struct indicator_ref ref;
	int n;
	struct figure rows[MAX_PERIODS];	/* oldest first */
	char labels[MAX_PERIODS][PERIOD_LABEL_MAX];
};

static struct series_state *state(struct view *v)
{
	return v->data;
}

static void series_reload(struct view *v, struct app *app)
{
	struct series_state *s = state(v);
	int want = ui_body_bottom() - ui_body_top() - 2;
	struct period p;
	struct jmon_error err;

	if (want > MAX_PERIODS)
		want = MAX_PERIODS;
	if (want < 1)
		want = 1;
	s->n = 0;
	if (!app->db || !period_parse_str(app->period, &p))
		return;
	for (int i = want - 1; i >= 0; i--) {
		/* the current period last, the ones before it of the kind of the
		 * period its figure belongs to (a reference date's years) */
		struct period q = period_add(&p, i - (want - 1));
		struct figure_set fs;
		char code[PERIOD_CODE_MAX];

		if (i == want - 1)
			q = p;
		if (figures_load_indicator(app->db, app->cfg, app->gate, app->region, period_format(&q, code),
					   s->ref.ind, &fs, &err) != JMON_OK) {
			ui_error(app, "%s", err.msg);
			s->n = 0;
			return;
		}
		memset(&s->rows[i], 0, sizeof s->rows[i]);
		s->rows[i].ind = s->ref.ind;	/* a period without data is still this cell */
		s->rows[i].cat = s->ref.cat;
		for (size_t k = 0; k < fs.n; k++)
			if (fs.rows[k].cat == s->ref.cat)
				s->rows[i] = fs.rows[k];
		/* its own period, not the column's; one rolled up is of the
		 * column's ("2023 Q3", never "som van jul–sep 2023" cut) */
		if (s->rows[i].basis == FIGURE_AS_OF)
			memcpy(s->labels[i], s->rows[i].value_label, sizeof s->labels[i]);
		else
			period_label_short(&fs.p, s->labels[i]);
		if (i == want - 1 && s->rows[i].basis != FIGURE_OWN)
			period_parse_str(s->rows[i].value_period, &p);
		figures_free(&fs);
		s->n++;
	}
	/* a series starts where its data starts */
	int skip = 0;
	while (skip < s->n - 1 && !s->rows[skip].now.present)
		skip++;
	memmove(s->rows, s->rows + skip, (size_t)(s->n - skip) * sizeof s->rows[0]);
	memmove(s->labels, s->labels + skip, (size_t)(s->n - skip) * sizeof s->labels[0]);
	s->n -= skip;
}

/* The bounds of a `value` rule worth marking on the axis. */
static int bounds(const struct indicator *ind, double *out)
{
	const struct condition *c[] = { &ind->rule.green, &ind->rule.amber };
	int n = 0;

	if (!ind->rule.present || ind->rule.on != ON_VALUE)
		return 0;
	for (size_t i = 0; i < 2; i++) {
		if (c[i]->op == COND_NONE)
			continue;
		out[n++] = c[i]->a;
		if (c[i]->op == COND_RANGE)
			out[n++] = c[i]->b;
	}
	return n;
}

static bool shown(const struct figure *f)
{
	return f->now.present && f->now.has_value && !f->withheld;
}

/* The column of value v on an axis from 0 to max over width columns, or
 * -1 when it is off the axis: a bound of -1e300 must not become a column
 * by an out-of-range cast. */
static int axis_col(double v, double max, int width)
{
	double at = v / max * width;

	return at >= 0 && at < width ? (int)at : -1;
}

static void series_draw(struct view *v, struct app *app)
{
	struct series_state *s = state(v);
	const struct indicator *ind = s->ref.ind;
	int top = ui_body_top();
	double max = 0, marks_at[4];
	int nbounds = bounds(ind, marks_at), marks[4], norm_col = -1;
	int value_w = 12, status_w = 10, label_w = 10;
	int width = ui_cols() - label_w - value_w - status_w - 3;
	char buf[1024], num[64];

	for (int i = 0; i < s->n; i++)
		if (shown(&s->rows[i]) && s->rows[i].now.value > max && isfinite(s->rows[i].now.value))
			max = s->rows[i].now.value;
	if (ind->norm.present && ind->norm.value > max && isfinite(ind->norm.value))
		max = ind->norm.value;
	for (int i = 0; i < nbounds; i++)
		if (marks_at[i] > max && isfinite(marks_at[i]))
			max = marks_at[i];
	/* 5 % headroom; max * 1.05 of the largest double is infinity */
	max = !(max > 0) ? 1 : max < DBL_MAX / 1.05 ? max * 1.05 : DBL_MAX;
	for (int i = 0; i < nbounds; i++)
		marks[i] = axis_col(marks_at[i], max, width);
	if (ind->norm.present)
		norm_col = axis_col(ind->norm.value, max, width);

	ui_textf(top, 0, -1, STYLE_HEADER, false, " %s%s%s", ind->label, s->ref.cat ? " › " : "",
		 s->ref.cat ? s->ref.cat->label : "");
	for (int i = 0; i < s->n; i++) {
		const struct figure *f = &s->rows[i];
		int row = top + 1 + i;
		double len = shown(f) && f->now.value > 0 ? f->now.value / max * width : 0;

		/* never cut: "31-12-2023" takes the margin too */
		snprintf(buf, sizeof buf, "%s%s", text_width(s->labels[i]) < label_w ? " " : "",
			 s->labels[i]);
		ui_text(row, 0, label_w, i == s->n - 1 ? STYLE_BOLD : STYLE_NORMAL, false, buf);
		sparkline_bar(buf, sizeof buf, len, width, marks, nbounds, norm_col, app->utf8);
		ui_text(row, label_w + 1, width, ui_stoplight_style(f->light.status) == STYLE_GREY
			? STYLE_DIM : STYLE_NORMAL, false, buf);
		ui_number(row, label_w + 1 + width, value_w, STYLE_NORMAL,
			  figure_value_fit(f, num, sizeof num, value_w - 1));
		if (f->now.present) {
			ui_text(row, label_w + 1 + width + value_w, 1, STYLE_NORMAL, false, " ");
			ui_status_cell(row, label_w + 2 + width + value_w, status_w, app, f);
		}
	}
	/* legend */
	buf[0] = '\0';
	if (ind->norm.present) {
		char norm[512];

		/* the norm's label may be longer than the buffer: never half a character */
		text_trim_partial(figure_norm_text(ind, true, norm, sizeof norm));
		text_format(buf, sizeof buf, " %s norm: %s", app->utf8 ? "│" : "|", norm);
	}
	if (nbounds) {
		size_t len = strlen(buf);
		snprintf(buf + len, sizeof buf - len, "   %s grenzen:", app->utf8 ? "┆" : ":");
		for (int i = 0; i < nbounds; i++) {
			len = strlen(buf);
			snprintf(buf + len, sizeof buf - len, " %s",
				 numfmt_nl(num, sizeof num, marks_at[i], -1, 0));
		}
	}
	if (buf[0])
		ui_text(top + 2 + s->n, 0, -1, STYLE_DIM, false, buf);
}

/* The series is the bottom of the drill-down: Enter would open the
 * breakdown it came from on top of it, deeper at every press. */
static bool series_action(struct view *v, struct app *app, enum action a, const char *arg)
{
	(void)v;
	(void)arg;
	if (a != ACTION_ENTER)
		return false;
	ui_message(app, "dieper gaat niet: dit is de reeks van één cijfer (Esc: terug)");
	return true;
}

static const char *series_crumb(struct view *v, struct app *app)
{
	(void)app;
	return state(v)->ref.cat ? state(v)->ref.cat->label : "totaal";
}

static const struct figure *series_selected(struct view *v, struct app *app)
{
	struct series_state *s = state(v);

	(void)app;
	return s->n ? &s->rows[s->n - 1] : NULL;
}

static void series_close(struct view *v)
{
	free(v->data);
}

const struct view_ops series_view_ops = {
	.name = "series",
	.reload = series_reload,
	.draw = series_draw,
	.action = series_action,
	.crumb = series_crumb,
	.close = series_close,
	.selected = series_selected,
	.state_size = sizeof(struct series_state),
};
