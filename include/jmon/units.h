/* SPDX-License-Identifier: EUPL-1.2 */
/* The unit of an indicator's figures, and its two names: the word of
 * jmon.yaml(5) (`unit: weken`) and the suffix on screen ("6,5 wk").  A
 * header of its own so that numbers can have units without the
 * configuration; the names are defined in src/numfmt.c, next to the
 * numbers they follow. */
#ifndef JMON_UNITS_H
#define JMON_UNITS_H

/* UNIT_NONE: a figure without a number (a theme, a control measure): no
 * value is expected, nothing is computed, and its status can only be set
 * by hand (a review). */
enum unit { UNIT_AANTAL, UNIT_PROCENT, UNIT_WEKEN, UNIT_DAGEN, UNIT_EURO, UNIT_SCORE, UNIT_NONE,
	     UNIT_WERKDAGEN };

/* The words of jmon.yaml(5) in enum order, NULL-terminated: "aantal",
 * "procent", "weken", "dagen", "euro", "score", "none", "werkdagen" (a
 * term as a document writes it: five working days are not five days). */
extern const char *const unit_names[];
const char *unit_name(enum unit u);	/* "?" for a value outside the enum */

/* The short unit as it follows a number on screen: "wk", "dgn", "wd", "%", "€"
 * (written before the number), "" for aantal and score. */
const char *unit_suffix(enum unit u);

#endif
