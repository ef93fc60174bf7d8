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

struct app {
	struct config *cfg;
	struct db *db;			/* read-only; NULL when there is no database */
	struct disclosure *gate;	/* the privacy gate's cache, for the session */
	char *db_path;
	char region[QUERY_CODE_MAX];
	char region_name[128];
	char period[PERIOD_CODE_MAX];	/* "" when the region has no data */
	size_t chapter;			/* index into cfg->chapters */
	struct figure_set figures;	/* the total row of every indicator */
	unsigned generation;		/* bumped by every reload: views drop caches */
	const char *author;		/* $USER, stored with every write */

	/* the screen (src/ui.c) */
	struct view *view;		/* top of the view stack */
	char status[512];		/* message on the bottom line */
	bool status_error;
	bool quit;
	bool utf8;			/* glyphs and sparklines, else ASCII */
	bool color;
};

/* Load the configuration, open the database read-only and evaluate the
 * start period.  A missing database is not an error here: the browser shows
 * the monitor without data and says how to import (app->status). */
enum jmon_status app_open(struct app *app, const struct options *opt, struct jmon_error *err);
void app_close(struct app *app);

/* Whether this user can write to the database now: the file, and its
 * folder for SQLite's -wal and -shm beside it.  False with the message for
 * the status line ("alleen lezen: PATH is niet schrijfbaar voor LOGIN"),
 * so the screen says so before the analyst types anything. */
bool app_can_write(const struct app *app, char *msg, size_t size);

/* Evaluate the figures of the current region and period again. */
enum jmon_status app_reload(struct app *app, struct jmon_error *err);
/* Show another period (any code period_parse accepts) or region. */
enum jmon_status app_set_period(struct app *app, const char *code, struct jmon_error *err);
enum jmon_status app_step_period(struct app *app, int delta, struct jmon_error *err);
enum jmon_status app_set_region(struct app *app, const char *code, struct jmon_error *err);

/* The rows of the current chapter (one per indicator, configuration order). */
size_t app_chapter_size(const struct app *app);
const struct figure *app_chapter_row(const struct app *app, size_t i);
/* The next (dir 1) or previous (dir -1) indicator that is not green, after
 * row `row` of chapter `*chapter`, across chapters, wrapping around.
 * Grey indicators without a rule are skipped: there is nothing to review. */
bool app_find_attention(const struct app *app, int dir, size_t *chapter, size_t *row);

/* The analyst's writes: each opens the database read-write for one short
 * transaction and then re-evaluates.  JMON_IO with a clear message when the
 * database is read-only for this user. */
enum jmon_status app_toggle_reviewed(struct app *app, const struct indicator *ind,
				     struct jmon_error *err);
enum jmon_status app_annotate(struct app *app, const struct indicator *ind,
			      const char *category, const char *text, struct jmon_error *err);
/* status NULL removes the override. */
enum jmon_status app_override(struct app *app, const struct indicator *ind, const char *status,
			      const char *reason, struct jmon_error *err);

#endif
