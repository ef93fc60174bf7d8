/* SPDX-License-Identifier: EUPL-1.2 */
/* Loading a report and what its formats share; see include/jmon/report.h. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/report.h"
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
};

const char report_format_choices[] = "text, csv, json or md";

bool report_format_parse(const char *name, enum report_format *out)
{
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (!strcmp(name, formats[i].name)) {
			*out = (enum report_format)i;
			return true;
		}
	return false;
}

/* The explanations, fetched only for the cells figures_load marked as
 * explained: a period has a handful, the report may have hundreds of rows. */
static enum jmon_status load_notes(struct db *db, struct report *r, struct jmon_error *err)
{
	const struct figure_set *fs = &r->fs;

	r->notes = xcalloc(fs->n ? fs->n : 1, sizeof *r->notes);
	for (size_t i = 0; i < fs->n; i++) {
		const struct figure *f = &fs->rows[i];
		struct cell_key key = { f->ind->id, fs->region, fs->period,
					f->cat ? f->cat->id : "" };
		struct annotation note = { 0 };
		bool found = false;
		enum jmon_status st;

		if (!f->annotated)
			continue;
		if ((st = query_annotation(db, &key, &note, &found, err)) != JMON_OK)
			return st;
		if (found) {
			r->notes[i] = note.text;	/* the report keeps the text */
			note.text = NULL;
		}
		annotation_free(&note);
	}
	return JMON_OK;
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
	if ((st = load_notes(db, r, err)) != JMON_OK)
		report_free(r);
	return st;
}

void report_free(struct report *r)
{
	for (size_t i = 0; r->notes && i < r->fs.n; i++)
		free(r->notes[i]);
	free(r->notes);
	r->notes = NULL;
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
		/* The writers lay out the text; the escape sequences an imported
		 * name may hold are taken out of the whole of it, so no writer
		 * can forget one field.  They only write line breaks themselves. */
		char *text = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&text, &len);

		if (!mem)
			return jmon_fail(err, JMON_IO, "writing the report: %s", strerror(errno));
		formats[format].write(r, mem);
		fclose(mem);
		text_write_safe(out, text, len);
		free(text);
	} else {
		formats[format].write(r, out);
	}
	if (fflush(out) != 0 || ferror(out))
		return jmon_fail(err, JMON_IO, "writing the report: %s", strerror(errno));
	return JMON_OK;
}
