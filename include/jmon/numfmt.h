/* SPDX-License-Identifier: EUPL-1.2 */
/* Numbers for people and for machines.
 *
 * Screens and reasons are Dutch: `2.660`, `4,2`, `-16`, `+12,3`, `6,5 wk`,
 * `11,4 %`, `€ 1.234`.  CSV and JSON get the machine form: `.` as the
 * decimal mark, no thousands separator, no exponent, no trailing zeros.
 *
 * The TUI calls setlocale(), and under nl_NL LC_NUMERIC would switch the
 * decimal mark behind our back: formatting never goes through printf's
 * `%f`, and parsing calls strtod only in the C locale.  Rounding is half
 * away from zero on the decimal digits of the value (4,35 shows as 4,4,
 * as a reader expects, although the double is 4,34999...). */
#ifndef JMON_NUMFMT_H
#define JMON_NUMFMT_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/units.h"

#define NUMFMT_MAX 64		/* enough for any double in any form here */

#define NUMFMT_SIGN    0x1	/* always a sign: "+12,3", "-16" (zero stays "0") */
#define NUMFMT_NOGROUP 0x2	/* no thousands separator: "2660" */

/* Dutch form with `decimals` decimals (0-9); decimals < 0: as few as the
 * value needs, at most 6 (for the bounds of a condition: "3,5", "10").
 * Returns buf. */
char *numfmt_nl(char *buf, size_t size, double v, int decimals, unsigned flags);

/* Dutch form with the unit: "6,5 wk", "12 dgn", "11,4 %", "€ 1.234",
 * "2.660" (aantal and score have no suffix). */
char *numfmt_unit(char *buf, size_t size, double v, int decimals, enum unit u,
		  unsigned flags);

/* numfmt_unit, and when that is wider than width columns, in thousands,
 * millions or billions with one decimal: "€ 32,6 mln", "+7,7 mln". */
char *numfmt_unit_fit(char *buf, size_t size, double v, int decimals, enum unit u,
		      unsigned flags, int width);

/* Machine form: "2660", "4.2", "-0.05".  decimals < 0: the value as
 * stored, in the shortest form that reads back as the same double (15
 * significant digits when they do, else 16 or 17; trailing zeros
 * dropped); otherwise rounded to that many decimals, trailing zeros kept
 * ("4.20"). */
char *numfmt_machine(char *buf, size_t size, double v, int decimals);

/* a - b as the decimal numbers a and b are written (15 significant
 * digits): 10,8 - 11,1 is the double nearest -0,3, not the binary
 * -0,29999999999999893 that would print as -0.299999999999999.  For every
 * change and difference a reader is shown (figures.c, revision.c). */
double numfmt_difference(double a, double b);

/* 10^0 .. 10^22, each exact: 10^22 is the largest power of ten a double
 * holds exactly, so a mantissa below 2^53 times or divided by one of
 * these is rounded once, correctly. */
#define NUMFMT_POW10_MAX 22
extern const double numfmt_pow10[NUMFMT_POW10_MAX + 1];

/* Parse a machine number: optional sign, digits, optional `.digits`,
 * optional exponent; nothing else, not even spaces.  Locale-independent,
 * and the nearest double to the text, however many digits it has.  false
 * also when that is beyond a double: infinite (1e999), or 0 for digits
 * that are not (1e-400).  What is accepted is finite. */
bool numfmt_parse(const char *s, double *out);

#endif
