/* SPDX-License-Identifier: EUPL-1.2 */
/* The StatLine web CSV export (opendata.cbs.nl "download as CSV"):
 *
 *	"Bevolking; geslacht, leeftijd en viercijferige postcode, 1 januari"   title
 *	"Geslacht: Totaal mannen en vrouwen"                                    filters
 *	"";"";""
 *	"";"";"Perioden";"2022";"2022";...                                      header 1
 *	"Onderwerp";"Leeftijd";"Postcode";"Nederland";"1309";...                header 2
 *	"Bevolking";"Totaal leeftijd";"aantal";"17590672";"35";...               data
 *	"Bron: CBS"                                                             footer
 *
 * The first header row holds one dimension across the columns, the second
 * the other (periods and regions, either way round); before them, at
 * column k, their names, and left of k the names of the row dimensions.
 * In data rows column k holds the unit.  The subject ("Onderwerp") is the
 * measure; the other row dimensions choose the category. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jmon/db_internal.h"
#include "jmon/import_cbs.h"
#include "jmon/import_internal.h"
#include "jmon/region.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

struct statline {
	struct cbs_reader *r;
	size_t k;		/* the column of the header names, and of the unit */
	size_t ncolumns;
	size_t measure;		/* the row dimension that holds the subject */
	const char **region;	/* per column > k */
	struct period *period;
	bool *provisional;
};

/* StatLine period labels: "2022", "2022 1e kwartaal", "2022 2e halfjaar",
 * "2022 januari"; a trailing "*" (or "**") marks provisional figures. */
static bool parse_label(struct csv_field *f, struct period *p, bool *provisional)
{
	char *s = f->s;
	size_t len = f->len;
	int n;

	*provisional = false;
	while (len > 0 && s[len - 1] == '*') {
		*provisional = true;
		len--;
	}
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (period_parse(s, len, p))
		return true;
	if (len < 6 || !period_parse(s, 4, p) || s[4] != ' ')
		return false;
	s += 5;
	len -= 5;
	if (len >= 3 && isdigit((unsigned char)s[0]) && strncmp(s + 1, "e ", 2) == 0) {
		n = s[0] - '0';
		if (len == 11 && strncmp(s + 3, "kwartaal", 8) == 0 && n >= 1 && n <= 4) {
			*p = (struct period){ PERIOD_QUARTER, p->year, n, 0 };
			return true;
		}
		if (len == 11 && strncmp(s + 3, "halfjaar", 8) == 0 && n >= 1 && n <= 2) {
			*p = (struct period){ PERIOD_HALF, p->year, n, 0 };
			return true;
		}
		return false;
	}
	for (int m = 1; m <= 12; m++) {
		const char *name = period_month_name(m);

		if (strlen(name) == len && strncmp(s, name, len) == 0) {
			*p = (struct period){ PERIOD_MONTH, p->year, m, 0 };
			return true;
		}
	}
	return false;
}

static const char sql_region_by_name[] =
	"SELECT code FROM region WHERE name = ?1 COLLATE NOCASE LIMIT 2";

/* A region label across the top: "Nederland", a four-digit postcode, a CBS
 * code, or the name of a known region.  NULL if reported. */
static const char *region_label(struct statline *s, struct csv_field *f, enum jmon_status *rc,
				struct jmon_error *err)
{
	struct import *im = s->r->im;
	sqlite3_stmt *st;
	int step;
	char *code = NULL;
	const char *name = f->s, *kind = NULL;

	if (strcasecmp(f->s, "Nederland") == 0) {
		code = xstrdup("NL01");
		kind = "nl";
	} else if (f->len == 4 && strspn(f->s, "0123456789") == 4) {
		code = xasprintf("PC%s", f->s);
		kind = "postcode";
	} else if (region_kind_of_code(f->s)) {
		code = xstrdup(f->s);
		name = NULL;
	}
	if (code) {
		*rc = import_put_region(im, code, name, kind, NULL, err);
		return cbs_own(s->r, code);
	}
	if (!(st = db_prepare(im->db, sql_region_by_name, err))) {
		*rc = JMON_IO;
		return NULL;
	}
	db_bind_text(st, 1, f->s);
	/* A failing step is the database's error, not an unknown region. */
	if ((step = sqlite3_step(st)) == SQLITE_ROW) {
		code = xstrdup(db_column_text(st, 0));
		if ((step = sqlite3_step(st)) == SQLITE_DONE)
			return cbs_own(s->r, code);
		free(code);
		if (step == SQLITE_ROW) {
			import_error(im, f, "region name '%s' is not unique; use its code", f->s);
			return NULL;
		}
	}
	if (step == SQLITE_DONE) {
		import_error(im, f, "unknown region '%s'", f->s);
		return NULL;
	}
	*rc = db_fail(im->db, err, "reading regions");
	return NULL;
}

/* Find the two header rows; false (reported) when there are none. */
static bool find_header(struct statline *s)
{
	struct csv *c = &s->r->im->csv;

	while (csv_read(c, s->r->im->diag) > 0) {
		size_t k = 0;

		while (k < c->nfields && (csv_trim(&c->fields[k]), c->fields[k].len == 0))
			k++;
		if (c->nfields >= 3 && k >= 1 && k + 1 < c->nfields) {
			s->k = k;
			s->ncolumns = c->nfields;
			return true;
		}
	}
	diag_add(s->r->im->diag, s->r->im->name, c->line, 1,
		 "no header rows found (a StatLine export has two, with \"Perioden\" in one)");
	return false;
}

/* The copies of the first header row; csv_trim moves a field's s past
 * its blanks, so they are freed from copies[], never from the fields. */
static void free_names(struct csv_field *names, char **copies, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(copies[i]);
	free(copies);
	free(names);
}

/* Read the two header rows into per-column regions and periods. */
static enum jmon_status read_header(struct statline *s, struct jmon_error *err)
{
	struct import *im = s->r->im;
	struct csv *c = &im->csv;
	struct csv_field *names[2];
	char **copies;
	enum jmon_status rc = JMON_OK;
	bool periods_first;

	if (!find_header(s))
		return JMON_OK;
	periods_first = strcasecmp(c->fields[s->k].s, "Perioden") == 0;
	s->region = xcalloc(s->ncolumns, sizeof *s->region);
	s->period = xcalloc(s->ncolumns, sizeof *s->period);
	s->provisional = xcalloc(s->ncolumns, sizeof *s->provisional);
	/* Both rows are needed at once, but the reader keeps one record
	 * (its strings last until the next): copy the first row's. */
	names[0] = xmalloc(s->ncolumns * sizeof **names);
	memcpy(names[0], c->fields, s->ncolumns * sizeof **names);
	copies = xmalloc(s->ncolumns * sizeof *copies);
	for (size_t i = 0; i < s->ncolumns; i++) {
		/* all len bytes: a field of a bad record may hold a NUL */
		copies[i] = xmalloc(names[0][i].len + 1);
		memcpy(copies[i], names[0][i].s, names[0][i].len);
		copies[i][names[0][i].len] = '\0';
		names[0][i].s = copies[i];
	}
	if (csv_read(c, im->diag) <= 0 || c->nfields != s->ncolumns) {
		diag_add(im->diag, im->name, c->record_line, 1,
			 "the second header row should have %zu fields", s->ncolumns);
		free_names(names[0], copies, s->ncolumns);
		return JMON_OK;
	}
	names[1] = c->fields;
	csv_trim(&names[1][s->k]);
	if (!periods_first && strcasecmp(names[1][s->k].s, "Perioden") != 0)
		import_error(im, &names[0][s->k], "neither header row is \"Perioden\"");
	for (size_t i = 0; i < s->k; i++) {
		csv_trim(&names[1][i]);
		if (strncasecmp(names[1][i].s, "Onderwerp", 9) == 0)
			s->measure = i;
	}
	for (size_t j = s->k + 1; j < s->ncolumns && rc == JMON_OK; j++) {
		struct csv_field *pf = &names[periods_first ? 0 : 1][j];
		struct csv_field *rf = &names[periods_first ? 1 : 0][j];

		csv_trim(pf);
		csv_trim(rf);
		if (!parse_label(pf, &s->period[j], &s->provisional[j]))
			import_error(im, pf, "malformed period '%s'", pf->s);
		s->region[j] = region_label(s, rf, &rc, err);
	}
	free_names(names[0], copies, s->ncolumns);
	return rc;
}

static void read_row(struct statline *s)
{
	struct import *im = s->r->im;
	struct csv_field *f = im->csv.fields;
	const struct indicator *ind = NULL;

	csv_trim(&f[s->measure]);
	while ((ind = cbs_indicator_for(im->cfg, f[s->measure].s, f[s->measure].len, ind))) {
		struct cbs_cell cell = { .ind = ind };
		bool skip = false;

		for (size_t i = 0; i < s->k && !skip; i++) {
			const struct category *cat;

			if (i == s->measure)
				continue;
			csv_trim(&f[i]);
			cat = cbs_category_for(ind, f[i].s, &skip);
			skip = skip || (cat && cell.cat);
			if (cat)
				cell.cat = cat;
		}
		for (size_t j = s->k + 1; j < s->ncolumns && !skip; j++) {
			struct cbs_cell one = cell;

			if (!s->region[j])
				continue;
			one.region = s->region[j];
			one.period = s->period[j];
			one.provisional = s->provisional[j];
			if (cbs_read_cell(s->r, &f[j], &one))
				cbs_add_cell(s->r, &one, &f[j]);
		}
	}
}

enum jmon_status cbs_read_statline(struct cbs_reader *r, struct jmon_error *err)
{
	struct statline s = { .r = r };
	struct csv_field *title = &r->im->csv.fields[0];
	const char *tab = memchr(title->s, '\t', title->len);
	enum jmon_status rc;

	/* One field to the line is a StatLine title, or a file separated by
	 * tabs, which jmon does not read: say that, not that its StatLine
	 * header rows are missing (past the end of the file). */
	if (tab && !title->quoted) {
		struct csv_field at = { .line = title->line, .col = title->col +
					(long)utf8_length(title->s, (size_t)(tab - title->s)) };

		import_error(r->im, &at, "a tab between fields: jmon reads files separated by "
			     "commas or semicolons");
		return JMON_OK;
	}
	rc = read_header(&s, err);

	/* Under the table, its notes: "Bron: CBS". */
	while (rc == JMON_OK && import_next_table_row(r->im, s.ncolumns))
		read_row(&s);
	free(s.region);
	free(s.period);
	free(s.provisional);
	return rc;
}
