/* SPDX-License-Identifier: EUPL-1.2 */
/* `jmon report --regions/--peers`: loading, and the matrix as text and
 * Markdown, per chapter one table of values and one of differences
 * against the reference column, as the benchmark view shows them:
 *
 *   Gebruik en instroom
 *   Indicator                Gemeente A   Nederland  Gemeente B  gem. Doorsnee…
 *                                GM9901        NL01      GM9902  mean:doorsnee
 *   Jongeren met jeugdhulp      8,9 % ■     6,2 % ○     6,6 % ●  6,6 % (3 van 3)
 *
 * A mean says of how many of its regions it is ("3 van 3": a withheld or
 * missing one is left out); a withheld cell is "<10" and has no
 * difference.  The glyphs are the stoplight's (■ rood, ▲ oranje, ● groen,
 * ○ grijs, said under the tables), each cell's own colour in its region.
 * CSV and JSON are in src/report_bench_data.c. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/report.h"
#include "jmon/report_fields.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

#define LABEL_MAX_WIDTH 40

enum jmon_status report_bench_load(struct db *db, const struct config *cfg,
				   const struct benchmark_spec *spec, struct report_bench *r,
				   struct jmon_error *err)
{
	struct benchmark *b = &r->b;
	enum jmon_status st;

	memset(r, 0, sizeof *r);
	r->cfg = cfg;
	r->utf8 = text_utf8_locale();
	if ((st = benchmark_load(db, cfg, NULL, spec, b, err)))
		return st;
	r->notes = xcalloc(b->ncols, sizeof *r->notes);
	for (size_t c = 0; c < b->ncols; c++)
		if (!b->cols[c].is_mean &&
		    (st = report_load_notes(db, &cfg->monitor, &b->sets[c * b->nperiods],
					       &r->notes[c], NULL, err))) {
			report_bench_free(r);
			return st;
		}
	return JMON_OK;
}

void report_bench_free(struct report_bench *r)
{
	for (size_t c = 0; r->notes && c < r->b.ncols; c++) {
		for (size_t i = 0; r->notes[c] && i < r->b.sets[c * r->b.nperiods].n; i++)
			free(r->notes[c][i]);
		free(r->notes[c]);
	}
	free(r->notes);
	r->notes = NULL;
	benchmark_free(&r->b);
}

static const struct {
	void (*write)(const struct report_bench *, FILE *);
} writers[] = {
	[REPORT_TEXT] = { report_bench_text },
	[REPORT_CSV]  = { report_bench_csv },
	[REPORT_JSON] = { report_bench_json },
	[REPORT_MD]   = { report_bench_md },
};

enum jmon_status report_bench_write(const struct report_bench *r, enum report_format format,
				    FILE *out, struct jmon_error *err)
{
	if (report_format_for_terminal(format)) {
		struct report_terminal t;

		writers[format].write(r, report_terminal_open(&t));
		report_terminal_close(&t, out);
	} else {
		writers[format].write(r, out);
	}
	if (fflush(out) != 0 || ferror(out))
		return jmon_fail(err, JMON_IO, "writing the report: %s", strerror(errno));
	return JMON_OK;
}

/* --- the matrix ------------------------------------------------------------ */

/* A line of the text format: names and labels in it stay on it. */
static void text_line(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void text_line(FILE *out, const char *fmt, ...)
{
	va_list ap;
	char *line;

	va_start(ap, fmt);
	line = xvasprintf(fmt, ap);
	va_end(ap);
	report_put(out, line);
	fputc('\n', out);
	free(line);
}

/* What a table shows in its cells. */
enum table_kind {
	TABLE_VALUES,
	TABLE_DIFFS,	/* against the reference column */
	TABLE_BASE,	/* each cell against its own nulmeting */
};

/* The text of cell (row, col) of the first period: its value, its
 * difference or its change since the nulmeting, the glyph of its own
 * colour, a mean's "k van n". */
static char *cell_text(const struct report_bench *r, size_t row, size_t col,
		       enum table_kind kind, bool glyph)
{
	const struct benchmark *b = &r->b;
	const struct benchmark_cell *c = benchmark_cell(b, row, col, 0);
	char buf[128];
	struct strbuf sb = STRBUF_INIT;

	benchmark_value_text(&b->rows[row], c, &b->cols[col], buf, sizeof buf, 0);
	if ((kind == TABLE_DIFFS && col != b->reference) || kind == TABLE_BASE)
		buf[0] = '\0';
	if (kind == TABLE_DIFFS && c->has_diff)
		comparison_difference_text(b->rows[row].ind, c->diff, buf, sizeof buf, 0);
	if (kind == TABLE_BASE && c->has_base_change)	/* as the chapter view's Δ nulm. */
		difference_fit(b->rows[row].ind, c->base_change, buf, sizeof buf, 0);
	sb_adds(&sb, buf);
	if (b->cols[col].is_mean && buf[0])
		sb_addf(&sb, " (%zu van %zu)", c->mean.n, c->mean.of);
	if (glyph && benchmark_has_status(c))
		sb_addf(&sb, " %s", stoplight_glyph(c->f->light.status, r->utf8));
	return sb_detach(&sb);
}

static char *row_label(const struct benchmark_row *row, bool indent)
{
	if (!row->cat)
		return xstrdup(row->ind->label);
	return indent ? xasprintf("  %s", row->cat->label)
		      : xasprintf("%s — %s", row->ind->label, row->cat->label);
}

/* The rows of the chapter that starts at row i: [i, end). */
static size_t chapter_end(const struct benchmark *b, size_t i)
{
	const struct chapter *ch = b->rows[i].ind->chapter;

	while (i < b->nrows && b->rows[i].ind->chapter == ch)
		i++;
	return i;
}

/* One table as text: the label column, then each column right-aligned,
 * two spaces apart, widths by display width over the table. */
static void text_table(const struct report_bench *r, FILE *out, size_t from, size_t end,
		       enum table_kind kind)
{
	const struct benchmark *b = &r->b;
	size_t nc = b->ncols + 1, nr = end - from + 2;
	char **cells = xcalloc(nc * nr, sizeof *cells);
	int *width = xcalloc(nc, sizeof *width);

	cells[0] = xstrdup("Indicator");
	cells[nc] = xstrdup("");
	for (size_t c = 0; c < b->ncols; c++) {
		cells[1 + c] = xstrdup(b->cols[c].name);
		cells[nc + 1 + c] = xstrdup(b->cols[c].code);
	}
	for (size_t i = from; i < end; i++) {
		cells[(i - from + 2) * nc] = row_label(&b->rows[i], true);
		for (size_t c = 0; c < b->ncols; c++)
			cells[(i - from + 2) * nc + 1 + c] = cell_text(r, i, c, kind, true);
	}
	for (size_t k = 0; k < nc * nr; k++)
		if (text_width(cells[k]) > width[k % nc])
			width[k % nc] = text_width(cells[k]);
	if (width[0] > LABEL_MAX_WIDTH)
		width[0] = LABEL_MAX_WIDTH;
	for (size_t y = 0; y < nr; y++) {
		struct strbuf sb = STRBUF_INIT;

		for (size_t x = 0; x < nc; x++) {
			char *cell = cells[y * nc + x];
			size_t size = strlen(cell) + (size_t)width[x] * 4 + 8;
			char *pad = xmalloc(size);

			text_pad(pad, size, cell, width[x], x > 0);
			sb_addf(&sb, "%s%s", x ? "  " : "", pad);
			free(pad);
		}
		while (sb.len > 0 && sb.s[sb.len - 1] == ' ')
			sb.s[--sb.len] = '\0';
		text_line(out, "%s", sb_str(&sb));
		sb_free(&sb);
	}
	for (size_t k = 0; k < nc * nr; k++)
		free(cells[k]);
	free(cells);
	free(width);
}

static void legend(const struct report_bench *r, FILE *out, const char *before)
{
	fputs(before, out);
	for (int s = 0; s < STOPLIGHT_NSTATUS; s++)
		fprintf(out, "%s%s %s", s ? "  " : "",
			stoplight_glyph((enum stoplight_status)s, r->utf8),
			stoplight_word((enum stoplight_status)s));
	fputs(" (de kleur van elke regio volgens haar eigen regel)\n", out);
}

/* The nulmeting of the first row of [from, end) that has one ("2015"),
 * or NULL: then the chapter has no table of the changes since. */
static const char *chapter_baseline(const struct benchmark *b, size_t from, size_t end)
{
	for (size_t i = from; i < end; i++)
		if (b->rows[i].base_period[0])
			return b->rows[i].base_label;
	return NULL;
}

static const char *const base_words = "pp bij percentages, anders in de eenheid";

static const char *const diff_words =
	"pp bij percentages, % bij aantallen en bedragen, anders in de eenheid";

void report_bench_text(const struct report_bench *r, FILE *out)
{
	const struct benchmark *b = &r->b;
	const char *sep = r->utf8 ? " · " : " - ";

	text_line(out, "%s%s%s (%s)%s%s", r->cfg->monitor.title ? r->cfg->monitor.title : "jmon",
		  sep, b->cols[0].name, b->cols[0].code, sep, b->period_labels[0]);
	text_line(out, "verschil t.o.v. %s (%s): %s", b->cols[b->reference].name,
		  b->cols[b->reference].code, diff_words);
	for (size_t i = 0; i < b->nrows;) {
		size_t end = chapter_end(b, i);
		const char *base;

		fputc('\n', out);
		text_line(out, "%s", b->rows[i].ind->chapter->label);
		text_table(r, out, i, end, TABLE_VALUES);
		fputc('\n', out);
		text_line(out, "%s: verschil t.o.v. %s", b->rows[i].ind->chapter->label,
			  b->cols[b->reference].name);
		text_table(r, out, i, end, TABLE_DIFFS);
		if ((base = chapter_baseline(b, i, end))) {
			fputc('\n', out);
			text_line(out, "%s: t.o.v. nulmeting %s (%s)",
				  b->rows[i].ind->chapter->label, base, base_words);
			text_table(r, out, i, end, TABLE_BASE);
		}
		i = end;
	}
	legend(r, out, "\n");
}

static void md_table(const struct report_bench *r, FILE *out, size_t from, size_t end,
		     enum table_kind kind)
{
	const struct benchmark *b = &r->b;

	fputs("| Indicator |", out);
	for (size_t c = 0; c < b->ncols; c++) {
		fputc(' ', out);
		report_md_cell(out, b->cols[c].name);
		fprintf(out, " (%s) |", b->cols[c].code);
	}
	fputs("\n|:--|", out);
	for (size_t c = 0; c < b->ncols; c++)
		fputs("--:|", out);
	fputc('\n', out);
	for (size_t i = from; i < end; i++) {
		char *label = row_label(&b->rows[i], false);

		fputs("| ", out);
		report_md_cell(out, label);
		fputs(" |", out);
		free(label);
		for (size_t c = 0; c < b->ncols; c++) {
			char *cell = cell_text(r, i, c, kind, true);

			fprintf(out, " %s |", cell);
			free(cell);
		}
		fputc('\n', out);
	}
}

void report_bench_md(const struct report_bench *r, FILE *out)
{
	const struct benchmark *b = &r->b;
	struct report_bench md = *r;

	md.utf8 = true;		/* Markdown is UTF-8 */
	fputs("# ", out);
	report_put(out, r->cfg->monitor.title ? r->cfg->monitor.title : "jmon");
	fputs("\n\n**", out);
	report_md_cell(out, b->cols[0].name);
	fprintf(out, " (%s) · %s** · verschil t.o.v. ", b->cols[0].code, b->period_labels[0]);
	report_md_cell(out, b->cols[b->reference].name);
	fprintf(out, ": %s\n", diff_words);
	for (size_t i = 0; i < b->nrows;) {
		size_t end = chapter_end(b, i);
		const char *base;

		fputs("\n## ", out);
		report_put(out, b->rows[i].ind->chapter->label);
		fputs("\n\n", out);
		md_table(&md, out, i, end, TABLE_VALUES);
		fputs("\n### Verschil t.o.v. ", out);
		report_md_cell(out, b->cols[b->reference].name);
		fputs("\n\n", out);
		md_table(&md, out, i, end, TABLE_DIFFS);
		if ((base = chapter_baseline(b, i, end))) {
			fprintf(out, "\n### T.o.v. nulmeting %s (%s)\n\n", base, base_words);
			md_table(&md, out, i, end, TABLE_BASE);
		}
		i = end;
	}
	legend(&md, out, "\n");
}
