/* SPDX-License-Identifier: EUPL-1.2 */
/* The report as CSV, the contract of jmon(1) REPORT: the columns
 *
 *   region,period,chapter,indicator,category,value,flag,status,reason,reviewed,
 *   label,unit,change,norm,value_period,source_status,reviewed_by,reviewed_at,
 *   explanation,formula,baseline_period,baseline_change
 *
 * the first ten in their first order, the others added after them, so a
 * program that reads the first ten by position keeps working.
 * one row per indicator and category in configuration order, the total
 * first with an empty category.  Quoting follows RFC 4180; lines end in a
 * plain newline, as every Unix tool and jmon's own importer expect.
 *
 * A value is empty when it is withheld (privacy, or suppressed at the
 * source: flag `suppressed`), flagged away (`unknown`, `na`) or was never
 * delivered (empty flag too).  A text field that a spreadsheet would run
 * as a formula is guarded with a quote, and a control character becomes
 * U+FFFD (jmon(1) REPORT).
 *
 * --csv-dialect excel-nl writes the same fields for Dutch Excel, which
 * opens a file of commas as one column: ';' between fields, a decimal
 * comma in value, change and norm (no thousands separator, so Excel reads
 * them as numbers), and a UTF-8 byte-order mark, without which Excel
 * reads the labels as Windows-1252.  The default stays the machine
 * contract. */
#include <stdlib.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/report.h"
#include "jmon/report_fields.h"
#include "jmon/text.h"
#include "jmon/units.h"

/* The columns jmon writes itself, which start with a number or with its
 * own words: value, change, norm, the reason (a value and its rule, or
 * "handmatig: ", "geen regel") and the change against the baseline.
 * Every other column may start with text from outside (a code, a label, a
 * name, an explanation) and is guarded against running as a formula. */
#define OWN_COLUMNS (1u << 5 | 1u << 8 | 1u << 12 | 1u << 13 | 1u << 21)

/* Whether s is a number as a machine writes it ("-3", "-1.95"): a
 * spreadsheet reads it as a number, not as a formula. */
static bool is_number(const char *s)
{
	char *end;

	if (!*s)
		return false;
	strtod(s, &end);
	return !*end;
}

/* One field; guard: it may start with outside text (see below). */
static void field(FILE *out, const char *s, char sep, bool guard)
{
	const char special[] = { sep, '"', '\r', '\n', '\0' };
	const char *end = s + strlen(s);
	bool quoted = s[strcspn(s, special)] != '\0';

	if (quoted)
		fputc('"', out);
	/* A spreadsheet runs a cell that starts with one of these as a
	 * formula (a tab or CR before one is skipped): a quote in front
	 * keeps an imported name or an explanation text. */
	if (guard && *s && strchr("=+-@\t\r", *s) && !is_number(s))
		fputc('\'', out);
	for (const char *p = s; p < end;) {
		bool control;
		size_t n = text_char(p, end, &control, NULL);

		if (*p == '"')
			fputs("\"\"", out);	/* a quote inside is doubled */
		else if (control && !strchr("\t\r\n", *p))
			fputs("\xEF\xBF\xBD", out);	/* U+FFFD: an escape sequence has no
						 * place in a field, nor a stray byte */
		else
			fwrite(p, 1, n, out);
		p += n;
	}
	if (quoted)
		fputc('"', out);
}

void report_csv_field(FILE *out, const char *s)
{
	field(out, s, ',', true);
}

/* fields[i] for i in own is jmon's own: "+60 binnen -100..100" is written
 * as it is. */
static void row(FILE *out, const char *const *fields, size_t n, char sep, unsigned own)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(sep, out);
		field(out, fields[i], sep, !(i < 32 && own & 1u << i));
	}
	fputc('\n', out);
}

/* A machine number for Dutch Excel: the decimal point becomes a comma. */
static void dutch(char *num)
{
	char *dot = strchr(num, '.');

	if (dot)
		*dot = ',';
}

void report_csv_row(FILE *out, const char *const *fields, size_t n)
{
	row(out, fields, n, ',', OWN_COLUMNS);
}

const char *const report_csv_header[REPORT_CSV_COLUMNS] = {
	"region", "period", "chapter", "indicator", "category", "value", "flag", "status",
	"reason", "reviewed", "label", "unit", "change", "norm", "value_period",
	"source_status", "reviewed_by", "reviewed_at", "explanation", "formula",
	"baseline_period", "baseline_change"
};

void report_csv_figure(const struct figure_set *fs, const struct figure *f, const char *note,
		       struct report_csv_cells *c)
{
	c->change[0] = c->norm[0] = c->base[0] = '\0';
	if (f->has_base_change)	/* from the gate's figures, as the change */
		numfmt_machine(c->base, sizeof c->base, f->base_change, -1);
	/* a change only between two shown figures (the gate's), in the
	 * unit's own terms: percentage points for a percentage */
	if (f->has_change)
		numfmt_machine(c->change, sizeof c->change, f->change, -1);
	if (!f->cat && f->ind->norm.present)
		numfmt_machine(c->norm, sizeof c->norm, f->ind->norm.value, -1);
	const char *fields[] = {
		fs->region, fs->period, f->ind->chapter->id, f->ind->id,
		f->cat ? f->cat->id : "",
		report_value_machine(f, c->value, sizeof c->value), report_flag(f),
		stoplight_name(f->light.status), figure_report_reason(f, c->reason, sizeof c->reason),
		f->reviewed ? "yes" : "",
		f->cat ? f->cat->label : f->ind->label, unit_name(f->ind->unit), c->change, c->norm,
		f->value_period[0] ? f->value_period : fs->period,
		f->sourced ? stoplight_name(f->source_status) : "",	/* the document's, not a review */
		f->reviewed ? f->review_by : "", f->reviewed ? f->review_at : "",
		note ? note : "",
		indicator_formula(f->ind, FORMULA_IDS, c->formula, sizeof c->formula),
		f->base_period, c->base,
	};

	memcpy(c->fields, fields, sizeof fields);
}

void report_csv(const struct report *r, FILE *out)
{
	const struct figure_set *fs = &r->fs;
	bool nl = r->csv_dialect == CSV_EXCEL_NL;
	char sep = nl ? ';' : ',';

	if (nl)
		fputs("\xEF\xBB\xBF", out);	/* UTF-8's byte-order mark */
	row(out, report_csv_header, REPORT_CSV_COLUMNS, sep, 0);
	for (size_t i = 0; i < fs->n; i++) {
		struct report_csv_cells c;

		report_csv_figure(fs, &fs->rows[i], r->notes[i], &c);
		if (nl) {	/* the fields point at these buffers */
			dutch(c.value);
			dutch(c.change);
			dutch(c.norm);
			dutch(c.base);
		}
		row(out, c.fields, REPORT_CSV_COLUMNS, sep, OWN_COLUMNS);
	}
}
