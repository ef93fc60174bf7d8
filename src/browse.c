/* jmon without a subcommand: load the configuration and open the browser. */
#include <stdlib.h>
#include <string.h>

#include "jmon/cli.h"
#include "jmon/ui.h"
#include "jmon/ui_input.h"

enum jmon_status cmd_browse(const struct options *opt, struct jmon_error *err)
{
	struct config *cfg = NULL;
	struct app app = { 0 };
	enum jmon_status st;

	st = config_load(opt->config, &cfg, err);
	if (st != JMON_OK)
		return st;
	app.cfg = cfg;
	app.region = opt->region ? opt->region : cfg->monitor.region;
	app.period = opt->period;
	app.view = view_new(&chapter_view_ops, NULL);
	if (opt->chapter) {
		for (size_t i = 0; i < cfg->nchapters; i++)
			if (!strcmp(cfg->chapters[i].id, opt->chapter))
				app.chapter = i + 1;
		if (!app.chapter) {
			st = jmon_fail(err, JMON_USAGE, "no chapter '%s' in %s", opt->chapter, cfg->path);
			goto out;
		}
		app.chapter--;
	}
	if (ui_run(&app, opt->color) != 0)
		st = jmon_fail(err, JMON_IO, "%s", "");
	else if (ui_script_failed())
		st = JMON_DATA;
out:
	free(app.view);
	config_free(cfg);
	return st;
}
