/* SPDX-License-Identifier: EUPL-1.2 */
/* The read side.  See include/jmon/query.h.
 * Every statement is a static string, so db_prepare keeps it prepared in
 * the handle; every query reads through an index. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/db_internal.h"
#include "jmon/query.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

static const char *const stored_flags[] = { "", "provisional", "suppressed", "unknown", "na" };

int query_flag_number(const char *flag)
{
	/* most cells have none: a call per cell a family reads */
	if (!*flag)
		return 0;
	for (int i = 1; i < (int)(sizeof stored_flags / sizeof stored_flags[0]); i++)
		if (*flag == *stored_flags[i] && !strcmp(flag, stored_flags[i]))
			return i;
	return 0;
}

const char *query_flag_name(int number)
{
	return number > 0 && number < (int)(sizeof stored_flags / sizeof stored_flags[0]) ?
		stored_flags[number] : "";
}

/* Into a fixed field of a row: cut at a character, never inside one. */
static void copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n < size)	/* the usual case, without a trip through printf */
		memcpy(dst, src, n + 1);
	else
		text_format(dst, size, "%s", src);
}

/* Bind a cell key as ?1 region, ?2 period, ?3 indicator, ?4 category: the
 * order of the primary key. */
static void bind_key(sqlite3_stmt *st, const struct cell_key *k)
{
	db_bind_text(st, 1, k->region);
	db_bind_text(st, 2, k->period);
	db_bind_text(st, 3, k->indicator);
	db_bind_text(st, 4, k->category ? k->category : "");
}

/* Columns value, flag, delivery starting at column i. */
static void read_value(sqlite3_stmt *st, int i, struct cell_value *v)
{
	v->present = true;
	v->has_value = sqlite3_column_type(st, i) != SQLITE_NULL;
	v->value = v->has_value ? sqlite3_column_double(st, i) : 0;
	copy(v->flag, sizeof v->flag, db_column_text(st, i + 1));
	v->delivery = (long)sqlite3_column_int64(st, i + 2);
}

/* Step st for up to max rows, calling each(row) per row. */
static enum jmon_status each_row(struct db *db, sqlite3_stmt *st, size_t max, size_t *n,
				 void (*each)(sqlite3_stmt *, void *, size_t), void *out,
				 struct jmon_error *err)
{
	int rc;

	*n = 0;
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		each(st, out, (*n)++);
	if (*n < max && rc != SQLITE_DONE)
		return db_fail(db, err, "reading");
	return JMON_OK;
}

/* --- cells ----------------------------------------------------------------- */

static const char sql_cell_history[] =
	"SELECT value, flag, delivery FROM observation"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3 AND category = ?4"
	" ORDER BY delivery DESC LIMIT ?5";

static void each_value(sqlite3_stmt *st, void *out, size_t i)
{
	read_value(st, 0, (struct cell_value *)out + i);
}

enum jmon_status query_cell_history(struct db *db, const struct cell_key *key,
				    struct cell_value *out, size_t max, size_t *n,
				    struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_cell_history, err);

	*n = 0;
	if (!st)
		return JMON_IO;
	bind_key(st, key);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)max);
	return each_row(db, st, max, n, each_value, out, err);
}

enum jmon_status query_cell(struct db *db, const struct cell_key *key, struct cell_value *out,
			    struct jmon_error *err)
{
	size_t n;
	enum jmon_status rc = query_cell_history(db, key, out, 1, &n, err);

	if (rc == JMON_OK && n == 0)
		memset(out, 0, sizeof *out);
	return rc;
}

/* Step st, whose rows are (a, b, value, flag, delivery) grouped by (a, b)
 * and within a group oldest delivery first: each(ctx, a, b, value) with
 * the last of each group, its newest delivery up to the statement's. */
static enum jmon_status newest_of_each(struct db *db, sqlite3_stmt *st, query_cell_fn *each,
				       void *ctx, struct jmon_error *err)
{
	char a[QUERY_CODE_MAX * 2] = "", b[QUERY_CODE_MAX * 2] = "";
	struct cell_value v = { 0 };
	bool pending = false;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *x = db_column_text(st, 0), *y = db_column_text(st, 1);
		bool same = pending && !strcmp(x, a) && !strcmp(y, b);

		if (pending && !same)
			each(ctx, a, b, &v);
		if (!same) {
			copy(a, sizeof a, x);
			copy(b, sizeof b, y);
		}
		read_value(st, 2, &v);
		pending = true;
	}
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading observations");
	if (pending)
		each(ctx, a, b, &v);
	return JMON_OK;
}

/* Every cell of a region in a period, all deliveries up to ?3, in the
 * order of the primary key: one range, no sort.  The caller takes the last
 * row of each (indicator, category), the newest delivery. */
static const char sql_period_cells[] =
	"SELECT indicator, category, value, flag, delivery FROM observation"
	" WHERE region = ?1 AND period = ?2 AND delivery <= ?3"
	" ORDER BY indicator, category, delivery";
enum jmon_status query_period_cells(struct db *db, const char *region, const char *period,
				    long asof, query_cell_fn *each, void *ctx,
				    struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_period_cells, err);

	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, region);
	db_bind_text(st, 2, period);
	sqlite3_bind_int64(st, 3, asof > 0 ? (sqlite3_int64)asof : INT64_MAX);
	return newest_of_each(db, st, each, ctx, err);
}

/* A list of regions as one parameter: a JSON array, which json_each
 * reads, so that one prepared statement serves a list of any length. */
static char *regions_json(const char *const *regions, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addc(&sb, '[');
	for (size_t i = 0; i < n; i++) {
		sb_adds(&sb, i ? ",\"" : "\"");
		for (const unsigned char *c = (const unsigned char *)regions[i]; *c; c++)
			if (*c == '"' || *c == '\\')
				sb_addf(&sb, "\\%c", *c);
			else if (*c < 0x20)
				sb_addf(&sb, "\\u%04x", *c);
			else
				sb_addc(&sb, (char)*c);
		sb_addc(&sb, '"');
	}
	sb_addc(&sb, ']');
	return sb_detach(&sb);
}

/* The IN list is a sorted temporary index, so the rows come in the order
 * of the primary key, region by region: no sort. */
static const char sql_regions_cells[] =
	"SELECT region, category, value, flag, delivery FROM observation"
	" WHERE region IN (SELECT value FROM json_each(?1)) AND period = ?2"
	" AND indicator = ?3 AND delivery <= ?4"
	" ORDER BY region, category, delivery";

enum jmon_status query_regions_cells(struct db *db, const char *const *regions, size_t n,
				     const char *period, const char *indicator, long asof,
				     query_cell_fn *each, void *ctx,
				     struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_regions_cells, err);
	enum jmon_status rc;

	if (!st)
		return JMON_IO;
	sqlite3_bind_text(st, 1, regions_json(regions, n), -1, free);
	db_bind_text(st, 2, period);
	db_bind_text(st, 3, indicator);
	sqlite3_bind_int64(st, 4, asof > 0 ? (sqlite3_int64)asof : INT64_MAX);
	rc = newest_of_each(db, st, each, ctx, err);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);	/* the list goes now, not at the next use */
	return rc;
}

/* One look per region (EXISTS stops at its first row). */
static const char sql_regions_holding[] =
	"SELECT j.value FROM json_each(?1) AS j"
	" WHERE EXISTS (SELECT 1 FROM observation WHERE region = j.value AND period = ?2)";

enum jmon_status query_regions_holding(struct db *db, const char *const *regions, size_t n,
				       const char *period, query_region_fn *each, void *ctx,
				       struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_regions_holding, err);
	enum jmon_status status = JMON_OK;
	int rc;

	if (!st)
		return JMON_IO;
	sqlite3_bind_text(st, 1, regions_json(regions, n), -1, free);
	db_bind_text(st, 2, period);

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		each(ctx, db_column_text(st, 0));
	if (rc != SQLITE_DONE)
		status = db_fail(db, err, "reading periods");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return status;
}

static const char sql_newest_delivery[] = "SELECT coalesce(max(id), 0) FROM delivery";

enum jmon_status query_newest_delivery(struct db *db, long *id, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_newest_delivery, err);

	*id = 0;
	if (!st)
		return JMON_IO;
	if (sqlite3_step(st) != SQLITE_ROW)
		return db_fail(db, err, "reading deliveries");
	*id = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return JMON_OK;
}

/* --- changes between deliveries ------------------------------------------- */

static const char sql_newest_in_region[] =
	"SELECT max(delivery) FROM observation WHERE region = ?1 AND period = ?2";
/* CROSS JOIN keeps the region table outside: a seek per region on the
 * primary key instead of a scan of all observations. */
static const char sql_newest_anywhere[] =
	"SELECT max(o.delivery) FROM region r CROSS JOIN observation o"
	" WHERE o.region = r.code AND o.period = ?2";
/* Each cell of delivery ?3 with the value that was current before it. */
#define CHANGES_SELECT \
	"SELECT o.region, o.indicator, o.category, o.value, o.flag, o.delivery," \
	"       p.value, p.flag, p.delivery, o.period" \
	" FROM region r CROSS JOIN observation o CROSS JOIN observation p" \
	" WHERE o.region = r.code" \
	"  AND p.region = o.region AND p.period = o.period AND p.indicator = o.indicator" \
	"  AND p.category = o.category" \
	"  AND p.delivery = (SELECT max(q.delivery) FROM observation q" \
	"       WHERE q.region = o.region AND q.period = o.period" \
	"         AND q.indicator = o.indicator AND q.category = o.category" \
	"         AND q.delivery < o.delivery)"
static const char sql_changes_in_region[] =
	CHANGES_SELECT
	" AND r.code = ?1 AND o.period = ?2 AND o.delivery = ?3"
	" ORDER BY o.indicator, o.category LIMIT ?4";
static const char sql_changes_anywhere[] =
	CHANGES_SELECT
	" AND o.period = ?2 AND o.delivery = ?3"
	" ORDER BY o.region, o.indicator, o.category LIMIT ?4";
/* Of every period of a region (?2 is NULL): its newest delivery's cells. */
static const char sql_newest_of_region[] =
	"SELECT max(delivery) FROM observation WHERE region = ?1 AND ?2 IS NULL";
static const char sql_changes_of_region[] =
	CHANGES_SELECT
	" AND r.code = ?1 AND ?2 IS NULL AND o.delivery = ?3"
	" ORDER BY o.period, o.indicator, o.category LIMIT ?4";

static void each_change(sqlite3_stmt *st, void *out, size_t i)
{
	struct cell_change *c = (struct cell_change *)out + i;

	copy(c->region, sizeof c->region, db_column_text(st, 0));
	copy(c->indicator, sizeof c->indicator, db_column_text(st, 1));
	copy(c->category, sizeof c->category, db_column_text(st, 2));
	copy(c->period, sizeof c->period, db_column_text(st, 9));
	read_value(st, 3, &c->now);
	read_value(st, 6, &c->old);
	c->has_diff = c->now.has_value && c->old.has_value;
	c->diff = c->has_diff ? c->now.value - c->old.value : 0;
}

enum jmon_status query_changes(struct db *db, const char *region, const char *period,
			       struct cell_change *out, size_t max, size_t *n, long *delivery,
			       struct jmon_error *err)
{
	/* the same parameters in each: ?1 region, ?2 period, ?3 delivery, ?4 max */
	const char *newest = !period ? sql_newest_of_region
			     : region ? sql_newest_in_region : sql_newest_anywhere;
	const char *changes = !period ? sql_changes_of_region
			      : region ? sql_changes_in_region : sql_changes_anywhere;
	sqlite3_stmt *st = db_prepare(db, newest, err);
	int rc;

	*n = 0;
	*delivery = 0;
	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, region);
	db_bind_text(st, 2, period);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading deliveries");
	*delivery = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (*delivery == 0)
		return JMON_OK;
	if (!(st = db_prepare(db, changes, err)))
		return JMON_IO;
	db_bind_text(st, 1, region);
	db_bind_text(st, 2, period);
	sqlite3_bind_int64(st, 3, *delivery);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)max);
	return each_row(db, st, max, n, each_change, out, err);
}

/* The period table is small (a few hundred rows in a national database),
 * so it is read whole; the observations only through their key. */
static const char sql_periods_near[] =
	"SELECT p.code FROM period p"
	" WHERE ((p.start <= ?2 AND p.end >= ?3) OR (p.end <= ?3 AND p.end >= ?4))"
	"   AND EXISTS (SELECT 1 FROM observation o WHERE o.region = ?1 AND o.period = p.code)"
	" ORDER BY p.end DESC, p.start LIMIT ?5";

static void each_code(sqlite3_stmt *st, void *out, size_t i)
{
	copy(((char (*)[PERIOD_CODE_MAX])out)[i], PERIOD_CODE_MAX, db_column_text(st, 0));
}

enum jmon_status query_periods_near(struct db *db, const char *region, const struct period *p,
				    const char *cutoff, char (*out)[PERIOD_CODE_MAX], size_t max,
				    size_t *n, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_periods_near, err);
	char start[PERIOD_CODE_MAX], end[PERIOD_CODE_MAX];

	*n = 0;
	if (!st)
		return JMON_IO;
	period_start(p, start);
	period_end(p, end);
	db_bind_text(st, 1, region);
	db_bind_text(st, 2, start);
	db_bind_text(st, 3, end);
	db_bind_text(st, 4, cutoff);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)max);
	return each_row(db, st, max, n, each_code, out, err);
}

/* --- periods --------------------------------------------------------------- */

/* Newest: the latest end, and of two with the same end the shorter. */
static const char sql_latest_period[] =
	"SELECT p.code FROM period p"
	" WHERE (?2 IS NULL OR p.kind = ?2)"
	"   AND EXISTS (SELECT 1 FROM observation o WHERE o.region = ?1 AND o.period = p.code)"
	" ORDER BY p.end DESC, p.start DESC LIMIT 1";

enum jmon_status query_latest_period(struct db *db, const char *region,
				     const enum period_kind *kind, char *code, bool *found,
				     struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_latest_period, err);
	int rc;

	*found = false;
	code[0] = '\0';
	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, region);
	db_bind_text(st, 2, kind ? period_kind_name(*kind) : NULL);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy(code, PERIOD_CODE_MAX, db_column_text(st, 0));
		*found = true;
	} else if (rc != SQLITE_DONE) {
		return db_fail(db, err, "reading periods");
	}
	return JMON_OK;
}

/* a row or none: cheaper than EXISTS (a subquery set up on every step),
 * and the gate asks it for every buurt of a family */
static const char sql_has_period[] =
	"SELECT 1 FROM observation WHERE region = ?1 AND period = ?2 LIMIT 1";

enum jmon_status query_has_period(struct db *db, const char *region, const char *period,
				  bool *found, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_has_period, err);

	*found = false;
	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, region);
	db_bind_text(st, 2, period);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading periods");
	*found = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return JMON_OK;
}

/* The period with data next to a moment (start, end), in the order of
 * query_latest_period: by end, then by start. */
static const char sql_period_before[] =
	"SELECT p.code FROM period p"
	" WHERE (?2 IS NULL OR p.kind = ?2)"
	"   AND (p.end < ?4 OR (p.end = ?4 AND p.start < ?3))"
	"   AND EXISTS (SELECT 1 FROM observation o WHERE o.region = ?1 AND o.period = p.code)"
	" ORDER BY p.end DESC, p.start DESC LIMIT 1";
static const char sql_period_after[] =
	"SELECT p.code FROM period p"
	" WHERE (?2 IS NULL OR p.kind = ?2)"
	"   AND (p.end > ?4 OR (p.end = ?4 AND p.start > ?3))"
	"   AND EXISTS (SELECT 1 FROM observation o WHERE o.region = ?1 AND o.period = p.code)"
	" ORDER BY p.end, p.start LIMIT 1";

enum jmon_status query_step_period(struct db *db, const char *region, const struct period *from,
				   int dir, const enum period_kind *kind, char *code, bool *found,
				   struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, dir < 0 ? sql_period_before : sql_period_after, err);
	char start[PERIOD_CODE_MAX], end[PERIOD_CODE_MAX];
	int rc;

	*found = false;
	code[0] = '\0';
	if (!st)
		return JMON_IO;
	period_start(from, start);
	period_end(from, end);
	db_bind_text(st, 1, region);
	db_bind_text(st, 2, kind ? period_kind_name(*kind) : NULL);
	db_bind_text(st, 3, start);
	db_bind_text(st, 4, end);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy(code, PERIOD_CODE_MAX, db_column_text(st, 0));
		*found = true;
	} else if (rc != SQLITE_DONE) {
		return db_fail(db, err, "reading periods");
	}
	return JMON_OK;
}

/* Every period with data for a region, for the period picker.  The inner
 * SELECT is each cell's current entry (max(delivery); SQLite takes the bare
 * flag from that row), the outer one a period of them: provisional when a
 * current value is, and the newest delivery that stored one of its cells,
 * which is the one that last changed it (a delivery stores only the cells
 * it adds or changes).  It reads the region's range of the observation
 * key, no other region's. */
static const char sql_periods_with_data[] =
	"SELECT p.code, p.kind, x.last, x.provisional,"
	"       coalesce(d.source, ''), coalesce(d.imported_at, '')"
	" FROM (SELECT period, max(d) AS last, max(flag = 'provisional') AS provisional"
	"       FROM (SELECT period, max(delivery) AS d, flag FROM observation"
	"             WHERE region = ?1 GROUP BY period, indicator, category)"
	"       GROUP BY period) x"
	" JOIN period p ON p.code = x.period"
	" LEFT JOIN delivery d ON d.id = x.last"
	" ORDER BY p.end DESC, p.start DESC LIMIT ?2";

static void each_period(sqlite3_stmt *st, void *out, size_t i)
{
	struct period_row *r = (struct period_row *)out + i;

	copy(r->code, sizeof r->code, db_column_text(st, 0));
	if (!period_kind_parse(db_column_text(st, 1), &r->kind))
		r->kind = PERIOD_QUARTER;	/* the schema's CHECK allows no other */
	r->delivery = (long)sqlite3_column_int64(st, 2);
	r->provisional = sqlite3_column_int(st, 3) != 0;
	copy(r->source, sizeof r->source, db_column_text(st, 4));
	copy(r->imported_at, sizeof r->imported_at, db_column_text(st, 5));
}

enum jmon_status query_periods_with_data(struct db *db, const char *region,
					 struct period_row *out, size_t max, size_t *n,
					 struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_periods_with_data, err);

	*n = 0;
	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, region);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	return each_row(db, st, max, n, each_period, out, err);
}

/* --- regions --------------------------------------------------------------- */

#define REGION_SELECT \
	"SELECT code, name, kind, coalesce(parent, '')," \
	"       (SELECT count(*) FROM region c WHERE c.parent = r.code)" \
	" FROM region r"
static const char sql_region[] = REGION_SELECT " WHERE code = ?1";
static const char sql_region_children[] =
	REGION_SELECT " WHERE parent = ?1 AND code > ?2 ORDER BY code LIMIT ?3";
/* The top of the tree; `parent IS NULL` uses the region_children index too. */
static const char sql_region_roots[] =
	REGION_SELECT " WHERE parent IS NULL AND code > ?2 ORDER BY code LIMIT ?3";

static void each_region(sqlite3_stmt *st, void *out, size_t i)
{
	struct region_row *r = (struct region_row *)out + i;

	copy(r->code, sizeof r->code, db_column_text(st, 0));
	copy(r->name, sizeof r->name, db_column_text(st, 1));
	copy(r->kind, sizeof r->kind, db_column_text(st, 2));
	copy(r->parent, sizeof r->parent, db_column_text(st, 3));
	r->children = sqlite3_column_int(st, 4);
}

enum jmon_status query_region(struct db *db, const char *code, struct region_row *out,
			      bool *found, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_region, err);
	size_t n;
	enum jmon_status rc;

	*found = false;
	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, code);
	rc = each_row(db, st, 1, &n, each_region, out, err);
	*found = n == 1;
	return rc;
}

enum jmon_status query_region_children(struct db *db, const char *parent, const char *after,
				       struct region_row *out, size_t max, size_t *n,
				       struct jmon_error *err)
{
	bool roots = !parent || !*parent;
	sqlite3_stmt *st = db_prepare(db, roots ? sql_region_roots : sql_region_children, err);

	*n = 0;
	if (!st)
		return JMON_IO;
	if (!roots)
		db_bind_text(st, 1, parent);
	db_bind_text(st, 2, after ? after : "");
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	return each_row(db, st, max, n, each_region, out, err);
}

/* The code range [prefix, prefix with its last byte one higher): a range
 * of the primary key. */
static const char sql_regions_prefixed[] =
	REGION_SELECT " WHERE code >= ?1 AND (?2 IS NULL OR code < ?2) AND code > ?3"
	" ORDER BY code LIMIT ?4";

enum jmon_status query_regions_prefixed(struct db *db, const char *prefix, const char *after,
					struct region_row *out, size_t max, size_t *n,
					struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_regions_prefixed, err);
	char *end = xstrdup(prefix);
	size_t len = strlen(end);
	enum jmon_status rc;

	*n = 0;
	if (!st) {
		free(end);
		return JMON_IO;
	}
	if (len)
		end[len - 1]++;
	db_bind_text(st, 1, prefix);
	db_bind_text(st, 2, len ? end : NULL);	/* "": no end */
	db_bind_text(st, 3, after ? after : "");
	sqlite3_bind_int64(st, 4, (sqlite3_int64)max);
	rc = each_row(db, st, max, n, each_region, out, err);
	free(end);
	return rc;
}

void query_region_name(struct db *db, const char *code, char *buf, size_t size)
{
	struct region_row r;
	bool found = false;

	if (query_region(db, code, &r, &found, NULL) == JMON_OK && found && r.name[0])
		copy(buf, size, r.name);
	else
		copy(buf, size, code);
}

/* A region, its children and their children: three seeks on the
 * region_children index, never a scan of the region table. */
static const char sql_region_family[] =
	"SELECT code, coalesce(parent, '') FROM region WHERE code = ?1"
	" UNION ALL SELECT code, parent FROM region WHERE parent = ?1"
	" UNION ALL SELECT c.code, c.parent FROM region w CROSS JOIN region c"
	"  WHERE w.parent = ?1 AND c.parent = w.code"
	" LIMIT ?2";

static void each_family_member(sqlite3_stmt *st, void *out, size_t i)
{
	struct region_link *r = (struct region_link *)out + i;

	copy(r->code, sizeof r->code, db_column_text(st, 0));
	copy(r->parent, sizeof r->parent, db_column_text(st, 1));
}

enum jmon_status query_region_family(struct db *db, const char *root, struct region_link *out,
				     size_t max, size_t *n, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_region_family, err);

	*n = 0;
	if (!st)
		return JMON_IO;
	db_bind_text(st, 1, root);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	return each_row(db, st, max, n, each_family_member, out, err);
}

/* --- deliveries ------------------------------------------------------------ */

static const char sql_privacy_floors[] =
	"SELECT indicator, max(min_count) FROM delivery_privacy GROUP BY indicator LIMIT ?1";

static void each_floor(sqlite3_stmt *st, void *out, size_t i)
{
	struct privacy_floor *f = (struct privacy_floor *)out + i;

	copy(f->indicator, sizeof f->indicator, db_column_text(st, 0));
	f->min_count = sqlite3_column_int(st, 1);
}

enum jmon_status query_privacy_floors(struct db *db, struct privacy_floor *out, size_t max,
				      size_t *n, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_privacy_floors, err);

	*n = 0;
	if (!st)
		return JMON_IO;
	sqlite3_bind_int64(st, 1, (sqlite3_int64)max);
	return each_row(db, st, max, n, each_floor, out, err);
}

static const char sql_deliveries[] =
	"SELECT id, source, sha256, format, imported_at, rows, cells_new, cells_changed,"
	"       cells_unchanged, coalesce(note, '')"
	" FROM delivery WHERE id < ?1 ORDER BY id DESC LIMIT ?2";

static void each_delivery(sqlite3_stmt *st, void *out, size_t i)
{
	struct delivery_row *d = (struct delivery_row *)out + i;

	d->id = (long)sqlite3_column_int64(st, 0);
	copy(d->source, sizeof d->source, db_column_text(st, 1));
	copy(d->sha256, sizeof d->sha256, db_column_text(st, 2));
	copy(d->format, sizeof d->format, db_column_text(st, 3));
	copy(d->imported_at, sizeof d->imported_at, db_column_text(st, 4));
	d->rows = (long)sqlite3_column_int64(st, 5);
	d->cells_new = (long)sqlite3_column_int64(st, 6);
	d->cells_changed = (long)sqlite3_column_int64(st, 7);
	d->cells_unchanged = (long)sqlite3_column_int64(st, 8);
	copy(d->note, sizeof d->note, db_column_text(st, 9));
}

enum jmon_status query_deliveries(struct db *db, long before, struct delivery_row *out,
				  size_t max, size_t *n, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_deliveries, err);

	*n = 0;
	if (!st)
		return JMON_IO;
	sqlite3_bind_int64(st, 1, before > 0 ? before : INT64_MAX);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max);
	return each_row(db, st, max, n, each_delivery, out, err);
}

/* --- annotations and reviews (written by judgement.c) --------------------- */

/* ?5 NULL: the field written last, for "is it explained" and whether that
 * write is still about the figure shown (figures.c). */
static const char sql_annotation[] =
	"SELECT text, author, at, max(change), field FROM annotation"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3 AND category = ?4"
	"   AND (?5 IS NULL OR field = ?5)"
	/* the newest of the cell's fields: with one max() the other columns
	 * are of its row, without the sorter ORDER BY ... LIMIT 1 set up for
	 * every figure; no row at all when the cell has none (GROUP BY) */
	" GROUP BY region";
static const char sql_source_status[] =
	"SELECT s.status, s.reason, s.delivery, d.source FROM source_status s"
	" JOIN delivery d ON d.id = s.delivery"
	" WHERE s.region = ?1 AND s.period = ?2 AND s.indicator = ?3"
	" ORDER BY s.delivery DESC LIMIT 1";
static const char sql_review[] =
	"SELECT coalesce(status_override, ''), reason, reviewed, author, at, change FROM review"
	" WHERE region = ?1 AND period = ?2 AND indicator = ?3";

enum jmon_status query_annotation(struct db *db, const struct cell_key *key,
				  const char *field, struct annotation *out, bool *found,
				  struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_annotation, err);
	int rc;

	memset(out, 0, sizeof *out);
	*found = false;
	if (!st)
		return JMON_IO;
	bind_key(st, key);
	db_bind_text(st, 5, field);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->text = xstrdup(db_column_text(st, 0));
		out->author = xstrdup(db_column_text(st, 1));
		copy(out->at, sizeof out->at, db_column_text(st, 2));
		out->change = (long)sqlite3_column_int64(st, 3);
		copy(out->field, sizeof out->field, db_column_text(st, 4));
		*found = true;
	} else if (rc != SQLITE_DONE) {
		return db_fail(db, err, "reading annotations");
	}
	return JMON_OK;
}

static const char sql_history_newest[] =
	"SELECT id, author, what, indicator, category, coalesce(reviewed, -1),"
	"       coalesce(status_override, ''), text IS NULL"
	" FROM history ORDER BY id DESC LIMIT 1";

enum jmon_status query_history_newest(struct db *db, struct history_row *out, bool *found,
				      struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_history_newest, err);
	int rc;

	memset(out, 0, sizeof *out);
	*found = false;
	if (!st)
		return JMON_IO;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = (long)sqlite3_column_int64(st, 0);
		copy(out->author, sizeof out->author, db_column_text(st, 1));
		out->explanation = !strcmp(db_column_text(st, 2), "explanation");
		copy(out->indicator, sizeof out->indicator, db_column_text(st, 3));
		copy(out->category, sizeof out->category, db_column_text(st, 4));
		out->reviewed = sqlite3_column_int(st, 5);
		copy(out->status_override, sizeof out->status_override, db_column_text(st, 6));
		out->removed = sqlite3_column_int(st, 7) != 0;
		*found = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the history");
	return JMON_OK;
}

static const char sql_history_basis[] =
	"SELECT coalesce(delivery, 0), coalesce(status, '') FROM history WHERE id = ?";

enum jmon_status query_history_basis(struct db *db, long id, struct history_basis *out,
				     bool *found, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_history_basis, err);
	int rc;

	memset(out, 0, sizeof *out);
	*found = false;
	if (!st)
		return JMON_IO;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->delivery = (long)sqlite3_column_int64(st, 0);
		copy(out->status, sizeof out->status, db_column_text(st, 1));
		*found = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the history");
	return JMON_OK;
}

void annotation_free(struct annotation *a)
{
	free(a->text);
	free(a->author);
	a->text = a->author = NULL;
}

enum jmon_status query_review(struct db *db, const struct cell_key *key, struct review *out,
			      bool *found, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_review, err);
	int rc;

	memset(out, 0, sizeof *out);
	*found = false;
	if (!st)
		return JMON_IO;
	bind_key(st, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy(out->status_override, sizeof out->status_override, db_column_text(st, 0));
		out->reason = xstrdup(db_column_text(st, 1));
		out->reviewed = sqlite3_column_int(st, 2) != 0;
		out->author = xstrdup(db_column_text(st, 3));
		copy(out->at, sizeof out->at, db_column_text(st, 4));
		out->change = (long)sqlite3_column_int64(st, 5);
		*found = true;
	} else if (rc != SQLITE_DONE) {
		return db_fail(db, err, "reading reviews");
	}
	return JMON_OK;
}

void review_free(struct review *r)
{
	free(r->reason);
	free(r->author);
	r->reason = r->author = NULL;
}

enum jmon_status query_source_status(struct db *db, const struct cell_key *key,
				     struct source_status *out, bool *found,
				     struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_source_status, err);
	int rc;

	memset(out, 0, sizeof *out);
	*found = false;
	if (!st)
		return JMON_IO;
	bind_key(st, key);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		copy(out->status, sizeof out->status, db_column_text(st, 0));
		copy(out->reason, sizeof out->reason, db_column_text(st, 1));
		out->delivery = (long)sqlite3_column_int64(st, 2);
		copy(out->source, sizeof out->source, db_column_text(st, 3));
		*found = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the statuses of the documents");
	return JMON_OK;
}
