/* SPDX-License-Identifier: EUPL-1.2 */
/* A trend in a few characters: "▁▂▃▄▅▆▇█", or " .:-=+*#" without UTF-8.
 * Curses-free. */
#ifndef JMON_SPARKLINE_H
#define JMON_SPARKLINE_H

#include <stdbool.h>
#include <stddef.h>

/* Write n levels for values[0..n) into buf; a value with shown[i] false is
 * a gap (a space): missing, or withheld for privacy, whose height would
 * give the number away.  Scaled between the smallest and largest shown
 * value; all equal: the middle level. */
char *sparkline(char *buf, size_t size, const double *values, const bool *shown, int n,
		bool utf8);

#endif
