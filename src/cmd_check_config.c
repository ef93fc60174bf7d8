/* SPDX-License-Identifier: EUPL-1.2 */
/* jmon check-config [FILE]: validate a configuration and say what it
 * holds in one line, or list every problem as FILE:LINE:COLUMN: message
 * (exit 78).  Without FILE it checks what the search order finds, which
 * is what `jmon` itself would use. */
#include <stdio.h>
#include <stdlib.h>

#include "jmon/cli.h"
#include "jmon/config.h"

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

enum jmon_status cmd_check_config(const struct options *opt, struct jmon_error *err)
{
	struct diag_list diag = { NULL, 0 };
	struct config *cfg;
	char *path = NULL;
	enum jmon_status st;
	size_t chapters, indicators, rules;

	if (opt->nargs > 1)
		return jmon_fail(err, JMON_USAGE, "check-config takes at most one FILE");
	if (opt->nargs == 1)
		st = config_load_diag(opt->args[0], &cfg, &diag, err);
	else if ((st = config_find(opt->config, &path, err)) == JMON_OK)
		st = config_load_diag(path, &cfg, &diag, err);
	free(path);
	if (st == JMON_CONFIG && diag.count > 0) {
		/* the whole list, not the few lines that fit in err->msg */
		diag_print(&diag, stderr);
		diag_free(&diag);
		jmon_error_clear(err);
		err->status = JMON_CONFIG;
		return JMON_CONFIG;
	}
	diag_free(&diag);
	if (st != JMON_OK)
		return st;
	config_counts(cfg, &chapters, &indicators, &rules);
	printf("%s: %zu %s, %zu %s, %zu %s\n", cfg->path,
	       chapters, plural(chapters, "chapter", "chapters"),
	       indicators, plural(indicators, "indicator", "indicators"),
	       rules, plural(rules, "rule", "rules"));
	config_free(cfg);
	return JMON_OK;
}
