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

/* One horizontal bar of len columns (fractional: eighths of a block, or
 * whole "#" without UTF-8) in a field of width columns, with ":" / "┆"
 * marks at the columns marks[0..nmarks) and a "|" / "│" line at
 * line_col (-1: none) where the bar does not reach. */
char *sparkline_bar(char *buf, size_t size, double len, int width, const int *marks,
		    int nmarks, int line_col, bool utf8);

#endif
