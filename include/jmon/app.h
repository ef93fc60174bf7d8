/* SPDX-License-Identifier: EUPL-1.2 */
/* A browsing session without curses: the monitor, the region, period and
 * chapter shown, their evaluated figures, and the analyst's writes
 * (reviewed marks, explanations, overrides).  The views draw from it; the
 * unit tests drive it without a terminal. */
#ifndef JMON_APP_H
#define JMON_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/cli.h"
#include "jmon/config.h"
#include "jmon/db.h"
#include "jmon/figures.h"
#include "jmon/query.h"

struct view;

/* Which indicators the chapter view lists (and r/R visit). */
enum app_filter {
	FILTER_ALL,
	FILTER_SIGNALS,		/* amber or red, itself or a category */
	FILTER_TODO,		/* signals not reviewed (or reviewed for another value) */
	FILTER_CHANGED,		/* changed by the newest delivery */
};

struct app {
	struct config *cfg;
	struct db *db;			/* read-only; NULL when there is no database */
	struct disclosure *gate;	/* the privacy gate's cache, for the session */
	char *db_path;
	char region[QUERY_CODE_MAX];
	char region_name[128];
	char period[PERIOD_CODE_MAX];	/* "" when the region has no data */
	size_t chapter;			/* index into cfg->chapters */
	enum app_filter filter;
	bool next_after_review;		/* :set next-after-review */
	bool show_baseline;		/* B: the change column against the nulmeting */
	struct figure_set figures;	/* the total row of every indicator */
	unsigned generation;		/* bumped by every reload: views drop caches */
	char author[64];		/* the login name of the effective user,
					 * stored with every write */
	/* called while a write waits for another writer (an import), with
	 * the milliseconds waited so far; set by the screen, may be NULL */
	void (*busy)(struct app *app, int waited_ms);
	/* what the screen showed at the last look (app_live) */
	long data_version, seen_delivery, seen_history;

	/* the screen (src/ui.c) */
	struct view *view;		/* top of the view stack */
	char status[512];		/* message on the bottom line */
	bool status_error;
	bool quit;
	bool command_bang;		/* the command was :NAME! (:export! FILE): do it, no question */
	bool utf8;			/* glyphs and sparklines, else ASCII */
	bool color;
};

/* Load the configuration, open the database read-only and evaluate the
 * start period.  A database that is not there (or a folder, an empty file)
 * and a region it does not know are errors, with words
 * (cli_need_database, cli_check_region); a period without data opens, and
 * app->status names the newest period with data. */
enum jmon_status app_open(struct app *app, const struct options *opt, struct jmon_error *err);
void app_close(struct app *app);

/* Whether this user can write to the database now: the file, and its
 * folder for SQLite's -wal and -shm beside it.  False with the message for
 * the status line ("alleen lezen: PATH is niet schrijfbaar voor LOGIN"),
 * so the screen says so before the analyst types anything. */
bool app_can_write(const struct app *app, char *msg, size_t size);

/* Evaluate the figures of the current region and period again. */
enum jmon_status app_reload(struct app *app, struct jmon_error *err);
/* Show another period (any form period_read takes; one without data says
 * so in app->status) or region. */
enum jmon_status app_set_period(struct app *app, const char *code, struct jmon_error *err);
enum jmon_status app_step_period(struct app *app, int delta, struct jmon_error *err);
enum jmon_status app_set_region(struct app *app, const char *code, struct jmon_error *err);

/* The rows of the current chapter (one per indicator, configuration order). */
size_t app_chapter_size(const struct app *app);
const struct figure *app_chapter_row(const struct app *app, size_t i);
/* The next (dir 1) or previous (dir -1) signal (figure_is_signal) the
 * filter shows, after row `row` of chapter `*chapter`, across chapters,
 * wrapping around.  Green and grey rows without a signal below are
 * skipped: there is nothing to review. */
bool app_find_attention(const struct app *app, int dir, size_t *chapter, size_t *row);

/* Whether the filter shows total row f; the filter's name as the header
 * shows it; a name (Dutch or English, as :filter takes it). */
bool app_filter_shows(const struct app *app, const struct figure *f);
const char *app_filter_name(enum app_filter filter);
bool app_filter_parse(const char *name, enum app_filter *out);

/* The analyst's writes about figure f: each opens the database read-write
 * for one short transaction (without touching the shared configuration)
 * and then re-evaluates.  Each is conditional on seen, the change the
 * analyst saw (f->review_change, f->note_change, or what the editor opened
 * on): JMON_CONFLICT, with nothing written, when someone else wrote since;
 * app_review_now and query_annotation tell what they wrote.  JMON_IO with
 * a clear message when the database is read-only for this user. */
enum jmon_status app_mark(struct app *app, const struct figure *f, bool reviewed, long seen,
			  struct jmon_error *err);
/* field: the text field of the monitor (monitor.texts) to write. */
enum jmon_status app_annotate(struct app *app, const struct figure *f, const char *field,
			      const char *text, long seen, struct jmon_error *err);
/* status NULL removes the override. */
enum jmon_status app_override(struct app *app, const struct figure *f, const char *status,
			      const char *reason, long seen, struct jmon_error *err);
/* Between keys: hold no read transaction, so imports and other analysts'
 * writes are never kept waiting by, or hidden from, this browser. */
void app_end_read(struct app *app);

/* Look for other connections' writes (an import, another analyst) and
 * re-evaluate when there were any; msg (of size bytes) then says what,
 * or is "" when nothing is new. */
enum jmon_status app_live(struct app *app, char *msg, size_t size, struct jmon_error *err);

/* The review of f's indicator as stored now, read past any snapshot. */
enum jmon_status app_review_now(struct app *app, const struct figure *f, struct review *r,
				bool *found, struct jmon_error *err);
/* One text field of the explanation of f's cell as stored now. */
enum jmon_status app_note_now(struct app *app, const struct figure *f, const char *field,
			      struct annotation *a, bool *found, struct jmon_error *err);

#endif
