/* SPDX-License-Identifier: EUPL-1.2 */
/* CBS wide layouts: one row per region and period, a column per measure.
 * The kerncijfers extract and OData v3 Typed/UntypedDataSet CSV; see the
 * top of import_cbs.c. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jmon/import_cbs.h"
#include "jmon/import_internal.h"
#include "jmon/region.h"
#include "jmon/xmalloc.h"

enum role { ROLE_IGNORED, ROLE_REGION, ROLE_PERIOD, ROLE_KIND, ROLE_NAME, ROLE_CODE,
	    ROLE_DIMENSION, ROLE_MEASURE };

/* Columns known by name (without the _N suffix). */
static const struct {
	const char *name;
	enum role role;
} known_columns[] = {
	{ "ID", ROLE_IGNORED },
	{ "WijkenEnBuurten", ROLE_REGION },
	{ "RegioS", ROLE_REGION },
	{ "Perioden", ROLE_PERIOD },
	{ "Peildatum", ROLE_PERIOD },
	{ "SoortRegio", ROLE_KIND },
	{ "Gemeentenaam", ROLE_NAME },
	{ "Codering", ROLE_CODE },
	{ "IndelingswijzigingGemeenteWijkBuurt", ROLE_IGNORED },
};

/* SoortRegio as CBS writes it, to our region kinds. */
static const struct {
	const char *cbs, *kind;
} region_kinds[] = {
	{ "Land", "nl" }, { "Provincie", "provincie" }, { "Gemeente", "gemeente" },
	{ "Wijk", "wijk" }, { "Buurt", "buurt" },
};

/* One indicator and the columns that feed it. */
struct fed {
	const struct indicator *ind;
	int *cols;
	size_t ncols, cap;
};

struct wide {
	struct cbs_reader *r;
	int region, period, kind, name;	/* column index or -1 */
	int *dims;
	size_t ndims, capdims;
	struct fed *fed;
	size_t nfed, capfed;
	size_t ncolumns;
};

static struct fed *fed_for(struct wide *w, const struct indicator *ind)
{
	for (size_t i = 0; i < w->nfed; i++)
		if (w->fed[i].ind == ind)
			return &w->fed[i];
	ARRAY_GROW(w->fed, w->nfed, w->capfed);
	w->fed[w->nfed] = (struct fed){ .ind = ind };
	return &w->fed[w->nfed++];
}

static enum role role_of(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(known_columns); i++)
		if (cbs_base_is(name, known_columns[i].name))
			return known_columns[i].role;
	return cbs_has_suffix(name) ? ROLE_MEASURE : ROLE_DIMENSION;
}

static bool read_header(struct wide *w)
{
	struct import *im = w->r->im;
	int code = -1;

	w->region = w->period = w->kind = w->name = -1;
	w->ncolumns = im->csv.nfields;
	for (size_t k = 0; k < im->csv.nfields; k++) {
		struct csv_field *f = &im->csv.fields[k];
		const struct indicator *ind = NULL;

		csv_trim(f);
		switch (role_of(f->s)) {
		case ROLE_IGNORED:
			break;
		case ROLE_REGION: w->region = (int)k; break;
		case ROLE_PERIOD: w->period = (int)k; break;
		case ROLE_KIND: w->kind = (int)k; break;
		case ROLE_NAME: w->name = (int)k; break;
		case ROLE_CODE: code = (int)k; break;
		case ROLE_DIMENSION:
			ARRAY_GROW(w->dims, w->ndims, w->capdims);
			w->dims[w->ndims++] = (int)k;
			break;
		case ROLE_MEASURE:
			while ((ind = cbs_indicator_for(im->cfg, f->s, cbs_base_length(f->s), ind))) {
				struct fed *fd = fed_for(w, ind);

				ARRAY_GROW(fd->cols, fd->ncols, fd->cap);
				fd->cols[fd->ncols++] = (int)k;
			}
			break;
		}
	}
	if (w->region < 0)
		w->region = code;
	if (w->region < 0)
		diag_add(im->diag, im->name, 1, 1, "no region column (WijkenEnBuurten or RegioS)");
	if (w->period < 0)
		diag_add(im->diag, im->name, 1, 1, "no period column (Perioden or Peildatum)");
	return w->region >= 0 && w->period >= 0;
}

static const char *kind_of(struct wide *w)
{
	struct csv_field *f;

	if (w->kind < 0)
		return NULL;
	f = &w->r->im->csv.fields[w->kind];
	csv_trim(f);
	for (size_t i = 0; i < ARRAY_SIZE(region_kinds); i++)
		if (strcasecmp(f->s, region_kinds[i].cbs) == 0)
			return region_kinds[i].kind;
	return NULL;
}

/* The region of this row, put in the region table.  NULL if reported. */
static const char *row_region(struct wide *w, enum jmon_status *rc, struct jmon_error *err)
{
	struct import *im = w->r->im;
	struct csv_field *code = &im->csv.fields[w->region];
	const char *kind = kind_of(w), *name = NULL;

	csv_trim(code);
	if (code->len == 0) {
		import_error(im, code, "empty region code");
		return NULL;
	}
	if (!kind && !region_kind_of_code(code->s)) {
		int known = import_region(im, code->s, code, err);

		if (known < 0)
			*rc = JMON_IO;
		return known > 0 ? import_region_code(im, code->s) : NULL;
	}
	/* Gemeentenaam names the gemeente on every row, also a wijk's. */
	if (w->name >= 0 && kind && strcmp(kind, "gemeente") == 0) {
		csv_trim(&im->csv.fields[w->name]);
		if (im->csv.fields[w->name].len)
			name = im->csv.fields[w->name].s;
	}
	if ((*rc = import_put_region(im, code->s, name, kind, NULL, err)) != JMON_OK)
		return NULL;
	return import_region_code(im, code->s);	/* kept with the cell, past this record */
}

static bool row_period(struct wide *w, struct period *p)
{
	struct import *im = w->r->im;
	struct csv_field *f = &im->csv.fields[w->period];

	csv_trim(f);
	if (period_parse(f->s, f->len, p) || period_parse_dutch_date(f->s, f->len, p))
		return true;
	import_error(im, f, "malformed period '%s'", f->s);
	return false;
}

/* The cell of one indicator in this row, from all the columns feeding it. */
static void row_cell(struct wide *w, struct fed *fd, const char *region, const struct period *p)
{
	struct import *im = w->r->im;
	struct cbs_cell cell = { region, fd->ind, NULL, *p, CELL_EMPTY, false, 0 };
	int value_col = -1;

	for (size_t i = 0; i < w->ndims; i++) {
		struct csv_field *f = &im->csv.fields[w->dims[i]];
		const struct category *cat;
		bool skip;

		csv_trim(f);
		cat = cbs_category_for(fd->ind, f->s, &skip);
		if (skip || (cat && cell.cat))
			return;	/* a breakdown the indicator does not ask for */
		if (cat)
			cell.cat = cat;
	}
	for (size_t i = 0; i < fd->ncols; i++) {
		struct csv_field *f = &im->csv.fields[fd->cols[i]];
		struct cbs_cell one = cell;

		if (!cbs_read_cell(w->r, f, &one))
			return;
		if (one.state == CELL_VALUE && value_col >= 0 && one.value != cell.value) {
			import_error(im, f, "%s: a second, different value for %s (column %d has one)",
				     fd->ind->id, fd->ind->cbs.measure, value_col + 1);
			return;
		}
		if (one.state > cell.state) {
			cell.state = one.state;
			cell.value = one.value;
		}
		if (one.state == CELL_VALUE)
			value_col = fd->cols[i];
	}
	cbs_add_cell(w->r, &cell, &im->csv.fields[fd->cols[0]]);
}

enum jmon_status cbs_read_wide(struct cbs_reader *r, struct jmon_error *err)
{
	struct wide w = { .r = r };
	struct import *im = r->im;
	enum jmon_status rc = JMON_OK;

	if (!read_header(&w))
		goto out;
	while (rc == JMON_OK && import_next_row(im, w.ncolumns)) {
		const char *region;
		struct period p;

		region = row_region(&w, &rc, err);
		if (!row_period(&w, &p) || !region)
			continue;
		for (size_t i = 0; i < w.nfed; i++)
			row_cell(&w, &w.fed[i], region, &p);
	}
out:
	for (size_t i = 0; i < w.nfed; i++)
		free(w.fed[i].cols);
	free(w.fed);
	free(w.dims);
	return rc;
}
