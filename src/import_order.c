/* SPDX-License-Identifier: EUPL-1.2 */
/* The staged rows of a long CSV in the order of the observation key's
 * text.  See import_order_sort in include/jmon/import_internal.h.
 *
 * Why: the observation table is WITHOUT ROWID on (region, period,
 * indicator, category, delivery), so rows that come in the order of that
 * text are each appended at the right edge of its B-tree, as a sorted file
 * is.  Sorted by the ids the duplicate check gives (regions in the order
 * they came, indicators in configuration order, periods by number) every
 * region's rows went into the middle of the tree instead, and within a
 * region every period and indicator jumped back: a national delivery, whose
 * regions come interleaved, spent most of its import there.
 *
 * So a staged row is sorted, merged and written by ranks: a region's rank
 * among the region codes seen so far, a period's among the periods, an
 * indicator with its category among every cell of the configuration.  The
 * ranks of regions and periods grow as new ones come, but the order of the
 * ones already ranked never changes: a run sorted by the ranks of its time
 * is sorted by the final ones too.  The runs' file holds the ids (they do
 * not change); the merge ranks each window as it reads it.
 *
 * With ranks a key is a few dozen bits, so a run is sorted by an LSD radix
 * sort on them (stable: rows of one key keep the order of their lines)
 * instead of qsort with a callback. */
#include <stdlib.h>
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/xmalloc.h"

/* n things in order, in one block: at[r] the one of rank r, rank[i] the
 * rank of the i-th. */
struct ranking {
	uint32_t *at, *rank;
};

static void ranking_alloc(struct ranking *r, size_t n)
{
	free(r->at);
	r->at = xcalloc(2 * (n ? n : 1), sizeof *r->at);
	r->rank = r->at + (n ? n : 1);
}

struct import_order {
	struct ranking regions;	/* of region ids */
	size_t nregions;
	uint32_t *period_keys;	/* the keys ascending */
	struct ranking periods;	/* at: a key; rank: by place in period_keys */
	size_t nperiods;
	uint32_t *cell_base;	/* by indicator position: its first dense index */
	struct ranking cells;	/* at: a cell id (import_cell_id); rank: by dense
				 * index (cell_base + category) */
	size_t ncells;
	unsigned region_bits, period_bits, cell_bits;
};

/* The bits a rank below n needs. */
static unsigned bits_for(size_t n)
{
	unsigned b = 0;

	while (n > 1 && ((size_t)1 << b) < n)
		b++;
	return b;
}

/* --- cells: fixed by the configuration ----------------------------------------- */

struct cell_text {
	const char *indicator, *category;
	uint32_t id;
};

static int by_cell_text(const void *a, const void *b)
{
	const struct cell_text *x = a, *y = b;
	int c = strcmp(x->indicator, y->indicator);

	return c ? c : strcmp(x->category, y->category);
}

/* A cell id's dense index: its indicator's first, plus its category. */
static uint32_t dense(const struct import_order *o, uint32_t cell)
{
	return o->cell_base[import_cell_pos(cell)] + import_cell_cat(cell);
}

static void rank_cells(struct import_order *o, const struct config *cfg)
{
	size_t nind = 0, n = 0, pos = 1;
	struct cell_text *t;

	for (size_t c = 0; c < cfg->nchapters; c++) {
		nind += cfg->chapters[c].nindicators;
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++)
			n += 1 + cfg->chapters[c].indicators[i].ncategories;
	}
	o->cell_base = xcalloc(nind + 1, sizeof *o->cell_base);
	ranking_alloc(&o->cells, n);
	t = xcalloc(n ? n : 1, sizeof *t);
	n = 0;
	/* the same walk as import_cell_id: positions from 1, the total 0 */
	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++, pos++) {
			const struct indicator *ind = &cfg->chapters[c].indicators[i];

			o->cell_base[pos] = (uint32_t)n;
			for (size_t k = 0; k <= ind->ncategories; k++)
				t[n++] = (struct cell_text){ ind->id,
							     k ? ind->categories[k - 1].id : "",
							     import_cell_make((uint32_t)pos,
									      (uint32_t)k) };
		}
	if (n)
		qsort(t, n, sizeof *t, by_cell_text);
	for (size_t r = 0; r < n; r++) {
		o->cells.at[r] = t[r].id;
		o->cells.rank[dense(o, t[r].id)] = (uint32_t)r;
	}
	o->ncells = n;
	o->cell_bits = bits_for(n);
	free(t);
}

struct import_order *import_order_new(const struct import *im)
{
	struct import_order *o = xcalloc(1, sizeof *o);

	rank_cells(o, im->cfg);
	return o;
}

/* --- regions and periods: as far as the file is read --------------------------- */

static const struct import *sorting;	/* qsort has no context argument */

static int by_region_code(const void *a, const void *b)
{
	return strcmp(sorting->region_codes[*(const uint32_t *)a],
		      sorting->region_codes[*(const uint32_t *)b]);
}

static int by_period_code(const void *a, const void *b)
{
	char x[PERIOD_CODE_MAX], y[PERIOD_CODE_MAX];

	import_period_code(*(const uint32_t *)a, x);
	import_period_code(*(const uint32_t *)b, y);
	return strcmp(x, y);
}

static int by_number(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

static void rank_regions(struct import_order *o, const struct import *im)
{
	size_t n = im->nregion_codes;

	if (n == o->nregions)
		return;
	ranking_alloc(&o->regions, n);
	for (size_t i = 0; i < n; i++)
		o->regions.at[i] = (uint32_t)i;
	sorting = im;
	qsort(o->regions.at, n, sizeof *o->regions.at, by_region_code);
	for (size_t r = 0; r < n; r++)
		o->regions.rank[o->regions.at[r]] = (uint32_t)r;
	o->nregions = n;
	o->region_bits = bits_for(n);
}

static void rank_periods(struct import_order *o, const struct import *im)
{
	size_t n = im->nperiods;

	if (n == o->nperiods)
		return;
	free(o->period_keys);
	o->period_keys = xcalloc(n, sizeof *o->period_keys);
	ranking_alloc(&o->periods, n);
	for (size_t i = 0; i < n; i++)
		o->periods.at[i] = im->periods[i].key;
	qsort(o->periods.at, n, sizeof *o->periods.at, by_period_code);
	memcpy(o->period_keys, o->periods.at, n * sizeof *o->period_keys);
	qsort(o->period_keys, n, sizeof *o->period_keys, by_number);
	for (size_t r = 0; r < n; r++) {
		uint32_t *k = bsearch(&o->periods.at[r], o->period_keys, n, sizeof *o->period_keys,
				      by_number);

		o->periods.rank[k - o->period_keys] = (uint32_t)r;
	}
	o->nperiods = n;
	o->period_bits = bits_for(n);
}

void import_order_update(struct import_order *o, const struct import *im)
{
	rank_regions(o, im);
	rank_periods(o, im);
}

/* --- from ids to ranks and back ------------------------------------------------ */

static uint32_t period_rank(const struct import_order *o, uint32_t key)
{
	size_t lo = 0, hi = o->nperiods;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->period_keys[mid] <= key)
			lo = mid;
		else
			hi = mid;
	}
	return o->periods.rank[lo];
}

void import_order_rank(const struct import_order *o, struct staged_cell *v, size_t n)
{
	uint32_t last_key = 0, last_rank = 0;
	bool have = false;

	for (size_t i = 0; i < n; i++) {
		uint32_t region = (uint32_t)(v[i].place >> 32), key = (uint32_t)v[i].place;
		uint32_t cell = (uint32_t)(v[i].cell >> 32), line = (uint32_t)v[i].cell;

		/* rows come in runs of one period, in the file and in the merge */
		if (!have || key != last_key) {
			last_rank = period_rank(o, key);
			last_key = key;
			have = true;
		}
		v[i].place = (int64_t)o->regions.rank[region] << 32 | last_rank;
		v[i].cell = (int64_t)o->cells.rank[dense(o, cell)] << 32 | line;
	}
}

void import_order_unrank(const struct import_order *o, struct staged_cell *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		v[i] = import_order_ids(o, &v[i]);
}

struct staged_cell import_order_ids(const struct import_order *o, const struct staged_cell *c)
{
	struct staged_cell id = *c;

	id.place = (int64_t)o->regions.at[c->place >> 32] << 32 |
		   o->periods.at[(uint32_t)c->place];
	id.cell = (int64_t)o->cells.at[c->cell >> 32] << 32 | (uint32_t)c->cell;
	return id;
}

/* --- the sort -------------------------------------------------------------------- */

static uint64_t sort_key(const struct import_order *o, const struct staged_cell *c)
{
	return (uint64_t)(c->place >> 32) << (o->period_bits + o->cell_bits) |
	       (uint64_t)(uint32_t)c->place << o->cell_bits | (uint64_t)c->cell >> 32;
}

static int by_rank(const void *a, const void *b)
{
	const struct staged_cell *x = a, *y = b;

	if (x->place != y->place)
		return x->place < y->place ? -1 : 1;
	return x->cell < y->cell ? -1 : x->cell > y->cell;
}

void import_order_sort(const struct import_order *o, struct staged_cell *v,
		       struct staged_cell *tmp, size_t n)
{
	unsigned bits = o->region_bits + o->period_bits + o->cell_bits;
	struct staged_cell *from = v, *to = tmp, *t;

	if (bits > 63) {	/* too many keys to be told apart by one number */
		qsort(v, n, sizeof *v, by_rank);
		return;
	}
	for (unsigned shift = 0; shift < bits; shift += 8) {
		size_t count[256] = { 0 }, at = 0;
		bool one_digit = false;

		for (size_t i = 0; i < n; i++)
			count[sort_key(o, &from[i]) >> shift & 255]++;
		for (size_t d = 0; d < 256; d++) {
			size_t c = count[d];

			one_digit = one_digit || c == n;
			count[d] = at;
			at += c;
		}
		if (one_digit)	/* every row has this digit: the pass moves nothing */
			continue;
		for (size_t i = 0; i < n; i++)
			to[count[sort_key(o, &from[i]) >> shift & 255]++] = from[i];
		t = from;
		from = to;
		to = t;
	}
	if (from != v)
		memcpy(v, from, n * sizeof *v);
}

void import_order_free(struct import_order *o)
{
	if (!o)
		return;
	free(o->regions.at);
	free(o->periods.at);
	free(o->period_keys);
	free(o->cells.at);
	free(o->cell_base);
	free(o);
}
