/* SPDX-License-Identifier: EUPL-1.2 */
/* Loading a report and what its formats share; see include/jmon/report.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jmon/report.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

/* text and md are read on a terminal as they are: what they quote from
 * the data (names, labels, reasons, explanations) goes through
 * text_write_safe.  csv and json escape in their own syntax. */
static const struct {
	const char *name;
	void (*write)(const struct report *, FILE *);
	bool for_terminal;
} formats[] = {
	[REPORT_TEXT] = { "text", report_text, true },
	[REPORT_CSV]  = { "csv",  report_csv,  false },
	[REPORT_JSON] = { "json", report_json, false },
	[REPORT_MD]   = { "md",   report_md,   true },
	[REPORT_XLSX] = { "xlsx", NULL,        false },	/* a file by name: report_xlsx */
};

const char report_format_choices[] = "text, csv, json, md or xlsx";

bool report_format_parse(const char *name, enum report_format *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(name, formats[i].name)) {
			*out = (enum report_format)i;
			return true;
		}
	return false;
}

bool report_format_needs_file(enum report_format format)
{
	return !formats[format].write;
}

bool report_format_for_terminal(enum report_format format)
{
	return formats[format].for_terminal;
}

FILE *report_terminal_open(struct report_terminal *t)
{
	t->text = NULL;
	t->len = 0;
	return t->mem = xopen_memstream(&t->text, &t->len);
}

void report_terminal_close(struct report_terminal *t, FILE *out)
{
	fclose(t->mem);
	text_write_safe(out, t->text, t->len, true);
	free(t->text);
}

enum report_format report_format_for_file(const char *path)
{
	static const struct {
		const char *ext;
		enum report_format format;
	} exts[] = {
		{ ".xlsx", REPORT_XLSX }, { ".md", REPORT_MD }, { ".json", REPORT_JSON },
		{ ".txt", REPORT_TEXT },
	};
	size_t len = strlen(path);

	for (size_t i = 0; i < ARRAY_SIZE(exts); i++) {
		size_t n = strlen(exts[i].ext);

		if (len > n && !strcasecmp(path + len - n, exts[i].ext))
			return exts[i].format;
	}
	return REPORT_CSV;
}

bool report_csv_dialect_parse(const char *name, enum csv_dialect *out)
{
	if (strcmp(name, "excel-nl") != 0)
		return false;
	*out = CSV_EXCEL_NL;
	return true;
}

/* The fields of an explanation as one text (the CSV's explanation, the
 * text report): a monitor's one field as written; several, each after its
 * label, with a blank line between them. */
static char *joined(const struct monitor *m, char *const *texts)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t k = 0; k < m->ntexts; k++) {
		if (!texts[k])
			continue;
		if (sb.len)
			sb_adds(&sb, "\n\n");
		if (m->ntexts > 1)
			sb_addf(&sb, "%s: ", m->texts[k].label);
		sb_adds(&sb, texts[k]);
	}
	return sb_detach(&sb);
}

/* The explanations, fetched only for the cells figures_load marked as
 * explained: a period has a handful, the report may have hundreds of rows. */
enum jmon_status report_load_notes(struct db *db, const struct monitor *m,
				   const struct figure_set *fs, char ***notes_out,
				   char ****texts_out, struct jmon_error *err)
{
	char **notes = *notes_out = xcalloc(fs->n ? fs->n : 1, sizeof *notes);
	char ***texts = xcalloc(fs->n ? fs->n : 1, sizeof *texts);
	enum jmon_status st = JMON_OK;

	for (size_t i = 0; i < fs->n && st == JMON_OK; i++) {
		const struct figure *f = &fs->rows[i];
		struct cell_key key = { f->ind->id, fs->region, fs->period,
					f->cat ? f->cat->id : "" };
		bool any = false;

		if (!f->annotated)
			continue;
		texts[i] = xcalloc(m->ntexts ? m->ntexts : 1, sizeof *texts[i]);
		for (size_t k = 0; k < m->ntexts && st == JMON_OK; k++) {
			struct annotation note = { 0 };
			bool found = false;

			st = query_annotation(db, &key, m->texts[k].id, &note, &found, err);
			if (st == JMON_OK && found) {
				texts[i][k] = note.text;	/* the report keeps the text */
				note.text = NULL;
				any = true;
			}
			annotation_free(&note);
		}
		/* a field the monitor no longer names is not reported */
		if (any)
			notes[i] = joined(m, texts[i]);
	}
	if (texts_out) {
		*texts_out = texts;
	} else {	/* only the joined text is wanted */
		for (size_t i = 0; i < fs->n; i++) {
			for (size_t k = 0; texts[i] && k < m->ntexts; k++)
				free(texts[i][k]);
			free(texts[i]);
		}
		free(texts);
	}
	return st;
}

enum jmon_status report_load(struct db *db, const struct config *cfg, const char *region,
			     const char *period, const struct chapter *chapter,
			     struct report *r, struct jmon_error *err)
{
	enum jmon_status st;

	memset(r, 0, sizeof *r);
	r->cfg = cfg;
	r->chapter = chapter;
	r->utf8 = text_utf8_locale();
	st = figures_load(db, cfg, NULL, region, period, chapter, FIGURES_BREAKDOWN, &r->fs, err);
	if (st != JMON_OK)
		return st;
	query_region_name(db, region, r->region_name, sizeof r->region_name);
	if (!strcmp(r->region_name, r->fs.region))
		r->region_name[0] = '\0';	/* no name, only the code */
	if ((st = report_load_notes(db, &cfg->monitor, &r->fs, &r->notes, &r->texts, err)))
		report_free(r);
	return st;
}

void report_free(struct report *r)
{
	for (size_t i = 0; r->notes && i < r->fs.n; i++) {
		free(r->notes[i]);
		for (size_t k = 0; r->texts[i] && k < r->cfg->monitor.ntexts; k++)
			free(r->texts[i][k]);
		free(r->texts[i]);
	}
	free(r->notes);
	free(r->texts);
	r->notes = NULL;
	r->texts = NULL;
	figures_free(&r->fs);
}

bool report_has_data(const struct report *r)
{
	for (size_t i = 0; i < r->fs.n; i++) {
		const struct figure *f = &r->fs.rows[i];
		/* what a review set counts too: a chapter of control measures
		 * (unit: none) holds nothing else */
		if ((f->now.present && !f->derived) || f->light.overridden || f->reviewed ||
		    f->annotated)
			return true;
	}
	return false;
}

enum jmon_status report_write(const struct report *r, enum report_format format, FILE *out,
			      struct jmon_error *err)
{
	if (formats[format].for_terminal) {
		struct report_terminal t;

		formats[format].write(r, report_terminal_open(&t));
		report_terminal_close(&t, out);
	} else {
		formats[format].write(r, out);
	}
	if (fflush(out) != 0 || ferror(out))
		return jmon_fail(err, JMON_IO, "writing the report: %s", strerror(errno));
	return JMON_OK;
}
