/* Sparklines; see include/jmon/sparkline.h. */
#include <string.h>

#include "jmon/sparkline.h"

static const char *const blocks[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
static const char ascii[8] = { '_', '.', ':', '-', '=', '+', '*', '#' };

char *sparkline(char *buf, size_t size, const double *values, const bool *shown, int n,
		bool utf8)
{
	double lo = 0, hi = 0;
	bool any = false;
	size_t len = 0;

	for (int i = 0; i < n; i++) {
		if (!shown[i])
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

		if (shown[i] && hi > lo)
			level = (int)((values[i] - lo) / (hi - lo) * 7.0 + 0.5);
		if (!shown[i])
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
