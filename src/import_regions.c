/* SPDX-License-Identifier: EUPL-1.2 */
/* The regions CSV: names, kinds and the drill-down tree.
 *
 *	region,name,kind,parent
 *	GM0361,Alkmaar,gemeente,
 *	WK036101,Centrum,wijk,GM0361
 *
 * A parent may come later in the file than its children, so parents are
 * checked once all rows are in. */
#include <stdlib.h>
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/query.h"
#include "jmon/region.h"
#include "jmon/xmalloc.h"

enum region_column { COL_CODE, COL_NAME, COL_KIND, COL_PARENT, NCOLUMNS };

static const char *const column_names[NCOLUMNS] = { "region", "name", "kind", "parent" };

static const struct import_column aliases[] = {
	{ "region", COL_CODE },	{ "regio", COL_CODE },	{ "code", COL_CODE },
	{ "name", COL_NAME },	{ "naam", COL_NAME },
	{ "kind", COL_KIND },	{ "soort", COL_KIND },
	{ "parent", COL_PARENT },	{ "ouder", COL_PARENT },
};

#define REQUIRED (1u << COL_CODE | 1u << COL_NAME | 1u << COL_KIND)

/* A parent named on some line, to check at the end. */
struct parent_ref {
	struct csv_field field;
	const char *child;	/* the region of that line */
};

/* The drill-down tree has at most this many levels (nl, provincie, regio,
 * gemeente, wijk, buurt, postcode, and room to spare): a longer chain of
 * parents goes round. */
#define MAX_LEVELS 64

static bool code_ok(const char *s)
{
	/* Codes are keys in URLs of the mind: no blanks, no separators. */
	return *s && strcspn(s, " \t,;\"") == strlen(s);
}

static int compare_codes(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static const char sql_region_exists[] = "SELECT 1 FROM region WHERE code = ?1";
static const char sql_region_parent[] = "SELECT parent FROM region WHERE code = ?1";

/* 1 when the parents above region `from` come back to `child` (or go on
 * beyond MAX_LEVELS), 0 when they end, -1 on an error.  The file's rows
 * are written by now, so the table has the whole tree. */
static int goes_round(struct import *im, const char *from, const char *child,
		      struct jmon_error *err)
{
	char at[QUERY_CODE_MAX];
	int rc = 0;

	snprintf(at, sizeof at, "%s", from);
	for (int level = 0; level < MAX_LEVELS; level++) {
		sqlite3_stmt *st = db_prepare(im->db, sql_region_parent, err);

		if (!st)
			return -1;
		if (!strcmp(at, child))
			return 1;
		db_bind_text(st, 1, at);
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			db_fail(im->db, err, "reading regions");
			return -1;
		}
		if (rc == SQLITE_DONE || sqlite3_column_type(st, 0) == SQLITE_NULL ||
		    !*db_column_text(st, 0)) {
			sqlite3_reset(st);
			return 0;
		}
		snprintf(at, sizeof at, "%s", db_column_text(st, 0));
		sqlite3_reset(st);
	}
	return 1;
}

static int region_exists(struct import *im, const char *code, struct jmon_error *err)
{
	sqlite3_stmt *st = db_prepare(im->db, sql_region_exists, err);
	int rc;

	if (!st)
		return -1;
	db_bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return rc == SQLITE_ROW;
	db_fail(im->db, err, "reading regions");
	return -1;
}

enum jmon_status import_regions(struct import *im, struct jmon_error *err)
{
	struct csv *c = &im->csv;
	struct parent_ref *parents = NULL;
	const char **codes = NULL;	/* every code in the file */
	size_t nparents = 0, capparents = 0, ncodes = 0, capcodes = 0, ncolumns = c->nfields;
	int pos[NCOLUMNS];
	enum jmon_status rc = JMON_OK;

	if (!import_map_header(im, aliases, ARRAY_SIZE(aliases), column_names, pos, NCOLUMNS,
			       REQUIRED))
		return JMON_OK;
	while (import_next_row(im, ncolumns)) {
		struct csv_field *code, *name, *kind, *parent = NULL;
		uint32_t first;

		code = &c->fields[pos[COL_CODE]];
		name = &c->fields[pos[COL_NAME]];
		kind = &c->fields[pos[COL_KIND]];
		if (pos[COL_PARENT] >= 0)
			csv_trim(parent = &c->fields[pos[COL_PARENT]]);
		csv_trim(code);
		csv_trim(name);
		csv_trim(kind);
		if (!code_ok(code->s)) {
			import_error(im, code, "malformed region code '%s'", code->s);
			continue;
		}
		if (name->len == 0)
			import_error(im, name, "empty name for region %s", code->s);
		if (!region_kind_valid(kind->s))
			import_error(im, kind, "unknown kind '%s' (expected nl, provincie, regio, "
				     "gemeente, wijk, buurt or postcode)", kind->s);
		if (parent && parent->len > 0 && strcmp(parent->s, code->s) == 0)
			import_error(im, parent, "region %s is its own parent", code->s);
		first = import_seen(im, &(struct import_key){ code->s, NULL, NULL, 0,
							       (uint32_t)c->record_line });
		if (first)
			import_error(im, code, "region %s was given on line %u already", code->s,
				     first);
		/* kept past this record, whose text the next one replaces */
		ARRAY_GROW(codes, ncodes, capcodes);
		codes[ncodes++] = import_region_code(im, code->s);
		if (parent && parent->len > 0) {
			ARRAY_GROW(parents, nparents, capparents);
			parents[nparents].field = *parent;
			parents[nparents].child = codes[ncodes - 1];
			parents[nparents++].field.s = xstrdup(parent->s);
		}
		if (im->diag->count > 0)
			continue;
		rc = import_put_region(im, code->s, name->s, kind->s,
				       parent && parent->len ? parent->s : NULL, err);
		if (rc != JMON_OK)
			break;
	}
	/* Once a row was wrong nothing more was written, so a parent further
	 * down the file is not in the database: look among the file's codes
	 * as well, so every unknown parent is still reported. */
	if (ncodes)	/* a file of only its header has no array at all */
		qsort(codes, ncodes, sizeof *codes, compare_codes);
	for (size_t i = 0; i < nparents && rc == JMON_OK; i++) {
		const char *p = parents[i].field.s;
		int exists = region_exists(im, p, err);

		if (exists < 0)
			rc = JMON_IO;
		else if (!exists && !bsearch(&p, codes, ncodes, sizeof *codes, compare_codes))
			import_error(im, &parents[i].field, "unknown parent region '%s'", p);
	}
	/* A tree, not a ring: a gemeente whose parent is its own wijk would
	 * have no top for the privacy rule to evaluate its family from. */
	for (size_t i = 0; i < nparents && rc == JMON_OK && im->diag->count == 0; i++) {
		int round = goes_round(im, parents[i].field.s, parents[i].child, err);

		if (round < 0)
			rc = JMON_IO;
		else if (round)
			import_error(im, &parents[i].field, "region %s: its parent %s lies below "
				     "it (the parents go round)", parents[i].child,
				     parents[i].field.s);
	}
	for (size_t i = 0; i < nparents; i++)
		free(parents[i].field.s);
	free(parents);
	free(codes);
	return rc;
}
