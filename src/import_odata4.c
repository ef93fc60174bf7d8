/* SPDX-License-Identifier: EUPL-1.2 */
/* CBS OData v4 observations (jmon-import(5), CBS ODATA V4), as cbsodata4
 * for R and the Python clients save them:
 *
 *	Id,Measure,ValueAttribute,Value,StringValue,VerwijzerJeugdzorg,RegioS,Perioden
 *	0,M004127,None,2655,,T001228,GM0034,2022JJ00
 *	1,M004127,Confidential,,,A049381,GM0034,2022JJ00
 *
 * one row per value, beside the code lists MeasureCodes.csv,
 * PeriodenCodes.csv, RegioSCodes.csv and <Dimension>Codes.csv
 * (src/import_odata4_codes.c).
 *
 * - Measure: an indicator takes the rows whose measure its cbs.measure
 *   names, by code (M004127) or by the Title MeasureCodes gives it.  A
 *   measure no indicator asks for is left alone; a file none of whose
 *   measures feeds an indicator is refused, since importing nothing
 *   without a word is how a misspelt cbs.measure goes unnoticed.
 * - RegioS (or WijkenEnBuurten) and Perioden as in OData v3, codes trimmed;
 *   RegioSCodes names the regions, PeriodenCodes' Status "Voorlopig" (and
 *   "Nader voorlopig") makes a value provisional.
 * - every other column but Id and StringValue is a dimension: its code,
 *   or the Title its code list gives it, chooses the indicator's category
 *   as in OData v3 (a T00 code or a "Totaal" title is the total).
 * - ValueAttribute: None or empty is a value, so an empty Value (or a JSON
 *   null) beside it is an error.  Any other attribute with an empty Value
 *   is a flag: Impossible (the cell cannot occur) is na, the rest
 *   (Confidential, and whatever else CBS marks) suppressed.  Never a 0.
 * - Value is a machine number ("11.4", "1e+05"), never with a decimal comma:
 *   the API writes JSON numbers.  Its digits and range are those of every
 *   other layout (import_machine_number).  cbs.decimals does not apply, the
 *   value is the figure itself. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jmon/import_cbs.h"
#include "jmon/import_odata4.h"
#include "jmon/region.h"
#include "jmon/strbuf.h"
#include "jmon/xmalloc.h"

enum role { ROLE_IGNORED, ROLE_MEASURE, ROLE_ATTRIBUTE, ROLE_VALUE, ROLE_REGION, ROLE_PERIOD,
	    ROLE_DIMENSION };

static const struct {
	const char *name;
	enum role role;
} known_columns[] = {
	{ "Id", ROLE_IGNORED },
	{ "StringValue", ROLE_IGNORED },
	{ "Measure", ROLE_MEASURE },
	{ "ValueAttribute", ROLE_ATTRIBUTE },
	{ "Value", ROLE_VALUE },
	{ "RegioS", ROLE_REGION },
	{ "WijkenEnBuurten", ROLE_REGION },
	{ "Perioden", ROLE_PERIOD },
};

/* A measure of the table and the indicators it feeds. */
struct measure {
	char *code;
	const struct indicator **inds;
	size_t ninds;
	bool unlisted;		/* not in MeasureCodes: reported */
};

/* A region of the file: its code kept for the cells (which outlive the
 * row), made sure of once. */
struct region_seen {
	char *code;
	bool ok;
};

struct dimension {
	int col;
	struct odata4_codes codes;
};

struct v4 {
	struct import *im;
	int measure, attribute, value, region, period;	/* column index or -1 */
	size_t ncolumns;
	struct dimension *dims;
	size_t ndims, capdims;
	struct odata4_codes measure_codes, period_codes, region_codes;
	struct measure *measures;
	size_t nmeasures, capmeasures;
	struct region_seen *regions;
	size_t nregions, capregions, last_region;
	bool fed;		/* some row fed an indicator */
};

static enum role role_of(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(known_columns); i++)
		if (strcasecmp(name, known_columns[i].name) == 0)
			return known_columns[i].role;
	return ROLE_DIMENSION;
}

/* The indicators whose cbs.measure names this code or its title. */
static void measure_feeds(struct v4 *v, struct measure *m)
{
	const struct odata4_code *mc = odata4_code(&v->measure_codes, m->code);
	size_t cap = 0;

	for (size_t c = 0; c < v->im->cfg->nchapters; c++)
		for (size_t i = 0; i < v->im->cfg->chapters[c].nindicators; i++) {
			const struct indicator *ind = &v->im->cfg->chapters[c].indicators[i];
			const char *want = ind->cbs.measure;

			if (!want || !(cbs_loose_equal(want, m->code) ||
				       (mc && *mc->title && cbs_loose_equal(want, mc->title))))
				continue;
			ARRAY_GROW(m->inds, m->ninds, cap);
			m->inds[m->ninds++] = ind;
		}
}

/* The measure of this row; NULL (reported) when MeasureCodes lists the
 * table's measures and this is not one of them. */
static const struct measure *measure_of(struct v4 *v, struct csv_field *f)
{
	struct measure *m;

	for (size_t i = v->nmeasures; i-- > 0;)
		if (strcmp(v->measures[i].code, f->s) == 0)
			return v->measures[i].unlisted ? NULL : &v->measures[i];
	ARRAY_GROW(v->measures, v->nmeasures, v->capmeasures);
	m = &v->measures[v->nmeasures++];
	*m = (struct measure){ xstrdup(f->s), NULL, 0, false };
	/* once per measure: the file is refused anyway, and a million rows
	 * of the same message say nothing more */
	if (v->measure_codes.path && !odata4_code(&v->measure_codes, f->s)) {
		import_error(v->im, f, "measure '%s' is not in %s", f->s, v->measure_codes.path);
		m->unlisted = true;
		return NULL;
	}
	measure_feeds(v, m);
	return m;
}

static bool read_header(struct v4 *v, const char *path)
{
	struct import *im = v->im;

	v->measure = v->attribute = v->value = v->region = v->period = -1;
	v->ncolumns = im->csv.nfields;
	for (size_t k = 0; k < im->csv.nfields; k++) {
		struct csv_field *f = &im->csv.fields[k];
		struct dimension *d;
		char *list;

		csv_trim(f);
		switch (role_of(f->s)) {
		case ROLE_IGNORED: break;
		case ROLE_MEASURE: v->measure = (int)k; break;
		case ROLE_ATTRIBUTE: v->attribute = (int)k; break;
		case ROLE_VALUE: v->value = (int)k; break;
		case ROLE_REGION: v->region = (int)k; break;
		case ROLE_PERIOD: v->period = (int)k; break;
		case ROLE_DIMENSION:
			ARRAY_GROW(v->dims, v->ndims, v->capdims);
			d = &v->dims[v->ndims++];
			d->col = (int)k;
			list = xasprintf("%sCodes", f->s);
			odata4_codes_load(im, path, list, &d->codes);
			free(list);
			break;
		}
	}
	static const struct { const char *name; size_t off; } required[] = {
		{ "Measure", offsetof(struct v4, measure) },
		{ "Value", offsetof(struct v4, value) },
		{ "RegioS", offsetof(struct v4, region) },
		{ "Perioden", offsetof(struct v4, period) },
	};
	for (size_t i = 0; i < ARRAY_SIZE(required); i++)
		if (*(int *)((char *)v + required[i].off) < 0)
			diag_add(im->diag, im->name, im->csv.record_line, 1, "no column '%s'",
				 required[i].name);
	odata4_codes_load(im, path, "MeasureCodes", &v->measure_codes);
	odata4_codes_load(im, path, "PeriodenCodes", &v->period_codes);
	odata4_codes_load(im, path, "RegioSCodes", &v->region_codes);
	return im->diag->count == 0;
}

/* The region of this row, made sure of (named from RegioSCodes when it
 * has a name for it); NULL when reported or on a database error (*rc). */
static const char *row_region(struct v4 *v, struct csv_field *f, enum jmon_status *rc,
			      struct jmon_error *err)
{
	struct region_seen *r = NULL;
	const struct odata4_code *named;

	if (v->nregions && strcmp(v->regions[v->last_region].code, f->s) == 0)
		r = &v->regions[v->last_region];
	for (size_t i = 0; !r && i < v->nregions; i++)
		if (strcmp(v->regions[i].code, f->s) == 0)
			r = &v->regions[v->last_region = i];
	if (r)
		return r->ok ? r->code : NULL;
	ARRAY_GROW(v->regions, v->nregions, v->capregions);
	v->last_region = v->nregions;
	r = &v->regions[v->nregions++];
	*r = (struct region_seen){ xstrdup(f->s), false };
	if (f->len == 0) {
		import_error(v->im, f, "empty region code");
	} else if ((named = odata4_code(&v->region_codes, f->s)) && *named->title &&
		   region_kind_of_code(f->s)) {
		*rc = import_put_region(v->im, r->code, named->title, NULL, NULL, err);
		r->ok = *rc == JMON_OK;
	} else {
		int known = import_region(v->im, r->code, f, err);

		*rc = known < 0 ? JMON_IO : JMON_OK;
		r->ok = known > 0;
	}
	return r->ok ? r->code : NULL;
}

/* "Voorlopig", "Nader voorlopig": CBS may still change the figure. */
static bool provisional_status(const char *status)
{
	static const char word[] = "voorlopig";

	for (; *status; status++)
		if (strncasecmp(status, word, sizeof word - 1) == 0)
			return true;
	return false;
}

/* Perioden's code; *provisional from PeriodenCodes' Status. */
static bool row_period(struct v4 *v, struct csv_field *f, struct period *p, bool *provisional)
{
	const struct odata4_code *c = odata4_code(&v->period_codes, f->s);

	if (!period_parse(f->s, f->len, p)) {
		char msg[256];

		import_error(v->im, f, "%s", period_malformed(f->s, msg, sizeof msg));
		return false;
	}
	*provisional = c && provisional_status(c->status);
	return true;
}

/* The category of ind this row is about; false when the row is a
 * breakdown ind does not ask for. */
static bool row_category(struct v4 *v, const struct indicator *ind, const struct category **cat)
{
	*cat = NULL;
	for (size_t i = 0; i < v->ndims; i++) {
		struct csv_field *f = &v->im->csv.fields[v->dims[i].col];
		const struct odata4_code *code = odata4_code(&v->dims[i].codes, f->s);
		const struct category *c;
		bool skip;

		c = cbs_category_for(ind, f->s, &skip);
		if (skip && code && *code->title)
			c = cbs_category_for(ind, code->title, &skip);
		if (skip || (c && *cat))
			return false;
		if (c)
			*cat = c;
	}
	return true;
}

#define WITHOUT_VALUE "a cell without a value is Confidential, Impossible or another attribute"

/* ValueAttribute and Value: *has_value and the value, or the flag of a
 * cell without one.  false when reported. */
static bool row_value(struct v4 *v, bool *has_value, double *value, const char **flag)
{
	struct csv_field *attr = v->attribute >= 0 ? &v->im->csv.fields[v->attribute] : NULL;
	struct csv_field *f = &v->im->csv.fields[v->value];
	bool plain = !attr || attr->len == 0 || strcasecmp(attr->s, "None") == 0;

	*has_value = f->len > 0;
	if (*has_value && !import_machine_number(v->im, f, value))
		return false;
	if (*has_value) {
		*flag = "";
		return true;
	}
	/* None says there is a value: without one the cell is neither a
	 * figure nor a flag, and no reading of it is safe */
	if (plain) {
		if (attr && attr->len)
			import_error(v->im, f, "no Value, though ValueAttribute '%s' says the "
				     "cell has one (%s)", attr->s, WITHOUT_VALUE);
		else
			import_error(v->im, f, "no Value and no ValueAttribute (%s)", WITHOUT_VALUE);
		return false;
	}
	*flag = strcasecmp(attr->s, "Impossible") == 0 ? "na" : "suppressed";
	return true;
}

static enum jmon_status row(struct v4 *v, struct jmon_error *err)
{
	struct import *im = v->im;
	struct csv_field *fields = im->csv.fields;
	const struct measure *m;
	const char *region, *flag, *code;
	struct period p;
	bool provisional, has_value;
	double value = 0;
	enum jmon_status rc = JMON_OK;

	for (size_t k = 0; k < v->ncolumns; k++)
		csv_trim(&fields[k]);
	if (!(m = measure_of(v, &fields[v->measure])) || m->ninds == 0)
		return JMON_OK;
	region = row_region(v, &fields[v->region], &rc, err);
	if (!row_period(v, &fields[v->period], &p, &provisional) || !region ||
	    !row_value(v, &has_value, &value, &flag))
		return rc;
	if (has_value && provisional)
		flag = "provisional";
	for (size_t i = 0; i < m->ninds && rc == JMON_OK; i++) {
		const struct indicator *ind = m->inds[i];
		const struct category *cat;
		uint32_t first;

		if (!row_category(v, ind, &cat))
			continue;
		first = import_seen(im, &(struct import_key){ region, ind, cat, import_period_key(&p),
							      (uint32_t)fields[v->measure].line });
		if (first) {
			import_error(im, &fields[v->measure], "%s %s %s%s%s: a second row for this "
				     "cell (the first is on line %u)", region, fields[v->period].s,
				     ind->id, cat ? " " : "", cat ? cat->id : "", first);
			continue;
		}
		v->fed = true;
		if (!(code = import_period(im, &p, err)))
			return JMON_IO;
		rc = import_cell(im, region, code, ind->id, cat ? cat->id : "", has_value, value,
				 flag, err);
	}
	return rc;
}

/* Why nothing was imported: the measures of the table, for the cbs.measure
 * that should have named one. */
static void nothing_fed(struct v4 *v)
{
	struct strbuf list = STRBUF_INIT;

	for (size_t i = 0; i < v->nmeasures && i < 8; i++) {
		const struct odata4_code *mc = odata4_code(&v->measure_codes, v->measures[i].code);

		sb_addf(&list, "%s%s", i ? ", " : "", v->measures[i].code);
		if (mc && *mc->title)
			sb_addf(&list, " '%s'", mc->title);
	}
	if (v->nmeasures > 8)
		sb_addf(&list, " and %zu more", v->nmeasures - 8);
	diag_add(v->im->diag, v->im->name, 1, 1, "no indicator takes a measure of this table "
		 "(cbs.measure names a code or its MeasureCodes title): %s", sb_str(&list));
	sb_free(&list);
}

enum jmon_status import_odata4(struct import *im, struct jmon_error *err)
{
	struct v4 v = { .im = im };
	enum jmon_status rc = JMON_OK;

	if (read_header(&v, im->name)) {
		while (rc == JMON_OK && import_next_row(im, v.ncolumns))
			rc = row(&v, err);
		if (rc == JMON_OK && im->diag->count == 0 && !v.fed && v.nmeasures)
			nothing_fed(&v);
		/* the cells point at the region codes kept here: write them
		 * before those go */
		if (rc == JMON_OK && im->diag->count == 0)
			rc = import_cells_flush(im, err);
	}
	for (size_t i = 0; i < v.nmeasures; i++) {
		free(v.measures[i].code);
		free(v.measures[i].inds);
	}
	for (size_t i = 0; i < v.nregions; i++)
		free(v.regions[i].code);
	for (size_t i = 0; i < v.ndims; i++)
		odata4_codes_free(&v.dims[i].codes);
	odata4_codes_free(&v.measure_codes);
	odata4_codes_free(&v.period_codes);
	odata4_codes_free(&v.region_codes);
	free(v.measures);
	free(v.regions);
	free(v.dims);
	return rc;
}

char *import_folder_file(const char *path, struct jmon_error *err)
{
	static const char *const names[] = { "Observations.csv", "Observations.json" };
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return xstrdup(path);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		char *p = xasprintf("%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);

		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	jmon_fail(err, JMON_NOINPUT, "%s: a folder without Observations.csv or Observations.json "
		  "(a CBS OData v4 table as its clients save it)", path);
	return NULL;
}
