/* SPDX-License-Identifier: EUPL-1.2 */
/* jmon report [--db FILE] [--config FILE] [--region CODE] [--period CODE]
 *             [--chapter ID] [--format text|csv|json|md]
 *
 * The stoplight table of one region and period on standard output.
 * Defaults: the monitor's region (monitor.region) and its period
 * (monitor.period), else the newest period with data for that region.
 * The database is opened read-only, so a report can run while an import
 * does.
 *
 * Exit status, beyond main's:
 *   64  a bad --format or --chapter (the message names the choices), a
 *       period that does not parse, no region at all;
 *   66  the database does not exist;
 *   65  the database holds no data for the region, or none for the period
 *       (or chapter) asked for.  Not 66: the file is there and readable,
 *       what is missing is data in it, and a script that builds the
 *       council report each quarter must not mistake "not imported yet"
 *       for a report full of empty rows (exit 0) or for a lost file. */
#include <stdio.h>
#include <stdlib.h>

#include "jmon/cli.h"
#include "jmon/db.h"
#include "jmon/disclosure.h"
#include "jmon/query.h"
#include "jmon/report.h"
#include "jmon/report_fields.h"
#include "jmon/strbuf.h"
#include "jmon/suggest.h"
#include "jmon/xmalloc.h"

static enum jmon_status pick_chapter(const struct config *cfg, const char *id,
				     const struct chapter **out, struct jmon_error *err)
{
	struct strbuf choices = STRBUF_INIT;
	const char **ids;
	const char *near;

	*out = NULL;
	if (!id || (*out = config_chapter(cfg, id)))
		return JMON_OK;
	ids = xcalloc(cfg->nchapters ? cfg->nchapters : 1, sizeof *ids);
	for (size_t i = 0; i < cfg->nchapters; i++) {
		ids[i] = cfg->chapters[i].id;
		sb_addf(&choices, "%s%s", i ? ", " : "", ids[i]);
	}
	near = suggest_word(id, ids, cfg->nchapters);
	if (near)
		jmon_fail(err, JMON_USAGE, "report: unknown chapter '%s'; did you mean '%s'? (chapters: %s)",
			  id, near, sb_str(&choices));
	else
		jmon_fail(err, JMON_USAGE, "report: unknown chapter '%s' (chapters: %s)", id,
			  sb_str(&choices));
	free(ids);
	sb_free(&choices);
	return JMON_USAGE;
}

/* --period, monitor.period, or the newest period with data for the
 * region.  A monitor whose document is about a half-year (2018H2) also
 * holds figures of a shorter or longer period that ends the same day
 * (2018Q4, 2018): "newest" would pick one of those. */
static enum jmon_status pick_period(struct db *db, const struct config *cfg, const char *region,
				    const char *asked, char code[PERIOD_CODE_MAX],
				    struct jmon_error *err)
{
	bool found;
	enum jmon_status st;

	struct period p;
	char msg[512];

	if (asked) {	/* as a person writes it: "2023 Q3" */
		if (!period_read(asked, &p))
			return jmon_fail(err, JMON_USAGE, "report: %s",
					 period_unreadable(asked, msg, sizeof msg));
		period_format(&p, code);
		return JMON_OK;
	}
	if (cfg->monitor.period) {
		snprintf(code, PERIOD_CODE_MAX, "%s", cfg->monitor.period);	/* checked on load */
		return JMON_OK;
	}
	if ((st = query_latest_period(db, region, NULL, code, &found, err)) != JMON_OK)
		return st;
	if (!found)
		return jmon_fail(err, JMON_DATA,
				 "report: %s holds no data for region %s (load data with: jmon import FILE)",
				 db_path(db), region);
	return JMON_OK;
}

/* A report with no delivered value is a question the database cannot
 * answer: say what it does hold. */
static enum jmon_status no_data(struct db *db, const struct report *r, struct jmon_error *err)
{
	char newest[PERIOD_CODE_MAX], region[256];
	bool found = false;

	query_latest_period(db, r->fs.region, NULL, newest, &found, NULL);

	return jmon_fail(err, JMON_DATA, "report: no data for %s in %s%s%s%s%s",
			 report_region(r, region, sizeof region), r->fs.label,
			 r->chapter ? ", chapter " : "", r->chapter ? r->chapter->id : "",
			 found ? "; the newest period with data is " : "", found ? newest : "");
}

/* The data's privacy minimum over a lower one of the configuration. */
static enum jmon_status apply_privacy_floor(struct db *db, struct config *cfg,
					    struct jmon_error *err)
{
	char warning[256];
	int raised;
	enum jmon_status st = disclosure_floor(db, cfg, &raised, warning, sizeof warning, err);

	if (st == JMON_OK && raised)
		fprintf(stderr, "jmon: warning: %s%s\n", warning,
			raised > 1 ? " (and for more indicators)" : "");
	return st;
}

static enum jmon_status check_region(struct db *db, const struct config *cfg,
				     const struct options *opt, const char *region,
				     struct jmon_error *err)
{
	char *from = opt->region ? NULL : xasprintf("in monitor.region of %s", cfg->path);
	enum jmon_status st = cli_check_region(db, region, from, err);

	free(from);
	if (st == JMON_DATA) {	/* "report: " as every message of the report */
		char *msg = xstrdup(err->msg);

		jmon_fail(err, JMON_DATA, "report: %s", msg);
		free(msg);
	}
	return st;
}

static enum jmon_status run(const struct options *opt, struct config *cfg,
			    enum report_format format, struct jmon_error *err)
{
	const char *region = opt->region ? opt->region : cfg->monitor.region;
	const struct chapter *chapter;
	char period[PERIOD_CODE_MAX];
	struct report r;
	struct db *db = NULL;
	enum jmon_status st;
	char *path;

	if ((st = pick_chapter(cfg, opt->chapter, &chapter, err)) != JMON_OK)
		return st;
	if (!region)
		return jmon_fail(err, JMON_USAGE,
				 "report: no region (give --region CODE or set monitor.region)");
	path = cli_database_path(opt, cfg);
	cli_warn_world_writable(path, cfg);
	if ((st = cli_need_database(opt, path, err)) == JMON_OK)
		st = db_open(path, DB_READONLY, NULL, &db, err);
	free(path);
	if (st == JMON_OK)
		st = check_region(db, cfg, opt, region, err);
	if (st == JMON_OK)
		st = apply_privacy_floor(db, cfg, err);
	if (st == JMON_OK)
		st = pick_period(db, cfg, region, opt->period, period, err);
	if (st == JMON_OK)
		st = report_load(db, cfg, region, period, chapter, &r, err);
	if (st == JMON_OK) {
		if (report_has_data(&r))
			st = report_write(&r, format, stdout, err);
		else
			st = no_data(db, &r, err);
		report_free(&r);
	}
	db_close(db);
	return st;
}

enum jmon_status cmd_report(const struct options *opt, struct jmon_error *err)
{
	enum report_format format = REPORT_TEXT;
	struct config *cfg = NULL;
	enum jmon_status st;

	if (opt->format && !report_format_parse(opt->format, &format))
		return jmon_fail(err, JMON_USAGE, "report: unknown --format '%s' (expected %s)",
				 opt->format, report_format_choices);
	if (opt->nargs > 0)
		return jmon_fail(err, JMON_USAGE, "report: unexpected argument '%s'", opt->args[0]);
	if ((st = config_load(opt->config, &cfg, err)) != JMON_OK)
		return st;
	st = run(opt, cfg, format, err);
	config_free(cfg);
	return st;
}
