/* SPDX-License-Identifier: EUPL-1.2 */
/* jmon backup [--db FILE] [--config FILE] FILE
 *
 * A copy of the database in one file, with everything committed, while
 * analysts browse and import (jmon(1), BACKUP).  The database is opened
 * read-only: whoever may browse it may back it up.  Silent on success, as
 * a line in a crontab wants. */
#include <stdlib.h>

#include "jmon/cli.h"
#include "jmon/db.h"

enum jmon_status cmd_backup(const struct options *opt, struct jmon_error *err)
{
	struct config *cfg = NULL;
	struct db *db = NULL;
	enum jmon_status st;
	char *path;

	if (opt->nargs == 0)
		return jmon_fail(err, JMON_USAGE, "backup: no FILE to write the copy to (jmon backup FILE)");
	if (opt->nargs > 1)
		return jmon_fail(err, JMON_USAGE, "backup: unexpected argument '%s' (one FILE only)",
				 opt->args[1]);
	if ((st = config_load(opt->config, &cfg, err)) != JMON_OK)
		return st;
	path = cli_database_path(opt, cfg);
	cli_warn_world_writable(path, cfg);
	st = db_open(path, DB_READONLY, NULL, &db, err);
	if (st == JMON_OK)
		st = db_backup(db, opt->args[0], err);
	db_close(db);
	free(path);
	config_free(cfg);
	return st;
}
