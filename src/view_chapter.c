/* The chapter view: the start screen, one row per indicator of the current
 * chapter. */
#include <stdio.h>

#include "jmon/config.h"
#include "jmon/ui.h"

static const struct chapter *current_chapter(struct app *app)
{
	return app->cfg->nchapters ? &app->cfg->chapters[app->chapter] : NULL;
}

static int chapter_lines(struct view *v, struct app *app)
{
	const struct chapter *ch = current_chapter(app);

	(void)v;
	return ch ? (int)ch->nindicators : 0;
}

static void chapter_draw(struct view *v, struct app *app)
{
	const struct chapter *ch = current_chapter(app);
	int top = ui_body_top(), bottom = ui_body_bottom();
	int height = bottom - top;	/* one row is the column header */
	int label_w = ui_cols() - 22;

	ui_text(top, 0, label_w, STYLE_HEADER, false, " Indicator");
	ui_text(top, label_w, -1, STYLE_HEADER, false, " eenheid");
	if (!ch || ch->nindicators == 0) {
		ui_text(top + 1, 1, -1, STYLE_DIM, false, "Dit hoofdstuk heeft geen indicatoren.");
		return;
	}
	if (v->cursor < v->offset)
		v->offset = v->cursor;
	if (v->cursor >= v->offset + height)
		v->offset = v->cursor - height + 1;
	for (int row = 0; row < height && v->offset + row < (int)ch->nindicators; row++) {
		const struct indicator *ind = &ch->indicators[v->offset + row];
		enum ui_style st = v->offset + row == v->cursor ? STYLE_CURSOR : STYLE_NORMAL;
		char label[512];

		snprintf(label, sizeof label, " %s", ind->label);
		ui_text(top + 1 + row, 0, label_w, st, false, label);
		snprintf(label, sizeof label, " %s", unit_name(ind->unit));
		ui_text(top + 1 + row, label_w, -1, st, false, label);
	}
}

static const char *chapter_crumb(struct view *v, struct app *app)
{
	const struct chapter *ch = current_chapter(app);

	(void)v;
	return ch ? ch->label : "";
}

const struct view_ops chapter_view_ops = {
	.name = "chapter",
	.lines = chapter_lines,
	.draw = chapter_draw,
	.crumb = chapter_crumb,
};
