/* SPDX-License-Identifier: EUPL-1.2 */
/* The cells of a long CSV out of order: staged in file order, written in
 * key order.  See import_stage_cell in include/jmon/import_internal.h.
 *
 * Why: a shuffled file written as it comes inserts into the observation
 * key at random, and once the table outgrows the page cache every insert
 * evicts a page to the WAL (a million shuffled rows: 1.4 million writes,
 * three quarters of the import); keeping every key in memory to find the
 * duplicates cost 32 MiB more.  So the rows are sorted first, in bounded
 * memory: runs of import_stage_run_rows rows (8 MiB) are sorted here and
 * written to a temporary file, then merged, and they reach the observation
 * table as a sorted file does, a page at a time.  (SQLite's own sorter,
 * through a temporary table, did the same at twice the cost: every row
 * went through its virtual machine twice.)  In that order a duplicate key
 * is the row after its first one, so no key is kept in memory at all.
 * Its messages are the same, in the order of their lines, after the other
 * problems of the file.
 *
 * A staged row is the key as the duplicate check keeps it
 * (import_region_id, import_period_key, import_cell_id) in two integers,
 * with the line, the value and the flag; that is what the runs' file
 * holds.  A run is sorted, and the runs merged, by the ranks of those ids
 * in the text order of their codes (src/import_order.c), so the rows
 * reach the table in the order of its key's text and every insert appends
 * at the right edge of its B-tree.  Sorted by the ids themselves (regions
 * in the order they came) each region's rows went into the middle of the
 * tree, most of the difference between the national delivery, whose
 * regions come interleaved, and a sorted file (README.md, Performance). */
/* the temporary file of a national delivery passes 2 GiB on 32-bit too */
#define _FILE_OFFSET_BITS 64

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jmon/import_internal.h"
#include "jmon/query.h"
#include "jmon/xmalloc.h"

size_t import_stage_run_rows = 1 << 18;	/* 8 MiB of struct staged_cell */

/* the page cache while the sorted rows are written */
#define STAGE_CACHE_KIB "8192"

/* The memory of the merge: every run reads through a window of its own,
 * together this many rows, but never fewer than MERGE_MIN_ROWS a run. */
#define MERGE_ROWS (1 << 18)
#define MERGE_MIN_ROWS 256

/* place: region id and period key; cell: the cell id and the line, so that
 * of two rows of one key the first line comes first. */
static int64_t place_of(uint32_t region, uint32_t period)
{
	return (int64_t)region << 32 | period;
}

static int64_t cell_of(uint32_t cell, uint32_t line)
{
	return (int64_t)cell << 32 | line;
}

static int staged_cmp(const struct staged_cell *a, const struct staged_cell *b)
{
	if (a->place != b->place)
		return a->place < b->place ? -1 : 1;
	return a->cell < b->cell ? -1 : a->cell > b->cell;
}

static const char *stage_dir(void)
{
	const char *dir = getenv("TMPDIR");

	return dir && *dir ? dir : "/tmp";
}

static enum jmon_status stage_error(const char *name, struct jmon_error *err, const char *what)
{
	return jmon_fail(err, JMON_IO, "%s: %s its rows out of order in %s: %s", name, what,
			 stage_dir(), strerror(errno ? errno : EIO));
}

/* The runs' file: in $TMPDIR (where SQLite keeps its temporary files too),
 * removed at once, so that nothing is left when the import ends in any way. */
static FILE *stage_file(void)
{
	char path[4096];
	FILE *f;
	int fd;

	if ((size_t)snprintf(path, sizeof path, "%s/jmon-stage-XXXXXX", stage_dir()) >= sizeof path) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if ((fd = mkstemp(path)) < 0)
		return NULL;
	unlink(path);
	if (!(f = fdopen(fd, "w+b")))
		close(fd);
	return f;
}

/* Sort the rows in memory by the ranks of now (import_order.c). */
static void sort_staged(struct import *im)
{
	if (!im->stage_tmp)
		im->stage_tmp = xcalloc(import_stage_run_rows, sizeof *im->stage_tmp);
	import_order_update(im->stage_order, im);
	import_order_rank(im->stage_order, im->staged, im->nstaged);
	import_order_sort(im->stage_order, im->staged, im->stage_tmp, im->nstaged);
}

/* Sort the rows in memory and write them, as ids, as one run of the file. */
static enum jmon_status write_run(struct import *im, struct jmon_error *err)
{
	sort_staged(im);
	import_order_unrank(im->stage_order, im->staged, im->nstaged);
	errno = 0;
	if (!im->stage_file && !(im->stage_file = stage_file()))
		return stage_error(im->name, err, "staging");
	ARRAY_GROW(im->stage_runs, im->nstage_runs, im->capstage_runs);
	im->stage_runs[im->nstage_runs++] = im->nstaged;
	if (fwrite(im->staged, sizeof *im->staged, im->nstaged, im->stage_file) != im->nstaged)
		return stage_error(im->name, err, "staging");
	im->nstaged = 0;
	return JMON_OK;
}

enum jmon_status import_stage_cell(struct import *im, const struct import_cell_key *k,
				   bool has_value, double value, const char *flag,
				   struct jmon_error *err)
{
	if (!im->staged) {
		im->staged = xcalloc(import_stage_run_rows, sizeof *im->staged);
		im->stage_order = import_order_new(im);
	}
	im->staged[im->nstaged++] = (struct staged_cell){
		place_of(import_region_id(im, k->region), import_period_key(&k->p)),
		cell_of(import_cell_id(im, k->ind, k->cat), (uint32_t)im->csv.record_line),
		value, query_flag_number(flag), has_value };
	return im->nstaged == import_stage_run_rows ? write_run(im, err) : JMON_OK;
}

/* --- merged in key order -------------------------------------------------------- */

/* A sorted run of the file, read through a window. */
struct run {
	off_t next;		/* the file offset of its next unread row */
	size_t left;		/* rows not yet in the window */
	struct staged_cell *win;
	size_t n, at;		/* rows in the window, the current one */
};

static enum jmon_status run_fill(const char *name, FILE *f, const struct import_order *o,
				 struct run *r, size_t rows, struct jmon_error *err)
{
	size_t n = r->left < rows ? r->left : rows;

	errno = 0;
	if (fseeko(f, r->next, SEEK_SET) || fread(r->win, sizeof *r->win, n, f) != n)
		return stage_error(name, err, "reading back");
	import_order_rank(o, r->win, n);
	r->next += (off_t)(n * sizeof *r->win);
	r->left -= n;
	r->n = n;
	r->at = 0;
	return JMON_OK;
}

/* The merge: a heap of the runs not yet exhausted, by their current row.
 * Without a file (f NULL) the one run is the rows in memory. */
struct merge {
	const char *name;
	FILE *f;
	const struct import_order *order;
	struct run *runs;
	size_t nruns;
	size_t *heap, nheap, rows;
};

static bool run_less(const struct merge *m, size_t a, size_t b)
{
	const struct run *x = &m->runs[a], *y = &m->runs[b];

	return staged_cmp(&x->win[x->at], &y->win[y->at]) < 0;
}

static void sift_down(struct merge *m, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, min = i, t;

		if (l < m->nheap && run_less(m, m->heap[l], m->heap[min]))
			min = l;
		if (r < m->nheap && run_less(m, m->heap[r], m->heap[min]))
			min = r;
		if (min == i)
			return;
		t = m->heap[i];
		m->heap[i] = m->heap[min];
		m->heap[min] = t;
		i = min;
	}
}

static enum jmon_status merge_open(struct import *im, struct merge *m, struct jmon_error *err)
{
	size_t n = im->stage_file ? im->nstage_runs : 1, rows = MERGE_ROWS / n;
	off_t at = 0;
	enum jmon_status rc = JMON_OK;

	m->name = im->name;
	m->f = im->stage_file;
	m->order = im->stage_order;
	m->rows = rows < MERGE_MIN_ROWS ? MERGE_MIN_ROWS : rows;
	m->runs = xcalloc(n, sizeof *m->runs);
	m->nruns = n;
	m->heap = xcalloc(n, sizeof *m->heap);
	m->nheap = 0;
	if (!m->f) {	/* a file that fits in one run is sorted where it is */
		sort_staged(im);
		m->runs[0] = (struct run){ 0, 0, im->staged, im->nstaged, 0 };
		if (im->nstaged)
			m->heap[m->nheap++] = 0;
		return JMON_OK;
	}
	/* the windows take the place of the last run's rows, and of the
	 * sort's; the ranks are of every region and period now */
	free(im->staged);
	im->staged = NULL;
	im->nstaged = 0;
	free(im->stage_tmp);
	im->stage_tmp = NULL;
	import_order_update(im->stage_order, im);
	for (size_t i = 0; i < n && rc == JMON_OK; i++) {
		struct run *r = &m->runs[i];

		r->next = at;
		r->left = im->stage_runs[i];
		at += (off_t)(r->left * sizeof *r->win);
		r->win = xmalloc(m->rows * sizeof *r->win);
		if (r->left && (rc = run_fill(m->name, m->f, m->order, r, m->rows, err)) == JMON_OK)
			m->heap[m->nheap++] = i;
	}
	for (size_t i = m->nheap; i-- > 0;)
		sift_down(m, i);
	return rc;
}

/* The next row in key order into *c; false when there is none. */
static bool merge_next(struct merge *m, struct staged_cell *c, enum jmon_status *rc,
		       struct jmon_error *err)
{
	struct run *r;

	if (!m->nheap)
		return false;
	r = &m->runs[m->heap[0]];
	*c = r->win[r->at++];
	if (r->at == r->n) {
		if (r->left)
			*rc = run_fill(m->name, m->f, m->order, r, m->rows, err);
		else
			m->heap[0] = m->heap[--m->nheap];
	}
	if (*rc == JMON_OK && m->nheap)
		sift_down(m, 0);
	return *rc == JMON_OK;
}

static void merge_close(struct merge *m)
{
	for (size_t i = 0; m->f && i < m->nruns; i++)
		free(m->runs[i].win);
	free(m->runs);
	free(m->heap);
}

/* A duplicate row: its line and its message. */
struct duplicate {
	uint32_t line;
	char *msg;
};

/* The duplicates whose messages are shown (DIAG_SHOWN with the lowest
 * lines) and how many there are in all. */
struct duplicates {
	struct duplicate v[DIAG_SHOWN];
	size_t n;
	long total;
};

static int by_line(const void *a, const void *b)
{
	const struct duplicate *x = a, *y = b;

	return x->line < y->line ? -1 : x->line > y->line;
}

/* Keep a duplicate if it is among the DIAG_SHOWN lowest lines so far. */
static void add_duplicate(struct duplicates *d, uint32_t line, const char *region,
			  const char *period, const struct indicator *ind,
			  const struct category *cat, uint32_t first)
{
	size_t at = d->n;
	char msg[IMPORT_DUPLICATE_MAX];

	d->total++;
	if (d->n == DIAG_SHOWN) {
		size_t hi = 0;

		for (size_t i = 1; i < d->n; i++)
			if (d->v[i].line > d->v[hi].line)
				hi = i;
		if (d->v[hi].line < line)
			return;
		free(d->v[hi].msg);
		at = hi;
	} else {
		d->n++;
	}
	import_duplicate_message(msg, sizeof msg, region, period, ind, cat, first);
	d->v[at] = (struct duplicate){ line, xstrdup(msg) };
}

/* The messages in the order of their lines, after the file's others. */
static void report_duplicates(struct import *im, struct duplicates *d)
{
	qsort(d->v, d->n, sizeof *d->v, by_line);
	for (size_t i = 0; i < d->n; i++) {
		diag_add(im->diag, im->name, d->v[i].line, 1, "%s", d->v[i].msg);
		free(d->v[i].msg);
	}
	for (long i = (long)d->n; i < d->total; i++)
		diag_add(im->diag, im->name, 0, 0, "(not shown)");
}

enum jmon_status import_stage_write(struct import *im, struct jmon_error *err)
{
	struct duplicates dups = { .n = 0 };
	int64_t last_place = -1, last_cell = -1;
	char period[PERIOD_CODE_MAX] = "";
	uint32_t first = 0;
	struct merge m = { 0 };
	struct staged_cell c;
	enum jmon_status rc;

	if (!im->staged)
		return JMON_OK;
	/* In key order a few pages at a time are enough; and a page cache
	 * that spills to the WAL as it goes lets a write that cannot grow the
	 * file fail at that insert, where the system's reason is still known,
	 * not at the COMMIT (tests/cli/exit_status.sh). */
	if ((rc = db_exec(im->db, "PRAGMA cache_size = -" STAGE_CACHE_KIB, err)) != JMON_OK ||
	    (im->stage_file && im->nstaged && (rc = write_run(im, err)) != JMON_OK) ||
	    (rc = merge_open(im, &m, err)) != JMON_OK)
		goto out;
	while (merge_next(&m, &c, &rc, err)) {
		struct staged_cell id = import_order_ids(im->stage_order, &c);
		uint32_t line = (uint32_t)(c.cell & 0xffffffff);
		const char *region = im->region_codes[id.place >> 32];
		const struct category *cat;
		const struct indicator *ind = import_cell_indicator(im, (uint32_t)(id.cell >> 32),
								    &cat);

		if (c.place != last_place)
			import_period_code((uint32_t)(id.place & 0xffffffff), period);
		if (c.place == last_place && c.cell >> 32 == last_cell) {
			add_duplicate(&dups, line, region, period, ind, cat, first);
			continue;
		}
		last_place = c.place;
		last_cell = c.cell >> 32;
		first = line;
		if ((rc = import_cell(im, region, period, ind->id, cat ? cat->id : "", c.has_value,
				      c.value, query_flag_name(c.flag), err)) != JMON_OK)
			break;
	}
out:
	merge_close(&m);
	report_duplicates(im, &dups);
	return rc;
}

void import_stage_drop(struct import *im)
{
	if (im->stage_file)
		fclose(im->stage_file);
	im->stage_file = NULL;
	free(im->stage_runs);
	im->stage_runs = NULL;
	im->nstage_runs = im->capstage_runs = 0;
	free(im->staged);
	im->staged = NULL;
	im->nstaged = 0;
	free(im->stage_tmp);
	im->stage_tmp = NULL;
	import_order_free(im->stage_order);
	im->stage_order = NULL;
}
