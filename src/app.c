/* SPDX-License-Identifier: EUPL-1.2 */
/* A browsing session; see include/jmon/app.h. */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jmon/app.h"
#include "jmon/disclosure.h"
#include "jmon/judgement.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

static void set_region(struct app *app, const char *code)
{
	snprintf(app->region, sizeof app->region, "%s", code);
	if (app->db)
		query_region_name(app->db, code, app->region_name, sizeof app->region_name);
	else
		snprintf(app->region_name, sizeof app->region_name, "%s", code);
}

/* The newest period with data into code (PERIOD_CODE_MAX, "" when none):
 * a quarter when there is one, because the monitor is read per quarter;
 * otherwise any kind (a CBS year or date). */
static enum jmon_status newest_with_data(struct app *app, char *code, struct jmon_error *err)
{
	enum period_kind quarter = PERIOD_QUARTER;
	bool found = false;
	enum jmon_status st;

	code[0] = '\0';
	if (!app->db)
		return JMON_OK;
	st = query_latest_period(app->db, app->region, &quarter, code, &found, err);
	if (st == JMON_OK && !found)
		st = query_latest_period(app->db, app->region, NULL, code, &found, err);
	return st;
}

static enum jmon_status newest_period(struct app *app, struct jmon_error *err)
{
	return newest_with_data(app, app->period, err);
}

/* A period the region has no data for shows an empty screen: say so, and
 * where the data is. */
static void say_if_no_data(struct app *app)
{
	char newest[PERIOD_CODE_MAX], label[PERIOD_LABEL_MAX];
	struct period p;

	if (!app->db || app->figures.delivery)
		return;
	if (newest_with_data(app, newest, NULL) != JMON_OK || !period_parse_str(newest, &p))
		snprintf(app->status, sizeof app->status,
			 "geen gegevens voor %s: laad gegevens met 'jmon import'", app->region_name);
	else
		snprintf(app->status, sizeof app->status,
			 "geen gegevens voor %s; nieuwste periode met gegevens: %s (p: kiezen)",
			 app->figures.label[0] ? app->figures.label : app->period,
			 period_label(&p, label));
	app->status_error = false;
}

enum jmon_status app_reload(struct app *app, struct jmon_error *err)
{
	enum jmon_status st;

	figures_free(&app->figures);
	if (app->db)
		db_end_read(app->db);	/* see the analyst's own write */
	app->generation++;
	if (!app->db || !app->period[0])
		return JMON_OK;
	/* once per load: every view of it then shows the same state */
	if (app->gate && (st = disclosure_refresh(app->gate, app->cfg, err)))
		return st;
	return figures_load(app->db, app->cfg, app->gate, app->region, app->period, NULL,
			    FIGURES_TOTALS, &app->figures, err);
}

/* Show period p, and say so when the region has no data for it. */
static enum jmon_status show_period(struct app *app, const struct period *p,
				    struct jmon_error *err)
{
	enum jmon_status st;

	period_format(p, app->period);
	if ((st = app_reload(app, err)) == JMON_OK)
		say_if_no_data(app);
	return st;
}

/* The login name of the effective user: $USER is whatever the shell says. */
static void login_name(char *buf, size_t size)
{
	struct passwd *pw = getpwuid(geteuid());

	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(buf, size, "%s", pw->pw_name);
	else
		snprintf(buf, size, "uid %ld", (long)geteuid());
}

/* What is new, as of now: the newest delivery and write. */
static void remember_news(struct app *app, struct delivery_row *d, bool *has_d,
			  struct history_row *h, bool *has_h)
{
	size_t n = 0;

	*has_d = query_deliveries(app->db, 0, d, 1, &n, NULL) == JMON_OK && n == 1;
	if (query_history_newest(app->db, h, has_h, NULL) != JMON_OK)
		*has_h = false;
}

/* The data's privacy minimum over a lower one of the configuration; the
 * first screen says so. */
static enum jmon_status apply_privacy_floor(struct app *app, struct jmon_error *err)
{
	char warning[200];
	int raised;
	enum jmon_status st = disclosure_floor(app->db, app->cfg, &raised, warning, sizeof warning,
					       err);

	if (st == JMON_OK && raised)
		snprintf(app->status, sizeof app->status, "let op: %s%s", warning,
			 raised > 1 ? " (en meer)" : "");
	return st;
}

/* The region shown must be one the database knows: an unknown one would
 * show an all-grey screen without a word. */
static enum jmon_status known_region(struct app *app, const struct options *opt,
				     struct jmon_error *err)
{
	char *from = opt->region ? NULL : xasprintf("in monitor.region of %s", app->cfg->path);
	enum jmon_status st = cli_check_region(app->db, app->region, from, err);

	free(from);
	return st;
}

enum jmon_status app_open(struct app *app, const struct options *opt, struct jmon_error *err)
{
	enum jmon_status st;

	memset(app, 0, sizeof *app);
	login_name(app->author, sizeof app->author);
	if ((st = config_load(opt->config, &app->cfg, err)))
		return st;
	if (opt->chapter) {
		const struct chapter *ch = config_chapter(app->cfg, opt->chapter);
		if (!ch)
			return jmon_fail(err, JMON_USAGE, "no chapter '%s' in %s", opt->chapter,
					 app->cfg->path);
		app->chapter = (size_t)(ch - app->cfg->chapters);
	}
	if (!opt->region && !app->cfg->monitor.region)
		return jmon_fail(err, JMON_USAGE, "no region: give --region CODE, or set "
				 "monitor.region in %s", app->cfg->path);
	app->db_path = cli_database_path(opt, app->cfg);
	/* a browser on no database would show an empty monitor as if there
	 * were nothing to see */
	if ((st = cli_need_database(opt, app->db_path, err))) {
		return st;
	} else if ((st = db_open(app->db_path, DB_READONLY, app->cfg, &app->db, err))) {
		return st;
	} else if ((st = apply_privacy_floor(app, err))) {
		return st;
	} else {
		struct delivery_row d;
		struct history_row h;
		bool has_d, has_h;

		app->gate = disclosure_new(app->db);
		app->data_version = db_data_version(app->db);
		remember_news(app, &d, &has_d, &h, &has_h);
		app->seen_delivery = has_d ? d.id : 0;
		app->seen_history = has_h ? h.id : 0;
	}
	set_region(app, opt->region ? opt->region : app->cfg->monitor.region);
	if ((st = known_region(app, opt, err)))
		return st;
	if (opt->period) {
		struct period p;
		char msg[512];

		if (!period_read(opt->period, &p))
			return jmon_fail(err, JMON_USAGE, "%s",
					 period_unreadable(opt->period, msg, sizeof msg));
		return show_period(app, &p, err);
	}
	if (app->cfg->monitor.period)	/* the monitor's own main period */
		return app_set_period(app, app->cfg->monitor.period, err);
	if ((st = newest_period(app, err)) || (st = app_reload(app, err)))
		return st;
	say_if_no_data(app);
	return JMON_OK;
}

void app_close(struct app *app)
{
	figures_free(&app->figures);
	disclosure_free(app->gate);
	app->gate = NULL;
	if (app->db)
		db_close(app->db);
	free(app->db_path);
	config_free(app->cfg);
	app->db = NULL;
	app->cfg = NULL;
	app->db_path = NULL;
}

/* Whether path can be written; *why is access(2)'s errno when not. */
static bool writable(const char *path, int *why)
{
	if (access(path, W_OK) == 0)
		return true;
	*why = errno;
	return false;
}

bool app_can_write(const struct app *app, char *msg, size_t size)
{
	const char *slash = strrchr(app->db_path, '/');
	/* the folder as "ro/" or "./": the message shows it is a folder */
	char *dir = slash ? xstrndup(app->db_path, (size_t)(slash - app->db_path) + 1)
			  : xstrdup("./");
	char *wal = xasprintf("%s-wal", app->db_path), *shm = xasprintf("%s-shm", app->db_path);
	const char *what = NULL;
	int why = 0, unused;

	if (!writable(app->db_path, &why))
		what = app->db_path;
	/* a write makes the -wal and -shm beside the file, unless they are
	 * there already */
	else if (!writable(dir, &why) && !(writable(wal, &unused) && writable(shm, &unused)))
		what = dir;
	if (what) {
		/* permissions are those of the effective user, whatever $USER says */
		struct passwd *pw = getpwuid(geteuid());
		char uid[32];

		snprintf(uid, sizeof uid, "uid %ld", (long)geteuid());
		snprintf(msg, size, "alleen lezen: %s is niet schrijfbaar voor %s%s", what,
			 pw && pw->pw_name && *pw->pw_name ? pw->pw_name : uid,
			 why == EROFS ? " (alleen-lezen bestandssysteem)" : "");
	}
	free(shm);
	free(wal);
	free(dir);
	return !what;
}

enum jmon_status app_set_period(struct app *app, const char *code, struct jmon_error *err)
{
	struct period p;
	char msg[512];

	if (!period_read(code, &p))
		return jmon_fail(err, JMON_USAGE, "%s", period_unreadable_nl(code, msg, sizeof msg));
	return show_period(app, &p, err);
}

/* [ and ]: the neighbouring period with data of the same kind (the next
 * quarter), else of any kind (from a CBS year to the survey's quarter). */
enum jmon_status app_step_period(struct app *app, int delta, struct jmon_error *err)
{
	struct period p;
	char code[PERIOD_CODE_MAX];
	bool found = false;
	enum jmon_status st;

	if (!app->db || !app->period[0] || !period_parse_str(app->period, &p))
		return jmon_fail(err, JMON_USAGE, "geen periode om vanuit te bladeren");
	if ((st = query_step_period(app->db, app->region, &p, delta, &p.kind, code, &found, err)))
		return st;
	if (!found && (st = query_step_period(app->db, app->region, &p, delta, NULL, code, &found,
					      err)))
		return st;
	if (!found)
		return jmon_fail(err, JMON_USAGE, "geen %s periode met gegevens voor %s",
				 delta < 0 ? "eerdere" : "latere", app->region_name);
	snprintf(app->period, sizeof app->period, "%s", code);
	return app_reload(app, err);
}

enum jmon_status app_set_region(struct app *app, const char *code, struct jmon_error *err)
{
	struct region_row r;
	bool found = false;
	enum jmon_status st;

	if (app->db && (st = query_region(app->db, code, &r, &found, err)))
		return st;
	if (!found) {
		char near[512] = "";

		if (app->db && (st = cli_nearest_regions(app->db, code, near, sizeof near, err)))
			return st;
		return jmon_fail(err, JMON_USAGE, "onbekende regio '%s'%s%s", code,
				 near[0] ? "; dichtstbij: " : "", near);
	}
	set_region(app, code);
	/* Keep the period when the new region has data for it; else its newest. */
	if (app->db && app->period[0] &&
	    (st = query_has_period(app->db, app->region, app->period, &found, err)))
		return st;
	if ((!app->period[0] || !found) && (st = newest_period(app, err)))
		return st;
	return app_reload(app, err);
}

/* Index of the first row of chapter c in app->figures (one row per indicator). */
static size_t chapter_start(const struct app *app, size_t c)
{
	size_t start = 0;

	for (size_t i = 0; i < c; i++)
		start += app->cfg->chapters[i].nindicators;
	return start;
}

size_t app_chapter_size(const struct app *app)
{
	if (!app->figures.n || app->chapter >= app->cfg->nchapters)
		return 0;
	return app->cfg->chapters[app->chapter].nindicators;
}

const struct figure *app_chapter_row(const struct app *app, size_t i)
{
	size_t at = chapter_start(app, app->chapter) + i;

	return i < app_chapter_size(app) && at < app->figures.n ? &app->figures.rows[at] : NULL;
}

static const struct {
	enum app_filter filter;
	const char *name, *english, *shown;
} filters[] = {
	{ FILTER_ALL,     "alle",      "all",     "alle" },
	{ FILTER_SIGNALS, "signalen",  "signals", "signalen" },
	{ FILTER_TODO,    "open",      "todo",    "te beoordelen" },
	{ FILTER_CHANGED, "gewijzigd", "changed", "gewijzigd" },
};

bool app_filter_shows(const struct app *app, const struct figure *f)
{
	switch (app->filter) {
	case FILTER_SIGNALS: return figure_is_signal(f);
	case FILTER_TODO:    return figure_is_signal(f) && !f->reviewed;
	case FILTER_CHANGED: return f->revised;
	default:             return true;
	}
}

const char *app_filter_name(enum app_filter filter)
{
	return filters[filter].shown;
}

bool app_filter_parse(const char *name, enum app_filter *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(filters); i++)
		if (!strcmp(name, filters[i].name) || !strcmp(name, filters[i].english) ||
		    !strcmp(name, filters[i].shown)) {
			*out = filters[i].filter;
			return true;
		}
	return false;
}

static bool needs_attention(const struct app *app, const struct figure *f)
{
	return figure_is_signal(f) && app_filter_shows(app, f);
}

bool app_find_attention(const struct app *app, int dir, size_t *chapter, size_t *row)
{
	size_t n = app->figures.n;
	size_t at = chapter_start(app, *chapter) + *row;

	for (size_t step = 1; step <= n; step++) {
		size_t i = (at + n + (dir > 0 ? step : n - step)) % n;

		if (!needs_attention(app, &app->figures.rows[i]))
			continue;
		/* back from a flat index to (chapter, row) */
		size_t c = 0;
		while (i >= app->cfg->chapters[c].nindicators) {
			i -= app->cfg->chapters[c].nindicators;
			c++;
		}
		*chapter = c;
		*row = i;
		return true;
	}
	return false;
}

/* --- writes ----------------------------------------------------------------- */

/* A write waits for an import up to this long, saying so, before it gives
 * up with a message (and the text stays with the analyst). */
#define WRITE_WAIT_MS (10 * 60 * 1000)
#define WRITE_WAIT_STEP_MS 100

static int busy(void *ctx, int count)
{
	struct app *app = ctx;
	int waited = count * WRITE_WAIT_STEP_MS;

	if (waited >= WRITE_WAIT_MS)
		return 0;
	if (app->busy)
		app->busy(app, waited);
	usleep(WRITE_WAIT_STEP_MS * 1000);
	return 1;
}

static enum jmon_status open_for_write(struct app *app, struct db **w, struct jmon_error *err)
{
	enum jmon_status st;
	char why[512];

	if (!app->db)
		return jmon_fail(err, JMON_NOINPUT, "geen database om in te schrijven");
	if (!app_can_write(app, why, sizeof why))
		return jmon_fail(err, JMON_IO, "%s: niets opgeslagen", why);
	/* no configuration: browsing never changes the shared indicators */
	if ((st = db_open(app->db_path, DB_READWRITE, NULL, w, err)))
		return st;
	db_on_busy(*w, busy, app);
	return JMON_OK;
}

static struct cell_key key_of(const struct app *app, const struct figure *f, bool cell)
{
	struct cell_key key = { f->ind->id, app->region, app->period,
				cell && f->cat ? f->cat->id : "" };

	return key;
}

/* What the history keeps of a write about f. */
static struct judgement_basis basis_of(const struct app *app, const struct figure *f, long seen)
{
	struct judgement_basis b = {
		app->author, "browser", seen, f->now.present && f->now.has_value && !f->withheld,
		f->now.value, f->now.present ? f->now.flag : NULL,
		stoplight_name(f->light.status), app->figures.delivery,
	};

	return b;	/* without has_value the history keeps no value: none of a withheld one */
}

/* Run write on a read-write handle, then re-evaluate. */
static enum jmon_status written(struct app *app, struct db *w, enum jmon_status st,
				struct jmon_error *err)
{
	db_close(w);
	return st ? st : app_reload(app, err);
}

static enum jmon_status has_figures(struct app *app, struct jmon_error *err)
{
	if (!app->db || !app->period[0])
		return jmon_fail(err, JMON_NOINPUT, "geen gegevens om te beoordelen");
	return JMON_OK;
}

/* A review is of the indicator as a whole: it is about the total's value
 * and status, also when it is written from a category row. */
static const struct figure *total_of(const struct app *app, const struct figure *f)
{
	for (size_t i = 0; i < app->figures.n; i++)
		if (app->figures.rows[i].ind == f->ind && !app->figures.rows[i].cat)
			return &app->figures.rows[i];
	return f;
}

enum jmon_status app_mark(struct app *app, const struct figure *f, bool reviewed, long seen,
			  struct jmon_error *err)
{
	struct cell_key key = key_of(app, f, false);
	struct judgement_basis b = basis_of(app, total_of(app, f), seen);
	struct db *w = NULL;
	enum jmon_status st;

	if ((st = has_figures(app, err)) || (st = open_for_write(app, &w, err)))
		return st;
	return written(app, w, judgement_mark(w, &key, reviewed, &b, NULL, err), err);
}

enum jmon_status app_override(struct app *app, const struct figure *f, const char *status,
			      const char *reason, long seen, struct jmon_error *err)
{
	struct cell_key key = key_of(app, f, false);
	struct judgement_basis b = basis_of(app, total_of(app, f), seen);
	struct db *w = NULL;
	enum jmon_status st;

	/* the status the review is about from now on: the one set, or the
	 * computed one again; else the analyst's own colour would make their
	 * own review outdated */
	b.status = status ? status : stoplight_name(total_of(app, f)->light.computed);
	if (status && (!reason || !*reason))
		return jmon_fail(err, JMON_USAGE, "een andere kleur vraagt een reden");
	if ((st = has_figures(app, err)) || (st = open_for_write(app, &w, err)))
		return st;
	return written(app, w, judgement_override(w, &key, status, reason, &b, NULL, err), err);
}

enum jmon_status app_annotate(struct app *app, const struct figure *f, const char *field,
			      const char *text, long seen, struct jmon_error *err)
{
	struct cell_key key = key_of(app, f, true);
	struct judgement_basis b = basis_of(app, f, seen);
	struct db *w = NULL;
	enum jmon_status st;

	if (!app->db || !app->period[0])
		return jmon_fail(err, JMON_NOINPUT, "geen gegevens om toe te lichten");
	if ((st = open_for_write(app, &w, err)))
		return st;
	return written(app, w, judgement_explain_as(w, &key, field, text, &b, NULL, err), err);
}

static void say_write(const struct app *app, const struct history_row *h, char *msg, size_t size)
{
	const struct indicator *ind = config_indicator(app->cfg, h->indicator);
	const char *label = ind ? ind->label : h->indicator;
	enum stoplight_status s;

	if (h->explanation)
		text_format(msg, size, "%s heeft de toelichting bij %s %s", h->author, label,
			    h->removed ? "verwijderd" : "geschreven");
	else if (h->status_override[0] && stoplight_status_parse(h->status_override, &s))
		text_format(msg, size, "%s heeft %s op %s gezet%s", h->author, label,
			    stoplight_word(s), h->reviewed == 1 ? " en beoordeeld" : "");
	else
		text_format(msg, size, "%s heeft %s %s", h->author, label,
			    h->reviewed == 1 ? "beoordeeld" : "niet meer als beoordeeld gemarkeerd");
}

void app_end_read(struct app *app)
{
	if (app->db)
		db_end_read(app->db);
}

enum jmon_status app_live(struct app *app, char *msg, size_t size, struct jmon_error *err)
{
	struct delivery_row d;
	struct history_row h;
	bool has_d, has_h;
	long v;

	msg[0] = '\0';
	if (app->db)
		db_end_read(app->db);	/* a snapshot would hide every change */
	v = app->db ? db_data_version(app->db) : -1;
	if (!app->db || v < 0 || v == app->data_version)
		return JMON_OK;
	app->data_version = v;
	remember_news(app, &d, &has_d, &h, &has_h);
	if (has_h && h.id > app->seen_history && strcmp(h.author, app->author))
		say_write(app, &h, msg, size);
	if (has_d && d.id > app->seen_delivery)
		text_format(msg, size, "levering %ld geïmporteerd: %ld waarden gewijzigd, %ld nieuw",
			    d.id, d.cells_changed, d.cells_new);
	if (has_d)
		app->seen_delivery = d.id;
	if (has_h)
		app->seen_history = h.id;
	return app_reload(app, err);
}

enum jmon_status app_review_now(struct app *app, const struct figure *f, struct review *r,
				bool *found, struct jmon_error *err)
{
	struct cell_key key = key_of(app, f, false);

	*found = false;
	if (!app->db)
		return jmon_fail(err, JMON_NOINPUT, "geen database");
	db_end_read(app->db);
	return query_review(app->db, &key, r, found, err);
}

enum jmon_status app_note_now(struct app *app, const struct figure *f, const char *field,
			      struct annotation *a, bool *found, struct jmon_error *err)
{
	struct cell_key key = key_of(app, f, true);

	*found = false;
	if (!app->db)
		return jmon_fail(err, JMON_NOINPUT, "geen database");
	db_end_read(app->db);
	return query_annotation(app->db, &key, field, a, found, err);
}
