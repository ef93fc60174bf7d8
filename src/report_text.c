/* The report as an aligned table for a terminal: Dutch numbers, columns
 * cut and padded by display width (labels are UTF-8), one block per
 * chapter, category rows indented under their indicator.
 *
 *   Monitor jeugdhulp · Alkmaar (GM0361) · 2020 Q1 · levering 3 (voorlopig)
 *   ● 3  ▲ 4  ■ 7  ○ 2 · beoordeeld 9/16 · verschil t.o.v. 2019 Q4
 *
 *   Cijfers
 *   Indicator                     Waarde  Verschil      Norm  Status       Reden
 *   Jeugdigen met maatwerk         2.660       +60            ▲ oranje ✎  +2,3 % ...
 *
 * A row the rule does not colour (no rule, or a category it leaves out)
 * shows no status: a column of "grijs, geen regel" would hide the rows
 * that matter.  CSV and JSON still say grey, as their contract wants.
 * The reason is the last column and never cut: it is what the reader
 * came for, and the terminal wraps it. */
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/report.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"

#define CELL_MAX 1024

static const struct column {
	const char *title;
	int width;		/* 0: the last column, not padded or cut */
	bool right;
} columns[] = {
	{ "Indicator", 44, false },
	{ "Waarde",    10, true },
	{ "Verschil",  10, true },
	{ "Norm",      10, true },
	{ "Status",     8, false },
	{ "",           3, false },	/* marks: reviewed, explained, revised */
	{ "Reden",      0, false },
};
#define NCOLUMNS (sizeof columns / sizeof *columns)

static const struct mark {
	const char *glyph, *ascii, *meaning;
} marks[] = {
	{ "✓", "v", "beoordeeld" },
	{ "✎", "a", "toelichting" },
	{ "↻", "r", "herzien door de nieuwste levering" },
};

/* One line: the cells padded to their columns, two spaces apart, without
 * trailing blanks. */
static void line(FILE *out, const char *const cells[NCOLUMNS])
{
	struct strbuf sb = STRBUF_INIT;
	char cell[CELL_MAX];

	for (size_t i = 0; i < NCOLUMNS; i++) {
		if (i)
			sb_adds(&sb, "  ");
		if (columns[i].width == 0) {
			sb_adds(&sb, cells[i]);
		} else {
			text_pad(cell, sizeof cell, cells[i], columns[i].width, columns[i].right);
			sb_adds(&sb, cell);
		}
	}
	while (sb.len > 0 && sb.s[sb.len - 1] == ' ')
		sb.s[--sb.len] = '\0';
	fprintf(out, "%s\n", sb_str(&sb));
	sb_free(&sb);
}

static void figure_line(FILE *out, const struct report *r, size_t i)
{
	const struct figure *f = &r->fs.rows[i];
	bool shown = f->colored || f->light.overridden;
	char label[CELL_MAX], value[CELL_MAX], change[CELL_MAX], norm[CELL_MAX];
	char status[64] = "", flags[16] = "";
	bool has[] = { f->reviewed, r->notes[i] != NULL, f->revised };

	snprintf(label, sizeof label, "%s%s", f->cat ? "  " : "",
		 f->cat ? f->cat->label : f->ind->label);
	figure_value_text(f, value, sizeof value);
	figure_change_text(f, change, sizeof change);
	if (f->cat)
		norm[0] = '\0';
	else
		figure_norm_text(f->ind, false, norm, sizeof norm);
	if (shown)
		snprintf(status, sizeof status, "%s %s", stoplight_glyph(f->light.status, r->utf8),
			 stoplight_word(f->light.status));
	for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
		if (has[m])
			strcat(flags, r->utf8 ? marks[m].glyph : marks[m].ascii);

	const char *cells[NCOLUMNS] = { label, value, change, norm, status, flags,
					shown ? f->light.reason : "" };
	line(out, cells);
}

static void header(FILE *out, const struct report *r)
{
	const struct figure_set *fs = &r->fs;
	const char *sep = r->utf8 ? " · " : " - ";

	fprintf(out, "%s%s%s (%s)%s%s", r->cfg->monitor.title ? r->cfg->monitor.title : "jmon",
		sep, r->region_name, fs->region, sep, fs->label);
	if (fs->delivery > 0)
		fprintf(out, "%slevering %ld%s", sep, fs->delivery,
			fs->provisional ? " (voorlopig)" : "");
	fputc('\n', out);
	for (int s = 0; s < STOPLIGHT_NSTATUS; s++)
		fprintf(out, "%s%s %d", s ? "  " : "",
			stoplight_glyph((enum stoplight_status)s, r->utf8), fs->status_count[s]);
	fprintf(out, "%sbeoordeeld %d/%d%sverschil t.o.v. %s\n", sep, fs->reviewed,
		fs->indicators, sep, fs->prev_label);
}

static void footer(FILE *out, const struct report *r)
{
	fputc('\n', out);
	for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
		fprintf(out, "%s%s %s", m ? "  " : "", r->utf8 ? marks[m].glyph : marks[m].ascii,
			marks[m].meaning);
	fputc('\n', out);
}

void report_text(const struct report *r, FILE *out)
{
	const struct figure_set *fs = &r->fs;
	const char *titles[NCOLUMNS];

	for (size_t c = 0; c < NCOLUMNS; c++)
		titles[c] = columns[c].title;
	header(out, r);
	for (size_t i = 0; i < fs->n;) {
		size_t end = report_chapter_end(r, i);

		fprintf(out, "\n%s\n", fs->rows[i].ind->chapter->label);
		line(out, titles);
		for (; i < end; i++)
			figure_line(out, r, i);
	}
	footer(out, r);
}
