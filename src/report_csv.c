/* SPDX-License-Identifier: EUPL-1.2 */
/* The report as CSV, the contract of jmon(1) REPORT: exactly the columns
 *
 *   region,period,chapter,indicator,category,value,flag,status,reason,reviewed
 *
 * one row per indicator and category in configuration order, the total
 * first with an empty category.  Quoting follows RFC 4180; lines end in a
 * plain newline, as every Unix tool and jmon's own importer expect.
 *
 * A value is empty when it is withheld (privacy, or suppressed at the
 * source: flag `suppressed`), flagged away (`unknown`, `na`) or was never
 * delivered (empty flag too). */
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/report.h"
#include "jmon/report_fields.h"

void report_csv_field(FILE *out, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);	/* a quote inside is doubled */
		fputc(*s, out);
	}
	fputc('"', out);
}

static void row(FILE *out, const char *const *fields, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(',', out);
		report_csv_field(out, fields[i]);
	}
	fputc('\n', out);
}

void report_csv(const struct report *r, FILE *out)
{
	static const char *const header[] = { "region", "period", "chapter", "indicator",
					      "category", "value", "flag", "status", "reason",
					      "reviewed" };
	const struct figure_set *fs = &r->fs;

	row(out, header, sizeof header / sizeof *header);
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->rows[i];
		char value[NUMFMT_MAX];
		const char *fields[] = {
			fs->region, fs->period, f->ind->chapter->id, f->ind->id,
			f->cat ? f->cat->id : "",
			report_value_machine(f, value, sizeof value), report_flag(f),
			stoplight_name(f->light.status), f->light.reason,
			f->reviewed ? "yes" : "",
		};

		row(out, fields, sizeof fields / sizeof *fields);
	}
}
