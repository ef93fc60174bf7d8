/* SPDX-License-Identifier: EUPL-1.2 */
/* `jmon report --regions/--peers` for programs (src/report_bench.c has
 * the matrix for people).
 *
 * CSV in long form: one row per region × indicator × category, the
 * columns of the contract (jmon(1), REPORT) for each region as its own
 * report writes them, then the ones added for the comparison:
 *
 *   ...,explanation,region_name,reference,difference,difference_unit,mean_n,mean_of
 *
 * A group's mean is a row of region `mean:ID` with the mean as its value,
 * an empty status and flag, and mean_n of mean_of regions (the shown
 * ones; the region itself is never in it).  difference is the row's
 * value against the reference column (`reference`), empty for the
 * reference itself and wherever either is not shown; difference_unit is
 * pp, % or the unit's name.
 *
 * JSON nested: {region, period, reference, columns: [{code, name, kind}],
 * chapters: [{id, label, indicators: [{id, label, unit, values: [...],
 * categories: [{id, label, values: [...]}]}]}]}, one value per column
 * {region, value, flag, status, reason, value_period, difference,
 * difference_unit, baseline_period, baseline_change, mean_n, mean_of}.
 * baseline_change (CSV and JSON) is each region's change since the
 * indicator's nulmeting, a mean's only when both means are of every
 * member. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/report.h"
#include "jmon/report_fields.h"

#define EXTRA_COLUMNS 6

static const char *const extra_header[EXTRA_COLUMNS] = {
	"region_name", "reference", "difference", "difference_unit", "mean_n", "mean_of"
};

struct extra {
	char diff[NUMFMT_MAX], n[24], of[24];
};

static void extra_fields(const struct report_bench *r, size_t row, size_t col,
			 struct extra *x, const char **out)
{
	const struct benchmark *b = &r->b;
	const struct benchmark_cell *c = benchmark_cell(b, row, col, 0);

	x->diff[0] = x->n[0] = x->of[0] = '\0';
	if (c->has_diff) {
		/* a computed difference carries the noise of its subtraction
		 * (1.0250000000000004): twelve significant digits are the
		 * difference, the rest is arithmetic */
		char exact[32];

		snprintf(exact, sizeof exact, "%.12g", c->diff);
		numfmt_machine(x->diff, sizeof x->diff, strtod(exact, NULL), -1);
	}
	if (b->cols[col].is_mean) {
		snprintf(x->n, sizeof x->n, "%zu", c->mean.n);
		snprintf(x->of, sizeof x->of, "%zu", c->mean.of);
	}
	out[0] = b->cols[col].name;
	out[1] = b->cols[b->reference].code;
	out[2] = x->diff;
	out[3] = c->has_diff ? comparison_unit_name(b->rows[row].ind) : "";
	out[4] = x->n;
	out[5] = x->of;
}

/* A mean's row in the contract's columns: what a mean has. */
static void mean_fields(const struct report_bench *r, size_t row, size_t col,
			struct report_csv_cells *c)
{
	const struct benchmark *b = &r->b;
	const struct benchmark_row *br = &b->rows[row];
	const struct benchmark_cell *cell = benchmark_cell(b, row, col, 0);

	for (size_t i = 0; i < REPORT_CSV_COLUMNS; i++)
		c->fields[i] = "";
	c->value[0] = c->norm[0] = '\0';
	if (cell->has_value)
		numfmt_machine(c->value, sizeof c->value, cell->value, -1);
	if (!br->cat && br->ind->norm.present)
		numfmt_machine(c->norm, sizeof c->norm, br->ind->norm.value, -1);
	c->fields[0] = b->cols[col].code;
	c->fields[1] = b->periods[0];
	c->fields[2] = br->ind->chapter->id;
	c->fields[3] = br->ind->id;
	c->fields[4] = br->cat ? br->cat->id : "";
	c->fields[5] = c->value;
	c->fields[10] = br->cat ? br->cat->label : br->ind->label;
	c->fields[11] = unit_name(br->ind->unit);
	c->fields[13] = c->norm;
	c->fields[14] = b->periods[0];
	/* the mean against the mean of the nulmeting, of the same regions */
	c->base[0] = '\0';
	if (cell->has_base_change)
		numfmt_machine(c->base, sizeof c->base, cell->base_change, -1);
	c->fields[20] = br->base_period;
	c->fields[21] = c->base;
}

void report_bench_csv(const struct report_bench *r, FILE *out)
{
	const struct benchmark *b = &r->b;
	const char *header[REPORT_CSV_COLUMNS + EXTRA_COLUMNS];

	memcpy(header, report_csv_header, sizeof report_csv_header);
	memcpy(header + REPORT_CSV_COLUMNS, extra_header, sizeof extra_header);
	report_csv_row(out, header, REPORT_CSV_COLUMNS + EXTRA_COLUMNS);
	for (size_t col = 0; col < b->ncols; col++)
		for (size_t row = 0; row < b->nrows; row++) {
			const struct benchmark_cell *cell = benchmark_cell(b, row, col, 0);
			const char *fields[REPORT_CSV_COLUMNS + EXTRA_COLUMNS];
			struct report_csv_cells c;
			struct extra x;

			if (b->cols[col].is_mean)
				mean_fields(r, row, col, &c);
			else if (cell->f)
				report_csv_figure(&b->sets[col * b->nperiods], cell->f,
						  r->notes[col][cell->f - b->sets[col * b->nperiods].rows],
						  &c);
			else
				continue;
			memcpy(fields, c.fields, sizeof c.fields);
			extra_fields(r, row, col, &x, fields + REPORT_CSV_COLUMNS);
			report_csv_row(out, fields, REPORT_CSV_COLUMNS + EXTRA_COLUMNS);
		}
}

/* --- JSON ------------------------------------------------------------------ */

static void json_values(struct report_json *j, const struct report_bench *r, size_t row)
{
	const struct benchmark *b = &r->b;

	report_json_open(j, "values", '[');
	for (size_t col = 0; col < b->ncols; col++) {
		const struct benchmark_cell *c = benchmark_cell(b, row, col, 0);
		const struct figure *f = c->f;

		report_json_open(j, NULL, '{');
		report_json_str(j, "region", b->cols[col].code);
		/* as stored, or null: withheld, flagged away, not delivered */
		report_json_num(j, "value", c->has_value, c->value);
		report_json_str(j, "flag", f ? report_flag(f) : NULL);
		report_json_str(j, "status", f ? stoplight_name(f->light.status) : NULL);
		report_json_str(j, "reason", f ? f->light.reason : NULL);
		report_json_str(j, "value_period", f ? f->value_period : b->periods[0]);
		report_json_num(j, "difference", c->has_diff, c->diff);
		report_json_str(j, "baseline_period",
				b->rows[row].base_period[0] ? b->rows[row].base_period : NULL);
		report_json_num(j, "baseline_change", c->has_base_change, c->base_change);
		report_json_str(j, "difference_unit",
				c->has_diff ? comparison_unit_name(b->rows[row].ind) : NULL);
		report_json_num(j, "mean_n", b->cols[col].is_mean, (double)c->mean.n);
		report_json_num(j, "mean_of", b->cols[col].is_mean, (double)c->mean.of);
		report_json_close(j, '}');
	}
	report_json_close(j, ']');
}

/* An indicator at row i and its categories after it; the next row. */
static size_t json_indicator(struct report_json *j, const struct report_bench *r, size_t i)
{
	const struct benchmark *b = &r->b;
	const struct indicator *ind = b->rows[i].ind;

	report_json_open(j, NULL, '{');
	report_json_str(j, "id", ind->id);
	report_json_str(j, "label", ind->label);
	report_json_str(j, "unit", unit_name(ind->unit));
	json_values(j, r, i);
	report_json_open(j, "categories", '[');
	for (i++; i < b->nrows && b->rows[i].ind == ind && b->rows[i].cat; i++) {
		report_json_open(j, NULL, '{');
		report_json_str(j, "id", b->rows[i].cat->id);
		report_json_str(j, "label", b->rows[i].cat->label);
		json_values(j, r, i);
		report_json_close(j, '}');
	}
	report_json_close(j, ']');
	report_json_close(j, '}');
	return i;
}

void report_bench_json(const struct report_bench *r, FILE *out)
{
	const struct benchmark *b = &r->b;
	struct report_json j = { .out = out };

	report_json_open(&j, NULL, '{');
	report_json_str(&j, "title", r->cfg->monitor.title);
	report_json_str(&j, "region", b->region);
	report_json_str(&j, "period", b->periods[0]);
	report_json_str(&j, "label", b->period_labels[0]);
	report_json_str(&j, "reference", b->cols[b->reference].code);
	report_json_open(&j, "columns", '[');
	for (size_t c = 0; c < b->ncols; c++) {
		report_json_open(&j, NULL, '{');
		report_json_str(&j, "code", b->cols[c].code);
		report_json_str(&j, "name", b->cols[c].name);
		report_json_str(&j, "kind", b->cols[c].is_mean ? "mean" : "region");
		report_json_close(&j, '}');
	}
	report_json_close(&j, ']');
	report_json_open(&j, "chapters", '[');
	for (size_t i = 0; i < b->nrows;) {
		const struct chapter *ch = b->rows[i].ind->chapter;

		report_json_open(&j, NULL, '{');
		report_json_str(&j, "id", ch->id);
		report_json_str(&j, "label", ch->label);
		report_json_open(&j, "indicators", '[');
		while (i < b->nrows && b->rows[i].ind->chapter == ch)
			i = json_indicator(&j, r, i);
		report_json_close(&j, ']');
		report_json_close(&j, '}');
	}
	report_json_close(&j, ']');
	report_json_close(&j, '}');
	fputc('\n', out);
}
