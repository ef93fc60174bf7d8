/* SPDX-License-Identifier: EUPL-1.2 */
/* The fields every report format writes; see include/jmon/report_fields.h. */
#include <stdio.h>
#include <string.h>

#include "jmon/numfmt.h"
#include "jmon/report_fields.h"
#include "jmon/text.h"

void report_put(FILE *out, const char *s)
{
	text_write_safe(out, s, strlen(s), false);
}

size_t report_chapter_end(const struct report *r, size_t i)
{
	const struct chapter *ch = r->fs.rows[i].ind->chapter;

	while (i < r->fs.n && r->fs.rows[i].ind->chapter == ch)
		i++;
	return i;
}

char *report_region(const struct report *r, char *buf, size_t size)
{
	if (r->region_name[0])
		snprintf(buf, size, "%s (%s)", r->region_name, r->fs.region);
	else
		snprintf(buf, size, "%s", r->fs.region);
	return buf;
}

char *report_value_machine(const struct figure *f, char *buf, size_t size)
{
	buf[0] = '\0';
	if (f->withheld || !f->now.present || !f->now.has_value)
		return buf;
	/* as stored: a machine reads the figure, not its rounding on screen */
	return numfmt_machine(buf, size, f->now.value, -1);
}

const char *report_flag(const struct figure *f)
{
	if (f->withheld)
		return "suppressed";
	return f->now.present ? f->now.flag : "";
}
