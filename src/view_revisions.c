/* The revisions view (v): the selected cell's value in each delivery, and
 * the cells of this region and period that the newest delivery changed
 * (late declarations), with old and new value and the difference. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/privacy.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/xmalloc.h"

#define MAX_HISTORY 32
#define MAX_DELIVERIES 256
#define MAX_CHANGES 1024

struct revisions_state {
	struct indicator_ref ref;
	unsigned generation;
	struct cell_value history[MAX_HISTORY];
	size_t nhistory;
	struct delivery_row *deliveries;
	size_t ndeliveries;
	struct cell_change *changes;
	size_t nchanges;
	long compared;			/* the delivery the changes are of */
};

static struct revisions_state *state(struct view *v)
{
	return v->data;
}

static void load(struct view *v, struct app *app)
{
	struct revisions_state *s = state(v);
	struct cell_key key = { s->ref.ind->id, app->region, app->period,
				s->ref.cat ? s->ref.cat->id : "" };
	struct jmon_error err;

	if (s->generation == app->generation && s->deliveries)
		return;
	s->generation = app->generation;
	if (!s->deliveries) {
		s->deliveries = xcalloc(MAX_DELIVERIES, sizeof *s->deliveries);
		s->changes = xcalloc(MAX_CHANGES, sizeof *s->changes);
	}
	s->nhistory = s->ndeliveries = s->nchanges = 0;
	if (!app->db || !app->period[0])
		return;
	if (query_cell_history(app->db, &key, s->history, MAX_HISTORY, &s->nhistory, &err) ||
	    query_deliveries(app->db, 0, s->deliveries, MAX_DELIVERIES, &s->ndeliveries, &err) ||
	    query_changes(app->db, app->region, app->period, s->changes, MAX_CHANGES,
			  &s->nchanges, &s->compared, &err))
		ui_error(app, "%s", err.msg);
}

static const struct delivery_row *delivery(const struct revisions_state *s, long id)
{
	for (size_t i = 0; i < s->ndeliveries; i++)
		if (s->deliveries[i].id == id)
			return &s->deliveries[i];
	return NULL;
}

/* A stored value as a reader may see it: privacy applied. */
static char *value_text(const struct indicator *ind, const struct cell_value *v, char *buf,
			size_t size)
{
	struct stoplight_cell c = { v->present && v->has_value, v->value, v->flag };

	if (!v->present)
		snprintf(buf, size, "-");
	else if (privacy_cell_withheld(ind, &c) && c.has_value)
		privacy_mask(buf, size, ind);
	else if (!v->has_value)
		snprintf(buf, size, "%s", v->flag);
	else
		numfmt_unit(buf, size, v->value, ind->decimals, ind->unit, 0);
	return buf;
}

static bool withheld(const struct indicator *ind, const struct cell_value *v)
{
	struct stoplight_cell c = { v->present && v->has_value, v->value, v->flag };

	return privacy_cell_withheld(ind, &c);
}

/* Every line of the view, built on demand; returns the count. */
static int build(struct view *v, struct app *app, char (*lines)[256], enum ui_style *styles,
		 int max)
{
	struct revisions_state *s = state(v);
	const struct indicator *ind = s->ref.ind;
	char a[64], b[64], d[64];
	int n = 0;

#define LINE(st, ...) do { if (n < max) { styles[n] = (st); \
	snprintf(lines[n], sizeof lines[n], __VA_ARGS__); } n++; } while (0)
	load(v, app);
	LINE(STYLE_HEADER, " %s%s%s, %s: waarde per levering", ind->label, s->ref.cat ? " › " : "",
	     s->ref.cat ? s->ref.cat->label : "", app->figures.label);
	if (!s->nhistory)
		LINE(STYLE_DIM, "  geen gegevens in enige levering");
	for (size_t i = 0; i < s->nhistory; i++) {
		const struct delivery_row *dr = delivery(s, s->history[i].delivery);
		d[0] = '\0';
		if (i + 1 < s->nhistory && s->history[i].has_value && s->history[i + 1].has_value &&
		    !withheld(ind, &s->history[i]) && !withheld(ind, &s->history[i + 1]))
			numfmt_unit(d, sizeof d, s->history[i].value - s->history[i + 1].value,
				    ind->decimals, ind->unit, NUMFMT_SIGN);
		LINE(i == 0 ? STYLE_BOLD : STYLE_NORMAL, "  levering %-4ld %-10.10s %-28.28s %12s %10s",
		     s->history[i].delivery, dr ? dr->imported_at : "", dr ? dr->source : "",
		     value_text(ind, &s->history[i], a, sizeof a), d);
	}
	LINE(STYLE_NORMAL, "%s", "");
	if (!s->compared || !s->nchanges) {
		LINE(STYLE_HEADER, " Gewijzigd in de nieuwste levering");
		LINE(STYLE_DIM, "  geen waarden van %s gewijzigd", app->figures.label);
		return n;
	}
	LINE(STYLE_HEADER, " Gewijzigd in levering %ld (t.o.v. eerdere leveringen): %zu%s",
	     s->compared, s->nchanges, s->nchanges == MAX_CHANGES ? "+" : "");
	for (size_t i = 0; i < s->nchanges; i++) {
		const struct cell_change *c = &s->changes[i];
		const struct indicator *ci = config_indicator(app->cfg, c->indicator);
		const struct category *cc = ci && c->category[0] ? indicator_category(ci, c->category) : NULL;
		char label[160];

		if (!ci)
			continue;
		snprintf(label, sizeof label, "%s%s%s", ci->label, cc ? " › " : "", cc ? cc->label : "");
		d[0] = '\0';
		if (c->has_diff && c->diff == 0 && strcmp(c->old.flag, c->now.flag))
			snprintf(d, sizeof d, "%s", !c->now.flag[0] ? "definitief" : c->now.flag);
		else if (c->has_diff && !withheld(ci, &c->old) && !withheld(ci, &c->now))
			numfmt_unit(d, sizeof d, c->diff, ci->decimals, ci->unit, NUMFMT_SIGN);
		char cut[128];
		text_pad(cut, sizeof cut, label, 40, false);
		LINE(STYLE_NORMAL, "  %s %10s %s %-10s %10s", cut, value_text(ci, &c->old, a, sizeof a),
		     app->utf8 ? "→" : ">", value_text(ci, &c->now, b, sizeof b), d);
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
	char (*lines)[256] = xcalloc((size_t)max + 1, sizeof *lines);
	enum ui_style *styles = xcalloc((size_t)max + 1, sizeof *styles);
	int n = build(v, app, lines, styles, max);

	/* scrolls as a pager: the cursor is the first line shown */
	if (v->cursor > n - height)
		v->cursor = n - height > 0 ? n - height : 0;
	for (int r = 0; r < height && v->cursor + r < n; r++)
		ui_text(top + r, 0, -1, styles[v->cursor + r], false, lines[v->cursor + r]);
	free(lines);
	free(styles);
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

const struct view_ops revisions_view_ops = {
	.name = "revisions",
	.lines = revisions_lines,
	.draw = revisions_draw,
	.crumb = revisions_crumb,
	.close = revisions_close,
	.state_size = sizeof(struct revisions_state),
};
