/* SPDX-License-Identifier: EUPL-1.2 */
/* Region codes as CBS writes them; see include/jmon/region.h. */
#include <stdio.h>
#include <string.h>

#include "jmon/region.h"
#include "jmon/xmalloc.h"

/* CBS region codes: a prefix and a fixed number of digits. */
static const struct {
	const char *prefix;
	int digits;
	const char *kind;
	int parent_digits;	/* the parent is the prefix below with this many digits */
	const char *parent_prefix;
} region_codes[] = {
	{ "NL", 2, "nl",        0, NULL },
	{ "PV", 2, "provincie", 0, NULL },
	{ "JZ", 2, "regio",     0, NULL },	/* jeugdzorgregio */
	{ "GM", 4, "gemeente",  0, NULL },
	{ "WK", 6, "wijk",      4, "GM" },	/* WK036101 lies in GM0361 */
	{ "BU", 8, "buurt",     6, "WK" },	/* BU03610101 lies in WK036101 */
	{ "PC", 4, "postcode",  0, NULL },
};

static const char *const region_kinds[] = {
	"nl", "provincie", "regio", "gemeente", "wijk", "buurt", "postcode",
};

bool region_kind_valid(const char *kind)
{
	for (size_t i = 0; i < ARRAY_SIZE(region_kinds); i++)
		if (strcmp(kind, region_kinds[i]) == 0)
			return true;
	return false;
}

static int region_code_row(const char *code)
{
	for (size_t i = 0; i < ARRAY_SIZE(region_codes); i++) {
		size_t n = (size_t)region_codes[i].digits;

		if (strncmp(code, region_codes[i].prefix, 2) != 0 || strlen(code) != 2 + n)
			continue;
		if (strspn(code + 2, "0123456789") == n)
			return (int)i;
	}
	return -1;
}

const char *region_kind_of_code(const char *code)
{
	int i = region_code_row(code);

	return i < 0 ? NULL : region_codes[i].kind;
}

bool region_parent_of_code(const char *code, char *buf, size_t size)
{
	int i = region_code_row(code);

	if (i < 0 || !region_codes[i].parent_prefix)
		return false;
	snprintf(buf, size, "%s%.*s", region_codes[i].parent_prefix,
		 region_codes[i].parent_digits, code + 2);
	return true;
}
