/* SPDX-License-Identifier: EUPL-1.2 */
/* What every format reader does with a row: messages at a field, the
 * header mapped onto columns, the next data row, flags, progress.  A leaf
 * of the importer: it calls neither src/import.c nor a reader, so both can
 * call it.  See include/jmon/import_internal.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "jmon/import_internal.h"
#include "jmon/xmalloc.h"

void import_error(struct import *im, const struct csv_field *f, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	/* diag_add shows a line break or a control in the quoted field
	 * escaped: every message stays one FILE:LINE:COLUMN line */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(im->diag, im->name, f->line, f->col, "%s", msg);
}

/* --- headers ---------------------------------------------------------------- */

bool import_map_header(struct import *im, const struct import_column *aliases, size_t naliases,
		       const char *const *column_names, int *pos, int ncolumns,
		       unsigned required)
{
	int before = im->diag->count;

	for (int i = 0; i < ncolumns; i++)
		pos[i] = -1;
	for (size_t k = 0; k < im->csv.nfields; k++) {
		struct csv_field *f = &im->csv.fields[k];
		size_t a;

		csv_trim(f);
		for (a = 0; a < naliases; a++)
			if (strcasecmp(f->s, aliases[a].name) == 0)
				break;
		if (a == naliases) {
			import_error(im, f, "unknown column '%s'", f->s);
			continue;
		}
		if (pos[aliases[a].column] >= 0) {
			import_error(im, f, "column '%s' given twice", column_names[aliases[a].column]);
			continue;
		}
		pos[aliases[a].column] = (int)k;
	}
	for (int i = 0; i < ncolumns; i++)
		if ((required & 1u << i) && pos[i] < 0)
			diag_add(im->diag, im->name, im->csv.record_line, 1,
				 "missing column '%s'", column_names[i]);
	return im->diag->count == before;
}

/* --- flags (numbers are in import_number.c) ------------------------------ */

static const struct {
	const char *written;	/* as it may appear in a file */
	const char *stored;
	bool has_value;
} flags[] = {
	{ "",            "",            true },
	{ "provisional", "provisional", true },
	{ "voorlopig",   "provisional", true },
	{ "suppressed",  "suppressed",  false },
	{ "geheim",      "suppressed",  false },
	{ "unknown",     "unknown",     false },
	{ "onbekend",    "unknown",     false },
	{ "na",          "na",          false },
	{ "nvt",         "na",          false },
	{ "n.v.t.",      "na",          false },
};

const char *import_flag(const char *s, bool *has_value)
{
	for (size_t i = 0; i < ARRAY_SIZE(flags); i++)
		if (strcasecmp(s, flags[i].written) == 0) {
			*has_value = flags[i].has_value;
			return flags[i].stored;
		}
	return NULL;
}

/* --- rows and progress ------------------------------------------------------- */

double import_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void import_row_done(struct import *im)
{
	double t, pct;

	im->res->rows++;
	if (!im->opt->progress || im->res->rows % 4096 != 0)
		return;
	t = import_clock();
	if (t - im->shown < 0.2)
		return;
	im->shown = t;
	if (im->csv.size > 0) {
		pct = 100.0 * (double)csv_offset(&im->csv) / (double)im->csv.size;
		fprintf(stderr, "\r%s: %ld rows, %.0f%%, %.0f rows/s ", im->name, im->res->rows,
			pct, (double)im->res->rows / (t - im->started));
	} else {	/* a pipe: how far, not how much is left */
		fprintf(stderr, "\r%s: %ld rows, %.0f rows/s ", im->name, im->res->rows,
			(double)im->res->rows / (t - im->started));
	}
	fflush(stderr);
}

/* Rows up to the end of the file, or (footer) up to the first record of a
 * single field, which is not a row. */
static bool next_row(struct import *im, size_t ncolumns, bool footer)
{
	struct csv *c = &im->csv;

	while (!im->restart && csv_read(c, im->diag) > 0) {
		if (footer && c->nfields == 1)
			return false;
		import_row_done(im);
		if (c->bad)
			continue;
		if (c->nfields != ncolumns) {
			/* at the first field too many, or at the start of a short row */
			struct csv_field *at = c->nfields > ncolumns ? &c->fields[ncolumns] : NULL;

			diag_add(im->diag, im->name, at ? at->line : c->record_line, at ? at->col : 1,
				 "%zu fields, expected %zu", c->nfields, ncolumns);
			continue;
		}
		return true;
	}
	return false;
}

bool import_next_row(struct import *im, size_t ncolumns)
{
	return next_row(im, ncolumns, false);
}

bool import_next_table_row(struct import *im, size_t ncolumns)
{
	return next_row(im, ncolumns, true);
}
