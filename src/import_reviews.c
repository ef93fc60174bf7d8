/* SPDX-License-Identifier: EUPL-1.2 */
/* The reviews CSV: explanations and analyst statuses, as a monitor's
 * source document sets them by hand (the Almere themes, the Noordoostpolder
 * control measures).
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
 * every row is right (the caller's one transaction). */
#include <string.h>

#include "jmon/import_internal.h"
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

static const char sql_annotation_get[] =
	"SELECT text FROM annotation"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3 AND category = ?4";
static const char sql_annotation_put[] =
	"INSERT INTO annotation (region, period, indicator, category, text, author, at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, '" AUTHOR "', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	" ON CONFLICT (region, period, indicator, category)"
	" DO UPDATE SET text = excluded.text, author = excluded.author, at = excluded.at";
static const char sql_review_get[] =
	"SELECT coalesce(status_override, ''), reason FROM review"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3";
/* A status the document set is a judgement already made: reviewed. */
static const char sql_review_put[] =
	"INSERT INTO review (region, period, indicator, status_override, reason, reviewed, author, at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, 1, '" AUTHOR "', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
	" ON CONFLICT (region, period, indicator)"
	" DO UPDATE SET status_override = excluded.status_override, reason = excluded.reason,"
	" reviewed = 1, author = excluded.author, at = excluded.at";

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

/* Count a write as new, changed or unchanged by what was there. */
static void count(struct import *im, int existed, bool same)
{
	if (!existed)
		im->res->cells_new++;
	else if (same)
		im->res->cells_unchanged++;
	else
		im->res->cells_changed++;
}

/* Write one text or status unless it is already there.  get has the key
 * bound as ?1..?nkey; put takes the key and then the values. */
static enum jmon_status put(struct import *im, const char *get_sql, const char *put_sql,
			    const char *const *key, int nkey, const char *const *val, int nval,
			    struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(im->db, get_sql, err);
	int rc, existed;
	bool same = true;

	if (!st)
		return JMON_IO;
	for (int i = 0; i < nkey; i++)
		db_bind_text(st, i + 1, key[i]);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(im->db, err, "reading explanations");
	existed = rc == SQLITE_ROW;
	for (int i = 0; existed && i < nval; i++)
		same = same && strcmp(db_column_text(st, i), val[i]) == 0;
	count(im, existed, same);
	if (existed && same)
		return JMON_OK;
	if (!(st = db_prepare(im->db, put_sql, err)))
		return JMON_IO;
	for (int i = 0; i < nkey; i++)
		db_bind_text(st, i + 1, key[i]);
	for (int i = 0; i < nval; i++)
		db_bind_text(st, nkey + i + 1, val[i]);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(im->db, err, "writing an explanation");
	return JMON_OK;
}

static enum jmon_status write_row(struct import *im, const struct review_row *r,
				  struct jmon_error *err)
{
	enum jmon_status rc = JMON_OK;

	if (im->diag->count > 0)	/* the file is rejected: only checking goes on */
		return JMON_OK;
	if (*r->text) {
		const char *key[] = { r->region, r->period, r->indicator, r->category };
		const char *val[] = { r->text };

		rc = put(im, sql_annotation_get, sql_annotation_put, key, 4, val, 1, err);
	}
	if (rc == JMON_OK && r->status) {
		const char *key[] = { r->region, r->period, r->indicator };
		const char *val[] = { r->status, r->reason };

		rc = put(im, sql_review_get, sql_review_put, key, 3, val, 2, err);
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
