/* SPDX-License-Identifier: EUPL-1.2 */
/* The reviews CSV (jmon-import(5), REVIEWS CSV): explanations and analyst
 * statuses, as a monitor's source document sets them by hand (the themes of
 * sample-data/almere-2018h2, the control measures of
 * sample-data/noordoostpolder-2019h1).
 *
 *	region,period,indicator,category,status,reason,text
 *	GM0034,2018H2,thema_ggz,,grey,"Kleur niet overgenomen","Ontwikkeling: ..."
 *
 * text is the explanation of the cell (the annotation table, per category);
 * status (green|amber|red|grey, or the Dutch groen|oranje|rood|grijs) with
 * its reason is an override of the indicator's stoplight (the review
 * table, which has no category: a status goes on the total row).  Either
 * may be empty, not both.  Dutch headers: regio, periode, categorie,
 * status, reden, toelichting (or tekst).
 *
 * Like the long CSV, every row is checked and nothing is written unless
 * every row is right (the caller's one transaction).  What is written, and
 * when a row changes nothing, is the rule of every such write, the
 * browser's too (include/jmon/judgement.h). */

#include "jmon/import_internal.h"
#include "jmon/judgement.h"
#include "jmon/stoplight.h"
#include "jmon/xmalloc.h"

enum review_column { COL_REGION, COL_PERIOD, COL_INDICATOR, COL_CATEGORY, COL_STATUS,
		     COL_REASON, COL_TEXT, NCOLUMNS };

static const char *const column_names[NCOLUMNS] = {
	"region", "period", "indicator", "category", "status", "reason", "text",
};

static const struct import_column aliases[] = {
	{ "region", COL_REGION },	{ "regio", COL_REGION },
	{ "period", COL_PERIOD },	{ "periode", COL_PERIOD },
	{ "indicator", COL_INDICATOR },
	{ "category", COL_CATEGORY },	{ "categorie", COL_CATEGORY },
	{ "status", COL_STATUS },
	{ "reason", COL_REASON },	{ "reden", COL_REASON },
	{ "text", COL_TEXT },		{ "toelichting", COL_TEXT },	{ "tekst", COL_TEXT },
};

#define REQUIRED (1u << COL_REGION | 1u << COL_PERIOD | 1u << COL_INDICATOR | 1u << COL_TEXT)

/* Who wrote it, for the author column: the import, not a person. */
#define AUTHOR "import"

struct review_row {
	const char *region, *period, *indicator, *category;
	const char *status;	/* machine name, or NULL */
	const char *reason, *text;
};

static struct csv_field *column(struct import *im, const int *pos, enum review_column col)
{
	static struct csv_field absent = { .s = (char *)"", .len = 0 };

	return pos[col] < 0 ? &absent : &im->csv.fields[pos[col]];
}

/* Count a write as new, changed or unchanged. */
static void count(struct import *im, enum judgement_change change)
{
	if (change == JUDGEMENT_NEW)
		im->res->cells_new++;
	else if (change == JUDGEMENT_CHANGED)
		im->res->cells_changed++;
	else
		im->res->cells_unchanged++;
}

static enum jmon_status write_row(struct import *im, const struct review_row *r,
				  struct jmon_error *err)
{
	struct cell_key key = { r->indicator, r->region, r->period, r->category };
	enum judgement_change change;
	enum jmon_status rc = JMON_OK;

	if (im->diag->count > 0)	/* the file is rejected: only checking goes on */
		return JMON_OK;
	if (*r->text) {
		rc = judgement_explain(im->db, &key, r->text, AUTHOR, &change, err);
		if (rc == JMON_OK)
			count(im, change);
	}
	/* A status the document set is a judgement already made: reviewed. */
	if (rc == JMON_OK && r->status) {
		rc = judgement_review(im->db, &key, r->status, r->reason, true, AUTHOR, &change, err);
		if (rc == JMON_OK)
			count(im, change);
	}
	return rc;
}

/* The status, reason and text of a row agree: false (reported) if not. */
static bool read_judgement(struct import *im, const int *pos, const struct category *cat,
			   struct review_row *r)
{
	struct csv_field *stf = column(im, pos, COL_STATUS), *rsf = column(im, pos, COL_REASON);
	struct csv_field *txf = column(im, pos, COL_TEXT);
	enum stoplight_status s;
	bool ok = true;

	csv_trim(stf);
	csv_trim(rsf);
	r->status = NULL;
	r->reason = rsf->s;
	r->text = txf->s;
	if (stf->len > 0) {
		if (!stoplight_status_parse(stf->s, &s)) {
			import_error(im, stf, "unknown status '%s' (expected green, amber, red or grey)",
				     stf->s);
			return false;
		}
		r->status = stoplight_name(s);
		if (rsf->len == 0) {
			import_error(im, stf, "status '%s' without a reason (an override needs one)",
				     stf->s);
			ok = false;
		}
		if (cat) {
			import_error(im, stf, "a status applies to the whole indicator: leave "
				     "category '%s' empty, or give only a text", cat->id);
			ok = false;
		}
	} else if (rsf->len > 0) {
		import_error(im, rsf, "a reason without a status");
		ok = false;
	}
	if (!r->status && txf->len == 0 && ok) {
		import_error(im, txf, "neither a status nor a text: nothing to import");
		ok = false;
	}
	return ok;
}

static enum jmon_status read_row(struct import *im, const int *pos,
				 const struct indicator **last, struct jmon_error *err)
{
	struct import_cell_key k;
	struct review_row r;
	bool ok;
	enum jmon_status st;

	st = import_cell_key(im, column(im, pos, COL_REGION), column(im, pos, COL_PERIOD),
			     column(im, pos, COL_INDICATOR), column(im, pos, COL_CATEGORY), last,
			     &k, &ok, err);
	if (st != JMON_OK)
		return st;
	if (!read_judgement(im, pos, k.cat, &r) || !ok)
		return JMON_OK;
	if (!import_cell_key_first(im, &k))
		return JMON_OK;
	r.region = k.region;
	r.period = k.period;
	r.indicator = k.ind->id;
	r.category = k.cat ? k.cat->id : "";
	return write_row(im, &r, err);
}

enum jmon_status import_reviews(struct import *im, struct jmon_error *err)
{
	int pos[NCOLUMNS];
	size_t ncolumns = im->csv.nfields;
	const struct indicator *last = NULL;
	enum jmon_status rc;

	if (!import_map_header(im, aliases, ARRAY_SIZE(aliases), column_names, pos, NCOLUMNS,
			       REQUIRED))
		return JMON_OK;
	while (import_next_row(im, ncolumns))
		if ((rc = read_row(im, pos, &last, err)) != JMON_OK)
			return rc;
	return JMON_OK;
}
