/* SPDX-License-Identifier: EUPL-1.2 */
/* The actions that work on the monitor's data: drill down, next red/amber,
 * review, explain, override, periods, regions, search, compare, revisions.
 * The frame's own actions (quit, help, dump, ...) are in src/ui.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/report.h"
#include "jmon/stoplight.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/xmalloc.h"

static const struct figure *selected(struct app *app)
{
	struct view *v = app->view;
	const struct figure *f = v->ops->selected ? v->ops->selected(v, app) : NULL;

	if (!f)
		ui_error(app, "geen indicator geselecteerd");
	return f;
}

/* Report a failed write or query on the status line. */
static void report(struct app *app, enum jmon_status st, const struct jmon_error *err)
{
	if (st != JMON_OK)
		ui_error(app, "%s", err->msg);
}

/* Said before the analyst types a word for it: a database this user
 * cannot write would only refuse the text after the typing. */
static bool read_only(struct app *app)
{
	char msg[sizeof app->status];

	if (!app->db || app_can_write(app, msg, sizeof msg))
		return false;
	ui_error(app, "%s", msg);
	return true;
}

struct view *ui_root(struct app *app)
{
	struct view *v = app->view;

	while (v->parent)
		v = v->parent;
	return v;
}

static void back_to_root(struct app *app)
{
	while (app->view->parent)
		ui_pop(app);
}

static void act_enter(struct app *app, const char *arg)
{
	const struct figure *f = selected(app);

	(void)arg;
	if (f)
		ui_push(app, view_for_indicator(&indicator_view_ops, f->ind, f->cat));
}

static void attention(struct app *app, int dir)
{
	struct view *root = ui_root(app);
	size_t chapter = app->chapter, row = (size_t)root->cursor;

	if (!app_find_attention(app, dir, &chapter, &row)) {
		ui_message(app, "geen rode of oranje indicatoren%s%s",
			   app->figures.label[0] ? " in " : "", app->figures.label);
		return;
	}
	back_to_root(app);
	chapter_select(root, app, chapter, row);
	const struct figure *f = app_chapter_row(app, row);
	ui_message(app, "%s %s: %s", stoplight_glyph(f->light.status, app->utf8),
		   f->ind->label, f->light.reason);
}

static void act_next_attention(struct app *app, const char *arg) { (void)arg; attention(app, 1); }
static void act_prev_attention(struct app *app, const char *arg) { (void)arg; attention(app, -1); }

static void act_review(struct app *app, const char *arg)
{
	const struct figure *f = selected(app);
	struct jmon_error err;
	enum jmon_status st;
	const struct indicator *ind;

	(void)arg;
	if (!f || read_only(app))
		return;
	ind = f->ind;
	bool was = f->reviewed;		/* f dies with the reload below */
	st = app_toggle_reviewed(app, ind, &err);
	report(app, st, &err);
	if (st == JMON_OK)
		ui_message(app, "%s: %s (beoordeeld %d/%d)", ind->label,
			   was ? "niet meer beoordeeld" : "beoordeeld",
			   app->figures.reviewed, app->figures.indicators);
}

static void act_annotate(struct app *app, const char *arg)
{
	const struct figure *f = selected(app);
	struct cell_key key;
	struct annotation note = { 0 };
	bool found = false;
	struct jmon_error err;
	char *title, *text;

	if (!f || !app->db || !app->period[0]) {
		if (f)
			ui_error(app, "geen gegevens om toe te lichten");
		return;
	}
	if (read_only(app))
		return;
	key = (struct cell_key){ f->ind->id, app->region, app->period, f->cat ? f->cat->id : "" };
	if (query_annotation(app->db, &key, &note, &found, &err) != JMON_OK) {
		report(app, err.status, &err);
		return;
	}
	const struct indicator *ind = f->ind;
	const char *cat = f->cat ? f->cat->id : NULL;
	title = xasprintf("Toelichting %s%s%s, %s", ind->label, f->cat ? " › " : "",
			  f->cat ? f->cat->label : "", app->figures.label);
	text = xstrdup(arg ? arg : found ? note.text : "");
	annotation_free(&note);
	if (arg || ui_edit_explanation(app, title, &key, &text)) {
		enum jmon_status st = app_annotate(app, ind, cat, text, &err);
		report(app, st, &err);
		if (st == JMON_OK) {
			ui_edit_forget_draft(&key);
			ui_message(app, "toelichting %s", *text ? "opgeslagen" : "verwijderd");
		}
	} else {
		ui_message(app, "toelichting niet gewijzigd");
	}
	free(text);
	free(title);
}

static void act_override(struct app *app, const char *arg)
{
	const struct figure *f = selected(app);
	char colour[64], reason[512];
	enum stoplight_status s;
	struct jmon_error err;
	const struct indicator *ind;

	(void)arg;
	if (!f || read_only(app))
		return;
	ind = f->ind;
	if (!ui_prompt(app, "kleur (groen/oranje/rood/grijs, leeg = berekend): ", colour, sizeof colour))
		return;
	if (!colour[0]) {
		enum jmon_status st = app_override(app, ind, NULL, NULL, &err);
		report(app, st, &err);
		if (st == JMON_OK)
			ui_message(app, "%s: weer de berekende kleur", ind->label);
		return;
	}
	if (!stoplight_status_parse(colour, &s)) {
		ui_error(app, "'%s' is geen kleur: groen, oranje, rood of grijs", colour);
		return;
	}
	if (!ui_prompt(app, "reden: ", reason, sizeof reason))
		return;
	if (!reason[0]) {
		ui_error(app, "een andere kleur vraagt een reden; niets gewijzigd");
		return;
	}
	enum jmon_status st = app_override(app, ind, stoplight_name(s), reason, &err);
	report(app, st, &err);
	if (st == JMON_OK)
		ui_message(app, "%s: %s (handmatig)", ind->label, stoplight_word(s));
}

static void step_period(struct app *app, int delta)
{
	struct jmon_error err;

	report(app, app_step_period(app, delta, &err), &err);
}

static void act_prev_period(struct app *app, const char *arg) { (void)arg; step_period(app, -1); }
static void act_next_period(struct app *app, const char *arg) { (void)arg; step_period(app, 1); }

static void act_period(struct app *app, const char *arg)
{
	char code[64];
	struct jmon_error err;

	if (!arg) {
		if (!ui_prompt(app, "periode (2020Q1, 2020H1, 2020): ", code, sizeof code) || !code[0])
			return;
		arg = code;
	}
	report(app, app_set_period(app, arg, &err), &err);
}

static void act_region(struct app *app, const char *arg)
{
	struct jmon_error err;

	if (!arg) {
		if (!app->db) {
			ui_error(app, "geen database: geen regio's");
			return;
		}
		if (!ui_raise(app, &regions_view_ops))
			ui_push(app, view_new(&regions_view_ops, NULL));
		return;
	}
	report(app, app_set_region(app, arg, &err), &err);
}

/* --- search ----------------------------------------------------------------- */

static char search_text[256];

static bool find(struct app *app, int dir)
{
	const struct config *cfg = app->cfg;
	size_t total = 0, at = 0;
	struct view *root = ui_root(app);

	for (size_t c = 0; c < cfg->nchapters; c++) {
		if (c == app->chapter)
			at = total + (size_t)root->cursor;
		total += cfg->chapters[c].nindicators;
	}
	for (size_t step = 1; step <= total; step++) {
		size_t i = (at + total + (dir > 0 ? step : total - step)) % total, c = 0, row = i;

		while (row >= cfg->chapters[c].nindicators)
			row -= cfg->chapters[c++].nindicators;
		const struct indicator *ind = &cfg->chapters[c].indicators[row];
		if (text_contains(ind->label, search_text) || text_contains(ind->id, search_text)) {
			back_to_root(app);
			chapter_select(root, app, c, row);
			return true;
		}
	}
	ui_error(app, "'%s' niet gevonden", search_text);
	return false;
}

static void act_search(struct app *app, const char *arg)
{
	char text[256];

	if (!arg) {
		if (!ui_prompt(app, "/", text, sizeof text) || !text[0])
			return;
		arg = text;
	}
	text_format(search_text, sizeof search_text, "%s", arg);
	find(app, 1);
}

static void search_again(struct app *app, int dir)
{
	if (!search_text[0])
		ui_error(app, "nog niets gezocht: / om te zoeken");
	else
		find(app, dir);
}

static void act_search_next(struct app *app, const char *arg) { (void)arg; search_again(app, 1); }
static void act_search_prev(struct app *app, const char *arg) { (void)arg; search_again(app, -1); }

static void act_compare(struct app *app, const char *arg)
{
	const struct figure *f = selected(app);

	(void)arg;
	if (f)
		ui_push(app, view_for_indicator(&compare_view_ops, f->ind, f->cat));
}

static void act_revisions(struct app *app, const char *arg)
{
	const struct figure *f = selected(app);

	(void)arg;
	if (f)
		ui_push(app, view_for_indicator(&revisions_view_ops, f->ind, f->cat));
}

/* e / :export [FILE]: the current chapter as the report has it (CSV, or
 * Markdown for a .md file), so an export and `jmon report` agree. */
static void act_export(struct app *app, const char *arg)
{
	const struct chapter *ch;
	enum report_format format = REPORT_CSV;
	struct report r;
	struct jmon_error err;
	char *name = NULL;
	FILE *out;

	/* a monitor may have no chapters yet (check-config accepts it) */
	if (!app->db || !app->period[0] || app->chapter >= app->cfg->nchapters) {
		ui_error(app, "geen gegevens om te exporteren");
		return;
	}
	ch = &app->cfg->chapters[app->chapter];
	if (!arg) {
		arg = name = xasprintf("jmon-%s-%s-%s.csv", app->region, app->period, ch->id);
	}
	size_t len = strlen(arg);
	if (len > 3 && !strcmp(arg + len - 3, ".md"))
		format = REPORT_MD;
	if (report_load(app->db, app->cfg, app->region, app->period, ch, &r, &err) != JMON_OK) {
		report(app, err.status, &err);
		free(name);
		return;
	}
	r.utf8 = app->utf8;
	if (!(out = fopen(arg, "w"))) {
		ui_error(app, "kan %s niet schrijven", arg);
	} else {
		enum jmon_status st = report_write(&r, format, out, &err);
		if (fclose(out) != 0 && st == JMON_OK)
			st = jmon_fail(&err, JMON_IO, "kan %s niet schrijven", arg);
		if (st == JMON_OK)
			ui_message(app, "%s geëxporteerd naar %s", ch->label, arg);
		else
			report(app, st, &err);
	}
	report_free(&r);
	free(name);
}

const struct ui_action_entry ui_data_actions[] = {
	{ ACTION_EXPORT,         act_export },
	{ ACTION_ENTER,          act_enter },
	{ ACTION_NEXT_ATTENTION, act_next_attention },
	{ ACTION_PREV_ATTENTION, act_prev_attention },
	{ ACTION_REVIEW,         act_review },
	{ ACTION_ANNOTATE,       act_annotate },
	{ ACTION_OVERRIDE,       act_override },
	{ ACTION_PREV_PERIOD,    act_prev_period },
	{ ACTION_NEXT_PERIOD,    act_next_period },
	{ ACTION_PERIOD,         act_period },
	{ ACTION_REGION,         act_region },
	{ ACTION_SEARCH,         act_search },
	{ ACTION_SEARCH_NEXT,    act_search_next },
	{ ACTION_SEARCH_PREV,    act_search_prev },
	{ ACTION_COMPARE,        act_compare },
	{ ACTION_REVISIONS,      act_revisions },
};
const size_t ui_data_actions_size = sizeof ui_data_actions / sizeof ui_data_actions[0];

struct view *view_for_indicator(const struct view_ops *ops, const struct indicator *ind,
				const struct category *cat)
{
	size_t size = ops->state_size > sizeof(struct indicator_ref) ? ops->state_size
								     : sizeof(struct indicator_ref);
	struct indicator_ref *ref = xcalloc(1, size);

	ref->ind = ind;
	ref->cat = cat;
	return view_new(ops, ref);
}
