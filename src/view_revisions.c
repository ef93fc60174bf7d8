/* SPDX-License-Identifier: EUPL-1.2 */
/* The revisions view (v): the selected cell's value in each delivery, and
 * the cells of this region that the newest delivery changed in any period
 * (late declarations), with old and new value and the difference, in
 * configuration order; Enter on one opens its indicator. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/revision.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/xmalloc.h"

#define MAX_HISTORY 32
#define MAX_DELIVERIES 256
#define MAX_CHANGES 1024

struct revisions_state {
	struct indicator_ref ref;
	struct revision_entry history[MAX_HISTORY];
	size_t nhistory;
	struct delivery_row *deliveries;
	size_t ndeliveries;
	struct revision_change *changes;
	size_t nchanges;
	long compared;			/* the delivery the changes are of */
	int first_change;		/* the line of the first change, or -1 */
};

static struct revisions_state *state(struct view *v)
{
	return v->data;
}

static void revisions_reload(struct view *v, struct app *app)
{
	struct revisions_state *s = state(v);
	const char *cat = s->ref.cat ? s->ref.cat->id : NULL;
	struct jmon_error err;

	if (!s->deliveries) {
		s->deliveries = xcalloc(MAX_DELIVERIES, sizeof *s->deliveries);
		s->changes = xcalloc(MAX_CHANGES, sizeof *s->changes);
	}
	s->nhistory = s->ndeliveries = s->nchanges = 0;
	if (!app->db || !app->period[0])
		return;
	if (revision_history(app->db, app->cfg, app->gate, s->ref.ind, app->region, app->period,
			     cat, s->history, MAX_HISTORY, &s->nhistory, &err) ||
	    query_deliveries(app->db, 0, s->deliveries, MAX_DELIVERIES, &s->ndeliveries, &err) ||
	    revision_changes(app->db, app->cfg, app->gate, app->region, NULL, s->changes,
			     MAX_CHANGES, &s->nchanges, &s->compared, &err))
		ui_error(app, "%s", err.msg);
}

static const struct delivery_row *delivery(const struct revisions_state *s, long id)
{
	for (size_t i = 0; i < s->ndeliveries; i++)
		if (s->deliveries[i].id == id)
			return &s->deliveries[i];
	return NULL;
}

/* A value as the gate lets a reader see it; "-" when no delivery has it. */
static char *value_text(const struct indicator *ind, const struct disclosed *c, char *buf,
			size_t size, int width)
{
	if (!c->v.present)
		snprintf(buf, size, "-");
	else
		disclosed_value_text(ind, c, buf, size, width);
	return buf;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* text padded to a column of width display columns into out (of at least
 * 4 * width + 8 bytes); a number that does not fit shows as "…", never cut. */
static char *column(char *out, size_t size, const char *text, int width, bool number,
		    bool align_right)
{
	if (number && text_width(text) > width)
		text = text_utf8_locale() ? "…" : "~";
	text_pad(out, size, text, width, align_right);
	return out;
}

/* "Indicator › Category" in width columns: the indicator's label gives
 * way first, so the category, which tells the rows apart, stays. */
static char *change_label(const struct indicator *ind, const struct category *cat, int width,
			  bool utf8)
{
	const char *sep = utf8 ? " › " : " > ";
	int room = cat ? width - text_width(cat->label) - text_width(sep) : width;
	size_t size = strlen(ind->label) + sizeof "…";
	char *cut = xmalloc(size), *label;

	if (room < width / 2)
		room = width / 2;
	text_cut(cut, size, ind->label, room, true);
	label = xasprintf("%s%s%s", cut, cat ? sep : "", cat ? cat->label : "");
	free(cut);
	return label;
}

/* Every line of the view, built on demand; returns the count.  Columns are
 * padded by display width, not by printf's bytes: "€" is three bytes and
 * one column, and a source file name may be UTF-8. */
static int build(struct view *v, struct app *app, char **lines, enum ui_style *styles, int max)
{
	struct revisions_state *s = state(v);
	const struct indicator *ind = s->ref.ind;
	char a[64], b[64], d[64], c1[256], c2[256], c3[256], c4[128];
	int n = 0;
	/* the text columns give way on a narrow screen, so the values stay on it */
	int source_w = clamp(ui_cols() - 52, 8, 28), label_w = clamp(ui_cols() - 50, 12, 400);

#define LINE(st, ...) do { if (n < max) { styles[n] = (st); \
	lines[n] = xasprintf(__VA_ARGS__); } n++; } while (0)
	LINE(STYLE_HEADER, " %s%s%s, %s: waarde per levering", ind->label, s->ref.cat ? " › " : "",
	     s->ref.cat ? s->ref.cat->label : "", app->figures.label);
	if (!s->nhistory)
		LINE(STYLE_DIM, "  geen gegevens in enige levering");
	for (size_t i = 0; i < s->nhistory; i++) {
		const struct revision_entry *e = &s->history[i];
		const struct delivery_row *dr = delivery(s, e->delivery);
		d[0] = '\0';
		if (e->has_diff)
			difference_fit(ind, e->diff, d, sizeof d, 10);
		LINE(i == 0 ? STYLE_BOLD : STYLE_NORMAL, "  levering %-4ld %-10.10s %s %s %s",
		     e->delivery, dr ? dr->imported_at : "",
		     column(c1, sizeof c1, dr ? dr->source : "", source_w, false, false),
		     column(c2, sizeof c2, value_text(ind, &e->cell, a, sizeof a, 12), 12, true, true),
		     column(c3, sizeof c3, d, 10, true, true));
	}
	LINE(STYLE_NORMAL, "%s", "");
	s->first_change = -1;
	if (!s->compared || !s->nchanges) {
		LINE(STYLE_HEADER, " Gewijzigd in de nieuwste levering");
		LINE(STYLE_DIM, "  geen eerder geleverde waarden gewijzigd");
		return n;
	}
	LINE(STYLE_HEADER, " Gewijzigd in levering %ld (t.o.v. eerdere leveringen): %zu%s"
	     " (Enter: indicator)", s->compared, s->nchanges, s->nchanges == MAX_CHANGES ? "+" : "");
	s->first_change = n;	/* one line per change from here */
	for (size_t i = 0; i < s->nchanges; i++) {
		const struct revision_change *c = &s->changes[i];
		const struct indicator *ci = c->ind;
		const struct category *cc = c->cat;
		char *label, cut[256];

		d[0] = '\0';
		if (c->flag_only)
			snprintf(d, sizeof d, "%s", !c->now.v.flag[0] ? "definitief" : c->now.v.flag);
		else if (c->has_diff)
			difference_fit(ci, c->diff, d, sizeof d, 10);
		struct period p;
		char when[PERIOD_LABEL_MAX];

		if (period_parse_str(c->period, &p))
			period_label(&p, when);
		else
			snprintf(when, sizeof when, "%s", c->period);
		label = change_label(ci, cc, label_w, app->utf8);
		LINE(n == v->cursor ? STYLE_CURSOR : STYLE_NORMAL, "%s%s %s %s %s %s %s", n == v->cursor ? (app->utf8 ? "▸" : ">") : " ",
		     column(c4, sizeof c4, when, 8, false, false),
		     column(cut, sizeof cut, label, label_w, false, false),
		     column(c1, sizeof c1, value_text(ci, &c->old, a, sizeof a, 10), 10, true, true),
		     app->utf8 ? "→" : ">",
		     column(c2, sizeof c2, value_text(ci, &c->now, b, sizeof b, 10), 10, true, false),
		     column(c3, sizeof c3, d, 10, true, true));
		free(label);
	}
#undef LINE
	return n;
}

static int revisions_lines(struct view *v, struct app *app)
{
	return build(v, app, NULL, NULL, 0);
}

static void revisions_draw(struct view *v, struct app *app)
{
	int top = ui_body_top(), height = ui_body_bottom() - top + 1;
	int max = revisions_lines(v, app);
	char **lines = xcalloc((size_t)max + 1, sizeof *lines);
	enum ui_style *styles = xcalloc((size_t)max + 1, sizeof *styles);
	int n = build(v, app, lines, styles, max);

	ui_scroll(v, n, height);
	for (int r = 0; r < height && v->offset + r < n; r++)
		ui_text(top + r, 0, -1, styles[v->offset + r], false, lines[v->offset + r]);
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(styles);
}

/* Enter on a change: its indicator, on its category. */
static bool revisions_action(struct view *v, struct app *app, enum action a, const char *arg)
{
	struct revisions_state *s = state(v);
	int i;

	(void)arg;
	if (a != ACTION_ENTER)
		return false;
	revisions_lines(v, app);	/* where the changes start, for this screen */
	i = s->first_change < 0 ? -1 : v->cursor - s->first_change;
	if (i < 0 || (size_t)i >= s->nchanges) {
		ui_message(app, "Enter op een gewijzigde waarde opent haar indicator");
		return true;
	}
	ui_push(app, view_for_indicator(&indicator_view_ops, s->changes[i].ind, s->changes[i].cat));
	return true;
}

static const char *revisions_crumb(struct view *v, struct app *app)
{
	(void)v;
	(void)app;
	return "Revisies";
}

static void revisions_close(struct view *v)
{
	struct revisions_state *s = v->data;

	free(s->deliveries);
	free(s->changes);
	free(s);
}

static const enum action revisions_handles[] = { ACTION_ENTER, ACTION_NONE };

const struct view_ops revisions_view_ops = {
	.name = "revisions",
	.reload = revisions_reload,
	.lines = revisions_lines,
	.draw = revisions_draw,
	.action = revisions_action,
	.handles = revisions_handles,
	.crumb = revisions_crumb,
	.close = revisions_close,
	.state_size = sizeof(struct revisions_state),
};
