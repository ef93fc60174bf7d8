/* SPDX-License-Identifier: EUPL-1.2 */
/* `jmon report`: the stoplight table of one region and period without the
 * TUI, as an aligned text table, CSV, JSON, Markdown or an Excel workbook.
 *
 * Every format renders the rows of one figure_set (include/jmon/figures.h),
 * the same rows the TUI shows, so what the council reads is what the
 * analyst saw: nothing here recomputes a value, a change or a colour, and
 * nothing here shows a value the figure_set withholds.
 *
 * report.c loads (figures, region name, explanations) and dispatches;
 * report_text.c, report_csv.c, report_json.c, report_md.c and
 * report_xlsx.c each write one format, with the fields they share from
 * report_fields.c. */
#ifndef JMON_REPORT_H
#define JMON_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "jmon/benchmark.h"
#include "jmon/config.h"
#include "jmon/db.h"
#include "jmon/error.h"
#include "jmon/figures.h"

enum report_format { REPORT_TEXT, REPORT_CSV, REPORT_JSON, REPORT_MD, REPORT_XLSX };

/* "text", "csv", "json", "md", "xlsx"; false for anything else. */
bool report_format_parse(const char *name, enum report_format *out);
/* The choices, for a usage message: "text, csv, json, md or xlsx". */
extern const char report_format_choices[];
/* The format a file name asks for by its extension (".xlsx", ".md",
 * ".json", ".txt"; ".csv" and anything else: CSV), for :export FILE. */
enum report_format report_format_for_file(const char *path);
/* Whether the format is only ever written to a named file: a workbook is
 * a zip archive, never standard output. */
bool report_format_needs_file(enum report_format format);

/* Whether the format is read on a terminal as it is (text, md): then
 * what it quotes from the data goes through text_write_safe. */
bool report_format_for_terminal(enum report_format format);
/* A report for a terminal is laid out in memory (report_terminal_open, a
 * stream) and then written to out whole through
 * text_write_safe (report_terminal_close): the escape sequences an
 * imported name may hold are taken out of all of it, so no writer can
 * forget one field.  The writers write line breaks of their own only; a
 * name or label that must stay one line goes through report_put
 * (include/jmon/report_fields.h). */
struct report_terminal {
	FILE *mem;
	char *text;
	size_t len;
};
FILE *report_terminal_open(struct report_terminal *t);
void report_terminal_close(struct report_terminal *t, FILE *out);

/* CSV as machines read it (the contract of jmon(1), REPORT), or as Dutch
 * Excel opens it: ';', a decimal comma, a byte-order mark. */
enum csv_dialect { CSV_MACHINE, CSV_EXCEL_NL };
/* "excel-nl"; false for anything else. */
bool report_csv_dialect_parse(const char *name, enum csv_dialect *out);

struct report {
	const struct config *cfg;
	const struct chapter *chapter;	/* NULL: every chapter */
	struct figure_set fs;		/* the breakdown: totals and categories */
	char region_name[128];		/* "Alkmaar"; "" when it has none */
	char **notes;			/* per row of fs: the explanation, or NULL;
					 * several fields joined (report.c) */
	char ***texts;			/* per row of fs: NULL, or per text field
					 * of the monitor its text or NULL */
	bool utf8;			/* text: glyphs and "·" (else ASCII) */
	enum csv_dialect csv_dialect;	/* csv: for machines or for Dutch Excel */
};

/* Load the report of region and period (a code, already chosen), of one
 * chapter or all.  JMON_USAGE when the period does not parse. */
enum jmon_status report_load(struct db *db, const struct config *cfg, const char *region,
			     const char *period, const struct chapter *chapter,
			     struct report *out, struct jmon_error *err);
void report_free(struct report *r);
/* The explanations of fs's rows (NULL where none), fetched only for the
 * rows marked explained: *notes the text fields of monitor m joined, with
 * texts (NULL: not wanted) each field apart; both have fs->n entries. */
enum jmon_status report_load_notes(struct db *db, const struct monitor *m,
				   const struct figure_set *fs, char ***notes,
				   char ****texts, struct jmon_error *err);

/* `jmon report --regions/--peers`: regions side by side
 * (include/jmon/benchmark.h), with every region's explanations, in the
 * same four formats (src/report_bench.c, src/report_bench_data.c). */
struct report_bench {
	const struct config *cfg;
	struct benchmark b;
	char ***notes;		/* [column]: per row of its figures, or NULL */
	bool utf8;
};
enum jmon_status report_bench_load(struct db *db, const struct config *cfg,
				   const struct benchmark_spec *spec, struct report_bench *out,
				   struct jmon_error *err);
void report_bench_free(struct report_bench *r);
enum jmon_status report_bench_write(const struct report_bench *r, enum report_format format,
				    FILE *out, struct jmon_error *err);
void report_bench_text(const struct report_bench *r, FILE *out);
void report_bench_md(const struct report_bench *r, FILE *out);
void report_bench_csv(const struct report_bench *r, FILE *out);
void report_bench_json(const struct report_bench *r, FILE *out);

/* Whether any row has a delivered value (or a flag in its place), a status
 * set by hand, a review mark or an explanation: a report without one is a
 * region or period the database knows nothing of. */
bool report_has_data(const struct report *r);

/* Write r in format to out.  JMON_IO when writing failed.  Not for a
 * format that needs a file (report_xlsx). */
enum jmon_status report_write(const struct report *r, enum report_format format, FILE *out,
			      struct jmon_error *err);

/* One writer per format (the table in report.c dispatches). */
void report_text(const struct report *r, FILE *out);
void report_csv(const struct report *r, FILE *out);
void report_json(const struct report *r, FILE *out);
void report_md(const struct report *r, FILE *out);
/* The workbook, by name into path (libxlsxwriter), which
 * src/export.c made for it: when it fails, err holds the reason alone,
 * and the caller names the file the reader asked for. */
enum jmon_status report_xlsx(const struct report *r, const char *path, struct jmon_error *err);

/* The escaping each format needs, written straight to out. */
void report_csv_field(FILE *out, const char *s);	/* RFC 4180 */
void report_json_string(FILE *out, const char *s);	/* with the quotes */
void report_md_cell(FILE *out, const char *s);		/* "|" escaped, one line */

#endif
