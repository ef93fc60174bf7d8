/* SPDX-License-Identifier: EUPL-1.2 */
/* The benchmark view (b): the chapter's indicators for the region beside
 * its peer groups' members and means, the jeugdzorgregio and NL, as the
 * comparison reports lay their tables out (include/jmon/benchmark.h).
 *
 *   Indicator        Alphen a/d Rijn   Amersfoort    Dordrecht  gem. Bench…
 *                         GM0484         GM0307       GM0505    gemiddelde
 *   Jeugdzorg totaal     14,1 % ■     onbekend      onbekend    9,2 % (1 van 5)
 *
 * The region's column stays; the others scroll sideways (< >) with a
 * column cursor, which = makes the reference; d shows every cell as its
 * difference against the reference instead of its value; t sets periods
 * side by side; Enter opens an indicator's categories; s draws one
 * indicator as a bar chart (src/view_chart.c); P picks the peer groups.
 * Everything is loaded in reload or by a key (the regions' figures of the
 * columns a move brings into view: show_columns); draw only lays out what
 * was loaded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jmon/benchmark.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/xmalloc.h"

#define CELL_W 14	/* a region's cell: a space, the value, its glyph */
#define MEAN_W 21	/* a mean's: the value and "(12 van 12)" */
#define HEAD_ROWS 3	/* title, names, codes or periods */

struct bench_state {
	struct benchmark_settings set;
	struct benchmark b;
	bool have;			/* b is loaded */
	const struct indicator **open;	/* indicators showing their categories */
	size_t nopen, capopen;
	size_t *rows;			/* the rows shown: indices into b.rows */
	size_t nrows;
	size_t col, coloff;		/* column cursor; first scrolled column */
	int choice;			/* P: -1 the configured groups, else group i */
};

static struct bench_state *state(struct view *v)
{
	return v->data;
}

static bool is_open(const struct bench_state *s, const struct indicator *ind)
{
	for (size_t i = 0; i < s->nopen; i++)
		if (s->open[i] == ind)
			return true;
	return false;
}

/* The rows shown: every indicator, and the categories of the open ones. */
static void build_rows(struct bench_state *s)
{
	free(s->rows);
	s->rows = xcalloc(s->b.nrows + 1, sizeof *s->rows);
	s->nrows = 0;
	for (size_t i = 0; i < s->b.nrows; i++)
		if (!s->b.rows[i].cat || is_open(s, s->b.rows[i].ind))
			s->rows[s->nrows++] = i;
}

static size_t column_by_code(const struct benchmark *b, const char *code)
{
	for (size_t i = 0; i < b->ncols; i++)
		if (!strcasecmp(b->cols[i].code, code))
			return i;
	return b->ncols;
}

enum jmon_status view_benchmark_load(struct app *app, const struct benchmark_settings *set,
				     const struct indicator *ind, bool lazy, struct benchmark *b,
				     struct jmon_error *err)
{
	char periods[BENCHMARK_MAX_PERIODS][PERIOD_CODE_MAX];
	const char *codes[BENCHMARK_MAX_PERIODS];
	struct benchmark_spec spec = { 0 };
	enum jmon_status st;
	size_t ref;

	spec.region = app->region;
	spec.entries = set->entries;
	spec.nentries = set->nentries;
	spec.nperiods = benchmark_periods(app->period, set->nperiods, periods);
	for (size_t i = 0; i < spec.nperiods; i++)
		codes[i] = periods[i];
	spec.periods = codes;
	spec.chapter = ind ? ind->chapter : &app->cfg->chapters[app->chapter];
	spec.indicator = ind;
	spec.skip_unknown = true;
	spec.lazy = lazy;
	if ((st = benchmark_load(app->db, app->cfg, app->gate, &spec, b, err)))
		return st;
	if (set->reference[0] && (ref = column_by_code(b, set->reference)) < b->ncols)
		benchmark_set_reference(b, ref);
	return JMON_OK;
}

static void show_columns(struct bench_state *s, struct app *app);

static void bench_reload(struct view *v, struct app *app)
{
	struct bench_state *s = state(v);
	struct jmon_error err;

	if (s->have)
		benchmark_free(&s->b);
	s->have = false;
	s->nrows = 0;
	if (!app->db || !app->period[0] || app->chapter >= app->cfg->nchapters)
		return;
	if (view_benchmark_load(app, &s->set, NULL, true, &s->b, &err) != JMON_OK) {
		ui_error(app, "%s", err.msg);
		return;
	}
	s->have = true;
	build_rows(s);
	if (s->col >= s->b.ncols)
		s->col = s->b.ncols ? s->b.ncols - 1 : 0;
	show_columns(s, app);
}

static int bench_lines(struct view *v, struct app *app)
{
	(void)app;
	return (int)state(v)->nrows;
}

/* --- layout -------------------------------------------------------------- */

struct layout {
	int label_w, self_w, cols;
	size_t first, last;	/* the scrolled columns shown: [first, last) */
};

static int column_width(const struct bench_state *s, size_t c)
{
	return (s->b.cols[c].is_mean ? MEAN_W : CELL_W) * (int)s->b.nperiods;
}

/* The region's column and the label stay; the scrolled columns from
 * s->coloff as many as fit, the cursor's among them. */
static struct layout layout_of(struct bench_state *s)
{
	struct layout l;
	int room;

	l.cols = ui_cols();
	l.label_w = l.cols >= 120 ? 32 : 22;
	l.self_w = s->b.ncols ? column_width(s, 0) : 0;
	room = l.cols - l.label_w - l.self_w;
	if (s->coloff < 1)
		s->coloff = 1;
	if (s->col >= 1 && s->col < s->coloff)
		s->coloff = s->col;
	for (;;) {
		int used = 0;

		l.first = s->coloff;
		l.last = l.first;
		while (l.last < s->b.ncols && used + column_width(s, l.last) <= room)
			used += column_width(s, l.last++);
		if (s->col < l.last || s->coloff >= s->col || l.last == l.first)
			break;
		s->coloff++;	/* the cursor is to the right of what fits */
	}
	/* a wider screen shows the columns before too */
	for (int used = 0;; ) {
		for (size_t k = l.first; k < l.last; k++)
			used += column_width(s, k);
		if (l.first <= 1 || l.last < s->b.ncols ||
		    used + column_width(s, l.first - 1) > room)
			break;
		l.first--;
		used = 0;
	}
	s->coloff = l.first;
	return l;
}

/* The x of column c, or -1 when it is scrolled away. */
static int column_x(const struct layout *l, const struct bench_state *s, size_t c)
{
	int x = l->label_w + l->self_w;

	if (c == 0)
		return l->label_w;
	if (c < l->first || c >= l->last)
		return -1;
	for (size_t k = l->first; k < c; k++)
		x += column_width(s, k);
	return x;
}

/* The figures of the columns on the screen and of the reference: a
 * province's gemeenten are read as they scroll into view. */
static void show_columns(struct bench_state *s, struct app *app)
{
	struct layout l;
	struct jmon_error err;

	if (!s->have || !s->b.ncols)
		return;
	l = layout_of(s);
	if (benchmark_show(app->db, app->cfg, app->gate, &s->b, l.first, l.last, &err) != JMON_OK)
		ui_error(app, "%s", err.msg);
}

/* --- drawing ------------------------------------------------------------- */

static void draw_head(struct bench_state *s, struct app *app, const struct layout *l, int top)
{
	const struct benchmark *b = &s->b;
	char buf[256];

	const char *sep = app->utf8 ? " · " : " - ", *dash = app->utf8 ? "–" : "-";

	/* B: every cell since its own nulmeting, as the chapter view's Δ nulm. */
	snprintf(buf, sizeof buf, " %s%s%s%s%s%s%s t.o.v. %s",
		 app->cfg->chapters[app->chapter].label, sep, b->period_labels[0],
		 b->nperiods > 1 ? dash : "", b->nperiods > 1 ? b->period_labels[b->nperiods - 1] : "",
		 sep, app->show_baseline ? "verschil" : s->set.diffs ? "verschil" : "waarden",
		 app->show_baseline ? "de nulmeting" : b->cols[b->reference].name);
	if (l->first > 1 || l->last < b->ncols) {	/* some are scrolled away */
		char where[64];
		int w;

		snprintf(where, sizeof where, "  kolom %zu%s%zu van %zu ", l->first + 1, dash,
			 l->last > l->first ? l->last : l->first + 1, b->ncols);
		w = text_width(where);
		ui_text(top, 0, l->cols - w, STYLE_HEADER, false, buf);
		ui_text(top, l->cols - w, w, STYLE_HEADER, false, where);
	} else {
		ui_text(top, 0, l->cols, STYLE_HEADER, false, buf);
	}
	ui_text(top + 1, 0, l->label_w, STYLE_BOLD, false, " Indicator");
	ui_text(top + 2, 0, l->label_w, STYLE_DIM, false,
		b->nperiods > 1 ? " (perioden)" : "");
	for (size_t c = 0; c < b->ncols; c++) {
		const struct benchmark_column *col = &b->cols[c];
		int x = column_x(l, s, c), w = column_width(s, c);
		enum ui_style st = c == s->col ? STYLE_CURSOR : col->is_self ? STYLE_BOLD
										 : STYLE_NORMAL;

		if (x < 0)
			continue;
		snprintf(buf, sizeof buf, "%s%s", c == b->reference ? "=" : "", col->name);
		ui_text(top + 1, x + 1, w - 1, st, false, buf);
		for (size_t p = 0; p < b->nperiods; p++) {
			int pw = w / (int)b->nperiods;
			const char *second = b->nperiods > 1 ? b->period_labels[p]
						: col->is_mean ? "gemiddelde" : col->code;

			ui_text(top + 2, x + (int)p * pw, pw - 1, STYLE_DIM, true, second);
		}
	}
}

static void draw_cell(struct bench_state *s, struct app *app, int row, int x, size_t r,
		      size_t c, size_t p, bool cursor)
{
	const struct benchmark *b = &s->b;
	const struct benchmark_row *br = &b->rows[r];
	const struct benchmark_column *col = &b->cols[c];
	const struct benchmark_cell *cell = benchmark_cell(b, r, c, p);
	int value_w = (col->is_mean ? MEAN_W : CELL_W) - 2;
	enum ui_style st = cursor ? STYLE_CURSOR : col->is_self ? STYLE_BOLD : STYLE_NORMAL;
	char buf[128], text[160];

	if ((s->set.diffs && c != b->reference) || app->show_baseline)
		buf[0] = '\0';
	else
		benchmark_value_text(br, cell, col, buf, sizeof buf, col->is_mean ? 10 : value_w - 2);
	if (app->show_baseline && cell->has_base_change)
		difference_fit(br->ind, cell->base_change, buf, sizeof buf, value_w - 2);
	else if (!app->show_baseline && s->set.diffs && cell->has_diff)
		comparison_difference_text(br->ind, cell->diff, buf, sizeof buf, value_w - 2);
	if (col->is_mean && buf[0]) {	/* "k van n", never a mean alone */
		snprintf(text, sizeof text, "%s (%zu van %zu)", buf, cell->mean.n, cell->mean.of);
		ui_number(row, x, value_w + 1, st, text);
	} else {
		ui_number(row, x, value_w - 1, st, buf);
	}
	if (benchmark_has_status(cell)) {
		enum stoplight_status ls = cell->f->light.status;

		ui_text(row, x + value_w, 1, cursor ? STYLE_CURSOR : ui_stoplight_style(ls), false,
			stoplight_glyph(ls, app->utf8));
	}
}

static void draw_row(struct bench_state *s, struct app *app, const struct layout *l, int row,
		     size_t r, bool selected)
{
	const struct benchmark_row *br = &s->b.rows[r];
	char label[256];

	if (br->cat)
		snprintf(label, sizeof label, "    %s", br->cat->label);
	else if (br->ind->ncategories)
		snprintf(label, sizeof label, "%s %s",
			 is_open(s, br->ind) ? (app->utf8 ? "▾" : "-") : (app->utf8 ? "▸" : "+"),
			 br->ind->label);
	else
		snprintf(label, sizeof label, "  %s", br->ind->label);
	ui_text(row, 0, l->label_w, selected ? STYLE_CURSOR : STYLE_NORMAL, false, label);
	for (size_t c = 0; c < s->b.ncols; c++) {
		int x = column_x(l, s, c), pw = column_width(s, c) / (int)s->b.nperiods;

		for (size_t p = 0; x >= 0 && p < s->b.nperiods; p++)
			draw_cell(s, app, row, x + (int)p * pw, r, c, p, selected && c == s->col);
	}
}

static void bench_draw(struct view *v, struct app *app)
{
	struct bench_state *s = state(v);
	int top = ui_body_top(), bottom = ui_body_bottom();
	int height = bottom - top - HEAD_ROWS;	/* the last row: the keys */
	struct layout l;

	if (!s->have || !s->b.ncols) {
		ui_text(top, 1, -1, STYLE_DIM, false, "Geen gegevens om te vergelijken.");
		return;
	}
	l = layout_of(s);
	draw_head(s, app, &l, top);
	ui_scroll(v, (int)s->nrows, height);
	for (int i = 0; i < height && (size_t)(v->offset + i) < s->nrows; i++)
		draw_row(s, app, &l, top + HEAD_ROWS + i, s->rows[v->offset + i],
			 v->offset + i == v->cursor);
	ui_text(bottom, 0, -1, STYLE_DIM, false,
		" < >: kolom  =: referentie  d: verschil  t: perioden  s: grafiek  P: groepen");
}

/* The bottom line: the cell under the cursor in words, with the reason
 * of its colour, as the chapter view says the reason of its row. */
static const char *bench_hints(struct view *v, struct app *app)
{
	static char line[600];
	struct bench_state *s = state(v);
	const struct benchmark *b = &s->b;
	size_t r, p;
	const struct benchmark_cell *cell;
	const struct benchmark_column *col;
	char value[128], diff[64] = "";

	line[0] = '\0';
	if (!s->have || !s->nrows || !b->ncols)
		return line;
	r = s->rows[v->cursor < (int)s->nrows ? v->cursor : 0];
	p = b->nperiods - 1;
	cell = benchmark_cell(b, r, s->col, p);
	col = &b->cols[s->col];
	benchmark_value_text(&b->rows[r], cell, col, value, sizeof value, 0);
	if (cell->has_diff)
		comparison_difference_text(b->rows[r].ind, cell->diff, diff, sizeof diff, 0);
	if (col->is_mean)
		text_format(line, sizeof line, " %s", col->name);
	else
		text_format(line, sizeof line, " %s (%s)", col->name, col->code);
	text_format(line + strlen(line), sizeof line - strlen(line), " %s: %s%s%s%s%s%s",
		    b->period_labels[p], value[0] ? value : "geen gegevens",
		    cell->f && cell->f->basis != FIGURE_OWN ? " van " : "",
		    cell->f && cell->f->basis != FIGURE_OWN ? cell->f->value_label : "",
		    diff[0] ? ", " : "", diff, diff[0] ? " t.o.v. " : "");
	if (diff[0])
		text_format(line + strlen(line), sizeof line - strlen(line), "%s",
			    b->cols[b->reference].name);
	if (col->is_mean && cell->has_value)
		text_format(line + strlen(line), sizeof line - strlen(line), " (%zu van %zu)",
			    cell->mean.n, cell->mean.of);
	if (benchmark_has_status(cell)) {
		size_t len = strlen(line);

		text_format(line + len, sizeof line - len, "%s%s %s: %s", app->utf8 ? " · " : " - ",
			    stoplight_glyph(cell->f->light.status, app->utf8),
			    stoplight_word(cell->f->light.status), cell->f->light.reason);
	}
	return line;
}

/* --- actions ------------------------------------------------------------- */

static void force_reload(struct view *v)
{
	v->loaded.done = false;
}

static void toggle_open(struct view *v, struct app *app)
{
	struct bench_state *s = state(v);
	const struct benchmark_row *br;

	if (!s->nrows)
		return;
	br = &s->b.rows[s->rows[v->cursor]];
	if (!br->ind->ncategories) {
		ui_message(app, "%s heeft geen uitsplitsing", br->ind->label);
		return;
	}
	if (is_open(s, br->ind)) {
		for (size_t i = 0; i < s->nopen; i++)
			if (s->open[i] == br->ind)
				s->open[i] = s->open[--s->nopen];
	} else {
		ARRAY_GROW(s->open, s->nopen, s->capopen);
		s->open[s->nopen++] = br->ind;
	}
	build_rows(s);
	for (size_t i = 0; i < s->nrows; i++)	/* on the indicator's own row */
		if (s->b.rows[s->rows[i]].ind == br->ind && !s->b.rows[s->rows[i]].cat)
			v->cursor = (int)i;
}

static void set_reference(struct view *v, struct app *app, const char *arg)
{
	struct bench_state *s = state(v);
	size_t c = arg ? column_by_code(&s->b, arg) : s->col;

	if (c >= s->b.ncols) {
		ui_error(app, "geen kolom '%s' (een regiocode of mean:GROEP)", arg);
		return;
	}
	benchmark_set_reference(&s->b, c);
	show_columns(s, app);
	snprintf(s->set.reference, sizeof s->set.reference, "%s", s->b.cols[c].code);
	ui_message(app, "verschillen t.o.v. %s", s->b.cols[c].name);
}

static void over_time(struct view *v, struct app *app, const char *arg)
{
	struct bench_state *s = state(v);
	long n = s->set.nperiods > 1 ? 1 : 2;

	if (arg) {
		char *end;

		n = strtol(arg, &end, 10);
		if (*end || n < 1 || n > BENCHMARK_MAX_PERIODS) {
			ui_error(app, "gebruik: :over-time N (1 tot %d perioden)", BENCHMARK_MAX_PERIODS);
			return;
		}
	}
	s->set.nperiods = (size_t)n;
	force_reload(v);
	ui_message(app, n > 1 ? "%ld perioden naast elkaar" : "één periode", n);
}

/* :peers ID,ID,... (or "nl", region codes, mean:ID); P cycles: the
 * configured list, then each peer group alone with NL. */
static void pick_peers(struct view *v, struct app *app, const char *arg)
{
	struct bench_state *s = state(v);
	const struct config *cfg = app->cfg;
	struct benchmark_settings set = { 0 };

	set.nperiods = s->set.nperiods;
	set.diffs = s->set.diffs;
	memcpy(set.reference, s->set.reference, sizeof set.reference);
	if (arg) {
		char *copy = xstrdup(arg), *save = NULL;
		struct jmon_error err;

		set.entries = xcalloc(strlen(arg) + 1, sizeof *set.entries);
		for (char *t = strtok_r(copy, ", ", &save); t; t = strtok_r(NULL, ", ", &save)) {
			ARRAY_GROW(set.owned, set.nowned, set.capowned);
			set.owned[set.nowned++] = xstrdup(t);
			if (benchmark_entry_parse(cfg, set.owned[set.nowned - 1], true,
						  &set.entries[set.nentries++], &err) != JMON_OK) {
				ui_error(app, "%s", err.msg);
				free(copy);
				benchmark_settings_free(&set);
				return;
			}
		}
		free(copy);
		s->choice = -1;
	} else if (cfg->npeers == 0) {
		ui_message(app, "geen vergelijkingsgroepen in de configuratie (peers:)");
		return;
	} else if (++s->choice >= (int)cfg->npeers) {
		s->choice = -1;
		benchmark_entries_of_config(cfg, &set.entries, &set.nentries);
	} else {
		set.entries = xcalloc(2, sizeof *set.entries);
		set.entries[set.nentries++] =
			(struct benchmark_entry){ BENCHMARK_GROUP, cfg->peers[s->choice].id };
		set.entries[set.nentries++] = (struct benchmark_entry){ BENCHMARK_REGION, BENCHMARK_NL };
	}
	benchmark_settings_free(&s->set);
	s->set = set;
	s->col = 0;
	s->coloff = 1;
	force_reload(v);
	if (s->choice >= 0)
		ui_message(app, "vergelijken met %s en Nederland", cfg->peers[s->choice].label);
	else
		ui_message(app, "vergelijken met %s", arg ? arg : "de groepen van de configuratie");
}

/* Tab and the digits change the chapter here, as in the chapter view. */
static bool chapter_action(struct app *app, enum action a, const char *arg)
{
	size_t n = app->cfg->nchapters;

	if (!n)
		return false;
	if (a == ACTION_NEXT_CHAPTER)
		app->chapter = (app->chapter + 1) % n;
	else if (a == ACTION_PREV_CHAPTER)
		app->chapter = (app->chapter + n - 1) % n;
	else if (a == ACTION_CHAPTER && arg && config_chapter(app->cfg, arg))
		app->chapter = (size_t)(config_chapter(app->cfg, arg) - app->cfg->chapters);
	else if (a == ACTION_CHAPTER && arg && atoi(arg) >= 1 && (size_t)atoi(arg) <= n)
		app->chapter = (size_t)atoi(arg) - 1;
	else
		return false;
	return true;
}

static bool bench_action(struct view *v, struct app *app, enum action a, const char *arg)
{
	struct bench_state *s = state(v);

	switch (a) {
	case ACTION_NEXT_CHAPTER:
	case ACTION_PREV_CHAPTER:
	case ACTION_CHAPTER:
		return chapter_action(app, a, arg);
	case ACTION_PEERS:
		pick_peers(v, app, arg);
		return true;
	case ACTION_OVER_TIME:
		over_time(v, app, arg);
		return true;
	default:
		break;
	}
	if (!s->have || !s->b.ncols)
		return false;
	switch (a) {
	case ACTION_ENTER:
		toggle_open(v, app);
		return true;
	case ACTION_COLUMN_LEFT:
		if (s->col > 0)
			s->col--;
		show_columns(s, app);
		return true;
	case ACTION_COLUMN_RIGHT:
		if (s->col + 1 < s->b.ncols)
			s->col++;
		show_columns(s, app);
		return true;
	case ACTION_REFERENCE:
		set_reference(v, app, arg);
		return true;
	case ACTION_DIFFERENCES:
		s->set.diffs = !s->set.diffs;
		ui_message(app, s->set.diffs ? "verschillen t.o.v. %s (pp bij percentages, %% bij "
			   "aantallen en bedragen)" : "waarden (d: verschillen t.o.v. %s)",
			   s->b.cols[s->b.reference].name);
		return true;
	case ACTION_CHART:
		if (s->nrows) {
			const struct benchmark_row *br = &s->b.rows[s->rows[v->cursor]];

			snprintf(s->set.reference, sizeof s->set.reference, "%s",
				 s->b.cols[s->b.reference].code);
			ui_push(app, view_chart_new(br->ind, br->cat, &s->set));
		}
		return true;
	default:
		return false;
	}
}

static const struct figure *bench_selected(struct view *v, struct app *app)
{
	struct bench_state *s = state(v);
	const struct benchmark_cell *cell;

	(void)app;
	if (!s->have || !s->nrows || !s->b.ncols)
		return NULL;
	/* the region's own figure: a review or an explanation is about it */
	cell = benchmark_cell(&s->b, s->rows[v->cursor], 0, s->b.nperiods - 1);
	return cell->f;
}

static const char *bench_crumb(struct view *v, struct app *app)
{
	(void)v;
	(void)app;
	return "Benchmark";
}

static void bench_close(struct view *v)
{
	struct bench_state *s = state(v);

	if (s->have)
		benchmark_free(&s->b);
	benchmark_settings_free(&s->set);
	free(s->open);
	free(s->rows);
	free(s);
}

static const enum action bench_handles[] = {
	ACTION_ENTER, ACTION_COLUMN_LEFT, ACTION_COLUMN_RIGHT, ACTION_REFERENCE,
	ACTION_DIFFERENCES, ACTION_OVER_TIME, ACTION_CHART, ACTION_PEERS, ACTION_NONE,
};

const struct view_ops benchmark_view_ops = {
	.name = "benchmark",
	.reload = bench_reload,
	.lines = bench_lines,
	.draw = bench_draw,
	.action = bench_action,
	.crumb = bench_crumb,
	.close = bench_close,
	.handles = bench_handles,
	.selected = bench_selected,
	.hints = bench_hints,
};

struct view *view_benchmark_new(struct app *app)
{
	struct bench_state *s = xcalloc(1, sizeof *s);

	benchmark_settings_init(&s->set, app->cfg);
	s->choice = -1;
	s->coloff = 1;
	return view_new(&benchmark_view_ops, s);
}
