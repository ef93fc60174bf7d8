/* SPDX-License-Identifier: EUPL-1.2 */
/* The period picker (p): the periods with data for the region shown,
 * newest first, each with its kind, whether a value of it is still
 * provisional, and the delivery that last changed it.  Enter shows the
 * period under the cursor; typing filters (a digit starts the filter, /
 * asks for one; then every character is the filter's); Esc clears the
 * filter, then closes, as q does.  A filter that names a period the list
 * does not hold ("2030 Q1") opens that period on Enter, and the chapter
 * view says where the data is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_input.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

/* Forty years of months; a region has at most a few hundred periods. */
#define MAX_PERIODS 512

struct periods_state {
	struct period_row *rows;
	size_t n;
	bool failed;			/* the query failed: said on the status line */
	char region[QUERY_CODE_MAX];	/* whose periods are listed */
	char filter[64];
	char crumb[96];
	size_t *shown;			/* indices into rows that pass the filter */
	size_t nshown;
};

/* The list of the region listed last, while no delivery arrived since:
 * reading it is a pass over every cell of the region (a second on a
 * gemeente of ten years), and p is pressed again and again. */
static struct {
	char region[QUERY_CODE_MAX];
	long delivery;
	struct period_row *rows;
	size_t n;
} listed;

static enum jmon_status periods_of(struct app *app, struct period_row *rows, size_t *n,
				   struct jmon_error *err)
{
	long newest;
	enum jmon_status st = query_newest_delivery(app->db, &newest, err);

	if (st)
		return st;
	if (listed.rows && listed.delivery == newest && !strcmp(listed.region, app->region)) {
		memcpy(rows, listed.rows, listed.n * sizeof *rows);
		*n = listed.n;
		return JMON_OK;
	}
	if ((st = query_periods_with_data(app->db, app->region, rows, MAX_PERIODS, n, err)))
		return st;
	free(listed.rows);
	listed.rows = xmalloc((*n ? *n : 1) * sizeof *rows);
	memcpy(listed.rows, rows, *n * sizeof *rows);
	listed.n = *n;
	listed.delivery = newest;
	snprintf(listed.region, sizeof listed.region, "%s", app->region);
	return JMON_OK;
}

static struct periods_state *state(struct view *v)
{
	if (!v->data)
		v->data = xcalloc(1, sizeof(struct periods_state));
	return v->data;
}

static const char *kind_word(enum period_kind k)
{
	static const char *const words[] = {
		[PERIOD_YEAR] = "jaar", [PERIOD_HALF] = "halfjaar", [PERIOD_QUARTER] = "kwartaal",
		[PERIOD_MONTH] = "maand", [PERIOD_DATE] = "peildatum",
	};
	return words[k];
}

/* The period as CBS codes it (2023KW03, 2023HJ01, 2023JJ00, 2023MM03), so
 * a filter typed from a CBS table finds it too. */
static void cbs_code(const struct period *p, char *buf)
{
	switch (p->kind) {
	case PERIOD_YEAR:    snprintf(buf, PERIOD_CODE_MAX, "%dJJ00", p->year % 10000); break;
	case PERIOD_HALF:    snprintf(buf, PERIOD_CODE_MAX, "%dHJ%02d", p->year % 10000, p->n % 100); break;
	case PERIOD_QUARTER: snprintf(buf, PERIOD_CODE_MAX, "%dKW%02d", p->year % 10000, p->n % 100); break;
	case PERIOD_MONTH:   snprintf(buf, PERIOD_CODE_MAX, "%dMM%02d", p->year % 10000, p->n % 100); break;
	case PERIOD_DATE:    period_format(p, buf); break;
	}
}

/* A row passes a filter that is its period in any form period_read takes,
 * or that its label, code, CBS code or kind contains ("2023", "Q3", "kw"). */
static bool passes(const struct period_row *r, const char *filter)
{
	struct period p, want;
	char label[PERIOD_LABEL_MAX], cbs[PERIOD_CODE_MAX], a[PERIOD_CODE_MAX];

	if (!filter[0])
		return true;
	if (!period_parse_str(r->code, &p))
		return false;
	if (period_read(filter, &want) && !strcmp(period_format(&want, a), r->code))
		return true;
	period_label(&p, label);
	cbs_code(&p, cbs);
	return text_contains(label, filter) || text_contains(r->code, filter) ||
	       text_contains(cbs, filter) || text_contains(kind_word(r->kind), filter);
}

static void apply_filter(struct view *v)
{
	struct periods_state *s = state(v);

	s->nshown = 0;
	for (size_t i = 0; i < s->n; i++)
		if (passes(&s->rows[i], s->filter))
			s->shown[s->nshown++] = i;
	v->cursor = v->offset = 0;
}

/* Loaded when it opens and again after every reload of the data (an import
 * may add a period); the cursor starts on the period shown. */
static void periods_reload(struct view *v, struct app *app)
{
	struct periods_state *s = state(v);
	struct jmon_error err;
	bool first = !s->rows;
	char keep[PERIOD_CODE_MAX] = "";

	if (first) {
		s->rows = xcalloc(MAX_PERIODS, sizeof *s->rows);
		s->shown = xcalloc(MAX_PERIODS, sizeof *s->shown);
	} else if (s->nshown && v->cursor < (int)s->nshown) {
		snprintf(keep, sizeof keep, "%s", s->rows[s->shown[v->cursor]].code);
	}
	s->n = 0;
	s->failed = app->db && periods_of(app, s->rows, &s->n, &err) != JMON_OK;
	if (s->failed)
		ui_error(app, "%s", err.msg);
	snprintf(s->region, sizeof s->region, "%s", app->region);
	apply_filter(v);
	for (size_t i = 0; i < s->nshown; i++)
		if (!strcmp(s->rows[s->shown[i]].code, keep[0] ? keep : app->period))
			v->cursor = (int)i;
}

static int periods_lines(struct view *v, struct app *app)
{
	(void)app;
	return (int)state(v)->nshown;
}

/* "levering 4 · 30-levering-2023Q4.csv · 2026-12-01": the day of the
 * import last, as what tells least (an 80-column screen cuts it). */
static void delivery_text(const struct period_row *r, const char *sep, char *buf, size_t size)
{
	text_format(buf, size, "levering %ld%s%s%s%.10s", r->delivery, r->source[0] ? sep : "",
		    r->source, sep, r->imported_at);
}

static void periods_draw(struct view *v, struct app *app)
{
	struct periods_state *s = state(v);
	int top = ui_body_top(), height = ui_body_bottom() - top;
	int n = periods_lines(v, app);
	const char *sep = app->utf8 ? " · " : " | ";

	ui_text(top, 0, -1, STYLE_HEADER, false,
		"   Periode          soort      status     laatst gewijzigd door");
	ui_scroll(v, n, height);
	if (!n) {
		const char *why = s->failed ? "de periodes konden niet worden gelezen"
			       : s->n ? "geen periode past bij het filter (Esc: wissen)"
				      : "nog geen gegevens voor deze regio";
		ui_textf(top + 1, 0, -1, STYLE_DIM, false, "  %s", why);
		return;
	}
	for (int r = 0; r < height && v->offset + r < n; r++) {
		const struct period_row *row = &s->rows[s->shown[v->offset + r]];
		bool sel = v->offset + r == v->cursor;
		bool current = !strcmp(row->code, app->period);
		char label[PERIOD_LABEL_MAX], delivery[400];
		struct period p;

		if (!period_parse_str(row->code, &p))
			continue;
		delivery_text(row, sep, delivery, sizeof delivery);
		period_label(&p, label);
		ui_textf(top + 1 + r, 0, -1, sel ? STYLE_CURSOR : current ? STYLE_BOLD : STYLE_NORMAL,
			 false, "%s%s %-16s %-10s %-10s %s", sel ? (app->utf8 ? "▸" : ">") : " ",
			 current ? (app->utf8 ? "●" : "*") : " ", label, kind_word(row->kind),
			 row->provisional ? "voorlopig" : "definitief", delivery);
	}
}

/* Show code and close the picker: the analyst chose. */
static void open_period(struct view *v, struct app *app, const char *code)
{
	struct jmon_error err;

	if (app_set_period(app, code, &err) != JMON_OK) {
		ui_error(app, "%s", err.msg);
		return;
	}
	if (!app->status[0])	/* a period without data says so itself */
		ui_message(app, "periode %s", app->figures.label[0] ? app->figures.label : code);
	(void)v;
	ui_pop(app);
}

static void set_filter(struct view *v, struct app *app, const char *text)
{
	struct periods_state *s = state(v);

	text_format(s->filter, sizeof s->filter, "%s", text);
	apply_filter(v);
	for (size_t i = 0; !s->filter[0] && i < s->nshown; i++)
		if (!strcmp(s->rows[s->shown[i]].code, app->period))
			v->cursor = (int)i;	/* back where the list opened */
	if (s->n && !s->nshown) {
		struct period p;

		if (period_read(s->filter, &p))
			ui_message(app, "geen gegevens voor %s; Enter opent het toch", s->filter);
		else
			ui_error(app, "geen periode met '%s'", s->filter);
	}
}

static bool periods_action(struct view *v, struct app *app, enum action a, const char *arg)
{
	struct periods_state *s = state(v);
	char text[64];

	switch (a) {
	case ACTION_ENTER:
		if (s->nshown && v->cursor < (int)s->nshown)
			open_period(v, app, s->rows[s->shown[v->cursor]].code);
		else if (s->filter[0])	/* a period without data: it says where the data is */
			open_period(v, app, s->filter);
		return true;
	case ACTION_BACK:
		if (!s->filter[0])
			return false;	/* the frame closes the picker */
		set_filter(v, app, "");
		return true;
	case ACTION_QUIT:	/* q closes the picker, as in tig */
		ui_pop(app);
		return true;
	case ACTION_SEARCH:
		if (!arg) {
			if (!ui_prompt(app, "periode: ", text, sizeof text))
				return true;
			arg = text;
		}
		set_filter(v, app, arg);
		return true;
	case ACTION_PERIOD:	/* p again, or :period CODE */
		if (arg)
			open_period(v, app, arg);
		return true;
	default:
		return false;
	}
}

/* Typing filters: a digit starts the filter (a period starts with its
 * year or day), and once it holds something every character is its;
 * Backspace takes one back.  Other keys keep their meaning. */
static bool periods_key(struct view *v, struct app *app, int key)
{
	struct periods_state *s = state(v);
	char text[sizeof s->filter];
	size_t len = strlen(s->filter);

	if (key == JK_BACKSPACE && len) {
		snprintf(text, sizeof text, "%.*s", (int)utf8_start(s->filter, len - 1), s->filter);
		set_filter(v, app, text);
		return true;
	}
	if (!ui_typed_char(key) || (!len && !(key >= '0' && key <= '9')))
		return false;
	if (key >= 0x80 || len + 1 >= sizeof text)
		return true;	/* no period has it; the filter stays as it is */
	memcpy(text, s->filter, len);
	text[len] = (char)key;
	text[len + 1] = '\0';
	set_filter(v, app, text);
	return true;
}

static const char *periods_hints(struct view *v, struct app *app)
{
	(void)app;
	return state(v)->filter[0]
		       ? " Enter: openen  Bksp: teken terug  Esc: filter wissen  ↑↓: kiezen"
		       : " Enter: openen  0-9 of /: filter  Esc/q: sluiten  ?: help";
}

/* "Periodes (15)", or with a filter "Periodes met '2022' (4)". */
static const char *periods_crumb(struct view *v, struct app *app)
{
	struct periods_state *s = state(v);

	(void)app;
	if (s->filter[0])
		text_format(s->crumb, sizeof s->crumb, "Periodes met '%s' (%zu)", s->filter,
			    s->nshown);
	else
		text_format(s->crumb, sizeof s->crumb, "Periodes (%zu)", s->n);
	return s->crumb;
}

static void periods_close(struct view *v)
{
	struct periods_state *s = v->data;

	if (s) {
		free(s->rows);
		free(s->shown);
	}
	free(s);
}

static const enum action periods_handles[] = { ACTION_SEARCH, ACTION_NONE };

const struct view_ops periods_view_ops = {
	.name = "periods",
	.reload = periods_reload,
	.lines = periods_lines,
	.draw = periods_draw,
	.action = periods_action,
	.crumb = periods_crumb,
	.close = periods_close,
	.handles = periods_handles,
	.key = periods_key,
	.hints = periods_hints,
};
