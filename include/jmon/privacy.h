/* SPDX-License-Identifier: EUPL-1.2 */
/* Privacy rules for small counts, as pure functions.
 *
 * Small counts identify children.  A count of an indicator with
 * `counts: true` that is above zero and below the privacy minimum (the
 * monitor's, or the indicator's own `privacy: {min_count: N}`) is never
 * shown or exported: screens print "<10", exports an empty value with the
 * flag `suppressed`, and its stoplight is grey.  Zero is shown: it
 * identifies nobody, and "nobody waits beyond the legal term" must stay
 * readable.
 *
 * A group that adds up must not give a hidden member away: when the parts
 * add up to the total (`total: sum`) and exactly one member is not shown
 * for privacy (hidden here, or suppressed by the source), total minus the
 * shown parts would be that member, so one more is withheld
 * (privacy_complement).  With two or more hidden the difference is their
 * sum, which names no single cell.  include/jmon/disclosure.h applies this
 * to every group a cell is in. */
#ifndef JMON_PRIVACY_H
#define JMON_PRIVACY_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/config.h"
#include "jmon/stoplight.h"

/* A count of ind that must not be shown. */
bool privacy_hides(const struct indicator *ind, double value);

/* A cell that is withheld for privacy: suppressed at the source, or a
 * count privacy_hides. */
bool privacy_cell_withheld(const struct indicator *ind, const struct stoplight_cell *cell);

/* One member of a group whose members add up: a total (member 0) and its
 * parts (categories, or the wijken of a gemeente). */
struct privacy_member {
	bool shown;		/* a value the reader sees */
	bool withheld;		/* not shown for privacy */
	double value;		/* the stored value, when there is one */
};

enum privacy_spare {
	PRIVACY_SPARE_PARTS,	/* withhold the total first (categories) */
	PRIVACY_SPARE_TOTAL,	/* withhold a part first (regions: the gemeente
				 * stays readable when one wijk is small) */
};

/* Complementary suppression: when exactly one member is not shown and it
 * is withheld, the arithmetic of the others (total minus parts) would give
 * it away, so one more member must be withheld.  Returns its index, or -1
 * when the group gives nothing away.
 *
 * The member chosen protects the hidden one even against a reader who
 * knows the rule: a part shown as "geheim" is known to be 0 or at least the
 * minimum, so the smallest part that is at least twice the minimum (minus
 * one) leaves the hidden count every value from 1 to the minimum minus 1;
 * without one, the total (or, for a hidden total, the largest part). */
int privacy_complement(const struct indicator *ind, const struct privacy_member *m, size_t n,
		       enum privacy_spare spare);

/* What a screen shows instead of a withheld count: "<10". */
char *privacy_mask(char *buf, size_t size, const struct indicator *ind);

#endif
