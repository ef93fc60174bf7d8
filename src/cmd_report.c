/* SPDX-License-Identifier: EUPL-1.2 */
/* jmon report [--db FILE] [--config FILE] [--region CODE] [--period CODE]
 *             [--chapter ID] [--format text|csv|json|md|xlsx] [-o FILE]
 *             [--csv-dialect excel-nl] [--regions CODE,CODE,...] [--peers ID]
 *
 * The stoplight table of one region and period on standard output, or in
 * the file -o names (an Excel workbook only ever there); with --regions or
 * --peers the regions side by side (src/report_bench.c).
 * Defaults: the monitor's region (monitor.region) and its period
 * (monitor.period), else the newest period with data for that region.
 * The database is opened read-only, so a report can run while an import
 * does.
 *
 * Exit status, beyond main's:
 *   64  a bad --format, --csv-dialect or --chapter (the message names the
 *       choices), xlsx without -o, a period that does not parse, no region
 *       at all;
 *   73  the -o file cannot be made;
 *   66  the database does not exist;
 *   65  the database holds no data for the region, or none for the period
 *       (or chapter) asked for.  Not 66: the file is there and readable,
 *       what is missing is data in it, and a script that builds the
 *       council report each quarter must not mistake "not imported yet"
 *       for a report full of empty rows (exit 0) or for a lost file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/benchmark.h"
#include "jmon/cli.h"
#include "jmon/db.h"
#include "jmon/disclosure.h"
#include "jmon/export.h"
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

	if (st == JMON_OK && raised) {
		char *msg = xasprintf("%s%s", warning, raised > 1 ? " (and for more indicators)" : "");

		jmon_print(stderr, "jmon: warning: ", msg, false);
		free(msg);
	}
	return st;
}

/* "report: " before a message of code shared with other commands, as
 * every message of the report begins. */
static enum jmon_status report_says(struct jmon_error *err, enum jmon_status st)
{
	char *msg = xstrdup(err->msg);

	jmon_fail(err, st, "report: %s", msg);
	free(msg);
	return st;
}

static enum jmon_status check_region(struct db *db, const struct config *cfg,
				     const struct options *opt, const char *region,
				     struct jmon_error *err)
{
	char *from = opt->region ? NULL : xasprintf("in monitor.region of %s", cfg->path);
	enum jmon_status st = cli_check_region(db, region, from, err);

	free(from);
	return st == JMON_DATA ? report_says(err, st) : st;
}

/* --peers ID: a group of the configuration. */
static enum jmon_status pick_peers(const struct config *cfg, const char *id,
				   const struct peer_group **out, struct jmon_error *err)
{
	struct strbuf choices = STRBUF_INIT;

	if ((*out = config_peer_group(cfg, id)))
		return JMON_OK;
	for (size_t i = 0; i < cfg->npeers; i++)
		sb_addf(&choices, "%s%s", i ? ", " : "", cfg->peers[i].id);
	jmon_fail(err, JMON_USAGE, "report: unknown peer group '%s' (%s%s)", id,
		  cfg->npeers ? "peer groups: " : "the configuration has no peers",
		  sb_str(&choices));
	sb_free(&choices);
	return JMON_USAGE;
}

/* What --regions and --peers ask for beside the region, in their order. */
struct bench_request {
	char *copy;			/* --regions, cut into codes */
	struct benchmark_entry *entries;
	size_t n;
};

static enum jmon_status parse_regions(const struct options *opt, const struct config *cfg,
				      struct bench_request *q, const char **region,
				      struct jmon_error *err)
{
	char *save = NULL, *t;
	const struct peer_group *g;
	enum jmon_status st;

	q->copy = xstrdup(opt->regions ? opt->regions : "");
	q->entries = xcalloc(strlen(q->copy) + 2, sizeof *q->entries);
	if (opt->regions && (!*opt->regions || strstr(opt->regions, ",,") ||
			     opt->regions[strlen(opt->regions) - 1] == ','))
		return jmon_fail(err, JMON_USAGE, "report: --regions wants codes with commas "
				 "between them (GM0484,GM0307,NL01), not '%s'", opt->regions);
	for (t = strtok_r(q->copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		struct benchmark_entry *e = &q->entries[q->n];

		if (benchmark_entry_parse(cfg, t, false, e, err) != JMON_OK)
			return jmon_fail(err, JMON_DATA, "report: unknown code '%s' in --regions: "
					 "no peer group '%s'", t, e->id);
		if (!*region && e->kind == BENCHMARK_REGION)
			*region = e->id;	/* the first code is the region */
		else
			q->n++;
	}
	if (opt->peers) {
		if ((st = pick_peers(cfg, opt->peers, &g, err)))
			return st;
		q->entries[q->n++] = (struct benchmark_entry){ BENCHMARK_GROUP, g->id };
	}
	return JMON_OK;
}

static enum jmon_status check_regions(struct db *db, const struct bench_request *q,
				      struct jmon_error *err)
{
	for (size_t i = 0; i < q->n; i++) {
		enum jmon_status st;

		if (q->entries[i].kind != BENCHMARK_REGION)
			continue;
		if ((st = cli_check_region(db, q->entries[i].id, "in --regions", err)))
			return report_says(err, st);
	}
	return JMON_OK;
}

static bool bench_has_data(const struct report_bench *r)
{
	for (size_t s = 0; s < r->b.ncols * r->b.nperiods; s++)
		for (size_t i = 0; i < r->b.sets[s].n; i++)
			if (r->b.sets[s].rows[i].now.present && !r->b.sets[s].rows[i].derived)
				return true;
	return false;
}

/* -o FILE as the browser's :export! FILE writes it (src/export.c): to a
 * temporary file beside FILE, renamed over it once it is whole on disk,
 * never through a symbolic link; a write that fails leaves FILE as it was. */
static enum jmon_status write_output(const struct export_source *src, const char *output,
				     struct jmon_error *err)
{
	bool exists;
	enum jmon_status st = export_write(src, output, true, &exists, err);

	return st != JMON_OK ? report_says(err, st) : st;
}

/* --regions/--peers: the regions side by side (src/report_bench.c). */
static enum jmon_status write_bench(struct db *db, const struct config *cfg,
				    const struct bench_request *q, const char *region,
				    const char *period, const struct chapter *chapter,
				    enum report_format format, const char *output,
				    struct jmon_error *err)
{
	const char *periods[] = { period };
	struct benchmark_spec spec = { region, q->entries, q->n, periods, 1, chapter, NULL, false,
				       false };
	struct report_bench r;
	enum jmon_status st;

	if ((st = check_regions(db, q, err)) ||
	    (st = report_bench_load(db, cfg, &spec, &r, err)))
		return st;
	if (bench_has_data(&r) && output)
		st = write_output(&(struct export_source){ format, NULL, &r }, output, err);
	else if (bench_has_data(&r))
		st = report_bench_write(&r, format, stdout, err);
	else
		st = jmon_fail(err, JMON_DATA, "report: no data for %s or the regions beside it in %s",
			       region, r.b.period_labels[0]);
	report_bench_free(&r);
	return st;
}

static enum jmon_status write_one(struct db *db, const struct config *cfg, const char *region,
				  const char *period, const struct chapter *chapter,
				  enum report_format format, enum csv_dialect dialect,
				  const char *output, struct jmon_error *err)
{
	struct report r;
	enum jmon_status st = report_load(db, cfg, region, period, chapter, &r, err);

	if (st != JMON_OK)
		return st;
	r.csv_dialect = dialect;
	if (!report_has_data(&r))
		st = no_data(db, &r, err);
	else if (output)
		st = write_output(&(struct export_source){ format, &r, NULL }, output, err);
	else
		st = report_write(&r, format, stdout, err);
	report_free(&r);
	return st;
}

static enum jmon_status run(const struct options *opt, struct config *cfg,
			    enum report_format format, enum csv_dialect dialect,
			    struct jmon_error *err)
{
	const char *region = opt->region;
	bool bench = opt->regions || opt->peers;
	struct bench_request q = { 0 };
	const struct chapter *chapter;
	char period[PERIOD_CODE_MAX];
	struct db *db = NULL;
	enum jmon_status st;
	char *path;

	if ((st = pick_chapter(cfg, opt->chapter, &chapter, err)) != JMON_OK)
		return st;
	if (bench && (st = parse_regions(opt, cfg, &q, &region, err)) != JMON_OK)
		goto out;
	if (!region)
		region = cfg->monitor.region;
	if (!region) {
		st = jmon_fail(err, JMON_USAGE,
			       "report: no region (give --region CODE or set monitor.region)");
		goto out;
	}
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
		st = bench ? write_bench(db, cfg, &q, region, period, chapter, format, opt->output, err)
			   : write_one(db, cfg, region, period, chapter, format, dialect, opt->output,
				       err);
	db_close(db);
out:
	free(q.copy);
	free(q.entries);
	return st;
}

enum jmon_status cmd_report(const struct options *opt, struct jmon_error *err)
{
	enum report_format format = REPORT_TEXT;
	enum csv_dialect dialect = CSV_MACHINE;
	struct config *cfg = NULL;
	enum jmon_status st;

	if (opt->format && !report_format_parse(opt->format, &format))
		return jmon_fail(err, JMON_USAGE, "report: unknown --format '%s' (expected %s)",
				 opt->format, report_format_choices);
	if (report_format_needs_file(format) && !opt->output)
		return jmon_fail(err, JMON_USAGE, "report: --format %s needs -o FILE "
				 "(a workbook is no text for standard output)", opt->format);
	if (opt->csv_dialect && !report_csv_dialect_parse(opt->csv_dialect, &dialect))
		return jmon_fail(err, JMON_USAGE, "report: unknown --csv-dialect '%s' (expected excel-nl)",
				 opt->csv_dialect);
	if (opt->csv_dialect && format != REPORT_CSV)
		return jmon_fail(err, JMON_USAGE, "report: --csv-dialect is for --format csv");
	if ((opt->regions || opt->peers) && (format == REPORT_XLSX || opt->csv_dialect))
		return jmon_fail(err, JMON_USAGE, "report: --regions and --peers write text, md, csv "
				 "or json (not --format xlsx or --csv-dialect)");
	if (opt->nargs > 0)
		return jmon_fail(err, JMON_USAGE, "report: unexpected argument '%s'", opt->args[0]);
	if ((st = config_load(opt->config, &cfg, err)) != JMON_OK)
		return st;
	st = run(opt, cfg, format, dialect, err);
	config_free(cfg);
	return st;
}
