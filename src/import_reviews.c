/* SPDX-License-Identifier: EUPL-1.2 */
/* The reviews CSV (jmon-import(5), REVIEWS CSV): explanations, and the
 * statuses a monitor's source document sets (the themes of
 * sample-data/almere-2018h2, the control measures of
 * sample-data/noordoostpolder-2019h1).
 *
 *	region,period,indicator,category,status,reason,ontwikkeling,streefbeeld
 *	GM0034,2018H2,thema_ggz,,grey,"Kleur niet overgenomen","Gebruik ...","Betere ..."
 *
 * A column per text field of the monitor (monitor.texts, by its id) is
 * that field of the cell's explanation (the annotation table, per
 * category); `text` (or toelichting, tekst) is the first field.  status
 * (green|amber|red|grey, or the Dutch groen|oranje|rood|grijs) with its
 * reason is the document's status of the indicator: a fact about the
 * document, stored with this delivery (the source_status table, which has
 * no category: a status goes on the total row), never a review, which
 * only an analyst makes.  Texts and status may be empty, not all of them.
 * Dutch headers: regio, periode, categorie, status, reden.
 *
 * Like the long CSV, every row is checked and nothing is written unless
 * every row is right (the caller's one transaction).  What is written, and
 * when a row changes nothing, is the rule of every such write, the
 * browser's too (include/jmon/judgement.h). */

#include <stdlib.h>
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/judgement.h"
#include "jmon/stoplight.h"
#include "jmon/xmalloc.h"

/* The fixed columns; the text fields follow, COL_FIELDS + i for the
 * monitor's field i (`text` is field 0 when no field is named so). */
enum review_column { COL_REGION, COL_PERIOD, COL_INDICATOR, COL_CATEGORY, COL_STATUS,
		     COL_REASON, COL_FIELDS };

static const char *const fixed_names[COL_FIELDS] = {
	"region", "period", "indicator", "category", "status", "reason",
};

static const struct import_column fixed_aliases[] = {
	{ "region", COL_REGION },	{ "regio", COL_REGION },
	{ "period", COL_PERIOD },	{ "periode", COL_PERIOD },
	{ "indicator", COL_INDICATOR },
	{ "category", COL_CATEGORY },	{ "categorie", COL_CATEGORY },
	{ "status", COL_STATUS },
	{ "reason", COL_REASON },	{ "reden", COL_REASON },
};

/* The first field's other names (the default monitor's field is
 * toelichting itself). */
static const char *const first_field_aliases[] = { "text", "toelichting", "tekst" };

#define REQUIRED (1u << COL_REGION | 1u << COL_PERIOD | 1u << COL_INDICATOR)
/* a text field, or the status: at most 32 columns in all */
#define MAX_FIELDS (32 - COL_FIELDS)

/* Who wrote it, for the author column: the import, not a person. */
#define AUTHOR "import"

/* The columns of this file: pos[column] is the field of the CSV row, -1
 * when the file has no such column. */
struct review_columns {
	int pos[COL_FIELDS + MAX_FIELDS];
	size_t nfields;		/* the monitor's text fields, at most MAX_FIELDS */
};

struct review_row {
	const char *region, *period, *indicator, *category;
	const char *status;	/* machine name, or NULL */
	const char *reason;
	const char *text[MAX_FIELDS];	/* per field: NULL without a column */
};

static struct csv_field *column(struct import *im, const struct review_columns *c, int col)
{
	static struct csv_field absent = { .s = (char *)"", .len = 0 };

	return c->pos[col] < 0 ? &absent : &im->csv.fields[c->pos[col]];
}

static const char *sql_source_now =
	"SELECT status, reason FROM source_status"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3"
	" ORDER BY delivery DESC LIMIT 1";
static const char *sql_source_put =
	"INSERT INTO source_status (region, period, indicator, delivery, status, reason)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

/* The document's status, kept with this delivery unless the newest
 * delivery that set one set the same. */
static enum jmon_status write_source_status(struct import *im, const struct review_row *r,
					    enum judgement_change *change,
					    struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(im->db, sql_source_now, err);
	int rc;

	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, r->region);
	db_bind_text(st, 2, r->period);
	db_bind_text(st, 3, r->indicator);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(im->db, err, "reading the statuses of the documents");
	*change = rc == SQLITE_DONE ? JUDGEMENT_NEW
		  : strcmp(db_column_text(st, 0), r->status) || strcmp(db_column_text(st, 1), r->reason)
		  ? JUDGEMENT_CHANGED : JUDGEMENT_UNCHANGED;
	sqlite3_reset(st);
	if (*change == JUDGEMENT_UNCHANGED)
		return JMON_OK;
	if (!(st = db_prepare(im->db, sql_source_put, err)))
		return JMON_IO;
	db_bind_text(st, 1, r->region);
	db_bind_text(st, 2, r->period);
	db_bind_text(st, 3, r->indicator);
	sqlite3_bind_int64(st, 4, im->delivery);
	db_bind_text(st, 5, r->status);
	db_bind_text(st, 6, r->reason);
	if (sqlite3_step(st) != SQLITE_DONE)
		return db_fail(im->db, err, "writing the status of the document");
	return JMON_OK;
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

static enum jmon_status write_row(struct import *im, const struct review_columns *c,
				  const struct review_row *r, struct jmon_error *err)
{
	struct cell_key key = { r->indicator, r->region, r->period, r->category };
	enum judgement_change change;
	enum jmon_status rc = JMON_OK;

	if (im->diag->count > 0)	/* the file is rejected: only checking goes on */
		return JMON_OK;
	for (size_t i = 0; i < c->nfields && rc == JMON_OK; i++) {
		if (!r->text[i] || !*r->text[i])
			continue;
		rc = judgement_explain(im->db, &key, im->cfg->monitor.texts[i].id, r->text[i],
				       AUTHOR, &change, err);
		if (rc == JMON_OK)
			count(im, change);
	}
	if (rc == JMON_OK && r->status) {
		rc = write_source_status(im, r, &change, err);
		if (rc == JMON_OK)
			count(im, change);
	}
	return rc;
}

/* The status, reason and texts of a row agree: false (reported) if not. */
static bool read_judgement(struct import *im, const struct review_columns *c,
			   const struct category *cat, struct review_row *r)
{
	struct csv_field *stf = column(im, c, COL_STATUS), *rsf = column(im, c, COL_REASON);
	struct csv_field *txf = NULL;
	enum stoplight_status s;
	bool ok = true;

	csv_trim(stf);
	csv_trim(rsf);
	r->status = NULL;
	r->reason = rsf->s;
	for (size_t i = 0; i < c->nfields; i++) {
		struct csv_field *f = column(im, c, COL_FIELDS + (int)i);

		r->text[i] = c->pos[COL_FIELDS + i] < 0 ? NULL : f->s;
		if (!txf || (txf->len == 0 && f->len > 0 && c->pos[COL_FIELDS + i] >= 0))
			txf = f;	/* the first with a text, for the message */
	}
	if (stf->len > 0) {
		if (!stoplight_status_parse(stf->s, &s)) {
			import_error(im, stf, "unknown status '%s' (expected green, amber, red or grey)",
				     stf->s);
			return false;
		}
		r->status = stoplight_name(s);
		if (rsf->len == 0) {
			import_error(im, stf, "status '%s' without a reason (a status needs one)",
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
	if (!r->status && (!txf || txf->len == 0) && ok) {
		import_error(im, txf ? txf : stf, "neither a status nor a text: nothing to import");
		ok = false;
	}
	return ok;
}

static enum jmon_status read_row(struct import *im, const struct review_columns *c,
				 const struct indicator **last, struct jmon_error *err)
{
	struct import_cell_key k;
	struct review_row r;
	bool ok;
	enum jmon_status st;

	st = import_cell_key(im, column(im, c, COL_REGION), column(im, c, COL_PERIOD),
			     column(im, c, COL_INDICATOR), column(im, c, COL_CATEGORY), last,
			     &k, &ok, err);
	if (st != JMON_OK)
		return st;
	if (!read_judgement(im, c, k.cat, &r) || !ok)
		return JMON_OK;
	if (!import_cell_key_first(im, &k))
		return JMON_OK;
	r.region = k.region;
	r.period = k.period;
	r.indicator = k.ind->id;
	r.category = k.cat ? k.cat->id : "";
	return write_row(im, c, &r, err);
}

/* The header: the fixed columns, a column per text field by its id, and
 * `text` for the first field unless a field has that name; false
 * (reported) when it is not a header of the monitor's fields. */
static bool map_columns(struct import *im, struct review_columns *c)
{
	const struct monitor *m = &im->cfg->monitor;
	size_t naliases = ARRAY_SIZE(fixed_aliases);
	struct import_column *aliases;
	const char **names;
	bool ok, any_text = false;

	c->nfields = m->ntexts < MAX_FIELDS ? m->ntexts : MAX_FIELDS;
	aliases = xcalloc(naliases + c->nfields + ARRAY_SIZE(first_field_aliases),
			  sizeof *aliases);
	names = xcalloc(COL_FIELDS + c->nfields, sizeof *names);
	memcpy(aliases, fixed_aliases, sizeof fixed_aliases);
	memcpy(names, fixed_names, sizeof fixed_names);
	for (size_t i = 0; i < c->nfields; i++) {
		aliases[naliases++] = (struct import_column){ m->texts[i].id, COL_FIELDS + (int)i };
		names[COL_FIELDS + i] = m->texts[i].id;
	}
	for (size_t a = 0; a < ARRAY_SIZE(first_field_aliases); a++)
		if (!config_text_field(im->cfg, first_field_aliases[a]))
			aliases[naliases++] = (struct import_column){ first_field_aliases[a],
								      COL_FIELDS };
	ok = import_map_header(im, aliases, naliases, names, c->pos, COL_FIELDS + (int)c->nfields,
			       REQUIRED);
	for (size_t i = 0; i < c->nfields; i++)
		any_text |= c->pos[COL_FIELDS + i] >= 0;
	if (ok && !any_text && c->pos[COL_STATUS] < 0) {
		diag_add(im->diag, im->name, im->csv.record_line, 1,
			 "missing column '%s' (or 'status'): nothing to import", m->texts[0].id);
		ok = false;
	}
	free(aliases);
	free(names);
	return ok;
}

enum jmon_status import_reviews(struct import *im, struct jmon_error *err)
{
	struct review_columns c;
	size_t ncolumns = im->csv.nfields;
	const struct indicator *last = NULL;
	enum jmon_status rc;

	if (!map_columns(im, &c))
		return JMON_OK;
	while (import_next_row(im, ncolumns))
		if ((rc = read_row(im, &c, &last, err)) != JMON_OK)
			return rc;
	return JMON_OK;
}
