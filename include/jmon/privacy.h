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
 * A total must not give a hidden part away: when the parts add up to the
 * total (`total: sum`) and exactly one part is not shown for privacy
 * (hidden here, or suppressed by the source), total minus the shown parts
 * would be that part, so the total is hidden too.  With two or more parts
 * hidden the difference is their sum, which names no single cell. */
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

/* Whether the total of a breakdown must be hidden, given its category
 * cells parts[0..n) (in any order). */
bool privacy_total_withheld(const struct indicator *ind,
			    const struct stoplight_cell *parts, size_t n);

/* What a screen shows instead of a withheld count: "<10". */
char *privacy_mask(char *buf, size_t size, const struct indicator *ind);

#endif
