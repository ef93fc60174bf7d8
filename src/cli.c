/* SPDX-License-Identifier: EUPL-1.2 */
/* Things the subcommands share about the command line and environment. */
#include <stdio.h>
#include <stdlib.h>

#include "jmon/cli.h"
#include "jmon/fileperm.h"
#include "jmon/xmalloc.h"

char *cli_database_path(const struct options *opt, const struct config *cfg)
{
	const char *env = getenv("JMON_DB");
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (opt && opt->db)
		return xstrdup(opt->db);
	if (env && *env)
		return xstrdup(env);
	if (cfg && cfg->monitor.database)
		return xstrdup(cfg->monitor.database);
	if (data && *data)
		return xasprintf("%s/jmon/jmon.db", data);
	return xasprintf("%s/.local/share/jmon/jmon.db", home && *home ? home : ".");
}

void cli_warn_world_writable(const char *db_path, const struct config *cfg)
{
	const char *files[] = { db_path, cfg ? cfg->path : NULL };
	char msg[2 * 4096 + 64];

	for (size_t i = 0; i < ARRAY_SIZE(files); i++)
		if (fileperm_world_writable(files[i], msg, sizeof msg))
			fprintf(stderr, "jmon: warning: %s\n", msg);
}
