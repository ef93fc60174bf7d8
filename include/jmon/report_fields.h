/* SPDX-License-Identifier: EUPL-1.2 */
/* What the report formats share: the fields of a row as every format
 * writes them.  A leaf: it calls no writer and nothing in report.c, so the
 * writers (report_text.c, report_csv.c, report_json.c, report_md.c) and
 * report.c, which dispatches to them, do not call each other in a circle. */
#ifndef JMON_REPORT_FIELDS_H
#define JMON_REPORT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "jmon/figures.h"
#include "jmon/numfmt.h"
#include "jmon/report.h"

/* The end of the chapter that row i starts: the index of the first row of
 * another chapter, or fs.n. */
size_t report_chapter_end(const struct report *r, size_t i);

/* The region for a reader: "Alkmaar (GM0361)", or the code alone when
 * the database has no name for it. */
char *report_region(const struct report *r, char *buf, size_t size);

/* s in a text or Markdown report where it must stay one line (a name, a
 * label, a heading): its line breaks written as spaces, its other
 * controls as the whole report's (text_write_safe). */
void report_put(FILE *out, const char *s);

/* The value for machines ("2660", "4.2"), or "" when it is withheld, not
 * delivered or flagged away; never the number of a withheld cell. */
char *report_value_machine(const struct figure *f, char *buf, size_t size);
/* The flag a machine reads: "suppressed" for anything withheld (privacy
 * or the source), else the stored flag ("", provisional, unknown, na). */
const char *report_flag(const struct figure *f);

/* The CSV contract (report_csv.c): its columns, one line of fields, and
 * the fields of one figure of fs with its explanation (note, or NULL);
 * the fields point into c and into f. */
#define REPORT_CSV_COLUMNS 22
extern const char *const report_csv_header[REPORT_CSV_COLUMNS];
void report_csv_row(FILE *out, const char *const *fields, size_t n);
struct report_csv_cells {
	char value[NUMFMT_MAX], change[NUMFMT_MAX], norm[NUMFMT_MAX], base[NUMFMT_MAX];
	char formula[512];
	char reason[STOPLIGHT_REASON_MAX + 96];	/* with why a year is not rolled up */
	const char *fields[REPORT_CSV_COLUMNS];
};
void report_csv_figure(const struct figure_set *fs, const struct figure *f, const char *note,
		       struct report_csv_cells *c);

/* The JSON writer of report_json.c: members one a line, two spaces a
 * level, commas where they belong; a name NULL inside an array. */
#define REPORT_JSON_DEPTH 8
struct report_json {
	FILE *out;
	int depth;
	bool more[REPORT_JSON_DEPTH];	/* the container at that depth has a member */
};
void report_json_open(struct report_json *j, const char *name, char bracket);
void report_json_close(struct report_json *j, char bracket);
void report_json_str(struct report_json *j, const char *name, const char *s);	/* NULL: null */
void report_json_num(struct report_json *j, const char *name, bool has, double v);

#endif
