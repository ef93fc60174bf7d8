/* SPDX-License-Identifier: EUPL-1.2 */
/* What the report formats share: the fields of a row as every format
 * writes them.  A leaf: it calls no writer and nothing in report.c, so the
 * writers (report_text.c, report_csv.c, report_json.c, report_md.c) and
 * report.c, which dispatches to them, do not call each other in a circle. */
#ifndef JMON_REPORT_FIELDS_H
#define JMON_REPORT_FIELDS_H

#include <stddef.h>

#include "jmon/figures.h"
#include "jmon/report.h"

/* The end of the chapter that row i starts: the index of the first row of
 * another chapter, or fs.n. */
size_t report_chapter_end(const struct report *r, size_t i);

/* The region for a reader: "Alkmaar (GM0361)", or the code alone when
 * the database has no name for it. */
char *report_region(const struct report *r, char *buf, size_t size);

/* The value for machines ("2660", "4.2"), or "" when it is withheld, not
 * delivered or flagged away; never the number of a withheld cell. */
char *report_value_machine(const struct figure *f, char *buf, size_t size);
/* The flag a machine reads: "suppressed" for anything withheld (privacy
 * or the source), else the stored flag ("", provisional, unknown, na). */
const char *report_flag(const struct figure *f);

#endif
