/* SPDX-License-Identifier: EUPL-1.2 */
/* The full privacy rule over a family of cells; see
 * include/jmon/disclosure.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/disclosure.h"
#include "jmon/privacy.h"
#include "jmon/xmalloc.h"

#define MAX_BLOCKS 64		/* families kept for one load */
#define MAX_FAMILY 4096		/* a gemeente with its wijken and buurten */
#define EXTRA_CATEGORIES 64	/* categories in the data the configuration lacks */

typedef char col_id[QUERY_CODE_MAX * 2];

/* The cells of one indicator and period over a family of regions and every
 * category, as of one delivery. */
struct block {
	const struct indicator *ind;
	char period[PERIOD_CODE_MAX];
	char root[QUERY_CODE_MAX];
	long asof;
	struct region_link *regions;	/* [0] is the root */
	int *parent;			/* index into regions, -1 at the top */
	size_t nregions;
	col_id *cols;			/* [0] is the total, "" */
	size_t ncols;
	struct disclosed *cells;	/* nregions * ncols */
	unsigned long used;
};

struct root_of {
	char region[QUERY_CODE_MAX], root[QUERY_CODE_MAX];
};

struct disclosure {
	struct db *db;
	struct block blocks[MAX_BLOCKS];
	size_t nblocks;
	unsigned long clock;
	struct root_of *roots;
	size_t nroots, caproots;
};

struct disclosure *disclosure_new(struct db *db)
{
	struct disclosure *d = xcalloc(1, sizeof *d);

	d->db = db;
	return d;
}

static void block_free(struct block *b)
{
	free(b->regions);
	free(b->parent);
	free(b->cols);
	free(b->cells);
	memset(b, 0, sizeof *b);
}

void disclosure_free(struct disclosure *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nblocks; i++)
		block_free(&d->blocks[i]);
	free(d->roots);
	free(d);
}

bool disclosed_usable(const struct disclosed *c)
{
	return c->v.present && c->v.has_value && !c->withheld;
}

/* Regions add up only for counts that add up. */
static bool by_region(const struct indicator *ind)
{
	return ind->counts && ind->total == TOTAL_SUM;
}

/* The gemeente a wijk or buurt belongs to (or the region itself): the top
 * of the family whose cells are evaluated together. */
static enum jmon_status family_root(struct disclosure *d, const char *region, char *root,
				    struct jmon_error *err)
{
	struct region_row r;
	bool found;
	enum jmon_status st;

	for (size_t i = 0; i < d->nroots; i++)
		if (!strcmp(d->roots[i].region, region)) {
			memcpy(root, d->roots[i].root, QUERY_CODE_MAX);
			return JMON_OK;
		}
	snprintf(root, QUERY_CODE_MAX, "%s", region);
	for (int up = 0; up < 2; up++) {
		if ((st = query_region(d->db, root, &r, &found, err)))
			return st;
		if (!found || !r.parent[0] || (strcmp(r.kind, "wijk") && strcmp(r.kind, "buurt")))
			break;
		snprintf(root, QUERY_CODE_MAX, "%s", r.parent);
	}
	ARRAY_GROW(d->roots, d->nroots, d->caproots);
	snprintf(d->roots[d->nroots].region, QUERY_CODE_MAX, "%s", region);
	memcpy(d->roots[d->nroots].root, root, QUERY_CODE_MAX);
	d->nroots++;
	return JMON_OK;
}

static int col_index(const struct block *b, const char *category)
{
	for (size_t c = 0; c < b->ncols; c++)
		if (!strcmp(b->cols[c], category))
			return (int)c;
	return -1;
}

static int region_index(const struct block *b, const char *code)
{
	for (size_t r = 0; r < b->nregions; r++)
		if (!strcmp(b->regions[r].code, code))
			return (int)r;
	return -1;
}

static struct disclosed *at(const struct block *b, size_t r, size_t c)
{
	return &b->cells[r * b->ncols + c];
}

static void add_col(struct block *b, size_t *cap, const char *id)
{
	if (col_index(b, id) >= 0)
		return;
	ARRAY_GROW(b->cols, b->ncols, *cap);
	snprintf(b->cols[b->ncols++], sizeof b->cols[0], "%s", id);
}

/* A total of `total: sum` that was not delivered is the sum of its parts,
 * when every part has a value (provisional when one of them is). */
static void derive_total(const struct block *b, size_t r)
{
	const struct indicator *ind = b->ind;
	struct disclosed *t = at(b, r, 0);
	double sum = 0;
	bool provisional = false;

	if (t->v.present || ind->total != TOTAL_SUM || !ind->ncategories)
		return;
	for (size_t i = 0; i < ind->ncategories; i++) {
		const struct disclosed *p = at(b, r, (size_t)col_index(b, ind->categories[i].id));
		if (!p->v.present || !p->v.has_value)
			return;
		sum += p->v.value;
		provisional |= !strcmp(p->v.flag, "provisional");
	}
	t->v.present = t->v.has_value = true;
	t->v.value = sum;
	snprintf(t->v.flag, sizeof t->v.flag, "%s", provisional ? "provisional" : "");
	t->derived = true;
}

static struct privacy_member member(const struct disclosed *c)
{
	struct privacy_member m = { disclosed_usable(c), c->withheld, c->v.value };

	return m;
}

/* One pass of complementary suppression over the groups of the block;
 * true when it withheld a cell. */
static bool complement_pass(struct block *b, struct privacy_member *m, size_t *idx)
{
	const struct indicator *ind = b->ind;
	bool changed = false;
	int k;

	for (size_t r = 0; ind->total == TOTAL_SUM && b->ncols > 1 && r < b->nregions; r++) {
		for (size_t c = 0; c < b->ncols; c++)
			m[c] = member(at(b, r, c));
		if ((k = privacy_complement(ind, m, b->ncols, PRIVACY_SPARE_PARTS)) >= 0) {
			at(b, r, (size_t)k)->withheld = true;
			changed = true;
		}
	}
	for (size_t p = 0; by_region(ind) && p < b->nregions; p++) {
		for (size_t c = 0; c < b->ncols; c++) {
			size_t n = 0;

			idx[n] = p;
			m[n++] = member(at(b, p, c));
			for (size_t r = 0; r < b->nregions; r++)
				if (b->parent[r] == (int)p) {
					idx[n] = r;
					m[n++] = member(at(b, r, c));
				}
			if (n < 2)
				break;	/* no children: no column has a group */
			if ((k = privacy_complement(ind, m, n, PRIVACY_SPARE_TOTAL)) >= 0) {
				at(b, idx[k], c)->withheld = true;
				changed = true;
			}
		}
	}
	return changed;
}

static void apply_rule(struct block *b)
{
	size_t most = b->ncols > b->nregions + 1 ? b->ncols : b->nregions + 1;
	struct privacy_member *m = xcalloc(most, sizeof *m);
	size_t *idx = xcalloc(most, sizeof *idx);

	for (size_t i = 0; i < b->nregions * b->ncols; i++) {
		struct disclosed *c = &b->cells[i];
		struct stoplight_cell sc = { c->v.present && c->v.has_value, c->v.value, c->v.flag };

		c->withheld = c->v.present && privacy_cell_withheld(b->ind, &sc);
	}
	/* monotone: every pass withholds a cell or ends */
	while (complement_pass(b, m, idx))
		;
	free(m);
	free(idx);
}

static enum jmon_status load_block(struct disclosure *d, struct block *b,
				   struct jmon_error *err)
{
	const struct indicator *ind = b->ind;
	size_t max = ind->ncategories + 1 + EXTRA_CATEGORIES, capcols = 0;
	struct category_cell **found;
	size_t *nfound;
	enum jmon_status st = JMON_OK;

	if (by_region(ind)) {
		b->regions = xcalloc(MAX_FAMILY, sizeof *b->regions);
		if ((st = query_region_family(d->db, b->root, b->regions, MAX_FAMILY, &b->nregions,
					      err)))
			return st;
	}
	if (b->nregions == 0) {		/* not in the region table, or not a family */
		free(b->regions);
		b->regions = xcalloc(1, sizeof *b->regions);
		snprintf(b->regions[0].code, sizeof b->regions[0].code, "%s", b->root);
		b->nregions = 1;
	}
	b->parent = xcalloc(b->nregions, sizeof *b->parent);
	for (size_t r = 0; r < b->nregions; r++)
		b->parent[r] = r ? region_index(b, b->regions[r].parent) : -1;

	add_col(b, &capcols, "");
	for (size_t i = 0; i < ind->ncategories; i++)
		add_col(b, &capcols, ind->categories[i].id);
	found = xcalloc(b->nregions, sizeof *found);
	nfound = xcalloc(b->nregions, sizeof *nfound);
	for (size_t r = 0; r < b->nregions && st == JMON_OK; r++) {
		found[r] = xcalloc(max, sizeof **found);
		st = query_cells_asof(d->db, ind->id, b->regions[r].code, b->period, b->asof,
				      found[r], max, &nfound[r], err);
		for (size_t i = 0; st == JMON_OK && i < nfound[r]; i++)
			add_col(b, &capcols, found[r][i].category);
	}
	if (st == JMON_OK) {
		b->cells = xcalloc(b->nregions * b->ncols, sizeof *b->cells);
		for (size_t r = 0; r < b->nregions; r++)
			for (size_t i = 0; i < nfound[r]; i++)
				at(b, r, (size_t)col_index(b, found[r][i].category))->v = found[r][i].v;
		for (size_t r = 0; r < b->nregions; r++)
			derive_total(b, r);
		apply_rule(b);
	}
	for (size_t r = 0; r < b->nregions; r++)
		free(found[r]);
	free(found);
	free(nfound);
	return st;
}

static enum jmon_status block_for(struct disclosure *d, const struct indicator *ind,
				  const char *root, const char *period, long asof,
				  struct block **out, struct jmon_error *err)
{
	struct block *b, *oldest = NULL;
	enum jmon_status st;

	for (size_t i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->ind == ind && b->asof == asof && !strcmp(b->period, period) &&
		    !strcmp(b->root, root)) {
			b->used = ++d->clock;
			*out = b;
			return JMON_OK;
		}
		if (!oldest || b->used < oldest->used)
			oldest = b;
	}
	if (d->nblocks < MAX_BLOCKS)
		b = &d->blocks[d->nblocks++];
	else
		block_free(b = oldest);
	b->ind = ind;
	b->asof = asof;
	snprintf(b->period, sizeof b->period, "%s", period);
	snprintf(b->root, sizeof b->root, "%s", root);
	b->used = ++d->clock;
	if ((st = load_block(d, b, err)) != JMON_OK) {
		block_free(b);	/* matches nothing; the first to be reused */
		return st;
	}
	*out = b;
	return JMON_OK;
}

enum jmon_status disclosure_cell(struct disclosure *d, const struct indicator *ind,
				 const char *region, const char *period, const char *category,
				 long asof, struct disclosed *out, struct jmon_error *err)
{
	char root[QUERY_CODE_MAX];
	struct block *b;
	enum jmon_status st;
	int r, c;

	memset(out, 0, sizeof *out);
	if (by_region(ind)) {
		if ((st = family_root(d, region, root, err)))
			return st;
	} else {
		snprintf(root, sizeof root, "%s", region);
	}
	if ((st = block_for(d, ind, root, period, asof, &b, err)))
		return st;
	r = region_index(b, region);
	c = col_index(b, category ? category : "");
	if (r >= 0 && c >= 0)
		*out = *at(b, (size_t)r, (size_t)c);
	return JMON_OK;
}

#define MAX_FLOORS 4096

enum jmon_status disclosure_floor(struct db *db, struct config *cfg, int *raised, char *warning,
				  size_t size, struct jmon_error *err)
{
	struct privacy_floor *floors = xcalloc(MAX_FLOORS, sizeof *floors);
	size_t n;
	enum jmon_status st = query_privacy_floors(db, floors, MAX_FLOORS, &n, err);

	*raised = 0;
	warning[0] = '\0';
	for (size_t i = 0; st == JMON_OK && i < n; i++) {
		struct indicator *ind = (struct indicator *)config_indicator(cfg, floors[i].indicator);
		int now;

		if (!ind)
			continue;
		now = ind->counts ? ind->min_count : 0;
		if (now >= floors[i].min_count)
			continue;
		if (!(*raised)++)
			snprintf(warning, size, "%s: privacy minimum %d%s is below the %d its data was "
				 "imported with; %d applies", ind->id, now,
				 ind->counts ? "" : " (not a count)", floors[i].min_count,
				 floors[i].min_count);
		ind->counts = true;
		ind->min_count = floors[i].min_count;
	}
	free(floors);
	return st;
}
