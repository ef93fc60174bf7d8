/* SPDX-License-Identifier: EUPL-1.2 */
/* Privacy of small counts; the rules are in include/jmon/privacy.h. */
#include <stdio.h>
#include <string.h>

#include "jmon/privacy.h"

bool privacy_hides(const struct indicator *ind, double value)
{
	return ind->counts && value > 0 && value < ind->min_count;
}

static bool flagged(const struct stoplight_cell *cell, const char *flag)
{
	return cell->flag && !strcmp(cell->flag, flag);
}

bool privacy_cell_withheld(const struct indicator *ind, const struct stoplight_cell *cell)
{
	if (flagged(cell, "suppressed"))
		return true;
	return cell->has_value && privacy_hides(ind, cell->value);
}

/* The shown part (index >= 1) that protects best, or -1: the smallest
 * that is at least 2 * min - 1, else the largest when `largest`. */
static int protecting_part(const struct indicator *ind, const struct privacy_member *m,
			   size_t n, bool largest)
{
	double enough = 2.0 * ind->min_count - 1;
	int best = -1, big = -1;

	for (size_t i = 1; i < n; i++) {
		if (!m[i].shown)
			continue;
		if (m[i].value > 0 && m[i].value >= enough &&
		    (best < 0 || m[i].value < m[best].value))
			best = (int)i;
		if (big < 0 || m[i].value > m[big].value)
			big = (int)i;
	}
	return best >= 0 ? best : largest ? big : -1;
}

int privacy_complement(const struct indicator *ind, const struct privacy_member *m, size_t n,
		       enum privacy_spare spare)
{
	size_t unshown = 0, withheld = 0, hidden = 0;
	int part;

	for (size_t i = 0; i < n; i++) {
		if (!m[i].shown) {
			unshown++;
			hidden = i;
		}
		withheld += m[i].withheld;
	}
	/* two unknowns (or one not delivered) reveal neither */
	if (n < 2 || unshown != 1 || withheld != 1 || !m[hidden].withheld)
		return -1;
	if (hidden == 0)	/* the total: the parts add up to it */
		return protecting_part(ind, m, n, true);
	if (spare == PRIVACY_SPARE_PARTS)
		return 0;
	part = protecting_part(ind, m, n, false);
	return part >= 0 ? part : 0;
}

char *privacy_mask(char *buf, size_t size, const struct indicator *ind)
{
	snprintf(buf, size, "<%d", ind->min_count);
	return buf;
}
