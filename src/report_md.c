/* SPDX-License-Identifier: EUPL-1.2 */
/* The report as Markdown, the text an analyst pastes into the council
 * report: per chapter a heading, a table (indicator, value, change, norm,
 * status with glyph and word, reason) and then the explanations written
 * for that region and period, then the legend of the colours.
 *
 * A category row is "Indicator — categorie", so a row still says what it
 * is when the table is cut or sorted.  A row the rule does not colour has
 * no status (as in the text format).  The explanations are the analyst's
 * own text and pass unchanged: they may hold Markdown on purpose. */
#include <stdio.h>
#include <string.h>

#include "jmon/report.h"
#include "jmon/report_fields.h"

void report_md_cell(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '|')
			fputs("\\|", out);	/* a pipe would end the cell */
		else if (*s == '\n' || *s == '\r')
			fputc(' ', out);	/* a table row is one line */
		else
			fputc(*s, out);
	}
}

static void row_label(FILE *out, const struct figure *f)
{
	report_md_cell(out, f->ind->label);
	if (f->cat) {
		fputs(" — ", out);
		report_md_cell(out, f->cat->label);
	}
}

static void table_row(FILE *out, const struct report *r, size_t i)
{
	const struct figure *f = &r->fs.rows[i];
	char value[256], change[256], norm[256];

	char period[PERIOD_LABEL_MAX + 4];

	figure_value_text(f, value, sizeof value);
	figure_change_text(f, change, sizeof change);
	/* a figure of another period says which, in the cell of its value */
	if (figure_basis_text(f, period, sizeof period)[0] && value[0])
		snprintf(value + strlen(value), sizeof value - strlen(value), " (%s)", period);
	if (f->cat)
		norm[0] = '\0';
	else
		figure_norm_text(f->ind, true, norm, sizeof norm);
	fputs("| ", out);
	row_label(out, f);
	fprintf(out, " | %s | %s | ", value, change);
	report_md_cell(out, norm);
	fputs(" |", out);
	if (f->colored || f->light.overridden) {
		fprintf(out, " %s %s | ", stoplight_glyph(f->light.status, true),
			stoplight_word(f->light.status));
		report_md_cell(out, f->light.reason);
		fputs(" |\n", out);
	} else {
		fputs("  |  |\n", out);
	}
}

/* The explanations of rows [i, end), each under its row's name. */
static void notes(FILE *out, const struct report *r, size_t i, size_t end)
{
	bool any = false;

	for (; i < end; i++) {
		const char *text = r->notes[i];
		size_t len;

		if (!text)
			continue;
		if (!any)
			fputs("\n### Toelichting\n", out);
		any = true;
		fputs("\n**", out);
		row_label(out, &r->fs.rows[i]);
		fputs("**\n\n", out);
		len = strlen(text);
		while (len > 0 && strchr(" \t\r\n", text[len - 1]))
			len--;
		fprintf(out, "%.*s\n", (int)len, text);
	}
}

static void legend(FILE *out, const struct report *r)
{
	const struct monitor *m = &r->cfg->monitor;
	const struct {
		enum stoplight_status status;
		const char *text;
	} lines[] = {
		{ STOPLIGHT_RED, m->legend_red },
		{ STOPLIGHT_AMBER, m->legend_amber },
		{ STOPLIGHT_GREEN, m->legend_green },
	};
	bool any = false;

	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		if (!lines[i].text)
			continue;
		if (!any)
			fputs("\n## Legenda\n\n", out);
		any = true;
		fprintf(out, "- %s %s: %s\n", stoplight_glyph(lines[i].status, true),
			stoplight_word(lines[i].status), lines[i].text);
	}
}

void report_md(const struct report *r, FILE *out)
{
	const struct figure_set *fs = &r->fs;
	char region[256], progress[64];

	fprintf(out, "# %s\n\n", r->cfg->monitor.title ? r->cfg->monitor.title : "jmon");
	fprintf(out, "**%s · %s**", report_region(r, region, sizeof region), fs->label);
	if (fs->delivery > 0)
		fprintf(out, " · levering %ld%s", fs->delivery, fs->provisional ? " (voorlopig)" : "");
	fprintf(out, " · %s\n", figures_progress(fs, progress, sizeof progress));
	for (size_t i = 0; i < fs->n;) {
		size_t end = report_chapter_end(r, i);

		fprintf(out, "\n## %s\n\n", fs->rows[i].ind->chapter->label);
		fprintf(out, "| Indicator | Waarde | Verschil t.o.v. %s | Norm | Status | Reden |\n",
			fs->prev_label);
		fputs("|:--|--:|--:|--:|:--|:--|\n", out);
		for (size_t k = i; k < end; k++)
			table_row(out, r, k);
		notes(out, r, i, end);
		i = end;
	}
	legend(out, r);
}
