/* SPDX-License-Identifier: EUPL-1.2 */
/* As-of figures: which period's figure an indicator shows for a chosen
 * period P when it has none of its own (jmon.yaml(5), AS OF).
 *
 * Monitors mix frequencies: CBS publishes years and reference dates,
 * providers quarters, finance budget years.  For P an indicator shows, in
 * this order of preference:
 *   1. its figure for P itself;
 *   2. a figure of a period of another kind that contains P (a year or a
 *      half-year around a quarter), the shortest first;
 *   3. the newest figure of another kind that ends at or before P's end
 *      and no more than max_age months before it (a reference date, the
 *      last quarter of a half-year); of two with the same end the longer.
 * A period of P's own kind other than P is never shown for P: a quarter
 * that was not delivered is missing, not the quarter before.
 *
 * Pure: periods in, a choice out. */
#ifndef JMON_ASOF_H
#define JMON_ASOF_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/period.h"

/* max_age when the configuration says nothing: a year, so a yearly figure
 * or a reference date of 1 January serves every quarter of its year. */
#define ASOF_DEFAULT_MONTHS 12
/* as_of: none — only the figure of P itself. */
#define ASOF_OFF (-1)

/* A duration as the configuration writes it: "2y", "18m", "1y" (years or
 * months, 0..1200 months).  false when malformed. */
bool asof_duration_parse(const char *s, int *months);

/* Whether a figure of period cand may stand for P under max_age months
 * (ASOF_OFF: only P itself), and if so its rank: lower is preferred.
 * Ranks of different candidates for one P never tie. */
bool asof_eligible(const struct period *p, const struct period *cand, int max_age);
int asof_cmp(const struct period *p, const struct period *a, const struct period *b);

/* The ISO date max_age months before P's end ("2022-12-31" for 2023Q4 and
 * 12 months), into buf of PERIOD_CODE_MAX: no figure ending before it is
 * shown for P.  A day past the end of the shorter month is its last day. */
void asof_cutoff(const struct period *p, int max_age, char *buf);

/* Sort cands[0..n) in order of preference for P and drop the ineligible
 * ones; returns how many are left. */
size_t asof_order(const struct period *p, struct period *cands, size_t n, int max_age);

#endif
