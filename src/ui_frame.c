/* SPDX-License-Identifier: EUPL-1.2 */
/* The frame around the views: the header (where, the counts, review
 * progress), the chapter tabs, the breadcrumb, the status line with key
 * hints, and "terminal te klein" below the minimum size. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/keys.h"
#include "jmon/stoplight.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/xmalloc.h"

/* Below this the frame cannot show a table row and its status. */
#define MIN_ROWS 12
#define MIN_COLS 60
/* The breadcrumb names this many levels at most (the view stack is
 * shallower: help and the region picker are raised, not stacked twice). */
#define UI_MAX_DEPTH 32

/* Right part of the header: the stoplight counts of the indicators, red
 * first, the signals under a lighter total ("+2 ▲ in categorie"), and the
 * review progress over the signals, which is the job (over all indicators
 * when there are none):
 * "■ 7  ▲ 4  ● 3  ○ 2  +1 in categorie  beoordeeld 3/12 signalen", or
 * compact "■7 ▲4 ●3 ○2 +1 cat. 3/12 beoordeeld" for a narrow screen. */
static void header_counts(const struct app *app, bool compact, char *buf, size_t size)
{
	static const enum stoplight_status order[] = { STOPLIGHT_RED, STOPLIGHT_AMBER,
						       STOPLIGHT_GREEN, STOPLIGHT_GREY };
	const struct figure_set *fs = &app->figures;
	size_t len = 0;

	buf[0] = '\0';
	if (!fs->indicators)
		return;
	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		len += (size_t)snprintf(buf + len, size - len, compact ? " %s%d" : "%s %d  ",
					stoplight_glyph(order[i], app->utf8),
					fs->status_count[order[i]]);
	if (fs->below)
		len += (size_t)snprintf(buf + len, size - len, compact ? " +%d cat." :
					"+%d in categorie  ", fs->below);
	if (!fs->signals)	/* nothing urgent: the progress over everything */
		snprintf(buf + len, size - len, compact ? " beoordeeld %d/%d " : "beoordeeld %d/%d ",
			 fs->reviewed, fs->indicators);
	else
		snprintf(buf + len, size - len, compact ? " %d/%d beoordeeld " :
			 "beoordeeld %d/%d signalen ", fs->signals_reviewed, fs->signals);
}

/* The header, most important first: where (region and period, provisional
 * or not) and the counts; then the delivery; the monitor's title last. */
static void draw_header(struct app *app)
{
	const struct figure_set *fs = &app->figures;
	const char *sep = app->utf8 ? " · " : " | ", *title = app->cfg->monitor.title;
	char *lines[4], *region, *period, right[128];
	int rw = 0, chosen = 3;

	/* no fixed buffers: a title or region name of any length is cut by
	 * ui_text, by display width */
	if (strcmp(app->region_name, app->region))
		region = xasprintf("%s (%s)", app->region_name, app->region);
	else
		region = xstrdup(app->region);
	if (!app->period[0])
		period = xstrdup("geen gegevens");
	else
		period = xasprintf("%s%s", fs->label[0] ? fs->label : app->period,
				   /* figures of other periods are data too (jmon.yaml(5)) */
				   !fs->delivery && !fs->as_of ? " geen gegevens"
				   : fs->provisional ? " (voorlopig)" : "");
	if (fs->delivery) {
		lines[0] = xasprintf(" %s%s%s%s%s%slevering %ld", title, sep, region, sep, period,
				     sep, fs->delivery);
		lines[1] = xasprintf(" %s%s%s%slevering %ld", region, sep, period, sep, fs->delivery);
	} else {	/* no delivery to name */
		lines[0] = xasprintf(" %s%s%s%s%s", title, sep, region, sep, period);
		lines[1] = xasprintf(" %s%s%s", region, sep, period);
	}
	lines[2] = xasprintf(" %s%s%s", region, sep, period);
	lines[3] = xasprintf(" %s%s%s", app->region_name[0] ? app->region_name : app->region, sep,
			     period);	/* the name alone: the code is in the region picker */
	/* the counts in full, else compact, beside the most of where-am-I
	 * that fits; counts wider than half the screen give way to it */
	bool found = false;

	for (int compact = 0; compact <= 1 && !found; compact++) {
		header_counts(app, compact, right, sizeof right);
		rw = text_width(right);
		for (int i = 0; i < 4 && !found && rw <= COLS / 2; i++)
			if (text_width(lines[i]) + rw <= COLS) {
				chosen = i;
				found = true;
			}
	}
	if (!found)
		rw = 0;		/* a very narrow screen keeps where-am-I over the counts */
	ui_text(0, 0, COLS - rw, STYLE_TITLE, false, lines[chosen]);
	if (rw)
		ui_text(0, COLS - rw, rw, STYLE_TITLE, true, right);
	for (int i = 0; i < 4; i++)
		free(lines[i]);
	free(region);
	free(period);
}

/* The chapter tabs.  A label is cut to a third of the screen, so that one
 * long label cannot hide the others, and the tabs scroll so that the
 * active one is always on screen, with "‹" when chapters lie to its left. */
static void draw_tabs(struct app *app)
{
	size_t n = app->cfg->nchapters, first = 0, active = app->chapter;
	int cap = COLS / 3 > 8 ? COLS / 3 : 8, col = 1, end;
	char **tabs;
	int *w;

	ui_clear_row(1);
	if (!n)
		return;
	if (active >= n)
		active = n - 1;
	tabs = xcalloc(n, sizeof *tabs);
	w = xcalloc(n, sizeof *w);
	for (size_t i = 0; i < n; i++) {
		const char *label = app->cfg->chapters[i].label;
		size_t size = strlen(label) + sizeof "…";
		char *cut = xmalloc(size);

		text_cut(cut, size, label, cap, true);
		tabs[i] = xasprintf("%s%zu %s%s", i == active ? "[" : " ", i + 1, cut,
				    i == active ? "]" : " ");
		w[i] = text_width(tabs[i]);
		free(cut);
	}
	for (;;) {	/* the first tab shown: the active one must end on screen */
		end = 0;
		for (size_t k = first; k <= active; k++)
			end += w[k] + 1;
		if (end <= COLS || first == active)
			break;
		first++;
	}
	if (first)
		ui_text(1, 0, 1, STYLE_TAB, false, app->utf8 ? "‹" : "<");
	for (size_t i = first; i < n && col < COLS; i++) {
		ui_text(1, col, w[i], i == active ? STYLE_TAB_ACTIVE : STYLE_TAB, false, tabs[i]);
		col += w[i] + 1;
	}
	for (size_t i = 0; i < n; i++)
		free(tabs[i]);
	free(tabs);
	free(w);
}

static void key_hints(const struct app *app, int width, char *buf, size_t size);

/* The width of parts of these widths, each cut to at most cap columns. */
static int capped_width(const int *widths, int n, int cap)
{
	int total = 0;

	for (int i = 0; i < n; i++)
		total += widths[i] < cap ? widths[i] : cap;
	return total;
}

/* Where the analyst is, root first: "Cijfers › Verwijzingen › Huisarts".
 * When it does not fit, the longest parts are cut first, so every level
 * stays visible, the deepest too. */
static void draw_breadcrumb(struct app *app, int *room)
{
	const char *parts[UI_MAX_DEPTH];
	int widths[UI_MAX_DEPTH], n = 0, cap = 0, budget;
	const char *sep = app->utf8 ? " › " : " > ";
	struct strbuf line = STRBUF_INIT;

	for (struct view *v = app->view; v && n < UI_MAX_DEPTH; v = v->parent)
		if (v->ops->crumb) {
			parts[n] = v->ops->crumb(v, app);
			widths[n] = text_width(parts[n]);
			if (widths[n] > cap)
				cap = widths[n];
			n++;
		}
	/* room for "?: help" stays: the one hint a lost analyst needs */
	budget = COLS - 1 - (n - 1) * text_width(sep) - 10;
	while (cap > 1 && capped_width(widths, n, cap) > budget)
		cap--;
	sb_addc(&line, ' ');
	for (int i = n - 1; i >= 0; i--) {
		size_t size = strlen(parts[i]) + sizeof "…";
		char *cut = xmalloc(size);

		text_cut(cut, size, parts[i], cap, true);
		sb_adds(&line, cut);
		if (i)
			sb_adds(&line, sep);
		free(cut);
	}
	ui_text(LINES - 2, 0, -1, STYLE_CRUMB, false, sb_str(&line));
	*room = COLS - text_width(sb_str(&line));
	sb_free(&line);
}

/* The breadcrumb, with the key hints right-aligned in the room it leaves. */
static void draw_crumb_line(struct app *app)
{
	char hint[512];
	int room;

	draw_breadcrumb(app, &room);
	if (app->view->ops->hints)	/* its own, on the bottom line (draw_status) */
		return;
	key_hints(app, room - 2, hint, sizeof hint);
	if (hint[0])
		ui_text(LINES - 2, COLS - text_width(hint) - 1, text_width(hint) + 1, STYLE_DIM,
			true, hint);
}

/* The key hints: only keys that do something in the view shown, most
 * useful first; what does not fit beside the breadcrumb is left out, "?"
 * last of all. */
static const struct {
	enum action action;
	const char *text;
} hints[] = {
	{ ACTION_HELP,           "?: help" },
	{ ACTION_ENTER,          "Enter: uitsplitsen" },
	{ ACTION_NEXT_ATTENTION, "r: signaal" },
	{ ACTION_REVIEW,         "spatie: beoordeeld" },
	{ ACTION_ANNOTATE,       "a: toelichting" },
	{ ACTION_QUIT,           "q: terug" },
};

static bool hint_applies(const struct app *app, enum action a)
{
	const struct view *v = app->view;

	switch (a) {
	case ACTION_ENTER:
		return ui_view_handles(v, ACTION_ENTER) || (!v->parent && v->ops->selected);
	case ACTION_REVIEW:
	case ACTION_ANNOTATE:
		return v->ops->selected && app->db;
	case ACTION_NEXT_ATTENTION:
		return app->figures.signals > 0;
	case ACTION_QUIT:
		return v->parent != NULL;	/* at the top, q quits: no hint needed */
	default:
		return true;
	}
}

/* The hints that fit in width columns, in the order of the table after
 * the first (help goes last). */
static void key_hints(const struct app *app, int width, char *buf, size_t size)
{
	size_t order[ARRAY_SIZE(hints)], n = 0;
	int used = text_width(hints[0].text) + 2;

	buf[0] = '\0';
	for (size_t i = 1; i < ARRAY_SIZE(hints); i++)
		if (hint_applies(app, hints[i].action) &&
		    used + text_width(hints[i].text) + 2 <= width) {
			used += text_width(hints[i].text) + 2;
			order[n++] = i;
		}
	if (text_width(hints[0].text) + 2 > width)
		return;
	order[n++] = 0;
	for (size_t k = 0; k < n; k++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", k ? "  " : "",
			 hints[order[k]].text);
}

/* The bottom line: a message, else the reason of the selected row's
 * status, so the analyst reads why as the cursor moves. */
static void draw_status(struct app *app)
{
	const struct figure *f;
	char reason[1024];

	if (app->status[0]) {
		ui_text(LINES - 1, 0, -1, app->status_error ? STYLE_ERROR : STYLE_STATUS,
			false, app->status);
		return;
	}
	/* a view with keys of its own (the period list, where typing filters)
	 * says them where the eye is while typing */
	if (app->view->ops->hints) {
		ui_text(LINES - 1, 0, -1, STYLE_DIM, false, app->view->ops->hints(app->view, app));
		return;
	}
	f = app->view->ops->selected ? app->view->ops->selected(app->view, app) : NULL;
	if (f && app->figures.delivery) {
		char *line = xasprintf(" %s %s: %s", stoplight_glyph(f->light.status, app->utf8),
				       f->cat ? f->cat->label : f->ind->label,
				       figure_reason(f, app->utf8, reason, sizeof reason));
		ui_text(LINES - 1, 0, -1, STYLE_STATUS, false, line);
		free(line);
	} else {
		ui_clear_row(LINES - 1);
	}
}

static void draw_too_small(void)
{
	char msg[128];

	erase();
	snprintf(msg, sizeof msg, "terminal te klein: %d×%d, minimaal %d×%d",
		 COLS, LINES, MIN_COLS, MIN_ROWS);
	ui_text(LINES / 2, 0, -1, STYLE_BOLD, false, msg);
}

bool ui_too_small(void)
{
	return LINES < MIN_ROWS || COLS < MIN_COLS;
}

void ui_draw(struct app *app)
{
	if (ui_too_small()) {
		draw_too_small();
		return;
	}
	erase();
	draw_header(app);
	draw_tabs(app);
	app->view->ops->draw(app->view, app);
	draw_crumb_line(app);
	draw_status(app);
}

