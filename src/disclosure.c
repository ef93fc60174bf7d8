/* SPDX-License-Identifier: EUPL-1.2 */
/* The full privacy rule over a family of cells; see
 * include/jmon/disclosure.h.
 *
 * Three caches, each built from the one below it:
 *   family  the regions of a gemeente (its wijken and buurten), with the
 *           parent and children of each: one query per gemeente;
 *   slab    the cells of a family in one period, as of one delivery,
 *           shared by every indicator: a region's own cells when a cell of
 *           it is first asked for (one range of the primary key), the rest
 *           of the family only for an indicator whose regions add up, and
 *           then in one of two ways (whole_regions): every region's range
 *           whole, or that indicator of all regions in one statement;
 *   block   one indicator over a slab: which cells the rule withholds, and
 *           the totals derived from their parts.
 * A screen needs a handful of periods, so its cost is a handful of slabs,
 * not one read per indicator, period and region.  Everything is dropped
 * when a new delivery arrives (disclosure_refresh). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/disclosure.h"
#include "jmon/privacy.h"
#include "jmon/xmalloc.h"

#define MAX_FAMILY 4096		/* a gemeente with its wijken and buurten */
/* cells kept in all slabs together: 32 bytes each and their blocks', and
 * the browser should stay within 16 MiB (a national team's families are
 * large); the 2 000 keys of make bench are no slower than with twice as
 * many */
#define MAX_SLAB_CELLS 50000

struct family {
	char root[QUERY_CODE_MAX];
	struct region_link *regions;	/* [0] is the root */
	size_t n;
	int *parent;			/* index into regions, -1 at the top */
	int *by_code;			/* indices of regions in code order */
	/* the children of region p, in region order: kids[kid_at[p] ..
	 * kid_at[p + 1]); the rule asks for them on every pass */
	size_t *kids, *kid_at;
};

/* A stored cell as a slab keeps it: 32 bytes, not a cell_value's 40 and
 * its own two pointers, for the bound holds most of the browser's memory. */
struct slab_cell {
	const char *indicator, *category;	/* the configuration's, or the pool's */
	double value;
	int32_t delivery;			/* a delivery's id */
	unsigned char flag;			/* query_flag_number */
	bool has_value;
};

static struct slab_cell packed(const struct cell_value *v)
{
	return (struct slab_cell){ NULL, NULL, v->value, (int32_t)v->delivery,
				   (unsigned char)query_flag_number(v->flag), v->has_value };
}

static struct cell_value unpacked(const struct slab_cell *c)
{
	struct cell_value v = { true, c->has_value, c->value, "", c->delivery };
	const char *flag = query_flag_name(c->flag);

	/* every stored flag fits (QUERY_FLAG_MAX); not snprintf: a call per
	 * cell of every block */
	memcpy(v.flag, flag, strlen(flag) + 1);
	return v;
}

struct block;

/* One region's cells of a slab, in (indicator, category) order: all of
 * them, or those of the indicators whose regions add up that were read
 * for a block of the family. */
struct slab_region {
	struct slab_cell *cells;
	size_t n, cap;
	bool loaded;			/* every indicator's */
	const struct indicator **only;	/* else these indicators' */
	size_t nonly, caponly;
};

struct slab {
	const struct family *fam;
	char period[PERIOD_CODE_MAX];
	long asof;
	struct slab_region *regions;	/* fam->n */
	size_t n;			/* cells of all regions */
	size_t block_cells;		/* cells of its blocks: counted as cells too */
	char **pool;			/* categories the configuration does not name */
	size_t npool, cappool;
	struct block *blocks;		/* one per indicator asked for */
	size_t nblocks, capblocks;
	unsigned long used;
	unsigned long load;		/* the load of the data it was last used in */
};

typedef char col_id[QUERY_CODE_MAX * 2];

struct block {
	const struct indicator *ind;
	size_t first, nregions;		/* the slab's regions it covers: the whole
					 * family, or one region when its
					 * indicator's regions do not add up */
	col_id *cols;			/* [0] is the total, "" */
	size_t ncols;
	unsigned char *withheld;	/* nregions * ncols */
	struct cell_value *totals;	/* per region: the total derived from its parts */
	bool *derived;
};

struct root_of {
	char region[QUERY_CODE_MAX], root[QUERY_CODE_MAX];
};

struct disclosure {
	struct db *db;
	const struct config *cfg;	/* names the indicators of the slabs */
	long delivery;			/* the newest when the caches were filled */
	bool fresh;
	struct root_of *roots;
	size_t nroots, caproots;
	struct family **families;
	size_t nfamilies, capfamilies;
	struct slab **slabs;
	size_t nslabs, capslabs;
	size_t slab_cells;
	unsigned long clock;
	unsigned long load;		/* counts disclosure_refresh: one load of the data */
	long history;			/* the newest write when the memo was made */
	bool whole;			/* read a family's regions whole (whole_regions) */
	enum disclosure_reading reading;
	void *memo;
	void (*drop_memo)(void *);
};

struct disclosure *disclosure_new(struct db *db)
{
	struct disclosure *d = xcalloc(1, sizeof *d);

	d->db = db;
	return d;
}

static void block_free(struct block *b)
{
	free(b->cols);
	free(b->withheld);
	free(b->totals);
	free(b->derived);
}

static void slab_free(struct slab *s)
{
	for (size_t i = 0; i < s->nblocks; i++)
		block_free(&s->blocks[i]);
	for (size_t i = 0; i < s->npool; i++)
		free(s->pool[i]);
	free(s->pool);
	free(s->blocks);
	for (size_t r = 0; r < s->fam->n; r++) {
		free(s->regions[r].cells);
		free(s->regions[r].only);
	}
	free(s->regions);
	free(s);
}

static void drop_memo(struct disclosure *d)
{
	if (d->memo)
		d->drop_memo(d->memo);
	d->memo = NULL;
}

void *disclosure_memo(const struct disclosure *d)
{
	return d->memo;
}

void disclosure_set_memo(struct disclosure *d, void *memo, void (*drop)(void *))
{
	drop_memo(d);
	d->memo = memo;
	d->drop_memo = drop;
}

static void flush(struct disclosure *d)
{
	drop_memo(d);
	for (size_t i = 0; i < d->nslabs; i++)
		slab_free(d->slabs[i]);
	for (size_t i = 0; i < d->nfamilies; i++) {
		free(d->families[i]->regions);
		free(d->families[i]->parent);
		free(d->families[i]->by_code);
		free(d->families[i]->kids);
		free(d->families[i]->kid_at);
		free(d->families[i]);
	}
	d->nslabs = d->nfamilies = d->nroots = 0;
	d->slab_cells = 0;
}

void disclosure_free(struct disclosure *d)
{
	if (!d)
		return;
	flush(d);
	free(d->slabs);
	free(d->families);
	free(d->roots);
	free(d);
}

/* Regions add up only for counts that add up. */
static bool by_region(const struct indicator *ind)
{
	return ind->counts && ind->total == TOTAL_SUM;
}

/* Whether a family's regions are read whole rather than indicator by
 * indicator: when at least half of the configuration's indicators add up
 * over regions, all of them are soon needed of every region, and one range
 * per region costs less than one per region and indicator (a gemeente of
 * 340 wijken and buurten counting everything: a fifth of its first
 * screen); when few do (the default monitor: 7 of 44), a region's other
 * cells would be read for nothing. */
static bool whole_regions(const struct config *cfg)
{
	size_t n = 0, adding = 0;

	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++) {
			n++;
			adding += by_region(&cfg->chapters[c].indicators[i]);
		}
	return n && 2 * adding >= n;
}

enum jmon_status disclosure_refresh(struct disclosure *d, const struct config *cfg,
				    struct jmon_error *err)
{
	long newest;
	struct history_row h;
	bool written;
	enum jmon_status st = query_newest_delivery(d->db, &newest, err);

	if (st || (st = query_history_newest(d->db, &h, &written, err)))
		return st;
	if (!written)
		h.id = 0;
	if (!d->fresh || newest != d->delivery || cfg != d->cfg) {
		flush(d);
		/* what is read changes with the configuration alone */
		d->whole = d->reading == DISCLOSURE_READ_AUTO ? whole_regions(cfg)
			   : d->reading == DISCLOSURE_READ_WHOLE;
	} else if (h.id != d->history) {
		drop_memo(d);
	}
	d->fresh = true;
	d->load++;
	d->delivery = newest;
	d->history = h.id;
	d->cfg = cfg;
	return JMON_OK;
}

void disclosure_set_reading(struct disclosure *d, enum disclosure_reading how)
{
	d->reading = how;
	d->fresh = false;	/* read again, the other way */
}

enum jmon_status disclosure_begin(struct disclosure *shared, struct db *db,
				  const struct config *cfg, struct disclosure **out,
				  struct jmon_error *err)
{
	enum jmon_status st;

	*out = shared ? shared : disclosure_new(db);
	/* a shared cache is refreshed by its owner, once per load of the
	 * data (app_reload), so every view of that load shows one state */
	if (shared && shared->fresh && shared->cfg == cfg)
		return JMON_OK;
	if ((st = disclosure_refresh(*out, cfg, err))) {
		disclosure_done(shared, *out);
		*out = NULL;
	}
	return st;
}

void disclosure_done(struct disclosure *shared, struct disclosure *d)
{
	if (d != shared)
		disclosure_free(d);
}

bool disclosed_usable(const struct disclosed *c)
{
	return c->v.present && c->v.has_value && !c->withheld;
}

/* --- families --------------------------------------------------------------- */

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

static const struct family *sort_family;	/* qsort has no context argument */

static int by_code(const void *a, const void *b)
{
	return strcmp(sort_family->regions[*(const int *)a].code,
		      sort_family->regions[*(const int *)b].code);
}

static int family_index(const struct family *f, const char *code)
{
	size_t lo = 0, hi = f->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(f->regions[f->by_code[mid]].code, code);

		if (c == 0)
			return f->by_code[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void family_children(struct family *f)
{
	size_t *next = xcalloc(f->n + 1, sizeof *next);

	f->kid_at = xcalloc(f->n + 1, sizeof *f->kid_at);
	f->kids = xcalloc(f->n ? f->n : 1, sizeof *f->kids);
	for (size_t r = 0; r < f->n; r++)
		if (f->parent[r] >= 0)
			f->kid_at[f->parent[r] + 1]++;
	for (size_t p = 0; p < f->n; p++)
		f->kid_at[p + 1] += f->kid_at[p];
	memcpy(next, f->kid_at, (f->n + 1) * sizeof *next);
	for (size_t r = 0; r < f->n; r++)
		if (f->parent[r] >= 0)
			f->kids[next[f->parent[r]]++] = r;
	free(next);
}

static enum jmon_status family_of(struct disclosure *d, const char *root,
				  const struct family **out, struct jmon_error *err)
{
	struct family *f;
	enum jmon_status st;

	for (size_t i = 0; i < d->nfamilies; i++)
		if (!strcmp(d->families[i]->root, root)) {
			*out = d->families[i];
			return JMON_OK;
		}
	f = xcalloc(1, sizeof *f);
	snprintf(f->root, sizeof f->root, "%s", root);
	/* room for the largest family, given back at once: a benchmark
	 * holds the families of every gemeente of a province */
	f->regions = xmalloc(MAX_FAMILY * sizeof *f->regions);
	if ((st = query_region_family(d->db, root, f->regions, MAX_FAMILY, &f->n, err))) {
		free(f->regions);
		free(f);
		return st;
	}
	if (f->n == 0) {	/* not in the region table: a family of one */
		memset(&f->regions[0], 0, sizeof f->regions[0]);
		snprintf(f->regions[0].code, sizeof f->regions[0].code, "%s", root);
		f->n = 1;
	}
	f->regions = xrealloc(f->regions, f->n * sizeof *f->regions);
	f->by_code = xcalloc(f->n, sizeof *f->by_code);
	f->parent = xcalloc(f->n, sizeof *f->parent);
	for (size_t r = 0; r < f->n; r++)
		f->by_code[r] = (int)r;
	sort_family = f;
	qsort(f->by_code, f->n, sizeof *f->by_code, by_code);
	for (size_t r = 0; r < f->n; r++)
		f->parent[r] = r ? family_index(f, f->regions[r].parent) : -1;
	family_children(f);
	ARRAY_GROW(d->families, d->nfamilies, d->capfamilies);
	d->families[d->nfamilies++] = f;
	*out = f;
	return JMON_OK;
}

/* --- slabs ------------------------------------------------------------------ */

struct slab_loader {
	struct disclosure *d;
	struct slab *s;
	struct slab_region *region;
	const struct indicator *ind;	/* of the rows before: they come grouped */
};

static const char *category_name(struct slab *s, const struct indicator *ind, const char *id)
{
	if (!*id)
		return "";
	for (size_t i = 0; i < ind->ncategories; i++)
		if (!strcmp(ind->categories[i].id, id))
			return ind->categories[i].id;
	if (s->npool && !strcmp(s->pool[s->npool - 1], id))
		return s->pool[s->npool - 1];
	ARRAY_GROW(s->pool, s->npool, s->cappool);
	return s->pool[s->npool++] = xstrdup(id);
}

static void add_cell(void *ctx, const char *indicator, const char *category,
		     const struct cell_value *v)
{
	struct slab_loader *l = ctx;
	struct slab_region *sr = l->region;

	if (!l->ind || strcmp(l->ind->id, indicator))
		l->ind = config_indicator(l->d->cfg, indicator);
	if (!l->ind)
		return;		/* not in this configuration: never shown */
	ARRAY_GROW(sr->cells, sr->n, sr->cap);
	sr->cells[sr->n] = packed(v);
	sr->cells[sr->n].indicator = l->ind->id;
	sr->cells[sr->n].category = category_name(l->s, l->ind, category);
	sr->n++;
	l->s->n++;
}

/* Whether slab s may go to make room for keep: not keep itself, nor
 * another period of keep's family used in this load of the data or the one
 * before.  A screen of a gemeente with hundreds of wijken and buurten needs
 * that family in every period it shows (the value, the previous period, a
 * year ago, the trend), more than the bound: dropping one of them to read
 * the next read the family again and again, on every key (two hundred
 * milliseconds a key for a gemeente of 340 regions); and the screen after
 * it, a period earlier or later, needs all of them but one.  So the bound
 * holds across families, and the family being read may pass it by what
 * two screens of it need. */
static bool evictable(const struct disclosure *d, const struct slab *s, const struct slab *keep)
{
	return s != keep && !(s->fam == keep->fam && s->load + 1 >= d->load);
}

/* Keep the cells within bounds by dropping the slabs used longest ago,
 * among those evictable. */
static void make_room(struct disclosure *d, const struct slab *keep)
{
	while (d->slab_cells > MAX_SLAB_CELLS) {
		size_t oldest = d->nslabs;

		for (size_t i = 0; i < d->nslabs; i++)
			if (evictable(d, d->slabs[i], keep) &&
			    (oldest == d->nslabs || d->slabs[i]->used < d->slabs[oldest]->used))
				oldest = i;
		if (oldest == d->nslabs)
			return;
		d->slab_cells -= d->slabs[oldest]->n + d->slabs[oldest]->block_cells;
		slab_free(d->slabs[oldest]);
		d->slabs[oldest] = d->slabs[--d->nslabs];
	}
}

/* The slab of fam in period as of asof: an empty one when there is none
 * yet, its regions read as they are asked for (slab_read). */
static struct slab *slab_of(struct disclosure *d, const struct family *fam, const char *period,
			    long asof)
{
	struct slab *s;

	for (size_t i = 0; i < d->nslabs; i++) {
		s = d->slabs[i];
		if (s->fam == fam && s->asof == asof && !strcmp(s->period, period)) {
			s->used = ++d->clock;
			s->load = d->load;
			return s;
		}
	}
	s = xcalloc(1, sizeof *s);
	s->fam = fam;
	s->asof = asof;
	snprintf(s->period, sizeof s->period, "%s", period);
	s->regions = xcalloc(fam->n, sizeof *s->regions);
	s->used = ++d->clock;
	s->load = d->load;
	ARRAY_GROW(d->slabs, d->nslabs, d->capslabs);
	d->slabs[d->nslabs++] = s;
	return s;
}

static int cell_cmp(const struct slab_cell *c, const char *indicator, const char *category)
{
	int k = strcmp(c->indicator, indicator);

	return k ? k : strcmp(c->category, category);
}

/* The cells of one indicator just read, at the end of sr's cells, moved to
 * where their indicator belongs: the rest are in order and hold none of
 * them, so this is one move, not a sort of the region's cells on every
 * indicator read (a tenth of a national first screen). */
static void place_read(struct slab_region *sr, size_t had)
{
	size_t lo = 0, hi = had, nnew = sr->n - had;
	const char *indicator = sr->cells[had].indicator;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (strcmp(sr->cells[mid].indicator, indicator) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == had)
		return;
	struct slab_cell *moved = xmalloc(nnew * sizeof *moved);

	memcpy(moved, sr->cells + had, nnew * sizeof *moved);
	memmove(sr->cells + lo + nnew, sr->cells + lo, (had - lo) * sizeof *moved);
	memcpy(sr->cells + lo, moved, nnew * sizeof *moved);
	free(moved);
}

static bool has_only(const struct slab_region *sr, const struct indicator *ind)
{
	for (size_t i = 0; i < sr->nonly; i++)
		if (sr->only[i] == ind)
			return true;
	return false;
}

/* The regions of a batched read: their codes for the statement, and each
 * one's index in the family and how many cells it had before. */
struct batch {
	struct slab_loader l;
	const char **codes;
	size_t *index, *had, n;
	bool *holds;			/* [family index]: it has the period */
	int last;			/* the region of the rows before, or -1 */
};

static void add_region_cell(void *ctx, const char *region, const char *category,
			    const struct cell_value *v)
{
	struct batch *b = ctx;
	const struct family *fam = b->l.s->fam;
	int r = b->last;

	/* the rows come region by region: look a region up once */
	if (r < 0 || strcmp(fam->regions[r].code, region))
		b->last = r = family_index(fam, region);
	if (r < 0)
		return;
	b->l.region = &b->l.s->regions[r];
	add_cell(&b->l, b->l.ind->id, category, v);
}

static void holds_period(void *ctx, const char *region)
{
	struct batch *b = ctx;
	int r = family_index(b->l.s->fam, region);

	if (r >= 0)
		b->holds[r] = true;
}

/* ind's cells of those of regions first .. first + n - 1 that lack them,
 * in two statements for all of them: which hold the period at all (most
 * of a family holds nothing in most periods: buurten have reference dates
 * only), and ind's cells of those.  One statement per region and
 * indicator was most of a national first screen. */
static enum jmon_status read_indicator(struct disclosure *d, struct slab *s, size_t first,
				       size_t n, const struct indicator *ind,
				       struct jmon_error *err)
{
	struct batch b = { { d, s, NULL, ind }, NULL, NULL, NULL, 0, NULL, -1 };
	enum jmon_status st = JMON_OK;
	size_t nask = 0;

	b.codes = xcalloc(n, sizeof *b.codes);
	b.index = xcalloc(n, sizeof *b.index);
	b.had = xcalloc(n, sizeof *b.had);
	b.holds = xcalloc(s->fam->n, sizeof *b.holds);
	/* first the regions never looked at in this slab: do they hold it */
	for (size_t r = first; r < first + n; r++) {
		const struct slab_region *sr = &s->regions[r];

		if (!sr->loaded && !has_only(sr, ind) && !sr->nonly)
			b.codes[nask++] = s->fam->regions[r].code;
		else
			b.holds[r] = true;
	}
	if (nask)
		st = query_regions_holding(d->db, b.codes, nask, s->period, holds_period, &b, err);
	for (size_t r = first; st == JMON_OK && r < first + n; r++) {
		struct slab_region *sr = &s->regions[r];

		if (sr->loaded || has_only(sr, ind))
			continue;
		if (!b.holds[r]) {
			sr->loaded = true;	/* nothing in the period: every indicator read */
			continue;
		}
		b.codes[b.n] = s->fam->regions[r].code;
		b.index[b.n] = r;
		b.had[b.n++] = sr->n;
	}
	if (st == JMON_OK && b.n)
		st = query_regions_cells(d->db, b.codes, b.n, s->period, ind->id, s->asof,
					 add_region_cell, &b, err);
	for (size_t i = 0; st == JMON_OK && i < b.n; i++) {
		struct slab_region *sr = &s->regions[b.index[i]];

		ARRAY_GROW(sr->only, sr->nonly, sr->caponly);
		sr->only[sr->nonly++] = ind;
		if (b.had[i] && sr->n > b.had[i])	/* after another indicator's */
			place_read(sr, b.had[i]);
	}
	free(b.codes);
	free(b.index);
	free(b.had);
	free(b.holds);
	return st;
}

/* The cells of regions first .. first + n - 1 of the slab, read now when
 * they were not yet: every indicator's (ind NULL), or only ind's. */
static enum jmon_status slab_read(struct disclosure *d, struct slab *s, size_t first, size_t n,
				  const struct indicator *ind, struct jmon_error *err)
{
	struct slab_loader l = { d, s, NULL, NULL };
	size_t before = s->n;
	enum jmon_status st = JMON_OK;

	if (ind && !d->whole) {
		st = read_indicator(d, s, first, n, ind, err);
		n = 0;
	}
	for (size_t r = first; r < first + n && st == JMON_OK; r++) {
		struct slab_region *sr = &s->regions[r];

		if (sr->loaded)
			continue;
		/* the whole region: what was read of it is read again */
		s->n -= sr->n;
		before -= sr->n;
		sr->n = sr->nonly = 0;
		l.region = sr;
		l.ind = NULL;
		st = query_period_cells(d->db, s->fam->regions[r].code, s->period, s->asof,
					add_cell, &l, err);
		sr->loaded = st == JMON_OK;
	}
	d->slab_cells += s->n - before;
	make_room(d, s);
	return st;
}


/* The stored cell of region r, or NULL. */
static const struct slab_cell *slab_find(const struct slab *s, size_t r, const char *indicator,
					 const char *category)
{
	const struct slab_region *sr = &s->regions[r];
	size_t lo = 0, hi = sr->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = cell_cmp(&sr->cells[mid], indicator, category);

		if (c == 0)
			return &sr->cells[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* --- blocks: the rule ------------------------------------------------------- */

/* The cells of one indicator over the block's regions while the rule runs. */
struct grid {
	const struct indicator *ind;
	size_t nregions, ncols;
	struct disclosed *cells;	/* nregions * ncols */
};

static struct disclosed *at(const struct grid *g, size_t r, size_t c)
{
	return &g->cells[r * g->ncols + c];
}

static int col_index(const struct block *b, const char *category)
{
	for (size_t c = 0; c < b->ncols; c++)
		if (!strcmp(b->cols[c], category))
			return (int)c;
	return -1;
}

static void add_col(struct block *b, size_t *cap, const char *id)
{
	if (col_index(b, id) >= 0)
		return;
	ARRAY_GROW(b->cols, b->ncols, *cap);
	snprintf(b->cols[b->ncols++], sizeof b->cols[0], "%s", id);
}

/* A total of `total: sum` that was not delivered is the sum of its parts,
 * when every part has a value (provisional when one of them is).  The
 * configured categories follow the total in the grid. */
static void derive_total(const struct grid *g, size_t r)
{
	const struct indicator *ind = g->ind;
	struct disclosed *t = at(g, r, 0);
	double sum = 0;
	bool provisional = false;

	if (t->v.present || ind->total != TOTAL_SUM || !ind->ncategories)
		return;
	for (size_t i = 0; i < ind->ncategories; i++) {
		const struct disclosed *p = at(g, r, i + 1);
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

/* One pass of complementary suppression over every group of the grid;
 * true when it withheld a cell. */
static bool complement_pass(const struct grid *g, const struct family *fam,
			    struct privacy_member *m, size_t *idx)
{
	const struct indicator *ind = g->ind;
	bool changed = false;
	int k;

	for (size_t r = 0; ind->total == TOTAL_SUM && g->ncols > 1 && r < g->nregions; r++) {
		for (size_t c = 0; c < g->ncols; c++)
			m[c] = member(at(g, r, c));
		if ((k = privacy_complement(ind, m, g->ncols, PRIVACY_SPARE_PARTS)) >= 0) {
			at(g, r, (size_t)k)->withheld = true;
			changed = true;
		}
	}
	if (!by_region(ind) || g->nregions != fam->n || g->nregions < 2)
		return changed;
	for (size_t p = 0; p < g->nregions; p++) {
		size_t n = 1;

		idx[0] = p;
		for (size_t j = fam->kid_at[p]; j < fam->kid_at[p + 1]; j++)
			idx[n++] = fam->kids[j];
		if (n < 2)
			continue;	/* no children */
		for (size_t c = 0; c < g->ncols; c++) {
			for (size_t i = 0; i < n; i++)
				m[i] = member(at(g, idx[i], c));
			if ((k = privacy_complement(ind, m, n, PRIVACY_SPARE_TOTAL)) >= 0) {
				at(g, idx[k], c)->withheld = true;
				changed = true;
			}
		}
	}
	return changed;
}

static void apply_rule(const struct grid *g, const struct family *fam)
{
	size_t most = g->ncols > g->nregions ? g->ncols : g->nregions;
	struct privacy_member *m = xcalloc(most, sizeof *m);
	size_t *idx = xcalloc(most, sizeof *idx);

	for (size_t i = 0; i < g->nregions * g->ncols; i++) {
		struct disclosed *c = &g->cells[i];
		struct stoplight_cell sc = { c->v.present && c->v.has_value, c->v.value, c->v.flag };

		c->withheld = c->v.present && privacy_cell_withheld(g->ind, &sc);
	}
	/* monotone: every pass withholds a cell or ends */
	while (complement_pass(g, fam, m, idx))
		;
	free(m);
	free(idx);
}

static void build_block(const struct slab *s, const struct family *fam, struct block *b)
{
	const struct indicator *ind = b->ind;
	size_t nregions = b->nregions, first = b->first, capcols = 0;
	struct grid g = { ind, nregions, 0, NULL };

	add_col(b, &capcols, "");
	for (size_t i = 0; i < ind->ncategories; i++)
		add_col(b, &capcols, ind->categories[i].id);
	/* categories in the data that the configuration lacks are parts too */
	for (size_t r = first; r < first + nregions; r++)
		for (size_t i = 0; i < s->regions[r].n; i++)
			if (s->regions[r].cells[i].indicator == ind->id)
				add_col(b, &capcols, s->regions[r].cells[i].category);
	g.ncols = b->ncols;
	g.cells = xcalloc(nregions * b->ncols, sizeof *g.cells);
	for (size_t r = 0; r < nregions; r++)
		for (size_t c = 0; c < b->ncols; c++) {
			const struct slab_cell *sc = slab_find(s, first + r, ind->id, b->cols[c]);
			if (sc)
				at(&g, r, c)->v = unpacked(sc);
		}
	for (size_t r = 0; r < nregions; r++)
		derive_total(&g, r);
	apply_rule(&g, fam);	/* the regions' groups only over the whole family */
	b->withheld = xcalloc(nregions * b->ncols, 1);
	b->totals = xcalloc(nregions, sizeof *b->totals);
	b->derived = xcalloc(nregions, sizeof *b->derived);
	for (size_t i = 0; i < nregions * b->ncols; i++)
		b->withheld[i] = g.cells[i].withheld;
	for (size_t r = 0; r < nregions; r++) {
		b->derived[r] = at(&g, r, 0)->derived;
		b->totals[r] = at(&g, r, 0)->v;
	}
	free(g.cells);
}

/* The block of ind that holds region r, its regions read first. */
static enum jmon_status block_of(struct disclosure *d, struct slab *s, const struct family *fam,
				 const struct indicator *ind, size_t r, const struct block **out,
				 struct jmon_error *err)
{
	size_t first = by_region(ind) ? 0 : r, n = by_region(ind) ? fam->n : 1;
	struct block *b;
	enum jmon_status st;

	for (size_t i = 0; i < s->nblocks; i++)
		if (s->blocks[i].ind == ind && s->blocks[i].first == first) {
			*out = &s->blocks[i];
			return JMON_OK;
		}
	/* a family's regions add up for this indicator alone: only its cells
	 * of the others are needed */
	if ((st = slab_read(d, s, first, n, by_region(ind) ? ind : NULL, err)))
		return st;
	ARRAY_GROW(s->blocks, s->nblocks, s->capblocks);
	b = &s->blocks[s->nblocks++];
	memset(b, 0, sizeof *b);
	b->ind = ind;
	b->first = first;
	b->nregions = n;
	build_block(s, fam, b);
	/* a block per region and indicator adds up: it counts against the
	 * bound as its cells do, a column's name as one more */
	s->block_cells += n * b->ncols + b->ncols;
	d->slab_cells += n * b->ncols + b->ncols;
	make_room(d, s);
	*out = b;
	return JMON_OK;
}

/* --- computed figures ---------------------------------------------------- */

/* The formula over the inputs' values; false when it has no value (a
 * ratio or share of a zero). */
static bool apply_formula(const struct compute *c, const double *v, double *out)
{
	switch (c->kind) {
	case COMPUTE_RATIO:
	case COMPUTE_SHARE:
		if (v[1] == 0)
			return false;
		*out = v[0] / v[1] * c->scale;
		return true;
	case COMPUTE_DIFFERENCE:
		*out = v[0] - v[1];
		return true;
	case COMPUTE_SUM:
		*out = 0;
		for (size_t i = 0; i < c->ninputs; i++)
			*out += v[i];
		return true;
	case COMPUTE_NONE:
		break;
	}
	return false;
}

/* A computed cell, from the same cell (region, period, category,
 * delivery) of each input, each through this gate.  Withheld when any
 * input is: a ratio times a known input gives a hidden one back, and a
 * difference plus one does.  So every number shown of a computed figure
 * is a function of numbers shown already, and the reader learns nothing
 * the inputs do not say; the family rule (totals, wijken) needs no second
 * pass over it.  Absent when any input is absent: half a formula is no
 * figure. */
static enum jmon_status computed_cell(struct disclosure *d, const struct indicator *ind,
				      const char *region, const char *period,
				      const char *category, long asof, struct disclosed *out,
				      struct jmon_error *err)
{
	const struct compute *c = &ind->compute;
	double *v = xcalloc(c->ninputs ? c->ninputs : 1, sizeof *v);
	char missing[sizeof out->v.flag] = "";	/* the flag of the first input without a value */
	const char *flag = "";
	bool withheld = false, valueless = false, provisional = false;
	enum jmon_status st = JMON_OK;

	for (size_t i = 0; i < c->ninputs; i++) {
		struct disclosed in;

		if ((st = disclosure_cell(d, c->from[i], region, period, category, asof, &in, err)))
			goto out;
		if (!in.v.present)
			goto out;
		withheld |= in.withheld;
		if (!in.v.has_value && !valueless) {
			valueless = true;
			snprintf(missing, sizeof missing, "%s", in.v.flag[0] ? in.v.flag : "unknown");
			flag = missing;
		}
		provisional |= !strcmp(in.v.flag, "provisional");
		v[i] = in.v.value;
	}
	out->v.present = out->derived = true;
	if (withheld) {
		out->withheld = true;
		flag = "suppressed";
	} else if (!valueless && !apply_formula(c, v, &out->v.value)) {
		flag = "na";		/* of a zero: n.v.t. */
	} else if (!valueless) {
		struct stoplight_cell sc = { true, out->v.value, "" };

		out->v.has_value = true;
		flag = provisional ? "provisional" : "";
		/* a count of counts is a count: its own minimum applies */
		out->withheld = privacy_cell_withheld(ind, &sc);
	}
	snprintf(out->v.flag, sizeof out->v.flag, "%s", flag);
out:
	free(v);
	return st;
}

/* The slab of region's family in period as of asof, and the region's
 * index in it (-1 cannot happen: a region is in its own root's family).
 * Every indicator of a region reads the slab of its gemeente: one read of
 * the family serves them all. */
static enum jmon_status slab_at(struct disclosure *d, const char *region, const char *period,
				long asof, struct slab **s, int *r, struct jmon_error *err)
{
	char root[QUERY_CODE_MAX];
	const struct family *fam;
	enum jmon_status st;

	*r = -1;
	if ((st = family_root(d, region, root, err)) || (st = family_of(d, root, &fam, err)))
		return st;
	*s = slab_of(d, fam, period, asof);
	*r = family_index(fam, region);
	return JMON_OK;
}

enum jmon_status disclosure_cell(struct disclosure *d, const struct indicator *ind,
				 const char *region, const char *period, const char *category,
				 long asof, struct disclosed *out, struct jmon_error *err)
{
	const struct block *b;
	const struct slab_cell *sc;
	struct slab *s;
	enum jmon_status st;
	size_t i;
	int r, c;

	memset(out, 0, sizeof *out);
	if (!category)
		category = "";
	/* never stored: what a delivery might hold for it is not read */
	if (ind->compute.kind != COMPUTE_NONE)
		return computed_cell(d, ind, region, period, category, asof, out, err);
	if ((st = slab_at(d, region, period, asof, &s, &r, err)) || r < 0)
		return st;
	if ((st = block_of(d, s, s->fam, ind, (size_t)r, &b, err)))
		return st;
	if ((c = col_index(b, category)) < 0)
		return JMON_OK;		/* a category nobody delivered or configured */
	i = (size_t)r - b->first;
	if ((sc = slab_find(s, (size_t)r, ind->id, category)))
		out->v = unpacked(sc);
	if (c == 0 && b->derived[i]) {
		out->v = b->totals[i];
		out->derived = true;
	}
	out->withheld = b->withheld[i * b->ncols + (size_t)c];
	return JMON_OK;
}

enum jmon_status disclosure_present(struct disclosure *d, const struct indicator *ind,
				    const char *region, const char *period, long asof,
				    bool *any, struct jmon_error *err)
{
	struct slab *s;
	enum jmon_status st;
	int r;

	*any = false;
	if ((st = slab_at(d, region, period, asof, &s, &r, err)) || r < 0)
		return st;
	/* what block_of reads of this region for ind, and no more */
	if ((st = slab_read(d, s, (size_t)r, 1, by_region(ind) ? ind : NULL, err)))
		return st;
	*any = slab_find(s, (size_t)r, ind->id, "") != NULL;
	for (size_t i = 0; !*any && i < ind->ncategories; i++)
		*any = slab_find(s, (size_t)r, ind->id, ind->categories[i].id) != NULL;
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
