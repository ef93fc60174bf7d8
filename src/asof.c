/* SPDX-License-Identifier: EUPL-1.2 */
/* The choice of an as-of figure's period; see include/jmon/asof.h.
 * Periods compare by their first and last day as ISO dates, which order
 * as strings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/asof.h"

#define MAX_MONTHS 1200

bool asof_duration_parse(const char *s, int *months)
{
	char *end;
	long n;

	if (!s || *s < '0' || *s > '9')
		return false;
	n = strtol(s, &end, 10);
	if ((*end != 'y' && *end != 'm') || end[1] != '\0')
		return false;
	if (*end == 'y')
		n *= 12;
	if (n < 0 || n > MAX_MONTHS)
		return false;
	*months = (int)n;
	return true;
}

void asof_cutoff(const struct period *p, int max_age, char *buf)
{
	char end[PERIOD_CODE_MAX];
	int y, m, d, index;

	period_end(p, end);
	if (sscanf(end, "%d-%d-%d", &y, &m, &d) != 3) {
		snprintf(buf, PERIOD_CODE_MAX, "%s", end);
		return;
	}
	index = y * 12 + (m - 1) - (max_age > 0 ? max_age : 0);
	y = index / 12;
	m = index % 12 + 1;
	if (d > period_days_in_month(y, m))
		d = period_days_in_month(y, m);
	snprintf(buf, PERIOD_CODE_MAX, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
		 (unsigned)d % 100u);
}

static bool same(const struct period *a, const struct period *b)
{
	return a->kind == b->kind && a->year == b->year && a->n == b->n && a->day == b->day;
}

/* cand holds every day of p, and is longer. */
static bool contains(const struct period *cand, const struct period *p)
{
	char cs[PERIOD_CODE_MAX], ce[PERIOD_CODE_MAX], ps[PERIOD_CODE_MAX], pe[PERIOD_CODE_MAX];

	period_start(cand, cs);
	period_end(cand, ce);
	period_start(p, ps);
	period_end(p, pe);
	return strcmp(cs, ps) <= 0 && strcmp(ce, pe) >= 0 && !same(cand, p);
}

bool asof_eligible(const struct period *p, const struct period *cand, int max_age)
{
	char ce[PERIOD_CODE_MAX], pe[PERIOD_CODE_MAX], cut[PERIOD_CODE_MAX];

	if (same(p, cand))
		return true;
	if (max_age == ASOF_OFF || cand->kind == p->kind)
		return false;
	if (contains(cand, p))
		return true;
	period_end(cand, ce);
	period_end(p, pe);
	asof_cutoff(p, max_age, cut);
	return strcmp(ce, pe) <= 0 && strcmp(ce, cut) >= 0;
}

/* 0: P itself, 1: contains P, 2: ends at or before P's end. */
static int tier(const struct period *p, const struct period *c)
{
	return same(p, c) ? 0 : contains(c, p) ? 1 : 2;
}

int asof_cmp(const struct period *p, const struct period *a, const struct period *b)
{
	char ea[PERIOD_CODE_MAX], eb[PERIOD_CODE_MAX];
	int ta = tier(p, a), tb = tier(p, b), c;

	if (ta != tb)
		return ta - tb;
	period_end(a, ea);
	period_end(b, eb);
	if (ta == 1) {
		/* the shortest around P: the one that ends first, else starts last */
		if ((c = strcmp(ea, eb)) != 0)
			return c;
		return -period_cmp(a, b);
	}
	/* the newest: the latest end, then the longer (the earlier start) */
	if ((c = strcmp(eb, ea)) != 0)
		return c;
	return period_cmp(a, b);
}

static const struct period *sort_p;	/* qsort has no context argument */

static int by_preference(const void *a, const void *b)
{
	return asof_cmp(sort_p, a, b);
}

size_t asof_order(const struct period *p, struct period *cands, size_t n, int max_age)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		if (asof_eligible(p, &cands[i], max_age))
			cands[k++] = cands[i];
	sort_p = p;
	qsort(cands, k, sizeof *cands, by_preference);
	return k;
}
