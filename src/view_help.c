/* SPDX-License-Identifier: EUPL-1.2 */
/* The help view: every key and :command from the key table, grouped by
 * section, and the monitor's colour legend. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/keys.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/xmalloc.h"

/* One line of the help text, built on demand so it follows the key table. */
struct help_line {
	enum ui_style style;
	char *text;		/* a legend text of the configuration has any length */
};

static int help_build(struct app *app, struct help_line *out, int max)
{
	static const char *const sections[] = { "Bewegen", "Zoeken", "Beoordelen",
						 "Weergaven", "Benchmark", "Overig" };
	const struct monitor *m = &app->cfg->monitor;
	/* the glyphs and words are the stoplight's own table */
	const struct { enum stoplight_status status; const char *text; } legend[] = {
		{ STOPLIGHT_RED,   m->legend_red },
		{ STOPLIGHT_AMBER, m->legend_amber },
		{ STOPLIGHT_GREEN, m->legend_green },
		{ STOPLIGHT_GREY,  "Geen oordeel (geen waarde, geheim, te klein of geen vergelijking)." },
	};
	int n = 0;

#define ADD(st, ...) do { if (n < max) { out[n].style = (st); \
	out[n].text = xasprintf(__VA_ARGS__); } n++; } while (0)
	for (size_t s = 0; s < sizeof sections / sizeof *sections; s++) {
		bool any = false;

		for (int a = 1; a < ACTION_COUNT; a++) {
			char keys[64], padded[128];

			if (strcmp(action_section(a), sections[s]) || !ui_action_available(a))
				continue;
			if (!any)
				ADD(STYLE_HEADER, "%s", sections[s]);
			any = true;
			/* pad by display width: the arrows are one column, three bytes */
			action_keys(a, app->utf8, keys, sizeof keys);
			text_pad(padded, sizeof padded, keys, 16, false);
			ADD(STYLE_NORMAL, "  %s :%-15s %s", padded, action_name(a), action_help(a));
		}
		if (any)
			ADD(STYLE_NORMAL, "%s", "");
	}
	ADD(STYLE_HEADER, "Kleuren%s%s%s", m->legend_source ? " (" : m->legend_jmon ? " (jmon)" : "",
	    m->legend_source ? m->legend_source : "", m->legend_source ? ")" : "");
	for (size_t i = 0; i < sizeof legend / sizeof *legend; i++)
		ADD(STYLE_NORMAL, "  %s %-7s %s", stoplight_glyph(legend[i].status, app->utf8),
		    stoplight_word(legend[i].status), legend[i].text ? legend[i].text : "");
	ADD(STYLE_NORMAL, "%s", "");
	ADD(STYLE_HEADER, "%s", "Tekens");
	ADD(STYLE_NORMAL, "  %s groen %s  een categorie is oranje (of %s rood) onder een groene of "
	    "grijze indicator", stoplight_glyph(STOPLIGHT_GREEN, app->utf8),
	    stoplight_glyph(STOPLIGHT_AMBER, app->utf8), stoplight_glyph(STOPLIGHT_RED, app->utf8));
	ADD(STYLE_NORMAL, "  %s  beoordeeld; %s beoordeeld bij een andere waarde (verouderd)",
	    app->utf8 ? "✓" : "v", app->utf8 ? "↻" : "~");
	ADD(STYLE_NORMAL, "  %s  toegelicht   !  kleur met de hand gezet   %s  kleur van het rapport "
	    "(geen beoordeling)", app->utf8 ? "✎" : "e", app->utf8 ? "§" : "d");
	ADD(STYLE_NORMAL, "%s", "  *  herzien door de nieuwste levering");
	ADD(STYLE_NORMAL, "%s", "  3/4 kw.  waar de waarde staat: 3 van 4 kwartalen, niet "
	    "opgeteld (rollup:)");
	ADD(STYLE_NORMAL, "%s", "  Q3 (3/4)  het jaar niet opgeteld: de waarde is die van Q3");
	ADD(STYLE_NORMAL, "  beoordeeld %d/%d signalen: de signalen (oranje of rood, ook in een "
	    "categorie) met een geldige beoordeling; van alle %d indicatoren %d",
	    app->figures.signals_reviewed, app->figures.signals, app->figures.indicators,
	    app->figures.reviewed);
#undef ADD
	return n;
}

static int help_lines(struct view *v, struct app *app)
{
	(void)v;
	return help_build(app, NULL, 0);
}

static void help_draw(struct view *v, struct app *app)
{
	int max = help_build(app, NULL, 0);
	struct help_line *lines = xcalloc((size_t)max + 1, sizeof *lines);
	int n = help_build(app, lines, max);
	int height = ui_body_bottom() - ui_body_top() + 1;

	if (n > max)
		n = max;
	/* The help scrolls as a pager: the cursor is the first line shown. */
	ui_pager(v, n, height);
	for (int row = 0; row < height && v->cursor + row < n; row++) {
		const struct help_line *l = &lines[v->cursor + row];
		ui_text(ui_body_top() + row, 0, -1, l->style, false, l->text);
	}
	for (int i = 0; i < n; i++)
		free(lines[i].text);
	free(lines);
}

static const char *help_crumb(struct view *v, struct app *app)
{
	(void)v;
	(void)app;
	return "Hulp";
}

const struct view_ops help_view_ops = {
	.name = "help",
	.lines = help_lines,
	.draw = help_draw,
	.crumb = help_crumb,
};
