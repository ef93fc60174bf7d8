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

/* Shown: a value, not flagged away, not withheld. */
static bool cell_shown(const struct indicator *ind, const struct stoplight_cell *cell)
{
	return cell->has_value && !flagged(cell, "suppressed") && !flagged(cell, "unknown")
	       && !flagged(cell, "na") && !privacy_hides(ind, cell->value);
}

bool privacy_total_withheld(const struct indicator *ind,
			    const struct stoplight_cell *parts, size_t n)
{
	size_t unshown = 0, withheld = 0;

	/* overlapping parts (total: none) do not subtract to a part */
	if (ind->total != TOTAL_SUM)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!cell_shown(ind, &parts[i]))
			unshown++;
		if (privacy_cell_withheld(ind, &parts[i]))
			withheld++;
	}
	/* one part missing for another reason (not delivered) makes the
	 * difference the sum of two unknowns, which reveals neither */
	return unshown == 1 && withheld == 1;
}

char *privacy_mask(char *buf, size_t size, const struct indicator *ind)
{
	snprintf(buf, size, "<%d", ind->min_count);
	return buf;
}
