/* SPDX-License-Identifier: EUPL-1.2 */
/* The actions that work on the monitor's data: drill down, next red/amber,
 * review, explain, override, periods, regions, search, compare, revisions.
 * The frame's own actions (quit, help, dump, ...) are in src/ui.c. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jmon/export.h"
#include "jmon/report.h"
#include "jmon/stoplight.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_actions.h"
#include "jmon/ui_input.h"
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

	char reason[1024];

	if (!app_find_attention(app, dir, &chapter, &row)) {
		if (app->filter != FILTER_ALL && app->figures.signals)
			ui_message(app, "geen signalen meer %s (filter: %s)",
				   app->filter == FILTER_TODO ? "te beoordelen" : "hier",
				   app_filter_name(app->filter));
		else
			ui_message(app, "geen rode of oranje indicatoren%s%s",
				   app->figures.label[0] ? " in " : "", app->figures.label);
		return;
	}
	back_to_root(app);
	chapter_select(root, app, chapter, row);
	const struct figure *f = app_chapter_row(app, row);
	enum stoplight_status s = f->light.status;

	/* a signal below a lighter total: land on that category */
	if (s != STOPLIGHT_AMBER && s != STOPLIGHT_RED && f->below_cat) {
		ui_push(app, view_for_indicator(&indicator_view_ops, f->ind, f->below_cat));
		ui_message(app, "%s %s › %s: %s", stoplight_glyph(f->below, app->utf8),
			   f->ind->label, f->below_cat->label, f->below_reason);
		return;
	}
	ui_message(app, "%s %s: %s", stoplight_glyph(s, app->utf8), f->ind->label,
		   figure_reason(f, app->utf8, reason, sizeof reason));
}

static void act_next_attention(struct app *app, const char *arg) { (void)arg; attention(app, 1); }
static void act_prev_attention(struct app *app, const char *arg) { (void)arg; attention(app, -1); }

static void paint_frame(struct app *app, void *ctx)
{
	(void)ctx;
	app->status[0] = '\0';	/* the question takes the status line */
	ui_draw(app);
}

/* A yes/no question about a write (ui_ask): j is yes, n no. */
static bool ask(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static bool ask(struct app *app, const char *fmt, ...)
{
	va_list ap;
	char *q;
	bool yes;

	va_start(ap, fmt);
	q = xvasprintf(fmt, ap);
	va_end(ap);
	yes = ui_ask(app, q, paint_frame, NULL);
	free(q);
	return yes;
}

void ui_busy(struct app *app, int waited_ms)
{
	if (waited_ms % 1000)
		return;		/* once a second is enough to say it */
	ui_message(app, "wacht tot een andere schrijver (een import?) klaar is … %d s",
		   waited_ms / 1000);
	ui_draw(app);
	refresh();
}

/* The local "14:02" of a stored time (ISO 8601, UTC), or the time itself. */
static const char *clock_of(const char *at, char *buf, size_t size)
{
	struct tm tm = { 0 };
	time_t t;

	if (sscanf(at, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
		   &tm.tm_min, &tm.tm_sec) != 6)
		return at;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	t = timegm(&tm);
	localtime_r(&t, &tm);
	strftime(buf, size, "%H:%M", &tm);
	return buf;
}

/* What a stored review says, in words: "beoordeeld, rood (reden)". */
static void review_words(const struct review *r, bool found, char *buf, size_t size)
{
	enum stoplight_status s;

	if (!found) {
		snprintf(buf, size, "geen beoordeling");
		return;
	}
	text_format(buf, size, "%s%s%s%s%s", r->reviewed ? "beoordeeld" : "niet beoordeeld",
		    r->status_override[0] && stoplight_status_parse(r->status_override, &s)
			? ", " : "",
		    r->status_override[0] && stoplight_status_parse(r->status_override, &s)
			? stoplight_word(s) : "",
		    r->status_override[0] ? ": " : "", r->status_override[0] ? r->reason : "");
}

/* A write about the review found someone else's since the screen showed
 * it: say who, when and what, and ask whether to write anyway.  *seen
 * becomes what is stored now. */
static bool review_conflict(struct app *app, const struct figure *f, const char *mine,
			    long *seen)
{
	struct review r = { 0 };
	bool found = false, again;
	char words[400], hhmm[16];
	struct jmon_error err;

	if (app_review_now(app, f, &r, &found, &err) != JMON_OK) {
		ui_error(app, "%s", err.msg);
		return false;
	}
	review_words(&r, found, words, sizeof words);
	again = ask(app, "Toch %s? (j/n) %s wijzigde dit om %s: %s", mine,
		    found ? r.author : "iemand", found ? clock_of(r.at, hhmm, sizeof hhmm) : "?",
		    words);
	*seen = found ? r.change : 0;
	review_free(&r);
	return again;
}

static void act_review(struct app *app, const char *arg)
{
	const struct figure *sel = selected(app);
	struct jmon_error err;
	enum jmon_status st;

	(void)arg;
	if (!sel || read_only(app))
		return;
	struct figure f = *sel;		/* sel dies with the reload of a write */
	long seen = f.review_change;

	while ((st = app_mark(app, &f, !f.reviewed, seen, &err)) == JMON_CONFLICT &&
	       review_conflict(app, &f, f.reviewed ? "als niet beoordeeld markeren"
						  : "als beoordeeld markeren", &seen))
		;
	if (st == JMON_CONFLICT) {
		report(app, app_reload(app, &err), &err);	/* show theirs */
		ui_message(app, "%s: niets gewijzigd, de beoordeling van de ander staat", f.ind->label);
		return;
	}
	report(app, st, &err);
	if (st != JMON_OK)
		return;
	/* :set next-after-review: on to the next signal, as the job goes */
	if (!f.reviewed && app->next_after_review && app->figures.signals > app->figures.signals_reviewed)
		attention(app, 1);
	else
		ui_message(app, "%s: %s (beoordeeld %d/%d signalen)", f.ind->label,
			   f.reviewed ? "niet meer beoordeeld" : "beoordeeld",
			   app->figures.signals_reviewed, app->figures.signals);
}

/* Someone else wrote the explanation since the editor opened: keep theirs,
 * write ours over it, or (no) edit the two together.  Returns the text to
 * write (owned), or NULL to write nothing; *seen becomes what is stored. */
static char *note_conflict(struct app *app, const struct figure *f, const char *title,
			   const struct cell_key *key, const char *field, const char *draft,
			   char *mine, long *seen)
{
	struct annotation a = { 0 };
	bool found = false;
	struct jmon_error err;
	char *both, hhmm[16];

	if (app_note_now(app, f, field, &a, &found, &err) != JMON_OK) {
		ui_error(app, "%s", err.msg);
		return mine;	/* keep it in hand: the caller tries again or reports */
	}
	*seen = found ? a.change : 0;
	if (ask(app, "Uw tekst eroverheen? (j/n, n: beide bewerken) %s %s om %s",
		found ? a.author : "iemand",
		found ? "schreef intussen een toelichting" : "verwijderde intussen de toelichting",
		found ? clock_of(a.at, hhmm, sizeof hhmm) : "?")) {
		annotation_free(&a);
		return mine;
	}
	/* nothing lost: both texts in the editor, to make one of them */
	both = found ? xasprintf("%s\n\n%s", a.text, mine) : xstrdup(mine);
	annotation_free(&a);
	free(mine);
	/* the draft kept at Ctrl-X is mine alone: the editor starts from both */
	ui_edit_forget_draft(key, draft);
	if (!ui_edit_explanation(app, title, key, draft, &both)) {
		free(both);
		return NULL;
	}
	return both;
}

/* Which text field of the monitor to write (monitor.texts): the one
 * named at the start of a :command's text ("streefbeeld: ..."), else, for
 * a monitor with several, the one the analyst chooses by number or id;
 * NULL when they cancel.  *arg skips the name. */
static const struct text_field *choose_field(struct app *app, const char **arg)
{
	const struct monitor *m = &app->cfg->monitor;
	struct strbuf q = STRBUF_INIT;
	char answer[64];

	for (size_t i = 0; *arg && i < m->ntexts; i++) {
		size_t n = strlen(m->texts[i].id);

		if (!strncmp(*arg, m->texts[i].id, n) && (*arg)[n] == ':') {
			*arg += n + 1 + strspn(*arg + n + 1, " ");
			return &m->texts[i];
		}
	}
	if (m->ntexts == 1 || *arg)
		return &m->texts[0];
	sb_adds(&q, "Welk veld?");
	for (size_t i = 0; i < m->ntexts; i++)
		sb_addf(&q, " %zu %s", i + 1, m->texts[i].label);
	sb_adds(&q, ": ");
	bool ok = ui_prompt(app, sb_str(&q), answer, sizeof answer);
	sb_free(&q);
	for (size_t i = 0; ok && i < m->ntexts; i++)
		if ((answer[0] == (char)('1' + i) && !answer[1]) || !strcmp(answer, m->texts[i].id))
			return &m->texts[i];
	return NULL;
}

static void act_annotate(struct app *app, const char *arg)
{
	const struct figure *sel = selected(app);
	const struct text_field *field;
	struct annotation note = { 0 };
	struct cell_key key;
	bool found = false, several = app->cfg->monitor.ntexts > 1;
	struct jmon_error err;
	char *title, *text;
	enum jmon_status st = JMON_OK;

	if (!sel || !app->db || !app->period[0]) {
		if (sel)
			ui_error(app, "geen gegevens om toe te lichten");
		return;
	}
	if (read_only(app))
		return;
	struct figure f = *sel;		/* sel dies with the reload of a write */
	if (!(field = choose_field(app, &arg))) {
		ui_message(app, "toelichting niet gewijzigd");
		return;
	}
	key = (struct cell_key){ f.ind->id, app->region, app->period, f.cat ? f.cat->id : "" };
	/* the one field of a monitor keeps the draft name it always had */
	const char *draft = several ? field->id : NULL;
	if (app_note_now(app, &f, field->id, &note, &found, &err) != JMON_OK) {
		report(app, err.status, &err);
		return;
	}
	long seen = found ? note.change : 0;
	title = xasprintf("%s %s%s%s, %s", field->label, f.ind->label, f.cat ? " › " : "",
			  f.cat ? f.cat->label : "", app->figures.label);
	text = xstrdup(arg ? arg : found ? note.text : "");
	annotation_free(&note);
	if (!arg && !ui_edit_explanation(app, title, &key, draft, &text)) {
		ui_message(app, "toelichting niet gewijzigd");
		free(text);
		free(title);
		return;
	}
	while (text && (st = app_annotate(app, &f, field->id, text, seen, &err)) == JMON_CONFLICT)
		text = note_conflict(app, &f, title, &key, field->id, draft, text, &seen);
	if (!text) {
		ui_edit_forget_draft(&key, draft);	/* the analyst chose the other's text */
		report(app, app_reload(app, &err), &err);
		ui_message(app, "toelichting niet gewijzigd: die van de ander staat");
	} else {
		report(app, st, &err);
		if (st == JMON_OK) {
			ui_edit_forget_draft(&key, draft);
			ui_message(app, "%s %s", several ? field->label : "toelichting",
				   *text ? "opgeslagen" : "verwijderd");
		}
	}
	free(text);
	free(title);
}

static void act_override(struct app *app, const char *arg)
{
	const struct figure *sel = selected(app);
	char colour[64], reason[512];
	enum stoplight_status s;
	struct jmon_error err;
	enum jmon_status st;
	const char *status = NULL;

	(void)arg;
	if (!sel)
		return;
	/* a status belongs to the indicator, as its review does: set from a
	 * category row it would read as that category's */
	if (sel->cat) {
		ui_error(app, "een eigen kleur geldt voor de hele indicator: zet hem op de rij "
			 "Totaal (g, dan o)");
		return;
	}
	if (read_only(app))
		return;
	struct figure f = *sel;		/* sel dies with the reload of a write */
	long seen = f.review_change;

	if (!ui_prompt(app, "kleur (groen/oranje/rood/grijs, leeg = berekend): ", colour, sizeof colour))
		return;
	reason[0] = '\0';
	if (colour[0]) {
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
		status = stoplight_name(s);
	}
	while ((st = app_override(app, &f, status, status ? reason : NULL, seen, &err)) ==
		       JMON_CONFLICT &&
	       review_conflict(app, &f, status ? "deze kleur zetten" : "de berekende kleur terugzetten",
			       &seen))
		;
	if (st == JMON_CONFLICT) {
		report(app, app_reload(app, &err), &err);
		ui_message(app, "%s: niets gewijzigd, de beoordeling van de ander staat", f.ind->label);
		return;
	}
	report(app, st, &err);
	if (st == JMON_OK && status)
		ui_message(app, "%s: %s (handmatig)", f.ind->label, stoplight_word(s));
	else if (st == JMON_OK)
		ui_message(app, "%s: weer de berekende kleur", f.ind->label);
}

static void step_period(struct app *app, int delta)
{
	struct jmon_error err;

	report(app, app_step_period(app, delta, &err), &err);
}

static void act_prev_period(struct app *app, const char *arg) { (void)arg; step_period(app, -1); }
static void act_next_period(struct app *app, const char *arg) { (void)arg; step_period(app, 1); }

/* p: the periods with data; :period CODE goes there at once. */
static void act_period(struct app *app, const char *arg)
{
	struct jmon_error err;

	if (!arg) {
		if (!app->db) {
			ui_error(app, "geen database: geen periodes");
			return;
		}
		if (!ui_raise(app, &periods_view_ops))
			ui_push(app, view_new(&periods_view_ops, NULL));
		return;
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

/* b: the chapter beside the peers, a second b goes back to it */
static void act_benchmark(struct app *app, const char *arg)
{
	(void)arg;
	if (!ui_raise(app, &benchmark_view_ops))
		ui_push(app, view_benchmark_new(app));
}

/* e / :export [FILE]: the current chapter as the report has it, in the
 * format the name asks for (CSV; Markdown for .md, an Excel workbook for
 * .xlsx, which libxlsxwriter writes itself), so an export and `jmon
 * report` agree. */
static void act_export(struct app *app, const char *arg)
{
	const struct chapter *ch;
	enum report_format format = REPORT_CSV;
	struct export_source src = { 0 };
	struct report r;
	struct jmon_error err;
	enum jmon_status st;
	char *name = NULL;
	bool exists;

	/* a monitor may have no chapters yet (check-config accepts it) */
	if (!app->db || !app->period[0] || app->chapter >= app->cfg->nchapters) {
		ui_error(app, "geen gegevens om te exporteren");
		return;
	}
	ch = &app->cfg->chapters[app->chapter];
	if (!arg) {
		arg = name = xasprintf("jmon-%s-%s-%s.csv", app->region, app->period, ch->id);
	}
	format = report_format_for_file(arg);
	if (report_load(app->db, app->cfg, app->region, app->period, ch, &r, &err) != JMON_OK) {
		report(app, err.status, &err);
		free(name);
		return;
	}
	r.utf8 = app->utf8;
	src.report = &r;
	src.format = format;
	/* never over a file without a yes (or :export! FILE); see export.h */
	st = export_write(&src, arg, app->command_bang, &exists, &err);
	if (st == JMON_CANTCREAT && exists && !app->command_bang) {
		if (ask(app, "%s bestaat al. Vervangen? (j/n)", arg))
			st = export_write(&src, arg, true, &exists, &err);
		else
			jmon_fail(&err, st, "niet geëxporteerd: %s bestaat al (:export! vervangt)",
				  arg);
	}
	if (st == JMON_OK)
		ui_message(app, "%s geëxporteerd naar %s", ch->label, arg);
	else
		report(app, st, &err);
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
	{ ACTION_BENCHMARK,      act_benchmark },
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
