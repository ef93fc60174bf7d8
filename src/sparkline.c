/* SPDX-License-Identifier: EUPL-1.2 */
/* Sparklines; see include/jmon/sparkline.h. */
#include <math.h>
#include <string.h>

#include "jmon/sparkline.h"

static const char *const blocks[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
static const char ascii[8] = { '_', '.', ':', '-', '=', '+', '*', '#' };

/* The level 0..7 of v between lo and hi.  Halved first: hi - lo of values
 * near the largest double overflows to infinity, and infinity / infinity
 * is not a number, which no cast makes a level. */
static int level_of(double v, double lo, double hi)
{
	double span = hi / 2 - lo / 2, f = (v / 2 - lo / 2) / span;

	if (!(span > 0))
		return 3;	/* all equal */
	if (!(f > 0))
		return 0;
	return f >= 1 ? 7 : (int)(f * 7.0 + 0.5);
}

char *sparkline(char *buf, size_t size, const double *values, const bool *shown, int n,
		bool utf8)
{
	double lo = 0, hi = 0;
	bool any = false;
	size_t len = 0;

	for (int i = 0; i < n; i++) {
		if (!shown[i] || !isfinite(values[i]))
			continue;
		if (!any || values[i] < lo)
			lo = values[i];
		if (!any || values[i] > hi)
			hi = values[i];
		any = true;
	}
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		int level = 3;
		const char *s;
		char one[2] = { ' ', 0 };

		bool gap = !shown[i] || !isfinite(values[i]);

		if (!gap && hi > lo)
			level = level_of(values[i], lo, hi);
		if (gap)
			s = " ";
		else if (utf8)
			s = blocks[level];
		else {
			one[0] = ascii[level];
			s = one;
		}
		size_t sl = strlen(s);
		if (len + sl + 1 > size)
			break;
		memcpy(buf + len, s, sl + 1);
		len += sl;
	}
	return buf;
}

/* See include/jmon/sparkline.h. */
char *sparkline_bar(char *buf, size_t size, double len, int width, const int *marks, int nmarks,
		int norm_col, bool utf8)
{
	static const char *const eighths[] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	size_t used = 0;
	int full, frac;

	if (!(len > 0))		/* also not a number */
		len = 0;
	if (len > width)
		len = width;
	full = (int)len;
	frac = (int)((len - full) * 8);

	buf[0] = '\0';
	for (int col = 0; col < width; col++) {
		const char *c = " ";
		bool mark = false;

		for (int m = 0; m < nmarks; m++)
			mark |= marks[m] == col;
		if (col < full)
			c = utf8 ? "█" : "#";
		else if (col == full && frac && utf8)
			c = eighths[frac];
		if (col == norm_col && col >= full)
			c = utf8 ? "│" : "|";
		else if (mark && col >= full)
			c = utf8 ? "┆" : ":";
		size_t l = strlen(c);
		if (used + l + 1 > size)
			break;
		memcpy(buf + used, c, l + 1);
		used += l;
	}
	return buf;
}
