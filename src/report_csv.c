/* SPDX-License-Identifier: EUPL-1.2 */
/* The report as CSV, the contract of jmon(1) REPORT: the columns
 *
 *   region,period,chapter,indicator,category,value,flag,status,reason,reviewed,
 *   label,unit,change,norm,value_period,source_status,reviewed_by,reviewed_at,
 *   explanation
 *
 * the first ten in their first order, the others added after them, so a
 * program that reads the first ten by position keeps working.
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
#include "jmon/units.h"

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
					      "reviewed", "label", "unit", "change", "norm",
					      "value_period", "source_status", "reviewed_by",
					      "reviewed_at", "explanation" };
	const struct figure_set *fs = &r->fs;

	row(out, header, sizeof header / sizeof *header);
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->rows[i];
		char value[NUMFMT_MAX], change[NUMFMT_MAX], norm[NUMFMT_MAX];

		change[0] = norm[0] = '\0';
		/* a change only between two shown figures (the gate's), in the
		 * unit's own terms: percentage points for a percentage */
		if (f->has_change)
			numfmt_machine(change, sizeof change, f->change, -1);
		if (!f->cat && f->ind->norm.present)
			numfmt_machine(norm, sizeof norm, f->ind->norm.value, -1);
		const char *fields[] = {
			fs->region, fs->period, f->ind->chapter->id, f->ind->id,
			f->cat ? f->cat->id : "",
			report_value_machine(f, value, sizeof value), report_flag(f),
			stoplight_name(f->light.status), f->light.reason,
			f->reviewed ? "yes" : "",
			f->cat ? f->cat->label : f->ind->label, unit_name(f->ind->unit), change, norm,
			f->value_period[0] ? f->value_period : fs->period,
			f->sourced ? stoplight_name(f->source_status) : "",
			f->reviewed ? f->review_by : "", f->reviewed ? f->review_at : "",
			r->notes[i] ? r->notes[i] : "",
		};

		row(out, fields, sizeof fields / sizeof *fields);
	}
}
