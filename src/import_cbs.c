/* SPDX-License-Identifier: EUPL-1.2 */
/* CBS open data (DESIGN section 4), in two shapes:
 *
 * - wide: one row per region and period, one column per measure.  This is
 *   the kerncijfers extract (Peildatum, WijkenEnBuurten, SoortRegio_2,
 *   JongerenMetJeugdzorgInNatura_96, ...) and OData v3 TypedDataSet and
 *   UntypedDataSet as CSV (ID, RegioS, Perioden, measures).  Columns named
 *   Name_N are measures; a column without the suffix other than ID, the
 *   region and the period is a further dimension (Geslacht, Leeftijd ...).
 * - the StatLine web export: title and filter lines, two header rows (the
 *   periods and the regions across), rows of subject, further dimensions
 *   and unit, then a "Bron: CBS" footer.  Read by read_statline().
 *
 * Measures reach the indicators whose cbs.measure names them; columns no
 * indicator asks for are ignored.  A table published per year sits next to
 * its siblings with another suffix (_84, _87, _91, _96), so one measure may
 * have several columns: per row, the one that holds a value counts.
 *
 * Empty cells are the hard part.  CBS leaves a cell empty when the figure is
 * secret (a small count) and also when it is not published yet (the newest
 * Peildatum has no youth-care figures at all).  So cells are collected
 * first: for a period in which a measure has a value somewhere in the file,
 * an empty cell is suppressed; for a period in which it has none, nothing
 * is stored. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jmon/import_cbs.h"
#include "jmon/import_internal.h"
#include "jmon/xmalloc.h"

/* Compare a CBS name with a configured one ignoring case and everything but
 * letters and digits: "Jongeren met jeugdzorg in natura" matches
 * JongerenMetJeugdzorgInNatura, and "0 tot 5 jaar" matches 0_tot_5_jaar. */
bool cbs_loose_equal(const char *a, const char *b)
{
	for (;;) {
		while (*a && !isalnum((unsigned char)*a))
			a++;
		while (*b && !isalnum((unsigned char)*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a++) != tolower((unsigned char)*b++))
			return false;
	}
}

/* The length of name without a "_N" suffix (JongerenMetJeugdzorgInNatura_96). */
size_t cbs_base_length(const char *name)
{
	const char *u = strrchr(name, '_');

	if (!u || !u[1] || strspn(u + 1, "0123456789") != strlen(u + 1))
		return strlen(name);
	return (size_t)(u - name);
}

bool cbs_has_suffix(const char *name)
{
	return cbs_base_length(name) != strlen(name);
}

bool cbs_base_is(const char *name, const char *word)
{
	size_t n = cbs_base_length(name);

	return strlen(word) == n && strncasecmp(name, word, n) == 0;
}

/* The indicator that measure (a column name or a subject label) feeds. */
const struct indicator *cbs_indicator_for(const struct config *cfg, const char *measure,
					     size_t len, const struct indicator *after)
{
	bool past = after == NULL;

	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++) {
			const struct indicator *ind = &cfg->chapters[c].indicators[i];
			char *m;
			bool match;

			if (!past) {
				past = ind == after;
				continue;
			}
			if (!ind->cbs.measure)
				continue;
			m = xstrndup(measure, len);
			match = cbs_loose_equal(m, ind->cbs.measure);
			free(m);
			if (match)
				return ind;
		}
	return NULL;
}

/* The category a CBS dimension value stands for: a total ("Totaal ...", or a
 * code starting T00 such as T001038), a configured category by id or label,
 * or nothing (*skip: the indicator does not ask for it). */
const struct category *cbs_category_for(const struct indicator *ind, const char *value,
					   bool *skip)
{
	*skip = false;
	if (strncasecmp(value, "totaal", 6) == 0 || strncmp(value, "T00", 3) == 0 || !*value)
		return NULL;
	for (size_t i = 0; i < ind->ncategories; i++)
		if (cbs_loose_equal(ind->categories[i].id, value) ||
		    (ind->categories[i].label && cbs_loose_equal(ind->categories[i].label, value)))
			return &ind->categories[i];
	*skip = true;
	return NULL;
}

/* Read one cell's text into c: "" empty, "." suppressed, else a number
 * scaled by the indicator's implied decimals.  false when malformed. */
bool cbs_read_cell(struct cbs_reader *r, struct csv_field *f, struct cbs_cell *c)
{
	static const double scale[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
	int dec = c->ind->cbs.decimals;

	csv_trim(f);
	if (f->len == 0) {
		c->state = CELL_EMPTY;
		return true;
	}
	if (strcmp(f->s, ".") == 0) {
		c->state = CELL_SUPPRESSED;
		return true;
	}
	if (!import_number(r->im, f, &c->value))
		return false;
	if (dec > 0 && (size_t)dec < ARRAY_SIZE(scale))
		c->value /= scale[dec];
	c->state = CELL_VALUE;
	return true;
}

void cbs_add_cell(struct cbs_reader *r, const struct cbs_cell *c, const struct csv_field *at)
{
	uint32_t first = import_seen(r->im, &(struct import_key){
		c->region, c->ind, c->cat, period_pack(&c->period), (uint32_t)at->line });
	char code[PERIOD_CODE_MAX];

	if (first) {
		import_error(r->im, at, "%s %s %s: a second row for this region and period "
			     "(the first is on line %u)", c->region,
			     period_format(&c->period, code), c->ind->id, first);
		return;
	}
	ARRAY_GROW(r->cells, r->ncells, r->capcells);
	r->cells[r->ncells++] = *c;
}

/* The (indicator, period) pairs for which some cell has a value: there the
 * measure is published, and its empty cells are suppressed ones.  Few
 * pairs (indicators times periods), so a list will do. */
struct published {
	const struct indicator *ind;
	uint32_t period;
};

static bool is_published(const struct published *list, size_t n, const struct cbs_cell *c)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].ind == c->ind && list[i].period == period_pack(&c->period))
			return true;
	return false;
}

static enum jmon_status store_cells(struct cbs_reader *r, struct jmon_error *err)
{
	struct published *pub = NULL;
	size_t npub = 0, cappub = 0;
	enum jmon_status rc = JMON_OK;

	for (size_t i = 0; i < r->ncells; i++) {
		struct cbs_cell *c = &r->cells[i];

		if (c->state == CELL_VALUE && !is_published(pub, npub, c)) {
			ARRAY_GROW(pub, npub, cappub);
			pub[npub++] = (struct published){ c->ind, period_pack(&c->period) };
		}
	}
	for (size_t i = 0; i < r->ncells && rc == JMON_OK; i++) {
		struct cbs_cell *c = &r->cells[i];
		const char *code;
		const char *flag = c->state == CELL_VALUE ? (c->provisional ? "provisional" : "")
							  : "suppressed";

		if (c->state == CELL_EMPTY && !is_published(pub, npub, c))
			continue;
		if (!(code = import_period(r->im, &c->period, err))) {
			rc = JMON_IO;
			break;
		}
		rc = import_cell(r->im, c->region, code, c->ind->id,
				 c->cat ? c->cat->id : "", c->state == CELL_VALUE, c->value, flag, err);
	}
	free(pub);
	/* The region codes made here are freed when this reader ends: write
	 * the cells that still point at them now. */
	if (rc == JMON_OK)
		rc = import_cells_flush(r->im, err);
	return rc;
}

const char *cbs_own(struct cbs_reader *r, char *s)
{
	ARRAY_GROW(r->owned, r->nowned, r->capowned);
	return r->owned[r->nowned++] = s;
}

enum jmon_status import_cbs(struct import *im, struct jmon_error *err)
{
	struct cbs_reader r = { .im = im };
	enum jmon_status rc;

	/* A StatLine export opens with its title, one field alone; the wide
	 * layouts with their header. */
	rc = im->csv.nfields == 1 ? cbs_read_statline(&r, err) : cbs_read_wide(&r, err);
	if (rc == JMON_OK && im->diag->count == 0)
		rc = store_cells(&r, err);
	for (size_t i = 0; i < r.nowned; i++)
		free(r.owned[i]);
	free(r.owned);
	free(r.cells);
	return rc;
}
