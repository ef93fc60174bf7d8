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
 * UTF-8.  Only the label has a cap; a longer one is cut with "…".  The
 * reason is the last column and never cut: it is what the reader came for,
 * and the terminal wraps it.
 *
 * A row the rule does not colour (no rule, or a category it leaves out)
 * shows no status: a column of "grijs, geen regel" would hide the rows
 * that matter.  CSV and JSON still say grey, as their contract wants. */
#include <stdlib.h>

#include "jmon/report.h"
#include "jmon/report_fields.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

#define LABEL_MAX_WIDTH 48
#define CELL_MAX 1024

enum column { COL_LABEL, COL_VALUE, COL_PERIOD, COL_CHANGE, COL_NORM, COL_STATUS, COL_MARKS,
	      COL_REASON, NCOLUMNS };

static const struct {
	const char *title;
	bool right;
} columns[NCOLUMNS] = {
	[COL_LABEL]  = { "Indicator", false },
	[COL_VALUE]  = { "Waarde",    true },
	[COL_PERIOD] = { "Periode",   false },	/* only when a row is of another period */
	[COL_CHANGE] = { "Verschil",  true },
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
	char buf[CELL_MAX];
	struct strbuf flags = STRBUF_INIT;

	out[COL_LABEL] = f->cat ? xasprintf("  %s", f->cat->label) : xstrdup(f->ind->label);
	out[COL_VALUE] = xstrdup(figure_value_text(f, buf, sizeof buf));
	out[COL_PERIOD] = xstrdup(figure_basis_text(f, buf, sizeof buf));
	out[COL_CHANGE] = xstrdup(figure_change_text(f, buf, sizeof buf));
	out[COL_NORM] = f->cat ? xstrdup("") : xstrdup(figure_norm_text(f->ind, false, buf, sizeof buf));
	out[COL_STATUS] = shown ? xasprintf("%s %s", stoplight_glyph(f->light.status, r->utf8),
					    stoplight_word(f->light.status))
				: xstrdup("");
	for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
		if (has[m])
			sb_adds(&flags, r->utf8 ? marks[m].glyph : marks[m].ascii);
	out[COL_MARKS] = xstrdup(sb_str(&flags));
	out[COL_REASON] = xstrdup(shown ? f->light.reason : "");
	sb_free(&flags);
}

/* One line: the cells padded to their columns, two spaces apart; a column
 * no row uses (width 0) is left out, and so are trailing blanks. */
static void line(FILE *out, char *const cells[NCOLUMNS], const int width[NCOLUMNS])
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
	fprintf(out, "%s\n", sb_str(&sb));
	sb_free(&sb);
}

static void header(FILE *out, const struct report *r)
{
	const struct figure_set *fs = &r->fs;
	const char *sep = r->utf8 ? " · " : " - ";
	char region[256], progress[64];

	fprintf(out, "%s%s%s%s%s", r->cfg->monitor.title ? r->cfg->monitor.title : "jmon",
		sep, report_region(r, region, sizeof region), sep, fs->label);
	if (fs->delivery > 0)
		fprintf(out, "%slevering %ld%s", sep, fs->delivery,
			fs->provisional ? " (voorlopig)" : "");
	fputc('\n', out);
	for (int s = 0; s < STOPLIGHT_NSTATUS; s++)
		fprintf(out, "%s%s %d", s ? "  " : "",
			stoplight_glyph((enum stoplight_status)s, r->utf8), fs->status_count[s]);
	fprintf(out, "%s%s%sverschil t.o.v. %s\n", sep, figures_progress(fs, progress, sizeof progress),
		sep, fs->prev_label);
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

		fprintf(out, "\n%s\n", fs->rows[i].ind->chapter->label);
		line(out, titles, width);
		for (; i < end; i++)
			line(out, rows[i], width);
	}
	footer(out, r, width[COL_MARKS]);
	for (size_t i = 0; i < fs->n; i++)
		for (int c = 0; c < NCOLUMNS; c++)
			free(rows[i][c]);
	free(rows);
}
