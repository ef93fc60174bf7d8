/* SPDX-License-Identifier: EUPL-1.2 */
/* jmon without a subcommand: open the session and run the browser. */
#include <stdio.h>
#include <stdlib.h>

#include "jmon/app.h"
#include "jmon/cli.h"
#include "jmon/fileperm.h"
#include "jmon/ui.h"
#include "jmon/ui_input.h"

/* The first screen says so when every user may write the database or the
 * configuration, unless it has something to say already. */
static void warn_world_writable(struct app *app)
{
	char msg[sizeof app->status - sizeof "let op: " + 1];

	if (!app->status[0] && fileperm_warning(app->db_path, app->cfg->path, msg, sizeof msg))
		snprintf(app->status, sizeof app->status, "let op: %s", msg);
}

enum jmon_status cmd_browse(const struct options *opt, struct jmon_error *err)
{
	struct app app;
	enum jmon_status st = app_open(&app, opt, err);

	if (st == JMON_OK) {
		/* from here on the messages are the browser's: Dutch */
		jmon_speak_dutch(true);
		warn_world_writable(&app);
		app.view = view_new(&chapter_view_ops, NULL);
		if (ui_run(&app, opt->color) != 0)
			st = jmon_fail(err, JMON_IO, "%s", "");	/* ui_run said why */
		else if (ui_script_failed())
			st = JMON_DATA;
		if (app.view->ops->close)
			app.view->ops->close(app.view);
		free(app.view);
	}
	app_close(&app);
	jmon_speak_dutch(false);
	return st;
}
