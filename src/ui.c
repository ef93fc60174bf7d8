/* SPDX-License-Identifier: EUPL-1.2 */
/* The browser's core: styles and drawing primitives, the view stack,
 * movement, the frame's own actions, and dispatch of actions from the one
 * key table in the main loop.  What the frame draws around the views is in
 * src/ui_frame.c; terminal set-up and input in src/ui_input.c. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/keys.h"
#include "jmon/keytime.h"
#include "jmon/stoplight.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/ui_input.h"
#include "jmon/xmalloc.h"

/* How long the browser waits for a key before it looks whether another
 * analyst or an import changed something. */
#define LIVE_MS 1000

/* The largest screen :resize makes (rows and columns). */
#define UI_MAX_SIZE 1000

static const struct {
	short fg, bg;
	int attr, mono;
} styles[] = {
#define UI_STYLE_ROW(name, fg, bg, attr, mono) { fg, bg, attr, mono },
	UI_STYLES(UI_STYLE_ROW)
#undef UI_STYLE_ROW
};

static bool use_color;

static attr_t style_attr(enum ui_style st)
{
	int a = use_color ? styles[st].attr : styles[st].mono;
	attr_t out = A_NORMAL;

	if (a & UI_BOLD)
		out |= A_BOLD;
	if (a & UI_REVERSE)
		out |= A_REVERSE;
	if (a & UI_UNDERLINE)
		out |= A_UNDERLINE;
	if (a & UI_DIM)
		out |= A_DIM;
	if (use_color && (styles[st].fg != -1 || styles[st].bg != -1))
		out |= COLOR_PAIR(st);
	return out;
}

static void setup_colors(const char *option)
{
	const char *no_color = getenv("NO_COLOR");

	/* --color=always beats NO_COLOR: an explicit flag is the user's latest word. */
	if (option && !strcmp(option, "never"))
		use_color = false;
	else if (option && !strcmp(option, "always"))
		use_color = has_colors();
	else
		use_color = has_colors() && !(no_color && *no_color);
	if (!use_color)
		return;
	start_color();
	use_default_colors();
	for (int st = 0; st < STYLE_COUNT; st++)
		if (styles[st].fg != -1 || styles[st].bg != -1)
			init_pair((short)st, styles[st].fg, styles[st].bg);
}

int ui_cols(void) { return COLS; }
int ui_body_top(void) { return 2; }
int ui_body_bottom(void) { return LINES - 3; }

void ui_text(int row, int col, int width, enum ui_style st, bool align_right,
	     const char *text)
{
	size_t size = strlen(text) + 1;
	char *shown, *buf;

	if (row < 0 || row >= LINES || col < 0 || col >= COLS)
		return;
	if (width < 0 || width > COLS - col)
		width = COLS - col;
	shown = xmalloc(size);
	/* what reaches curses is printable and measured as text_width
	 * measures it, or a column would shift the rest of the row */
	if (!text_utf8_locale()) {
		char *ascii = xmalloc(size);
		text_printable(shown, size, text_ascii(ascii, size, text));
		free(ascii);
	} else {
		text_printable(shown, size, text);
	}
	/* the cut text, "…" and the padding */
	size += strlen("…") + (size_t)width;
	buf = xmalloc(size);
	text_pad(buf, size, shown, width, align_right);
	attrset(style_attr(st));
	mvaddstr(row, col, buf);
	attrset(A_NORMAL);
	free(buf);
	free(shown);
}

void ui_textf(int row, int col, int width, enum ui_style st, bool align_right,
	      const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	ui_text(row, col, width, st, align_right, text);
	free(text);
}

void ui_number(int row, int col, int width, enum ui_style st, const char *text)
{
	if (width < 1)
		return;
	/* never cut: "-99.988 …" of -99.988 mld would read as -99.988 */
	if (text_width(text) > width - 1)
		text = text_utf8_locale() ? "…" : "~";
	ui_text(row, col, width, st, true, text);
}

void ui_clear_row(int row)
{
	move(row, 0);
	clrtoeol();
}

static void vmessage(struct app *app, bool error, const char *fmt, va_list ap)
{
	/* a long label or reason is cut, but never inside a character */
	text_vformat(app->status, sizeof app->status, fmt, ap);
	app->status_error = error;
}

void ui_message(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(app, false, fmt, ap);
	va_end(ap);
}

void ui_error(struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(app, true, fmt, ap);
	va_end(ap);
}

struct view *view_new(const struct view_ops *ops, void *data)
{
	struct view *v = xcalloc(1, sizeof *v);

	v->ops = ops;
	v->data = data;
	return v;
}

void ui_push(struct app *app, struct view *v)
{
	v->parent = app->view;
	app->view = v;
}

void ui_pop(struct app *app)
{
	struct view *v = app->view;

	if (!v || !v->parent)
		return;
	app->view = v->parent;
	if (v->ops->close)
		v->ops->close(v);
	free(v);
}

bool ui_raise(struct app *app, const struct view_ops *ops)
{
	struct view *v = app->view;

	while (v && v->ops != ops)
		v = v->parent;
	if (!v)
		return false;
	while (app->view != v)
		ui_pop(app);
	return true;
}

enum ui_style ui_stoplight_style(enum stoplight_status s)
{
	static const enum ui_style map[STOPLIGHT_NSTATUS] = {
		[STOPLIGHT_GREEN] = STYLE_GREEN, [STOPLIGHT_AMBER] = STYLE_AMBER,
		[STOPLIGHT_RED] = STYLE_RED, [STOPLIGHT_GREY] = STYLE_GREY,
	};
	return map[s];
}

void ui_status_cell(int row, int col, int width, const struct app *app,
		    const struct figure *f)
{
	char buf[64];
	enum stoplight_status s = f->light.status;
	int w;

	snprintf(buf, sizeof buf, "%s %s", stoplight_glyph(s, app->utf8), stoplight_word(s));
	ui_text(row, col, width, ui_stoplight_style(s), false, buf);
	/* a signal below a lighter total: its glyph after the word, in its
	 * own style, so a green row with a red category never reads as done */
	w = text_width(buf) + 1;
	if (f->below != STOPLIGHT_GREEN && w < width)
		ui_text(row, col + w, 1, ui_stoplight_style(f->below), false,
			stoplight_glyph(f->below, app->utf8));
}

void ui_markers(int row, int col, int width, const struct app *app, const struct figure *f,
		bool selected)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%*s%s%s%s%s", width > 4 ? width - 4 : 0, "",
		 f->reviewed ? (app->utf8 ? "✓" : "v") : f->review_outdated ? (app->utf8 ? "↻" : "~") : " ",
		 f->annotated ? (app->utf8 ? "✎" : "e") : " ",
		 !f->light.overridden ? " " : !f->light.document ? "!" : app->utf8 ? "§" : "d",
		 f->revised ? "*" : " ");
	ui_text(row, col, width, selected ? STYLE_CURSOR : STYLE_NORMAL, false, buf);
}

/* --- movement shared by every list view ------------------------------------ */

void ui_scroll(struct view *v, int n, int height)
{
	if (height < 1)
		height = 1;
	if (v->cursor >= n)
		v->cursor = n - 1;
	if (v->cursor < 0)
		v->cursor = 0;
	if (v->offset > n - height)	/* a taller screen shows the rows above too */
		v->offset = n - height;
	if (v->cursor < v->offset)
		v->offset = v->cursor;
	if (v->cursor >= v->offset + height)
		v->offset = v->cursor - height + 1;
	if (v->offset < 0)
		v->offset = 0;
}

void ui_pager(struct view *v, int n, int height)
{
	if (v->cursor > n - height)
		v->cursor = n - height > 0 ? n - height : 0;
}

static bool move_cursor(struct app *app, enum action a)
{
	struct view *v = app->view;
	int n = v->ops->lines ? v->ops->lines(v, app) : 0;
	int page = ui_body_bottom() - ui_body_top();

	if (n <= 0)
		return false;
	switch (a) {
	case ACTION_DOWN:      v->cursor++; break;
	case ACTION_UP:        v->cursor--; break;
	case ACTION_PAGE_DOWN: v->cursor += page; break;
	case ACTION_PAGE_UP:   v->cursor -= page; break;
	case ACTION_FIRST:     v->cursor = 0; break;
	case ACTION_LAST:      v->cursor = n - 1; break;
	default:               return false;
	}
	if (v->cursor >= n)
		v->cursor = n - 1;
	if (v->cursor < 0)
		v->cursor = 0;
	return true;
}

/* --- global actions ------------------------------------------------------- */

static void act_quit(struct app *app, const char *arg)
{
	(void)arg;
	app->quit = true;
}

/* q, as in tig and less: close the view; at the top there is nothing
 * left to close, so jmon ends. */
static void act_close(struct app *app, const char *arg)
{
	(void)arg;
	if (app->view->parent)
		ui_pop(app);
	else
		app->quit = true;
}

/* Tab and the digits change the chapter of the chapter view: from a view
 * of one indicator they go back to it, or the breadcrumb would name a
 * chapter the screen does not show. */
static void to_chapter(struct app *app, size_t chapter)
{
	while (app->view->parent)
		ui_pop(app);
	app->chapter = chapter;
}

static void act_back(struct app *app, const char *arg)
{
	(void)arg;
	if (app->view->parent)
		ui_pop(app);
}

static void act_help(struct app *app, const char *arg)
{
	(void)arg;
	if (!ui_raise(app, &help_view_ops))
		ui_push(app, view_new(&help_view_ops, NULL));
}

static void act_chapter(struct app *app, const char *arg)
{
	size_t n = app->cfg->nchapters;

	if (!arg || !*arg) {
		ui_error(app, "gebruik: :chapter N of :chapter ID");
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (!strcmp(app->cfg->chapters[i].id, arg)) {
			to_chapter(app, i);
			return;
		}
	char *end;
	long i = strtol(arg, &end, 10);
	if (*end || i < 1 || (size_t)i > n) {
		ui_error(app, "geen hoofdstuk '%s'", arg);
		return;
	}
	to_chapter(app, (size_t)i - 1);
}

static void act_next_chapter(struct app *app, const char *arg)
{
	(void)arg;
	if (app->cfg->nchapters)
		to_chapter(app, (app->chapter + 1) % app->cfg->nchapters);
}

static void act_prev_chapter(struct app *app, const char *arg)
{
	(void)arg;
	if (app->cfg->nchapters)
		to_chapter(app, (app->chapter + app->cfg->nchapters - 1) % app->cfg->nchapters);
}

static void act_redraw(struct app *app, const char *arg)
{
	(void)app;
	(void)arg;
	clearok(curscr, TRUE);
}

static void act_dump(struct app *app, const char *arg)
{
	if (!arg || !*arg) {
		ui_error(app, "gebruik: :dump BESTAND");
		return;
	}
	ui_sync(app);
	ui_draw(app);
	if (ui_dump_screen(arg) != 0)
		ui_error(app, "kan %s niet schrijven", arg);
}

/* "ROWSxCOLS", each 1..UI_MAX_SIZE: curses allocates every cell at once,
 * so ":resize 99999x99999" would take gigabytes; no terminal is that large. */
static bool parse_size(const char *arg, int *rows, int *cols)
{
	char *end;
	long r, c;

	if (!arg)
		return false;
	r = strtol(arg, &end, 10);
	if (end == arg || *end != 'x')
		return false;
	arg = end + 1;
	c = strtol(arg, &end, 10);
	if (end == arg || *end || r < 1 || c < 1 || r > UI_MAX_SIZE || c > UI_MAX_SIZE)
		return false;
	*rows = (int)r;
	*cols = (int)c;
	return true;
}

static void act_resize(struct app *app, const char *arg)
{
	int rows, cols;

	if (!parse_size(arg, &rows, &cols)) {
		ui_error(app, "gebruik: :resize RIJENxKOLOMMEN (elk 1 tot %d)", UI_MAX_SIZE);
		return;
	}
	if (resizeterm(rows, cols) == ERR)
		ui_error(app, "kan het scherm niet %dx%d maken", rows, cols);
}

/* f cycles through the filters; :filter NAME picks one. */
static void act_filter(struct app *app, const char *arg)
{
	enum app_filter f = (enum app_filter)((app->filter + 1) % (FILTER_CHANGED + 1));

	if (arg && !app_filter_parse(arg, &f)) {
		ui_error(app, "onbekend filter '%s': alle, signalen, open of gewijzigd", arg);
		return;
	}
	while (app->view->parent)	/* the filter is of the chapter view */
		ui_pop(app);
	app->filter = f;
	ui_message(app, "filter: %s", app_filter_name(f));
}

/* B: the chapter view's change column against the nulmeting (the
 * baseline of jmon.yaml(5)) instead of the previous period, and back. */
static void act_baseline(struct app *app, const char *arg)
{
	bool any = app->cfg->monitor.baseline != NULL;

	(void)arg;
	for (size_t c = 0; c < app->cfg->nchapters && !any; c++)
		for (size_t i = 0; i < app->cfg->chapters[c].nindicators && !any; i++)
			any = app->cfg->chapters[c].indicators[i].baseline != NULL;
	if (!any && !app->show_baseline) {
		ui_error(app, "geen nulmeting in de configuratie (monitor.baseline, jmon.yaml(5))");
		return;
	}
	app->show_baseline = !app->show_baseline;
	ui_message(app, "verschil %s", app->show_baseline ? "t.o.v. de nulmeting"
							   : "t.o.v. de vorige periode");
}

/* :set OPTION, :set noOPTION */
static void act_set(struct app *app, const char *arg)
{
	bool on = true;

	if (arg && !strncmp(arg, "no", 2)) {
		on = false;
		arg += 2;
	}
	if (!arg || strcmp(arg, "next-after-review")) {
		ui_error(app, "gebruik: :set next-after-review of :set nonext-after-review");
		return;
	}
	app->next_after_review = on;
	ui_message(app, "na spatie %s", on ? "naar het volgende signaal" : "blijft de cursor staan");
}

static void act_prompt(struct app *app, const char *arg);

static const struct ui_action_entry global_actions[] = {
	{ ACTION_FILTER,       act_filter },
	{ ACTION_BASELINE,     act_baseline },
	{ ACTION_SET,          act_set },
	{ ACTION_QUIT,         act_quit },
	{ ACTION_CLOSE,        act_close },
	{ ACTION_BACK,         act_back },
	{ ACTION_HELP,         act_help },
	{ ACTION_CHAPTER,      act_chapter },
	{ ACTION_NEXT_CHAPTER, act_next_chapter },
	{ ACTION_PREV_CHAPTER, act_prev_chapter },
	{ ACTION_REDRAW,       act_redraw },
	{ ACTION_DUMP,         act_dump },
	{ ACTION_RESIZE,       act_resize },
	{ ACTION_PROMPT,       act_prompt },
};

/* The frame's actions, then the data actions. */
static const struct ui_action_entry *find_action(enum action a)
{
	for (size_t i = 0; i < ARRAY_SIZE(global_actions); i++)
		if (global_actions[i].action == a)
			return &global_actions[i];
	for (size_t i = 0; i < ui_data_actions_size; i++)
		if (ui_data_actions[i].action == a)
			return &ui_data_actions[i];
	return NULL;
}

/* Every view, so the help screen lists exactly what some view can do. */
static const struct view_ops *const all_views[] = {
	&chapter_view_ops,
	&indicator_view_ops,
	&series_view_ops,
	&compare_view_ops,
	&revisions_view_ops,
	&regions_view_ops,
	&periods_view_ops,
	&help_view_ops,
	&benchmark_view_ops,
	&chart_view_ops,
};

bool ui_view_handles(const struct view *v, enum action a)
{
	for (const enum action *h = v->ops->handles; h && *h; h++)
		if (*h == a)
			return true;
	return false;
}

bool ui_action_available(enum action a)
{
	if (a >= ACTION_DOWN && a <= ACTION_LAST)
		return true;
	if (find_action(a))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(all_views); i++)
		for (const enum action *h = all_views[i]->handles; h && *h; h++)
			if (*h == a)
				return true;
	return false;
}

void ui_sync(struct app *app)
{
	struct view *v = app->view;

	if (!v || !v->ops->reload)
		return;
	if (v->loaded.done && v->loaded.generation == app->generation &&
	    v->loaded.chapter == app->chapter && v->loaded.rows == LINES && v->loaded.cols == COLS)
		return;
	v->loaded.done = true;
	v->loaded.generation = app->generation;
	v->loaded.chapter = app->chapter;
	v->loaded.rows = LINES;
	v->loaded.cols = COLS;
	v->ops->reload(v, app);
}

static void run_action(struct app *app, enum action a, const char *arg)
{
	struct view *v;

	ui_sync(app);	/* lines and the selected figure of what is current */
	v = app->view;
	if (v->ops->action && v->ops->action(v, app, a, arg))
		return;
	if (move_cursor(app, a))
		return;
	const struct ui_action_entry *e = find_action(a);
	if (e) {
		e->run(app, arg);
		return;
	}
	if (a >= ACTION_DOWN && a <= ACTION_LAST)
		return;		/* movement in an empty view: nothing to do */
	ui_error(app, "'%s' is hier niet beschikbaar", action_name(a));
}

static void clear_status(struct app *app)
{
	app->status[0] = '\0';
	app->status_error = false;
}

/* ":name args": every action by its name. */
static void run_command(struct app *app, const char *line)
{
	char name[64];
	size_t n = strcspn(line, " \t");
	const char *arg = line + n;
	enum action a;

	while (*arg == ' ' || *arg == '\t')
		arg++;
	if (n == 0 || n >= sizeof name) {
		ui_error(app, "onbekende opdracht ':%s'", line);
		return;
	}
	memcpy(name, line, n);
	name[n] = '\0';
	/* ":export! FILE" replaces FILE without asking; no other command
	 * takes a '!' */
	app->command_bang = n > 1 && name[n - 1] == '!';
	if (app->command_bang)
		name[n - 1] = '\0';
	a = action_by_name(name);
	if (a != ACTION_DUMP)	/* a dump shows the message of the step before it */
		clear_status(app);
	if (a == ACTION_NONE || (app->command_bang && a != ACTION_EXPORT)) {
		ui_error(app, "onbekende opdracht ':%s%s' (zie ?)", name, app->command_bang ? "!" : "");
		app->command_bang = false;
		return;
	}
	run_action(app, a, *arg ? arg : NULL);
	app->command_bang = false;
}

static void act_prompt(struct app *app, const char *arg)
{
	char line[512];

	(void)arg;
	if (ui_prompt(app, ":", line, sizeof line))
		run_command(app, line);
}

/* Nothing typed for a while: show what others wrote or imported, in place
 * (the views keep their cursors), with a word on the status line. */
static void live(struct app *app)
{
	char msg[256];
	struct jmon_error err;

	if (app_live(app, msg, sizeof msg, &err) != JMON_OK)
		ui_error(app, "%s", err.msg);
	else if (msg[0])
		ui_message(app, "%s", msg);
}

static void handle_key(struct app *app, int key)
{
	const struct keybinding *b = key_lookup(key);
	char name[32];

	if (key == JK_RESIZE)
		return;
	if (key == JK_IDLE) {
		live(app);
		return;
	}
	clear_status(app);
	if (key == JK_UNKNOWN) {
		ui_error(app, "onbekende toets (%s) genegeerd; ? voor hulp", ui_unknown_key());
		return;
	}
	ui_sync(app);
	if (app->view->ops->key && app->view->ops->key(app->view, app, key))
		return;
	if (!b) {
		ui_error(app, "toets %s doet niets; ? voor hulp", key_label(key, name, sizeof name));
		return;
	}
	run_action(app, b->action, b->arg);
}

int ui_run(struct app *app, const char *color_option)
{
	struct ui_event ev;

	if (ui_input_open(app) != 0)
		return -1;
	setup_colors(color_option);
	app->color = use_color;
	app->utf8 = text_utf8_locale();
	app->busy = ui_busy;
	keytime_open();
	while (!app->quit) {
		ui_sync(app);
		ui_draw(app);
		app_end_read(app);	/* nothing loaded holds a snapshot while we wait */
		refresh();
		keytime_done();
		/* a second without a key: look for others' changes */
		if (!ui_next_event_idle(app, &ev, LIVE_MS))
			break;
		keytime_start(ev.key, ev.command);
		if (ev.command)
			run_command(app, ev.command);
		else
			handle_key(app, ev.key);
		ui_event_free(&ev);
	}
	keytime_close();
	while (app->view && app->view->parent)
		ui_pop(app);
	ui_input_close();
	return 0;
}
