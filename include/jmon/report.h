/* SPDX-License-Identifier: EUPL-1.2 */
/* `jmon report`: the stoplight table of one region and period without the
 * TUI, as an aligned text table, CSV, JSON or Markdown.
 *
 * Every format renders the rows of one figure_set (include/jmon/figures.h),
 * the same rows the TUI shows, so what the council reads is what the
 * analyst saw: nothing here recomputes a value, a change or a colour, and
 * nothing here shows a value the figure_set withholds.
 *
 * report.c loads (figures, region name, explanations) and dispatches;
 * report_text.c, report_csv.c, report_json.c and report_md.c each write
 * one format, with the fields they share from report_fields.c. */
#ifndef JMON_REPORT_H
#define JMON_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "jmon/config.h"
#include "jmon/db.h"
#include "jmon/error.h"
#include "jmon/figures.h"

enum report_format { REPORT_TEXT, REPORT_CSV, REPORT_JSON, REPORT_MD };

/* "text", "csv", "json", "md"; false for anything else. */
bool report_format_parse(const char *name, enum report_format *out);
/* The choices, for a usage message: "text, csv, json or md". */
extern const char report_format_choices[];

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
};

/* Load the report of region and period (a code, already chosen), of one
 * chapter or all.  JMON_USAGE when the period does not parse. */
enum jmon_status report_load(struct db *db, const struct config *cfg, const char *region,
			     const char *period, const struct chapter *chapter,
			     struct report *out, struct jmon_error *err);
void report_free(struct report *r);

/* Whether any row has a delivered value (or a flag in its place), a status
 * set by hand, a review mark or an explanation: a report without one is a
 * region or period the database knows nothing of. */
bool report_has_data(const struct report *r);

/* Write r in format to out.  JMON_IO when writing failed. */
enum jmon_status report_write(const struct report *r, enum report_format format, FILE *out,
			      struct jmon_error *err);

/* One writer per format (the table in report.c dispatches). */
void report_text(const struct report *r, FILE *out);
void report_csv(const struct report *r, FILE *out);
void report_json(const struct report *r, FILE *out);
void report_md(const struct report *r, FILE *out);

/* The escaping each format needs, written straight to out. */
void report_csv_field(FILE *out, const char *s);	/* RFC 4180 */
void report_json_string(FILE *out, const char *s);	/* with the quotes */
void report_md_cell(FILE *out, const char *s);		/* "|" escaped, one line */

#endif
