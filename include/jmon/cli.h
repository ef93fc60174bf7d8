/* SPDX-License-Identifier: EUPL-1.2 */
/* The parsed command line (jmon(1)) and the subcommands. */
#ifndef JMON_CLI_H
#define JMON_CLI_H

#include "jmon/config.h"
#include "jmon/db.h"
#include "jmon/error.h"

struct options {
	const char *db;		/* --db FILE */
	const char *config;	/* --config FILE */
	const char *region;	/* --region CODE */
	const char *period;	/* --period CODE */
	const char *chapter;	/* --chapter ID */
	const char *format;	/* --format: import long|regions|cbs|reviews; report text|csv|json|md */
	const char *color;	/* --color auto|always|never */
	const char *note;	/* --note TEXT (import) */
	int nargs;		/* operands after the subcommand */
	char **args;
};

/* Each subcommand prints its own output and returns a status; main() turns
 * the status into the exit code and prints err->msg when it is not empty. */
enum jmon_status cmd_browse(const struct options *opt, struct jmon_error *err);
enum jmon_status cmd_import(const struct options *opt, struct jmon_error *err);
enum jmon_status cmd_report(const struct options *opt, struct jmon_error *err);
enum jmon_status cmd_check_config(const struct options *opt, struct jmon_error *err);
enum jmon_status cmd_backup(const struct options *opt, struct jmon_error *err);

/* The database path: --db, $JMON_DB, monitor.database of the configuration,
 * then $XDG_DATA_HOME/jmon/jmon.db (~/.local/share/jmon/jmon.db).
 * Caller frees. cfg may be NULL. */
char *cli_database_path(const struct options *opt, const struct config *cfg);

/* On standard error, "jmon: warning: PATH is writable by every user: chmod
 * o-w PATH" for the database and for the configuration file in use (cfg
 * may be NULL): anyone on the server could change the figures or the
 * thresholds the council reads. */
void cli_warn_world_writable(const char *db_path, const struct config *cfg);

/* Before the browser or a report opens the database path: one that is
 * not there, a folder, or an empty file is said in words (JMON_NOINPUT),
 * with the `jmon import` command line that makes the database; SQLite
 * would open an empty one as a database of schema 0, and say "disk I/O
 * error" of a folder.  JMON_OK for anything else, db_open tells the rest
 * (a file this user may not read, one that is not a database). */
enum jmon_status cli_need_database(const struct options *opt, const char *path,
				   struct jmon_error *err);

/* A region the database does not know is an error (JMON_DATA) naming the
 * nearest known codes, "unknown region 'GM9999' (from); nearest known:
 * GM0361 (Alkmaar), ...", instead of a screen or report without a value.
 * from says where the code came from ("in monitor.region of FILE"), or is
 * NULL.  A database without any region is JMON_OK: it has no data for
 * any, which the caller says. */
enum jmon_status cli_check_region(struct db *db, const char *code, const char *from,
				  struct jmon_error *err);
/* The nearest known codes to code, "GM0361 (Alkmaar), GM0362 (...)", into
 * buf (of size bytes); "" when the database has no region. */
enum jmon_status cli_nearest_regions(struct db *db, const char *code, char *buf, size_t size,
				     struct jmon_error *err);

#endif
