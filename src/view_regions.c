/* SPDX-License-Identifier: EUPL-1.2 */
/* The region picker (w or :region): a region and its parts (gemeente →
 * wijk → buurt).  Enter shows the region under the cursor and opens its
 * parts when it has them; h/← goes up a level; / filters by name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/xmalloc.h"

#define MAX_REGIONS 4096	/* a gemeente has at most a few hundred buurten */

struct regions_state {
	char parent[QUERY_CODE_MAX];	/* whose parts are listed; "" = the region alone */
	struct region_row *rows;	/* rows[0] is the parent itself */
	size_t n;
	char filter[128];
	size_t *shown;			/* indices into rows that pass the filter */
	size_t nshown;
};

static struct regions_state *state(struct view *v)
{
	if (!v->data)
		v->data = xcalloc(1, sizeof(struct regions_state));
	return v->data;
}

static void apply_filter(struct regions_state *s)
{
	s->nshown = 0;
	for (size_t i = 0; i < s->n; i++)
		if (!s->filter[0] || text_contains(s->rows[i].name, s->filter) ||
		    text_contains(s->rows[i].code, s->filter))
			s->shown[s->nshown++] = i;
}

/* List `code` and its parts, or with code "" the regions at the top of the
 * tree; the cursor goes to `select` when listed. */
static void list(struct view *v, struct app *app, const char *code, const char *select)
{
	struct regions_state *s = state(v);
	struct jmon_error err;
	bool found = false;
	size_t n = 0;

	if (!s->rows) {
		s->rows = xcalloc(MAX_REGIONS + 1, sizeof *s->rows);
		s->shown = xcalloc(MAX_REGIONS + 1, sizeof *s->shown);
	}
	s->n = 0;
	s->filter[0] = '\0';
	snprintf(s->parent, sizeof s->parent, "%s", code);
	if (!*code) {
		/* the top: a heading row of its own, so rows[0] is always "up" */
		memset(&s->rows[0], 0, sizeof s->rows[0]);
		snprintf(s->rows[0].name, sizeof s->rows[0].name, "Alle regio's");
		found = true;
	} else if (query_region(app->db, code, &s->rows[0], &found, &err) != JMON_OK || !found) {
		apply_filter(s);
		return;
	}
	s->n = 1;
	if (query_region_children(app->db, code, NULL, s->rows + 1, MAX_REGIONS, &n, &err) == JMON_OK)
		s->n += n;
	apply_filter(s);
	v->cursor = 0;
	for (size_t i = 0; select && i < s->nshown; i++)
		if (!strcmp(s->rows[s->shown[i]].code, select))
			v->cursor = (int)i;
}

static void open_at_region(struct view *v, struct app *app)
{
	struct region_row r;
	struct jmon_error err;
	bool found = false;

	if (query_region(app->db, app->region, &r, &found, &err) == JMON_OK && found)
		list(v, app, r.parent, app->region);	/* the region among its siblings */
	else
		list(v, app, "", app->region);
}

/* Opened at the current region; later the picker's own keys list other
 * levels, and a reload of the figures leaves the list where it is. */
static void regions_reload(struct view *v, struct app *app)
{
	if (!state(v)->rows)
		open_at_region(v, app);
}

static int regions_lines(struct view *v, struct app *app)
{
	(void)app;
	return (int)state(v)->nshown;
}

static void regions_draw(struct view *v, struct app *app)
{
	struct regions_state *s = state(v);
	int top = ui_body_top(), height = ui_body_bottom() - top;
	int n = regions_lines(v, app);

	ui_textf(top, 0, -1, STYLE_HEADER, false,
		 " Regio%s%s%s   (Enter: tonen en openen, h: omhoog, /: filter)",
		 s->filter[0] ? " met '" : "", s->filter, s->filter[0] ? "'" : "");
	ui_scroll(v, n, height);
	for (int r = 0; r < height && v->offset + r < n; r++) {
		const struct region_row *reg = &s->rows[s->shown[v->offset + r]];
		bool current = !strcmp(reg->code, app->region);
		bool is_parent = s->shown[v->offset + r] == 0;

		bool sel = v->offset + r == v->cursor;

		if (!reg->code[0]) {	/* the top of the tree has no region of its own */
			ui_text(top + 1 + r, 0, -1, sel ? STYLE_CURSOR : STYLE_BOLD, false,
				sel ? (app->utf8 ? "▸ Alle regio's" : "> Alle regio's") : "  Alle regio's");
			continue;
		}

		ui_textf(top + 1 + r, 0, -1, sel ? STYLE_CURSOR : is_parent ? STYLE_BOLD : STYLE_NORMAL,
			 false, "%s%s%s %-10s %-9s %s%s", sel ? (app->utf8 ? "▸" : ">") : " ",
			 current ? (app->utf8 ? "●" : "*") : " ",
			 is_parent ? "" : "  ", reg->code, reg->kind, reg->name,
			 reg->children ? (app->utf8 ? "  ›" : "  >") : "");
	}
}

static bool regions_action(struct view *v, struct app *app, enum action a, const char *arg)
{
	struct regions_state *s = state(v);
	struct jmon_error err;
	char text[128];

	regions_lines(v, app);
	switch (a) {
	case ACTION_ENTER: {
		if (!s->nshown || v->cursor >= (int)s->nshown)
			return true;
		struct region_row r = s->rows[s->shown[v->cursor]];
		if (!r.code[0])
			return true;	/* the "alle regio's" heading */
		if (app_set_region(app, r.code, &err) != JMON_OK) {
			ui_error(app, "%s", err.msg);
			return true;
		}
		ui_message(app, "regio %s (%s)", r.name, r.code);
		if (r.children && s->shown[v->cursor] != 0)
			list(v, app, r.code, r.code);
		return true;
	}
	case ACTION_BACK:
		/* as in ncdu: clear the filter, then up a level, then close */
		if (s->filter[0]) {
			s->filter[0] = '\0';
			apply_filter(s);
			return true;
		}
		if (!s->parent[0])
			return false;	/* at the top already: close */
		snprintf(text, sizeof text, "%s", s->parent);
		list(v, app, s->rows[0].parent, text);
		return true;
	case ACTION_SEARCH:
		if (!arg) {
			if (!ui_prompt(app, "regio: ", text, sizeof text))
				return true;
			arg = text;
		}
		text_format(s->filter, sizeof s->filter, "%s", arg);
		apply_filter(s);
		v->cursor = v->offset = 0;
		if (!s->nshown)
			ui_error(app, "geen regio met '%s'", s->filter);
		return true;
	default:
		return false;
	}
}

static const char *regions_crumb(struct view *v, struct app *app)
{
	(void)v;
	(void)app;
	return "Regio's";
}

static void regions_close(struct view *v)
{
	struct regions_state *s = v->data;

	if (s) {
		free(s->rows);
		free(s->shown);
	}
	free(s);
}

static const enum action regions_handles[] = { ACTION_SEARCH, ACTION_NONE };

const struct view_ops regions_view_ops = {
	.name = "regions",
	.reload = regions_reload,
	.lines = regions_lines,
	.draw = regions_draw,
	.action = regions_action,
	.crumb = regions_crumb,
	.close = regions_close,
	.handles = regions_handles,
};
