/* SPDX-License-Identifier: EUPL-1.2 */
/* The long CSV (jmon-import(5), LONG CSV): one row per value.
 *
 *	region,period,indicator,category,value,flag
 *	GM0361,2020Q1,jeugdigen_maatwerk,,2660,
 *
 * Every field of every row is checked and every problem reported; the first
 * problem stops the writing (the transaction is rolled back at the end) but
 * not the checking, so one run shows all that is wrong with a file. */
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/xmalloc.h"

enum long_column { COL_REGION, COL_PERIOD, COL_INDICATOR, COL_CATEGORY, COL_VALUE, COL_FLAG,
		   NCOLUMNS };

static const char *const column_names[NCOLUMNS] = {
	"region", "period", "indicator", "category", "value", "flag",
};

/* English names and the Dutch aliases. */
static const struct import_column aliases[] = {
	{ "region", COL_REGION },	{ "regio", COL_REGION },
	{ "period", COL_PERIOD },	{ "periode", COL_PERIOD },
	{ "indicator", COL_INDICATOR },
	{ "category", COL_CATEGORY },	{ "categorie", COL_CATEGORY },
	{ "value", COL_VALUE },		{ "waarde", COL_VALUE },
	{ "flag", COL_FLAG },		{ "status", COL_FLAG },
};

/* category and flag may be left out: then every row is a total, final. */
#define REQUIRED (1u << COL_REGION | 1u << COL_PERIOD | 1u << COL_INDICATOR | 1u << COL_VALUE)

struct long_reader {
	struct import *im;
	int pos[NCOLUMNS];
	const struct indicator *last_indicator;	/* rows come grouped */
};

static struct csv_field *column(struct long_reader *r, enum long_column col)
{
	static struct csv_field absent = { .s = (char *)"", .len = 0 };

	return r->pos[col] < 0 ? &absent : &r->im->csv.fields[r->pos[col]];
}

/* The value and flag of a row: false (reported) when they do not agree. */
static bool read_value(struct long_reader *r, bool *has_value, double *value, const char **flag)
{
	struct csv_field *v = column(r, COL_VALUE), *fl = column(r, COL_FLAG);
	bool flag_has_value;

	/* Blanks around a value are padding, as around the key fields: a
	 * spreadsheet that right-aligns numbers writes " 7". */
	csv_trim(v);
	csv_trim(fl);
	if (!(*flag = import_flag(fl->s, &flag_has_value))) {
		import_error(r->im, fl, "unknown flag '%s' (expected provisional, suppressed, "
			     "unknown or na)", fl->s);
		return false;
	}
	*has_value = v->len > 0;
	if (*has_value && !import_number(r->im, v, value))
		return false;
	if (!*has_value && flag_has_value) {
		import_error(r->im, v, "empty value without a flag (a missing value needs "
			     "suppressed, unknown or na)");
		return false;
	}
	if (*has_value && !flag_has_value) {
		import_error(r->im, v, "value '%s' with flag '%s' (leave the value empty)",
			     v->s, *flag);
		return false;
	}
	return true;
}

/* One data row.  Returns JMON_OK also when the row had problems (they are
 * in the diagnostics); other statuses are database failures. */
static enum jmon_status read_row(struct long_reader *r, struct jmon_error *err)
{
	struct import *im = r->im;
	struct import_cell_key k;
	bool ok, has_value;
	double value = 0;
	const char *flag;
	enum jmon_status st;

	st = import_cell_key(im, column(r, COL_REGION), column(r, COL_PERIOD),
			     column(r, COL_INDICATOR), column(r, COL_CATEGORY), &r->last_indicator,
			     &k, &ok, err);
	if (st != JMON_OK)
		return st;
	if (!read_value(r, &has_value, &value, &flag) || !ok)
		return JMON_OK;
	if (has_value && k.ind->unit == UNIT_NONE) {
		import_error(im, column(r, COL_VALUE), "indicator '%s' has unit none: it takes "
			     "no value (its status comes from a review)", k.ind->id);
		return JMON_OK;
	}
	if (k.ind->compute.kind != COMPUTE_NONE) {
		char formula[512];

		/* jmon makes it from its inputs: a delivered one would be a
		 * second truth beside them */
		import_error(im, column(r, COL_INDICATOR), "indicator '%s' is computed (%s): "
			     "deliver its inputs, not it", k.ind->id,
			     indicator_formula(k.ind, FORMULA_IDS, formula, sizeof formula));
		return JMON_OK;
	}
	/* out of order: stored in key order at the end (import_stage.c) */
	if (im->unsorted)
		return import_stage_cell(im, &k, has_value, value, flag, err);
	if (!import_cell_key_first(im, &k))
		return JMON_OK;
	return import_cell(im, k.region, k.period, k.ind->id, k.cat ? k.cat->id : "", has_value,
			   value, flag, err);
}

enum jmon_status import_long(struct import *im, struct jmon_error *err)
{
	struct long_reader r = { .im = im };
	size_t ncolumns = im->csv.nfields;
	enum jmon_status rc;

	if (!import_map_header(im, aliases, ARRAY_SIZE(aliases), column_names, r.pos, NCOLUMNS,
			       REQUIRED))
		return JMON_OK;	/* without the columns, the rows cannot be read */
	while (import_next_row(im, ncolumns))
		if ((rc = read_row(&r, err)) != JMON_OK)
			return rc;
	return im->unsorted ? import_stage_write(im, err) : JMON_OK;
}
