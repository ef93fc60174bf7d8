/* SPDX-License-Identifier: EUPL-1.2 */
/* The parsed command line (jmon(1)) and the subcommands. */
#ifndef JMON_CLI_H
#define JMON_CLI_H

#include "jmon/config.h"
#include "jmon/error.h"

struct options {
	const char *db;		/* --db FILE */
	const char *config;	/* --config FILE */
	const char *region;	/* --region CODE */
	const char *period;	/* --period CODE */
	const char *chapter;	/* --chapter ID */
	const char *format;	/* --format: import long|regions|cbs|reviews|odata4; report text|csv|json|md|xlsx */
	const char *color;	/* --color auto|always|never */
	const char *note;	/* --note TEXT (import) */
	const char *output;	/* -o, --output FILE (report) */
	const char *csv_dialect;	/* --csv-dialect excel-nl (report) */
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

#endif
