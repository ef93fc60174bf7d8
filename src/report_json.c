/* SPDX-License-Identifier: EUPL-1.2 */
/* The report as JSON: the same content as the other formats, structured
 * for a program (a dashboard, the council's publication system):
 *
 *   {region, region_name, period, label, previous_label, delivery, ...,
 *    chapters: [{id, label, indicators: [{id, label, unit, value, flag,
 *      value_period, value_period_label, change, baseline_period, baseline_change, norm,
 *      status, reason, overridden, source_status, source, reviewed, reviewed_by,
 *      reviewed_at, revised, annotation, formula, n (with n_from), texts: {FIELD: text, ...},
 *      categories: [{id, label, value, flag, change, status, ...}]}]}]}
 *
 * Numbers are in machine form; a value that is withheld, flagged away or
 * not delivered is null (its flag says which), never 0.  Output is
 * indented two spaces a level, one member a line, so it also diffs well. */
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/report.h"
#include "jmon/report_fields.h"
#include "jmon/text.h"

/* --- strings ---------------------------------------------------------------- */

void report_json_string(FILE *out, const char *str)
{
	static const char short_escapes[] = "\b" "b" "\f" "f" "\n" "n" "\r" "r" "\t" "t";
	const unsigned char *s = (const unsigned char *)str;
	const char *end = str + strlen(str);

	fputc('"', out);
	while (*s) {
		const char *e = *s < 0x20 ? strchr(short_escapes, *s) : NULL;
		bool control;
		uint32_t c;
		int n;

		if (*s == '"' || *s == '\\') {
			fprintf(out, "\\%c", *s++);
		} else if (e) {
			fprintf(out, "\\%c", e[1]);
			s++;
		} else if (*s < 0x20) {
			fprintf(out, "\\u%04x", *s++);
		} else if (*s < 0x80 && *s != 0x7f) {
			fputc(*s++, out);
		} else if ((n = (int)text_char((const char *)s, end, &control, &c)) && !control) {
			fwrite(s, 1, (size_t)n, out);	/* UTF-8 passes through */
			s += n;
		} else if (n > 1 || *s == 0x7f) {
			/* DEL, C1 and bidirectional controls: valid JSON raw, but
			 * whoever prints the string to a terminal would run them */
			fprintf(out, "\\u%04x", (unsigned)c);
			s += n;
		} else {
			/* JSON must be UTF-8: a stray byte becomes U+FFFD */
			fputs("\\ufffd", out);
			s++;
		}
	}
	fputc('"', out);
}

/* --- a small writer: members one a line, commas where they belong ---------- */


static void json_next(struct report_json *j)
{
	if (j->more[j->depth])
		fputc(',', j->out);
	fprintf(j->out, "\n%*s", 2 * j->depth, "");
	j->more[j->depth] = true;
}

static void json_key(struct report_json *j, const char *name)
{
	json_next(j);
	report_json_string(j->out, name);
	fputs(": ", j->out);
}

static void json_open(struct report_json *j, const char *name, char bracket)
{
	if (name)
		json_key(j, name);
	else if (j->depth > 0)
		json_next(j);
	fputc(bracket, j->out);
	j->more[++j->depth] = false;
}

static void json_close(struct report_json *j, char bracket)
{
	bool had_members = j->more[j->depth--];

	if (had_members)
		fprintf(j->out, "\n%*s", 2 * j->depth, "");
	fputc(bracket, j->out);
}

static void json_str(struct report_json *j, const char *name, const char *s)
{
	json_key(j, name);
	if (s)
		report_json_string(j->out, s);
	else
		fputs("null", j->out);
}

static void json_num(struct report_json *j, const char *name, bool has, double v)
{
	char buf[NUMFMT_MAX];

	json_key(j, name);
	fputs(has ? numfmt_machine(buf, sizeof buf, v, -1) : "null", j->out);
}

static void json_bool(struct report_json *j, const char *name, bool b)
{
	json_key(j, name);
	fputs(b ? "true" : "false", j->out);
}

/* --- the report --------------------------------------------------------------- */

/* Each text field of the explanation by its id (monitor.texts), the
 * annotation above being all of them joined. */
static void texts(struct report_json *j, const struct report *r, size_t i)
{
	const struct monitor *m = &r->cfg->monitor;

	json_open(j, "texts", '{');
	for (size_t k = 0; r->texts[i] && k < m->ntexts; k++)
		if (r->texts[i][k])
			json_str(j, m->texts[k].id, r->texts[i][k]);
	json_close(j, '}');
}

/* The members an indicator's total and a category row share. */
static void json_figure(struct report_json *j, const struct report *r, size_t i)
{
	const struct figure *f = &r->fs.rows[i];
	char value[NUMFMT_MAX], reason[STOPLIGHT_REASON_MAX + 96];

	json_str(j, "id", f->cat ? f->cat->id : f->ind->id);
	json_str(j, "label", f->cat ? f->cat->label : f->ind->label);
	if (!f->cat)
		json_str(j, "unit", unit_name(f->ind->unit));
	json_key(j, "value");
	fputs(*report_value_machine(f, value, sizeof value) ? value : "null", j->out);
	json_str(j, "flag", report_flag(f));
	/* the period the value belongs to: the report's, or the one it is
	 * shown as of (the change is against that period's previous one) */
	json_str(j, "value_period", f->value_period);
	json_str(j, "value_period_label", f->value_label);
	json_num(j, "change", f->has_change, f->change);
	json_str(j, "baseline_period", f->base_period[0] ? f->base_period : NULL);
	json_num(j, "baseline_change", f->has_base_change, f->base_change);
	if (!f->cat && f->ind->norm.present) {
		json_open(j, "norm", '{');
		json_num(j, "value", true, f->ind->norm.value);
		json_str(j, "label", f->ind->norm.label);
		json_close(j, '}');
	} else if (!f->cat) {
		json_str(j, "norm", NULL);
	}
	json_str(j, "status", stoplight_name(f->light.status));
	json_str(j, "reason", figure_report_reason(f, reason, sizeof reason));
	/* a year of some of its parts, not rolled up: "3 van 4 kwartalen" */
	json_str(j, "incomplete", f->incomplete[0] && f->ind->rollup != ROLLUP_NONE
				  ? f->incomplete : NULL);
	json_bool(j, "overridden", f->light.overridden);
	/* the document's own status (the reviews import): not a review */
	if (!f->cat) {
		json_str(j, "source_status", f->sourced ? stoplight_name(f->source_status) : NULL);
		json_str(j, "source", f->sourced ? f->source_file : NULL);
	}
	json_bool(j, "reviewed", f->reviewed);
	json_bool(j, "review_outdated", f->review_outdated);
	json_str(j, "reviewed_by", f->reviewed ? f->review_by : NULL);
	json_str(j, "reviewed_at", f->reviewed ? f->review_at : NULL);
	json_bool(j, "revised", f->revised);
	json_str(j, "annotation", r->notes[i]);
	if (!f->cat) {	/* null for a delivered figure */
		char formula[512];

		indicator_formula(f->ind, FORMULA_IDS, formula, sizeof formula);
		json_str(j, "formula", formula[0] ? formula : NULL);
	}
	if (f->ind->n_from)
		json_num(j, "n", f->has_n && !f->withheld, f->n);
	texts(j, r, i);
}

/* An indicator: its total row at i, its category rows after it. */
static size_t indicator(struct report_json *j, const struct report *r, size_t i, size_t end)
{
	const struct indicator *ind = r->fs.rows[i].ind;

	json_open(j, NULL, '{');
	json_figure(j, r, i);
	json_open(j, "categories", '[');
	for (i++; i < end && r->fs.rows[i].ind == ind; i++) {
		json_open(j, NULL, '{');
		json_figure(j, r, i);
		json_close(j, '}');
	}
	json_close(j, ']');
	json_close(j, '}');
	return i;
}

static void header(struct report_json *j, const struct report *r)
{
	const struct figure_set *fs = &r->fs;

	json_str(j, "title", r->cfg->monitor.title);
	json_str(j, "region", fs->region);
	json_str(j, "region_name", r->region_name[0] ? r->region_name : NULL);
	json_str(j, "period", fs->period);
	json_str(j, "label", fs->label);
	json_str(j, "previous_label", fs->prev_label);
	json_num(j, "delivery", fs->delivery > 0, (double)fs->delivery);
	json_bool(j, "provisional", fs->provisional);
	json_open(j, "status_count", '{');
	for (int s = 0; s < STOPLIGHT_NSTATUS; s++)
		json_num(j, stoplight_name((enum stoplight_status)s), true, fs->status_count[s]);
	json_close(j, '}');
	json_num(j, "indicator_count", true, fs->indicators);
	json_num(j, "reviewed_count", true, fs->reviewed);
	/* the signals: amber or red, themselves or in a category */
	json_num(j, "signal_count", true, fs->signals);
	json_num(j, "signals_reviewed_count", true, fs->signals_reviewed);
}

void report_json(const struct report *r, FILE *out)
{
	struct report_json j = { .out = out };
	const struct figure_set *fs = &r->fs;

	json_open(&j, NULL, '{');
	header(&j, r);
	json_open(&j, "chapters", '[');
	for (size_t i = 0; i < fs->n;) {
		const struct chapter *ch = fs->rows[i].ind->chapter;
		size_t end = report_chapter_end(r, i);

		json_open(&j, NULL, '{');
		json_str(&j, "id", ch->id);
		json_str(&j, "label", ch->label);
		json_open(&j, "indicators", '[');
		while (i < end)
			i = indicator(&j, r, i, end);
		json_close(&j, ']');
		json_close(&j, '}');
	}
	json_close(&j, ']');
	json_close(&j, '}');
	fputc('\n', out);
}

/* The writer for the other JSON of the reports (src/report_bench.c). */
void report_json_open(struct report_json *j, const char *name, char bracket)
{
	json_open(j, name, bracket);
}

void report_json_close(struct report_json *j, char bracket)
{
	json_close(j, bracket);
}

void report_json_str(struct report_json *j, const char *name, const char *s)
{
	json_str(j, name, s);
}

void report_json_num(struct report_json *j, const char *name, bool has, double v)
{
	json_num(j, name, has, v);
}
