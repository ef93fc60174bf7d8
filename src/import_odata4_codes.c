/* SPDX-License-Identifier: EUPL-1.2 */
/* The code lists of a CBS OData v4 table, as its clients save them beside
 * Observations.csv: MeasureCodes.csv (Identifier, Index, Title,
 * Description, MeasureGroupId, DataType, Unit, Format, Decimals,
 * PresentationType), PeriodenCodes.csv (... Status), RegioSCodes.csv and
 * one <Dimension>Codes.csv per further dimension (Identifier, Index,
 * Title, Description, DimensionGroupId).  Only Identifier, Title and
 * Status matter here; the other columns are read past, whatever they are,
 * so a new column CBS adds changes nothing.  Lists are small (a few
 * thousand regions at most) and read whole, then sorted for lookup: the
 * observations may be millions of rows.  See include/jmon/import_odata4.h. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "jmon/import_odata4.h"
#include "jmon/xmalloc.h"

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct odata4_code *)a)->id, ((const struct odata4_code *)b)->id);
}

/* NAME.csv or NAME.json in the folder of obs_path, whichever exists
 * (allocated), or NULL. */
static char *beside(const char *obs_path, const char *name)
{
	static const char *const ext[] = { ".csv", ".json" };
	const char *slash = strrchr(obs_path, '/');
	int dir = slash ? (int)(slash - obs_path) + 1 : 0;

	for (size_t i = 0; i < ARRAY_SIZE(ext); i++) {
		char *p = xasprintf("%.*s%s%s", dir, obs_path, name, ext[i]);

		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	return NULL;
}

static int column_of(const struct csv *c, const char *name)
{
	for (size_t i = 0; i < c->nfields; i++) {
		csv_trim(&c->fields[i]);
		if (strcasecmp(c->fields[i].s, name) == 0)
			return (int)i;
	}
	return -1;
}

static char *field_copy(struct csv *c, int col)
{
	if (col < 0)
		return xstrdup("");
	csv_trim(&c->fields[col]);
	return xstrdup(c->fields[col].s);
}

/* The rows of an open list into out; false when one was reported. */
static bool read_rows(struct import *im, struct csv *c, struct odata4_codes *out)
{
	int id, title, status;
	size_t width;
	int before = im->diag->count, r;

	if ((r = csv_read(c, im->diag)) <= 0) {
		if (r == 0)
			diag_add(im->diag, out->path, 1, 1, "empty file: a code list needs its header");
		return false;
	}
	id = column_of(c, "Identifier");
	title = column_of(c, "Title");
	status = column_of(c, "Status");
	width = c->nfields;
	if (id < 0) {
		diag_add(im->diag, out->path, c->record_line, 1,
			 "no column 'Identifier': not a CBS code list");
		return false;
	}
	while ((r = csv_read(c, im->diag)) > 0) {
		if (c->nfields != width) {
			diag_add(im->diag, out->path, c->record_line, 1,
				 "%zu fields, the header has %zu", c->nfields, width);
			continue;
		}
		ARRAY_GROW(out->v, out->n, out->cap);
		out->v[out->n++] = (struct odata4_code){ field_copy(c, id), field_copy(c, title),
							 field_copy(c, status) };
	}
	return r == 0 && im->diag->count == before;
}

bool odata4_codes_load(struct import *im, const char *obs_path, const char *name,
		       struct odata4_codes *out)
{
	struct jmon_error err = { JMON_OK, "" };
	struct csv c;
	bool ok;

	memset(out, 0, sizeof *out);
	if (!(out->path = beside(obs_path, name)))
		return true;
	if (csv_open_file(&c, out->path, out->path, &err) != JMON_OK) {
		diag_add(im->diag, out->path, 1, 1, "%s", err.msg);
		return false;
	}
	if (import_looks_like_json(&c))
		ok = import_json_table(&c, out->path, im->diag);
	else
		ok = (csv_detect_separator(&c), true);
	ok = ok && read_rows(im, &c, out);
	csv_close(&c);
	qsort(out->v, out->n, sizeof *out->v, by_id);
	return ok;
}

const struct odata4_code *odata4_code(const struct odata4_codes *codes, const char *id)
{
	struct odata4_code key = { (char *)id, NULL, NULL };

	if (!codes->n)
		return NULL;
	return bsearch(&key, codes->v, codes->n, sizeof *codes->v, by_id);
}

void odata4_codes_free(struct odata4_codes *codes)
{
	for (size_t i = 0; i < codes->n; i++) {
		free(codes->v[i].id);
		free(codes->v[i].title);
		free(codes->v[i].status);
	}
	free(codes->v);
	free(codes->path);
	memset(codes, 0, sizeof *codes);
}
