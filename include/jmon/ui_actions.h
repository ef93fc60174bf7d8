/* SPDX-License-Identifier: EUPL-1.2 */
/* The data actions of the browser (src/ui_actions.c), dispatched by the
 * frame (src/ui.c) after the view had its chance. */
#ifndef JMON_UI_ACTIONS_H
#define JMON_UI_ACTIONS_H

#include <stddef.h>

#include "jmon/keys.h"
#include "jmon/ui.h"

struct ui_action_entry {
	enum action action;
	void (*run)(struct app *app, const char *arg);
};

extern const struct ui_action_entry ui_data_actions[];
extern const size_t ui_data_actions_size;

/* What the indicator, series, compare and revisions views are about. */
struct indicator_ref {
	const struct indicator *ind;
	const struct category *cat;	/* NULL: the total */
};

struct view *view_for_indicator(const struct view_ops *ops, const struct indicator *ind,
				const struct category *cat);

/* The app's busy hook (app->busy): a write waiting for an import says so. */
void ui_busy(struct app *app, int waited_ms);

#endif
