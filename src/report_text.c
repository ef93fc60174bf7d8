/* SPDX-License-Identifier: EUPL-1.2 */
/* The report as an aligned table for a terminal: Dutch numbers, one block
 * per chapter, category rows indented under their indicator.
 *
 *   Monitor jeugdhulp · Alkmaar (GM0361) · 2020 Q1 · levering 3 (voorlopig)
 *   ● 3  ▲ 4  ■ 7  ○ 2 · beoordeeld 9/16 · verschil t.o.v. 2019 Q4
 *
 *   Cijfers
 *   Indicator                  Waarde  Verschil  Norm  Status      Reden
 *   Jeugdigen met maatwerk      2.660       +60        ▲ oranje ✎  +2,3 % ...
 *
 * A figure of another period than the report's (as of a reference date,
 * include/jmon/asof.h) says its period in a column "Periode", which is
 * there only when a row needs it; its change is against its own previous
 * period, which its reason names.
 *
 * Columns are as wide as their widest cell over the whole report (so the
 * chapters line up), measured in display columns, never bytes: labels are
 * UTF-8.  Only the label has a cap; a longer one (a survey's statement)
 * wraps at words onto lines of its own below, never cut.  The reason is
 * the last column and never cut: it is what the reader came for, and the
 * terminal wraps it.
 *
 * A computed figure says how it is made under its chapter's table
 * ("Berekend: Prognose als percentage van de begroting = ...").
 *
 * A row the rule does not colour (no rule, or a category it leaves out)
 * shows no status: a column of "grijs, geen regel" would hide the rows
 * that matter.  CSV and JSON still say grey, as their contract wants.
 *
 * Under each chapter's table its explanations, each under the name of its
 * row and indented, as the analyst wrote them (line breaks kept). */
#include <stdlib.h>
#include <string.h>

#include "jmon/report.h"
#include "jmon/report_fields.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

#define LABEL_MAX_WIDTH 48
#define CELL_MAX 1024

enum column { COL_LABEL, COL_VALUE, COL_PERIOD, COL_CHANGE, COL_BASE, COL_NORM, COL_STATUS,
	      COL_MARKS, COL_REASON, NCOLUMNS };

static const struct {
	const char *title;
	bool right;
} columns[NCOLUMNS] = {
	[COL_LABEL]  = { "Indicator", false },
	[COL_VALUE]  = { "Waarde",    true },
	[COL_PERIOD] = { "Periode",   false },	/* only when a row is of another period */
	[COL_CHANGE] = { "Verschil",  true },
	[COL_BASE]   = { "t.o.v. nulmeting", true },	/* only with a baseline */
	[COL_NORM]   = { "Norm",      true },
	[COL_STATUS] = { "Status",    false },
	[COL_MARKS]  = { "",          false },
	[COL_REASON] = { "Reden",     false },
};

static const struct mark {
	const char *glyph, *ascii, *meaning;
} marks[] = {
	{ "✓", "v", "beoordeeld" },
	{ "↻", "~", "beoordeeld bij een andere waarde" },	/* as the browser marks them */
	{ "✎", "a", "toelichting" },
	{ "*", "*", "herzien door de nieuwste levering" },
};

typedef char *text_row[NCOLUMNS];

/* The cells of row i as the reader sees them. */
static void cells_of(const struct report *r, size_t i, text_row out)
{
	const struct figure *f = &r->fs.rows[i];
	bool shown = f->colored || f->light.overridden;
	bool has[] = { f->reviewed, f->review_outdated, r->notes[i] != NULL, f->revised };
	char buf[CELL_MAX], reason[STOPLIGHT_REASON_MAX + 96];
	struct strbuf flags = STRBUF_INIT;

	out[COL_LABEL] = f->cat ? xasprintf("  %s", f->cat->label) : xstrdup(f->ind->label);
	out[COL_VALUE] = xstrdup(figure_value_text(f, buf, sizeof buf));
	if (!out[COL_VALUE][0] && figure_incomplete_mark(f, buf, sizeof buf)[0]) {
		free(out[COL_VALUE]);	/* a year of some of its quarters: "3/4 kw." */
		out[COL_VALUE] = xstrdup(buf);
	}
	/* a survey's percentage with the number it is of: "62 % (n=48)" */
	if (out[COL_VALUE][0] && figure_n_text(f, buf, sizeof buf)[0]) {
		char *with = xasprintf("%s (%s)", out[COL_VALUE], buf);

		free(out[COL_VALUE]);
		out[COL_VALUE] = with;
	}
	out[COL_PERIOD] = xstrdup(figure_basis_text(f, buf, sizeof buf));
	out[COL_CHANGE] = xstrdup(figure_change_text(f, buf, sizeof buf));
	out[COL_BASE] = xstrdup(figure_base_change_text(f, buf, sizeof buf));
	out[COL_NORM] = f->cat ? xstrdup("") : xstrdup(figure_norm_text(f->ind, false, buf, sizeof buf));
	out[COL_STATUS] = shown ? xasprintf("%s %s%s", stoplight_glyph(f->light.status, r->utf8),
					    stoplight_word(f->light.status),
					    f->light.document ? " (rapport)" : "")
				: xstrdup("");
	for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
		if (has[m])
			sb_adds(&flags, r->utf8 ? marks[m].glyph : marks[m].ascii);
	out[COL_MARKS] = xstrdup(sb_str(&flags));
	out[COL_REASON] = xstrdup(shown ? figure_report_reason(f, reason, sizeof reason) : "");
	sb_free(&flags);
}

/* A line as the reader's terminal shows it: without a UTF-8 locale in
 * ASCII ("EUR", accents dropped), which text_width measured the columns
 * in; a line break of a name or label in it a space (one column, as
 * text_width counted it), so the line stays one. */
static void put_line(FILE *out, bool utf8, const char *s)
{
	if (!utf8) {
		size_t size = strlen(s) + 1;
		char *ascii = xmalloc(size);

		report_put(out, text_ascii(ascii, size, s));
		free(ascii);
	} else {
		report_put(out, s);
	}
	fputc('\n', out);
}

/* One line: the cells padded to their columns, two spaces apart; a column
 * no row uses (width 0) is left out, and so are trailing blanks. */
static void one_line(FILE *out, bool utf8, char *const cells[NCOLUMNS], const int width[NCOLUMNS])
{
	struct strbuf sb = STRBUF_INIT;
	char cell[CELL_MAX];

	for (int c = 0; c < NCOLUMNS; c++) {
		if (width[c] == 0)
			continue;
		if (sb.len)
			sb_adds(&sb, "  ");
		if (c == COL_REASON) {
			sb_adds(&sb, cells[c]);
		} else {
			text_pad(cell, sizeof cell, cells[c], width[c], columns[c].right);
			sb_adds(&sb, cell);
		}
	}
	while (sb.len > 0 && sb.s[sb.len - 1] == ' ')
		sb.s[--sb.len] = '\0';
	put_line(out, utf8, sb_str(&sb));
	sb_free(&sb);
}

/* A row: a label wider than its column wraps, the rest of it on lines of
 * its own, indented like the row and two more. */
static void line(FILE *out, bool utf8, char *const cells[NCOLUMNS], const int width[NCOLUMNS])
{
	const char *label = cells[COL_LABEL];
	size_t indent = strspn(label, " ") + 2, next;
	char *row[NCOLUMNS];
	int w = width[COL_LABEL];

	if (text_width(label) <= w || w <= (int)indent + 8) {
		one_line(out, utf8, cells, width);
		return;
	}
	memcpy(row, cells, sizeof row);
	size_t len = text_wrap(label, w, &next);
	row[COL_LABEL] = xstrndup(label, len);
	one_line(out, utf8, row, width);
	free(row[COL_LABEL]);
	for (int c = 0; c < NCOLUMNS; c++)
		row[c] = (char *)"";
	for (label += next; *label; label += next) {
		len = text_wrap(label, w - (int)indent, &next);
		row[COL_LABEL] = xasprintf("%*s%.*s", (int)indent, "", (int)len, label);
		one_line(out, utf8, row, width);
		free(row[COL_LABEL]);
	}
}

static void header(FILE *out, const struct report *r)
{
	const struct figure_set *fs = &r->fs;
	const char *sep = r->utf8 ? " · " : " - ";
	char region[256], progress[64];
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "%s%s%s%s%s", r->cfg->monitor.title ? r->cfg->monitor.title : "jmon",
		sep, report_region(r, region, sizeof region), sep, fs->label);
	if (fs->delivery > 0)
		sb_addf(&sb, "%slevering %ld%s", sep, fs->delivery,
			fs->provisional ? " (voorlopig)" : "");
	put_line(out, r->utf8, sb_str(&sb));
	sb_reset(&sb);
	for (int s = 0; s < STOPLIGHT_NSTATUS; s++)
		sb_addf(&sb, "%s%s %d", s ? "  " : "",
			stoplight_glyph((enum stoplight_status)s, r->utf8), fs->status_count[s]);
	sb_addf(&sb, "%s%s%sverschil t.o.v. %s", sep, figures_progress(fs, progress, sizeof progress),
		sep, fs->prev_label);
	put_line(out, r->utf8, sb_str(&sb));
	sb_free(&sb);
}

/* The explanations of rows [i, end). */
static void notes(FILE *out, const struct report *r, size_t i, size_t end)
{
	bool any = false;

	for (; i < end; i++) {
		const struct figure *f = &r->fs.rows[i];
		const char *text = r->notes[i];
		char *label;

		if (!text)
			continue;
		if (!any)
			fputs("\nToelichting\n", out);
		any = true;
		label = f->cat ? xasprintf("  %s \xE2\x80\x94 %s", f->ind->label, f->cat->label)
			       : xasprintf("  %s", f->ind->label);
		put_line(out, r->utf8, label);
		free(label);
		for (const char *s = text; *s;) {
			size_t n = strcspn(s, "\n");
			char *one = xasprintf("    %.*s", (int)n, s);

			/* a blank line of the text stays blank, without the indent */
			put_line(out, r->utf8, n ? one : "");
			free(one);
			s += n + (s[n] == '\n');
		}
	}
}

/* How the computed figures of rows [i, end) are made, under their
 * chapter's table. */
static void formulas(FILE *out, const struct report *r, size_t i, size_t end)
{
	for (; i < end; i++) {
		const struct figure *f = &r->fs.rows[i];
		char formula[1024];

		char *line;

		if (f->cat || !indicator_formula(f->ind, r->utf8 ? FORMULA_LABELS : FORMULA_ASCII,
						 formula, sizeof formula)[0])
			continue;
		line = xasprintf("Berekend: %s = %s", f->ind->label, formula);
		put_line(out, r->utf8, line);
		free(line);
	}
}

/* What the marks mean, when a row has one. */
static void footer(FILE *out, const struct report *r, int marks_width)
{
	if (marks_width == 0)
		return;
	fputc('\n', out);
	for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
		fprintf(out, "%s%s %s", m ? "  " : "", r->utf8 ? marks[m].glyph : marks[m].ascii,
			marks[m].meaning);
	fputc('\n', out);
}

void report_text(const struct report *r, FILE *out)
{
	const struct figure_set *fs = &r->fs;
	text_row *rows = xcalloc(fs->n ? fs->n : 1, sizeof *rows);
	char *titles[NCOLUMNS];
	int width[NCOLUMNS] = { 0 };

	for (size_t i = 0; i < fs->n; i++) {
		cells_of(r, i, rows[i]);
		for (int c = 0; c < NCOLUMNS; c++) {
			int w = text_width(rows[i][c]);
			if (w > width[c])
				width[c] = w;
		}
	}
	/* a column with a value somewhere gets its title; an empty one goes */
	for (int c = 0; c < NCOLUMNS; c++) {
		titles[c] = (char *)columns[c].title;
		if (width[c] > 0 && text_width(titles[c]) > width[c])
			width[c] = text_width(titles[c]);
	}
	if (width[COL_LABEL] > LABEL_MAX_WIDTH)
		width[COL_LABEL] = LABEL_MAX_WIDTH;

	header(out, r);
	for (size_t i = 0; i < fs->n;) {
		size_t end = report_chapter_end(r, i);

		fputc('\n', out);
		put_line(out, r->utf8, fs->rows[i].ind->chapter->label);
		line(out, r->utf8, titles, width);
		for (size_t k = i; k < end; k++)
			line(out, r->utf8, rows[k], width);
		formulas(out, r, i, end);
		notes(out, r, i, end);
		i = end;
	}
	footer(out, r, width[COL_MARKS]);
	for (size_t i = 0; i < fs->n; i++)
		for (int c = 0; c < NCOLUMNS; c++)
			free(rows[i][c]);
	free(rows);
}
