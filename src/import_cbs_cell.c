/* SPDX-License-Identifier: EUPL-1.2 */
/* A CBS cell as both layouts read it (src/import_cbs_wide.c,
 * src/import_statline.c): which indicator and category its CBS names stand
 * for, its text, and keeping it until the whole file is read (why, at the
 * top of src/import_cbs.c).  Calls down into the importer's helpers only,
 * never back into the readers.  See include/jmon/import_cbs.h. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "jmon/import_cbs.h"
#include "jmon/import_internal.h"
#include "jmon/numfmt.h"
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
	int dec = c->ind->cbs.decimals;	/* 0 .. CBS_DECIMALS_MAX, config_keys.c */

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
	c->value /= numfmt_pow10[dec];
	c->state = CELL_VALUE;
	return true;
}

/* The slot of (ind, period) in the set: its own, or the empty one where
 * it would go. */
static struct cbs_published *published_slot(const struct cbs_reader *r,
					    const struct indicator *ind, uint32_t period)
{
	size_t mask = r->cappublished - 1;
	size_t h = ((uintptr_t)ind >> 4) * 2654435761u ^ period * 40503u;

	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct cbs_published *p = &r->published[i];

		if (!p->ind || (p->ind == ind && p->period == period))
			return p;
	}
}

bool cbs_is_published(const struct cbs_reader *r, const struct cbs_cell *c)
{
	return r->cappublished &&
	       published_slot(r, c->ind, import_period_key(&c->period))->ind != NULL;
}

static void publish(struct cbs_reader *r, const struct cbs_cell *c)
{
	uint32_t period = import_period_key(&c->period);
	struct cbs_published *p;

	if (2 * (r->npublished + 1) > r->cappublished) {	/* at most half full */
		struct cbs_published *old = r->published;
		size_t n = r->cappublished;

		r->cappublished = n ? 2 * n : 64;
		r->published = xcalloc(r->cappublished, sizeof *r->published);
		for (size_t i = 0; i < n; i++)
			if (old[i].ind)
				*published_slot(r, old[i].ind, old[i].period) = old[i];
		free(old);
	}
	p = published_slot(r, c->ind, period);
	if (!p->ind) {
		*p = (struct cbs_published){ c->ind, period };
		r->npublished++;
	}
}

enum jmon_status cbs_store_cell(struct cbs_reader *r, const struct cbs_cell *c)
{
	const char *flag = c->state == CELL_VALUE ? (c->provisional ? "provisional" : "")
						  : "suppressed";
	const char *code = import_period(r->im, &c->period, r->err);

	if (!code)
		return JMON_IO;
	return import_cell(r->im, c->region, code, c->ind->id, c->cat ? c->cat->id : "",
			   c->state == CELL_VALUE, c->value, flag, r->err);
}

void cbs_add_cell(struct cbs_reader *r, const struct cbs_cell *c, const struct csv_field *at)
{
	uint32_t first = import_seen(r->im, &(struct import_key){
		c->region, c->ind, c->cat, import_period_key(&c->period), (uint32_t)at->line });
	char code[PERIOD_CODE_MAX];

	if (first) {
		import_error(r->im, at, "%s %s %s: a second row for this region and period "
			     "(the first is on line %u)", c->region,
			     period_format(&c->period, code), c->ind->id, first);
		return;
	}
	if (c->state == CELL_VALUE)
		publish(r, c);
	/* an empty cell of a measure not (yet) published for its period
	 * waits: it is nothing, or a suppressed figure once a value comes */
	if (c->state == CELL_EMPTY && !cbs_is_published(r, c)) {
		ARRAY_GROW(r->cells, r->ncells, r->capcells);
		r->cells[r->ncells++] = *c;
		return;
	}
	if (r->rc == JMON_OK)
		r->rc = cbs_store_cell(r, c);
}

const char *cbs_own(struct cbs_reader *r, char *s)
{
	ARRAY_GROW(r->owned, r->nowned, r->capowned);
	return r->owned[r->nowned++] = s;
}
