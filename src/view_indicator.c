/* SPDX-License-Identifier: EUPL-1.2 */
/* The indicator view (Enter on a chapter row): the breakdown by category
 * (rows) over the last periods (columns), each cell with its stoplight,
 * then what the indicator is: definition, source, unit, norm, rule, the
 * reason of the selected row's status, and its explanation. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/xmalloc.h"

#define MAX_PERIODS 8
#define LABEL_WIDTH 28
#define CELL_WIDTH 13
#define MARKS_WIDTH 5		/* " ✓✎!*" */
#define TEXTS_MAX 8		/* text fields shown (monitor.texts) */

struct indicator_state {
	struct indicator_ref ref;
	bool placed;			/* the cursor was put on ref.cat */
	int nperiods;			/* columns, oldest first */
	int cur;			/* the current period's column */
	struct figure_set sets[MAX_PERIODS];
	bool chosen;			/* < or > chose a column: col */
	int col;
	bool months;			/* the months of quarter `open` are shown */
	struct period open;		/* after it (Enter on its column) */
	struct {
		char *text, *by;	/* NULL when the row has no such text */
	} (*notes)[TEXTS_MAX];		/* per row of the current period, per
					 * text field of the monitor */
};

static struct indicator_state *state(struct view *v)
{
	return v->data;
}

static int periods_that_fit(void)
{
	int n = (ui_cols() - LABEL_WIDTH) / CELL_WIDTH;

	return n < 1 ? 1 : n > MAX_PERIODS ? MAX_PERIODS : n;
}

static void free_sets(struct indicator_state *s)
{
	for (size_t i = 0; s->notes && s->nperiods && i < s->sets[s->cur].n; i++)
		for (size_t k = 0; k < TEXTS_MAX; k++) {
			free(s->notes[i][k].text);
			free(s->notes[i][k].by);
		}
	free(s->notes);
	s->notes = NULL;
	for (int i = 0; i < s->nperiods; i++)
		figures_free(&s->sets[i]);
	s->nperiods = 0;
}

static void load_explanations(struct indicator_state *s, struct app *app);

static bool same_period(const struct period *a, const struct period *b)
{
	return a->kind == b->kind && a->year == b->year && a->n == b->n && a->day == b->day;
}

/* The periods of the columns, oldest first, ending with p (the current
 * one, at *cur), want of them: the periods of p's kind before it and, when
 * a quarter among them is open, its three months after it.  What does not
 * fit goes oldest first, the current period and the months last of all,
 * and the open quarter itself before them: at 80 columns the four columns
 * are the three months and the current period. */
static void column_periods(const struct indicator_state *s, const struct period *p, int want,
			   struct period *cols, int *cur)
{
	struct period list[MAX_PERIODS + 3];
	int keep[MAX_PERIODS + 3];	/* 0: goes first, 1: the open quarter, 2: stays */
	int n = 0, at = 0;

	*cur = want - 1;

	for (int i = 0; i < want; i++) {
		list[n] = period_add(p, i - (want - 1));
		bool open = s->months && same_period(&list[n], &s->open);

		if (i == want - 1)
			at = n;
		keep[n++] = i == want - 1 ? 2 : open;
		for (int m = 1; open && m <= 3; m++) {
			list[n] = (struct period){ PERIOD_MONTH, s->open.year, 3 * (s->open.n - 1) + m, 0 };
			keep[n++] = 2;
		}
	}
	int k = 0;

	for (int level = 0; level < 2; level++)
		for (int i = 0; i < n && n - k > want; i++)
			if (keep[i] == level) {
				keep[i] = -1;
				k++;
			}
	k = 0;
	for (int i = 0; i < n; i++)
		if (keep[i] >= 0) {
			if (i == at)
				*cur = k;
			cols[k++] = list[i];
		}
}

static void indicator_reload(struct view *v, struct app *app)
{
	struct indicator_state *s = state(v);
	int want = periods_that_fit(), cur;
	struct period p, cols[MAX_PERIODS];
	struct jmon_error err;

	struct figure_set now;

	free_sets(s);
	s->cur = 0;
	if (!app->db || !period_parse_str(app->period, &p))
		return;
	/* the current period last; the columns before it are of the kind of
	 * the period its figure belongs to (a reference date's years before
	 * it, not quarters without data) */
	if (figures_load_indicator(app->db, app->cfg, app->gate, app->region, app->period,
				   s->ref.ind, &now, &err) != JMON_OK) {
		ui_error(app, "%s", err.msg);
		return;
	}
	if (now.n && now.rows[0].basis != FIGURE_OWN)
		period_parse_str(now.rows[0].value_period, &p);
	column_periods(s, &p, want, cols, &cur);
	for (int i = 0; i < want; i++) {
		char code[PERIOD_CODE_MAX];

		if (i == cur) {
			s->sets[i] = now;
		} else if (figures_load_indicator(app->db, app->cfg, app->gate, app->region,
						  period_format(&cols[i], code), s->ref.ind,
						  &s->sets[i], &err) != JMON_OK) {
			ui_error(app, "%s", err.msg);
			if (i < cur)
				figures_free(&now);
			free_sets(s);	/* the columns loaded, and now when it is one */
			return;
		}
		s->nperiods = i + 1;
	}
	s->cur = cur;
	if (s->chosen && s->col >= s->nperiods)
		s->col = s->nperiods - 1;
	if (s->nperiods)
		load_explanations(s, app);
	/* opened on a category (r on a signal below its total): start there */
	for (size_t i = 0; !s->placed && s->nperiods && i < s->sets[s->cur].n; i++)
		if (s->sets[s->cur].rows[i].cat == s->ref.cat && s->ref.cat)
			v->cursor = (int)i;
	s->placed = true;
}

/* The rows: the total and every category, from the current period's set. */
static int indicator_lines(struct view *v, struct app *app)
{
	struct indicator_state *s = state(v);

	(void)app;
	return s->nperiods ? (int)s->sets[s->cur].n : 0;
}

static const struct figure *indicator_selected(struct view *v, struct app *app)
{
	struct indicator_state *s = state(v);
	int n = indicator_lines(v, app);

	if (v->cursor >= n)
		return NULL;
	return &s->sets[s->cur].rows[v->cursor];
}

static void draw_cell(int row, int col, const struct app *app, const struct figure *f,
		      bool selected)
{
	char value[64], cell[96], n[32];

	/* a space, the value, a space and the glyph: large amounts in "mln" */
	figure_value_fit(f, value, sizeof value, CELL_WIDTH - 3);
	/* the n of a survey's percentage beside it, where it fits ("62 % n=48") */
	if (value[0] && figure_n_text(f, n, sizeof n)[0] &&
	    text_width(value) + 1 + text_width(n) <= CELL_WIDTH - 3)
		snprintf(value + strlen(value), sizeof value - strlen(value), " %s", n);
	bool partial = !value[0] && figure_incomplete_mark(f, value, sizeof value)[0];

	if (!value[0])
		snprintf(value, sizeof value, "%s", app->utf8 ? "–" : "-");
	else if (text_width(value) > CELL_WIDTH - 3)	/* never a cut number */
		snprintf(value, sizeof value, "%s", app->utf8 ? "…" : "~");
	/* the glyph only where there is something to judge */
	snprintf(cell, sizeof cell, "%s %s", value,
		 (f->colored && f->now.present) || f->light.overridden
			? stoplight_glyph(f->light.status, app->utf8) : " ");
	ui_text(row, col, CELL_WIDTH, selected ? STYLE_CURSOR : partial ? STYLE_DIM :
		f->colored ? ui_stoplight_style(f->light.status) == STYLE_GREY ? STYLE_DIM : STYLE_NORMAL
			   : STYLE_NORMAL, true, cell);
}

/* Word-wrap text into the rows [row, bottom]; returns the next free row. */
static int wrap(int row, int bottom, int indent, enum ui_style st, const char *text)
{
	int width = ui_cols() - indent - 1;

	while (*text && row <= bottom) {
		size_t next, len = text_wrap(text, width, &next);
		char *line = xstrndup(text, len);

		ui_text(row++, indent, -1, st, false, line);
		free(line);
		text += next;
	}
	return row;
}

/* wrap() of a formatted text: labels and reasons of any length. */
static int wrapf(int row, int bottom, int indent, enum ui_style st, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static int wrapf(int row, int bottom, int indent, enum ui_style st, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	row = wrap(row, bottom, indent, st, text);
	free(text);
	return row;
}

static void rule_text(const struct indicator *ind, char *buf, size_t size)
{
	const struct stoplight_rule *r = &ind->rule;

	if (!r->present) {
		snprintf(buf, size, "geen (status altijd grijs, of handmatig)");
		return;
	}
	int n = snprintf(buf, size, "%s: groen %s%s%s%s%s", rule_on_name(r->on),
			 r->green.text ? r->green.text : "-",
			 r->amber.text ? ", oranje " : "", r->amber.text ? r->amber.text : "",
			 r->red.text ? ", rood " : ", anders rood", r->red.text ? r->red.text : "");
	const char *from = r->count_from ? r->count_from : ind->n_from;

	if (r->min_n > 0 && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "; grijs onder n = %d%s%s", r->min_n,
			 from ? " van " : "", from ? from : "");
}

static size_t texts_shown(const struct app *app)
{
	size_t n = app->cfg->monitor.ntexts;

	return n < TEXTS_MAX ? n : TEXTS_MAX;
}

/* The explanations of the rows that have one, each text field, into
 * s->notes. */
static void load_explanations(struct indicator_state *s, struct app *app)
{
	const struct figure_set *fs = &s->sets[s->cur];
	const struct monitor *m = &app->cfg->monitor;

	s->notes = xcalloc(fs->n ? fs->n : 1, sizeof *s->notes);
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->rows[i];
		struct cell_key key = { f->ind->id, app->region, app->period,
					f->cat ? f->cat->id : "" };

		for (size_t k = 0; f->annotated && k < texts_shown(app); k++) {
			struct annotation note = { 0 };
			bool found = false;
			struct jmon_error err;

			if (query_annotation(app->db, &key, m->texts[k].id, &note, &found,
					     &err) == JMON_OK && found) {
				s->notes[i][k].text = xstrdup(note.text);
				s->notes[i][k].by = xasprintf("%s, %.10s", note.author, note.at);
			}
			annotation_free(&note);
		}
	}
}

/* Each text field of the selected row under its label; the one field of
 * a monitor as "Toelichting". */
static int draw_texts(struct view *v, struct app *app, const struct figure *f, int row,
		      int bottom)
{
	struct indicator_state *s = state(v);
	const struct monitor *m = &app->cfg->monitor;
	bool any = false;

	for (size_t k = 0; s->notes && k < texts_shown(app); k++) {
		const char *text = s->notes[v->cursor][k].text, *by = s->notes[v->cursor][k].by;

		if (!text)
			continue;
		any = true;
		if (f->note_outdated)	/* kept, but read as written for the old value */
			row = wrapf(row, bottom, 1, STYLE_HEADER, "%s (%s), geschreven bij %s:",
				    m->texts[k].label, by, f->note_for);
		else
			row = wrapf(row, bottom, 1, STYLE_HEADER, "%s (%s):", m->texts[k].label, by);
		row = wrap(row, bottom, 2, STYLE_NORMAL, text);
	}
	if (!any)
		row = wrap(row, bottom, 1, STYLE_DIM, "Geen toelichting (a: schrijven)");
	return row;
}

static void draw_details(struct view *v, struct app *app, int row, int bottom)
{
	struct indicator_state *s = state(v);
	const struct indicator *ind = s->ref.ind;
	const struct figure *f = indicator_selected(v, app);
	char norm[256], rule[1024];

	if (row > bottom)
		return;
	/* a label the header or the row cuts, whole: a survey's statement */
	if (text_width(ind->label) + 1 > ui_cols() - s->nperiods * CELL_WIDTH)
		row = wrap(row, bottom, 1, STYLE_BOLD, ind->label);
	if (f && f->cat && text_width(f->cat->label) + 3 > ui_cols() - s->nperiods * CELL_WIDTH -
							   MARKS_WIDTH)
		row = wrap(row, bottom, 1, STYLE_NORMAL, f->cat->label);
	if (f) {
		char n[32];

		figure_n_text(f, n, sizeof n);
		row = wrapf(row, bottom, 1, STYLE_BOLD, "Status %s%s%s%s: %s %s%s, %s%s",
			    f->cat ? f->cat->label : "totaal", n[0] ? " (" : "", n, n[0] ? ")" : "",
			    stoplight_glyph(f->light.status, app->utf8),
			    stoplight_word(f->light.status), f->light.document ? " (rapport)" : "",
			    f->light.reason, f->reviewed ? " (beoordeeld)" : "");
	}
	/* the document's status is a fact about the document: nobody reviewed it */
	if (f && f->sourced)
		row = wrapf(row, bottom, 1, STYLE_DIM, "Status van het rapport: %s %s (%s); geen "
			    "beoordeling (spatie: beoordelen)", stoplight_glyph(f->source_status,
			    app->utf8), stoplight_word(f->source_status), f->source_file);
	/* a review is about a value: one for another value is not a review */
	if (f && f->review_outdated)
		row = wrapf(row, bottom, 1, STYLE_BOLD, "%s Beoordeling verouderd: gegeven bij %s; "
			    "de levering veranderde het cijfer (spatie: opnieuw beoordelen)",
			    app->utf8 ? "↻" : "~", f->review_for);
	/* who judged it last, and when: the team sees each other's work */
	if (f && f->review_by[0])
		row = wrapf(row, bottom, 1, STYLE_DIM, "%s (%s, %.10s)",
			    f->reviewed ? "Beoordeeld" : f->review_outdated ? "Beoordeeld (verouderd)"
			    : f->light.overridden ? "Kleur gezet" : "Beoordeling ingetrokken",
			    f->review_by, f->review_at);
	if (ind->definition)
		row = wrap(row, bottom, 1, STYLE_NORMAL, ind->definition);
	row = wrapf(row, bottom, 1, STYLE_DIM, "%s%s%seenheid: %s", ind->source ? "Bron: " : "",
		    ind->source ? ind->source : "", ind->source ? " · " : "",
		    ind->unit == UNIT_NONE ? "geen (zonder cijfer)" : unit_name(ind->unit));
	if (ind->compute.kind != COMPUTE_NONE) {
		char formula[1024];

		indicator_formula(ind, app->utf8 ? FORMULA_LABELS : FORMULA_ASCII, formula,
				  sizeof formula);
		row = wrapf(row, bottom, 1, STYLE_DIM, "Berekend: %s", formula);
	}
	if (ind->norm.present) {
		figure_norm_text(ind, true, norm, sizeof norm);
		row = wrapf(row, bottom, 1, STYLE_DIM, "Norm: %s%s%s%s", norm,
			    ind->norm.basis ? " (" : "", ind->norm.basis ? ind->norm.basis : "",
			    ind->norm.basis ? ")" : "");
	}
	rule_text(ind, rule, sizeof rule);
	row = wrapf(row, bottom, 1, STYLE_DIM, "Regel: %s", rule);
	if (f)
		draw_texts(v, app, f, row, bottom);
}

static void indicator_draw(struct view *v, struct app *app)
{
	struct indicator_state *s = state(v);
	int top = ui_body_top(), bottom = ui_body_bottom();
	int n = indicator_lines(v, app);
	int label_w = ui_cols() - s->nperiods * CELL_WIDTH;

	ui_textf(top, 0, label_w, STYLE_HEADER, false, " %s", s->ref.ind->label);
	for (int i = 0; i < s->nperiods; i++) {
		const struct figure_set *fs = &s->sets[i];
		/* a column shown as of another period is headed by that period;
		 * one rolled up is of its own ("2023 Q3", the parts in the reason) */
		bool as_of = fs->n && fs->rows[0].basis == FIGURE_AS_OF;
		char label[PERIOD_LABEL_MAX];

		const char *text = as_of ? fs->rows[0].value_label : period_label_short(&fs->p, label);
		char chosen[PERIOD_LABEL_MAX + 4];

		/* short labels: a column never cuts one ("sep 2023"); the column
		 * < and > chose in brackets, as the chapter tabs mark theirs */
		snprintf(chosen, sizeof chosen, "[%s]", text);
		ui_text(top, label_w + i * CELL_WIDTH, CELL_WIDTH, STYLE_HEADER, true,
			s->chosen && i == s->col ? chosen : text);
	}
	if (n == 0) {
		ui_text(top + 1, 1, -1, STYLE_DIM, false, "Geen gegevens voor deze periode.");
		return;
	}
	/* The table takes at most half of the body when there are details to show. */
	int table_rows = n < (bottom - top) / 2 ? n : (bottom - top) / 2;
	if (table_rows < 1)
		table_rows = 1;
	ui_scroll(v, n, table_rows);
	for (int r = 0; r < table_rows && v->offset + r < n; r++) {
		int i = v->offset + r, row = top + 1 + r;
		const struct figure *cur = &s->sets[s->cur].rows[i];
		bool sel = i == v->cursor;

		ui_textf(row, 0, label_w - MARKS_WIDTH, sel ? STYLE_CURSOR :
			 cur->cat ? STYLE_NORMAL : STYLE_BOLD, false, "%s%s%s",
			 sel ? (app->utf8 ? "▸" : ">") : " ",
			 cur->cat ? "  " : "", cur->cat ? cur->cat->label : "Totaal");
		ui_markers(row, label_w - MARKS_WIDTH, MARKS_WIDTH, app, cur, sel);
		for (int p = 0; p < s->nperiods; p++)
			if ((size_t)i < s->sets[p].n)
				draw_cell(row, label_w + p * CELL_WIDTH, app, &s->sets[p].rows[i], sel);
	}
	draw_details(v, app, top + 2 + table_rows, bottom);
}

/* Whether quarter q has a figure of the indicator in one of its months. */
static bool has_months(struct indicator_state *s, struct app *app, const struct period *q)
{
	bool any = false;

	for (int m = 1; m <= 3 && !any; m++) {
		struct period month = { PERIOD_MONTH, q->year, 3 * (q->n - 1) + m, 0 };
		char code[PERIOD_CODE_MAX];
		struct figure_set fs;
		struct jmon_error err;

		if (figures_load_indicator(app->db, app->cfg, app->gate, app->region,
					   period_format(&month, code), s->ref.ind, &fs, &err) != JMON_OK)
			continue;
		for (size_t i = 0; i < fs.n; i++)
			any |= fs.rows[i].basis == FIGURE_OWN && fs.rows[i].now.present;
		figures_free(&fs);
	}
	return any;
}

/* Enter on a quarter's column (chosen with < and >): its months after it,
 * or closed again (also from one of its months).  false: not a column of
 * a quarter with months, so Enter drills down as on any row. */
static bool toggle_months(struct view *v, struct app *app)
{
	struct indicator_state *s = state(v);
	struct period q;
	char label[PERIOD_LABEL_MAX];

	if (!s->chosen || s->col >= s->nperiods)
		return false;
	q = s->sets[s->col].p;
	if (s->months && (same_period(&q, &s->open) || q.kind == PERIOD_MONTH)) {
		s->months = false;
		q = s->open;
	} else if (q.kind != PERIOD_QUARTER) {
		return false;
	} else if (!has_months(s, app, &q)) {
		/* no dead end: Enter then drills down as on any row */
		ui_message(app, "geen maandcijfers in %s", period_label(&q, label));
		return false;
	} else {
		s->months = true;
		s->open = q;
	}
	indicator_reload(v, app);
	/* the column stays on the quarter, or where its months begin */
	struct period first = { PERIOD_MONTH, q.year, 3 * (q.n - 1) + 1, 0 };

	for (int i = s->nperiods - 1; i >= 0; i--)
		if (same_period(&s->sets[i].p, &q) || same_period(&s->sets[i].p, &first))
			s->col = i;
	ui_message(app, s->months ? "maanden van %s (Enter: dicht)" : "%s zonder maanden",
		   period_label(&q, label));
	return true;
}

static bool indicator_action(struct view *v, struct app *app, enum action a, const char *arg)
{
	struct indicator_state *s = state(v);
	const struct figure *f;

	(void)arg;
	if (a == ACTION_COLUMN_LEFT || a == ACTION_COLUMN_RIGHT) {
		if (!s->chosen)	/* the first press chooses the current period's */
			s->col = s->cur;
		else if (a == ACTION_COLUMN_LEFT && s->col > 0)
			s->col--;
		else if (a == ACTION_COLUMN_RIGHT && s->col + 1 < s->nperiods)
			s->col++;
		s->chosen = true;
		return true;
	}
	if (a != ACTION_ENTER)
		return false;
	if (toggle_months(v, app))
		return true;
	if (!(f = indicator_selected(v, app)))
		return false;
	ui_push(app, view_for_indicator(&series_view_ops, f->ind, f->cat));
	return true;
}

static const char *indicator_crumb(struct view *v, struct app *app)
{
	(void)app;
	return state(v)->ref.ind->label;
}

static void indicator_close(struct view *v)
{
	struct indicator_state *s = state(v);

	free_sets(s);
	free(s);
}

static const enum action indicator_handles[] = { ACTION_ENTER, ACTION_COLUMN_LEFT,
						 ACTION_COLUMN_RIGHT, ACTION_NONE };

const struct view_ops indicator_view_ops = {
	.name = "indicator",
	.reload = indicator_reload,
	.lines = indicator_lines,
	.draw = indicator_draw,
	.action = indicator_action,
	.crumb = indicator_crumb,
	.close = indicator_close,
	.handles = indicator_handles,
	.selected = indicator_selected,
	.state_size = sizeof(struct indicator_state),
};
