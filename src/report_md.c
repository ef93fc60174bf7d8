/* SPDX-License-Identifier: EUPL-1.2 */
/* The report as Markdown, the text an analyst pastes into the council
 * report: per chapter a heading, a table (indicator, value, change, norm,
 * status with glyph and word, reason) and then the explanations written
 * for that region and period, then the legend of the colours.  A
 * computed figure's formula follows the table ("*Berekend:* ...").
 *
 * A category row is "Indicator — categorie", so a row still says what it
 * is when the table is cut or sorted.  A row the rule does not colour has
 * no status (as in the text format).  The explanations are the analyst's
 * own text and pass unchanged: they may hold Markdown on purpose. */
#include <stdio.h>
#include <string.h>

#include "jmon/report.h"
#include "jmon/report_fields.h"
#include "jmon/text.h"

void report_md_cell(FILE *out, const char *s)
{
	for (size_t n; *s; s += n) {
		n = strcspn(s, "|");
		text_write_safe(out, s, n, false);	/* a table row is one line */
		if (s[n] == '|') {
			fputs("\\|", out);	/* a pipe would end the cell */
			n++;
		}
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

/* Whether any row is measured against a baseline: then the tables have a
 * column for it. */
static bool has_baseline(const struct report *r)
{
	for (size_t i = 0; i < r->fs.n; i++)
		if (r->fs.rows[i].base_period[0])
			return true;
	return false;
}

static void table_row(FILE *out, const struct report *r, size_t i, bool base)
{
	const struct figure *f = &r->fs.rows[i];
	char value[256], change[256], norm[256], since[256];
	char reason[STOPLIGHT_REASON_MAX + 96];

	char period[PERIOD_LABEL_MAX + 4], n[32];

	if (!figure_value_text(f, value, sizeof value)[0])
		figure_incomplete_mark(f, value, sizeof value);	/* "3/4 kw." */
	/* a percentage of a survey with the number it is of */
	if (figure_n_text(f, n, sizeof n)[0] && value[0])
		snprintf(value + strlen(value), sizeof value - strlen(value), " (%s)", n);
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
	if (base)
		fprintf(out, "%s | ", figure_base_change_text(f, since, sizeof since));
	report_md_cell(out, norm);
	fputs(" |", out);
	if (f->colored || f->light.overridden) {
		fprintf(out, " %s %s%s | ", stoplight_glyph(f->light.status, true),
			stoplight_word(f->light.status), f->light.document ? " (rapport)" : "");
		report_md_cell(out, figure_report_reason(f, reason, sizeof reason));
		fputs(" |\n", out);
	} else {
		fputs("  |  |\n", out);
	}
}

/* How the computed figures of rows [i, end) are made, under the table:
 * the council reads a percentage of the budget as the quotient it is. */
static void formulas(FILE *out, const struct report *r, size_t i, size_t end)
{
	for (; i < end; i++) {
		const struct figure *f = &r->fs.rows[i];
		char formula[1024];

		if (f->cat || !indicator_formula(f->ind, FORMULA_LABELS, formula, sizeof formula)[0])
			continue;
		fputs("\n*Berekend:* ", out);
		report_md_cell(out, f->ind->label);
		fputs(" = ", out);
		report_md_cell(out, formula);
		fputc('\n', out);
	}
}

/* One text, without the blank lines it may end in; a field of several
 * after its label ("*Ontwikkeling.* ..."). */
static void text(FILE *out, const char *label, const char *s)
{
	size_t len = strlen(s);

	while (len > 0 && strchr(" \t\r\n", s[len - 1]))
		len--;
	fputc('\n', out);
	if (label) {
		fputc('*', out);
		report_put(out, label);
		fputs(".* ", out);
	}
	fprintf(out, "%.*s\n", (int)len, s);
}

/* The explanations of rows [i, end), each under its row's name, each
 * text field of the monitor a paragraph of its own. */
static void notes(FILE *out, const struct report *r, size_t i, size_t end)
{
	const struct monitor *m = &r->cfg->monitor;
	bool any = false;

	for (; i < end; i++) {
		if (!r->notes[i])
			continue;
		if (!any)
			fputs("\n### Toelichting\n", out);
		any = true;
		fputs("\n**", out);
		row_label(out, &r->fs.rows[i]);
		fputs("**\n", out);
		for (size_t k = 0; k < m->ntexts; k++)
			if (r->texts[i][k])
				text(out, m->ntexts > 1 ? m->texts[k].label : NULL, r->texts[i][k]);
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
		if (!any && m->legend_source) {
			fputs("\n## Legenda (", out);
			report_put(out, m->legend_source);
			fputs(")\n\n", out);
		} else if (!any) {	/* jmon's own words say so: no document's */
			fprintf(out, "\n## Legenda%s\n\n", m->legend_jmon ? " (jmon)" : "");
		}
		any = true;
		fprintf(out, "- %s %s: ", stoplight_glyph(lines[i].status, true),
			stoplight_word(lines[i].status));
		report_put(out, lines[i].text);
		fputc('\n', out);
	}
}

void report_md(const struct report *r, FILE *out)
{
	const struct figure_set *fs = &r->fs;
	char region[256], progress[64];
	bool base = has_baseline(r);

	fputs("# ", out);
	report_put(out, r->cfg->monitor.title ? r->cfg->monitor.title : "jmon");
	fputs("\n\n**", out);
	report_put(out, report_region(r, region, sizeof region));
	fprintf(out, " · %s**", fs->label);
	if (fs->delivery > 0)
		fprintf(out, " · levering %ld%s", fs->delivery, fs->provisional ? " (voorlopig)" : "");
	fprintf(out, " · %s\n", figures_progress(fs, progress, sizeof progress));
	for (size_t i = 0; i < fs->n;) {
		size_t end = report_chapter_end(r, i);

		fputs("\n## ", out);
		report_put(out, fs->rows[i].ind->chapter->label);
		fputs("\n\n", out);
		fprintf(out, "| Indicator | Waarde | Verschil t.o.v. %s |%s Norm | Status | Reden |\n",
			fs->prev_label, base ? " t.o.v. nulmeting |" : "");
		fputs(base ? "|:--|--:|--:|--:|--:|:--|:--|\n" : "|:--|--:|--:|--:|:--|:--|\n", out);
		for (size_t k = i; k < end; k++)
			table_row(out, r, k, base);
		formulas(out, r, i, end);
		notes(out, r, i, end);
		i = end;
	}
	legend(out, r);
}
