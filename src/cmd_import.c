/* SPDX-License-Identifier: EUPL-1.2 */
/* jmon import [--db FILE] [--config FILE] [--format long|regions|cbs|reviews|odata4]
 *             [--note TEXT] FILE|DIR...
 *
 * Each file is its own delivery and its own transaction: a rejected file
 * leaves the database as it was, and the files after it are still tried. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jmon/cli.h"
#include "jmon/db.h"
#include "jmon/import.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

/* The summary of a delivery, written before its commit (import_file's
 * before_commit): when standard output cannot take it (a full disk, a
 * closed pipe), the delivery is rolled back instead of committed unsaid. */
static enum jmon_status print_summary(const char *name, const struct import_result *res,
				      struct jmon_error *err)
{
	/* the file's name as in a message (jmon_print), its controls '?' */
	text_write_safe(stdout, name, strlen(name), false);
	printf(": delivery %ld, %ld rows, cells %ld new / %ld changed / %ld unchanged, "
	       "regions %ld new / %ld changed, %.2f s\n",
	       res->delivery, res->rows, res->cells_new, res->cells_changed,
	       res->cells_unchanged, res->regions_new, res->regions_changed, res->seconds);
	if (fflush(stdout) != 0 || ferror(stdout))
		return jmon_fail(err, JMON_IO, "%s: writing standard output: %s; nothing imported",
				 name, strerror(errno));
	return JMON_OK;
}

/* "PATH: what", PATH as every file name in jmon's messages (jmon_print). */
static void say(const char *path, const char *what)
{
	char *msg = xasprintf("%s%s", path, what);

	jmon_print(stderr, "", msg, false);
	free(msg);
}

/* A database this run created but never wrote a delivery into is removed
 * again: a rejected first import leaves nothing behind. */
static void remove_new_database(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm" };

	for (size_t i = 0; i < ARRAY_SIZE(suffixes); i++) {
		char *p = xasprintf("%s%s", path, suffixes[i]);

		unlink(p);
		free(p);
	}
}

static enum jmon_status import_files(struct db *db, const struct config *cfg,
				     const struct options *opt, struct import_options *io,
				     bool *wrote, struct jmon_error *err)
{
	enum jmon_status result = JMON_OK;

	for (int i = 0; i < opt->nargs; i++) {
		/* a CBS table's folder: its observations, beside their code lists */
		char *path = import_folder_file(opt->args[i], err);
		struct diag_list d = { 0 };
		struct import_result res = { 0 };
		enum jmon_status rc = path ? import_file(db, cfg, path, io, &res, &d, err)
					   : JMON_NOINPUT;

		if (rc == JMON_DATA && d.count == 0) {
			/* refused before a line was read (a device, a terminal) */
			if (result == JMON_DATA)
				jmon_print(stderr, "jmon: ", err->msg, false);
			result = JMON_DATA;
		} else if (rc == JMON_DATA) {
			diag_print(&d, stderr);
			/* Only the last message goes back to main; say earlier ones here. */
			if (result == JMON_DATA)
				jmon_print(stderr, "jmon: ", err->msg, false);
			jmon_fail(err, JMON_DATA, "%s: %d error%s, nothing imported", path, d.count,
				  d.count == 1 ? "" : "s");
			result = JMON_DATA;
		} else if (rc != JMON_OK) {
			/* the summary above it said delivery N: it is not true */
			if (res.commit_failed)
				say(path, ": the delivery above was not imported after all");
			diag_free(&d);
			free(path);
			return rc;
		} else if (res.already) {
			char said[64];

			snprintf(said, sizeof said, ": already imported as delivery %ld", res.delivery);
			say(path, said);
		} else {
			*wrote = true;
			if ((rc = db_checkpoint(db, err)) != JMON_OK) {
				diag_free(&d);
				free(path);
				return rc;
			}
		}
		diag_free(&d);
		free(path);
	}
	return result;
}

enum jmon_status cmd_import(const struct options *opt, struct jmon_error *err)
{
	struct import_options io = { .note = opt->note, .progress = isatty(STDERR_FILENO),
				     .before_commit = print_summary };
	struct config *cfg = NULL;
	struct db *db = NULL;
	enum jmon_status rc;
	char *path;
	bool existed, wrote = false;

	if (opt->format && !import_format_parse(opt->format, &io.format))
		return jmon_fail(err, JMON_USAGE,
				 "import: unknown --format '%s' (expected long, regions, cbs, reviews "
				 "or odata4)",
				 opt->format);
	if (opt->nargs < 1)
		return jmon_fail(err, JMON_USAGE, "import: no file given (jmon import FILE...)");
	if ((rc = config_load(opt->config, &cfg, err)) != JMON_OK)
		return rc;
	path = cli_database_path(opt, cfg);
	cli_warn_world_writable(path, cfg);
	existed = access(path, F_OK) == 0;
	/* the configuration is synced by each import, in its transaction */
	rc = db_open(path, DB_READWRITE, NULL, &db, err);
	if (rc == JMON_OK)
		rc = import_files(db, cfg, opt, &io, &wrote, err);
	db_close(db);
	if (!existed && !wrote)
		remove_new_database(path);
	free(path);
	config_free(cfg);
	return rc;
}
