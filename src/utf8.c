/* SPDX-License-Identifier: EUPL-1.2 */
/* UTF-8 character by character; see include/jmon/utf8.h.  Decoding and
 * encoding are libunistring's (unistr.h); this file gives them jmon's
 * char pointers and its three answers. */
#include <unistr.h>

#include "jmon/utf8.h"

static int continuation(char b)
{
	return ((unsigned char)b & 0xC0) == 0x80;
}

int utf8_decode(const char *p, const char *end, uint32_t *c)
{
	ucs4_t uc;
	int n = u8_mbtoucr(&uc, (const uint8_t *)p, (size_t)(end - p));

	if (c)
		*c = uc;
	return n > 0 ? n : n == -2 ? UTF8_CUT_SHORT : UTF8_INVALID;
}

int utf8_encode(uint32_t c, char out[UTF8_MAX])
{
	int n = u8_uctomb((uint8_t *)out, c, UTF8_MAX);

	return n > 0 ? n : 0;
}

size_t utf8_start(const char *s, size_t at)
{
	for (int back = 0; back < UTF8_MAX - 1 && at > 0 && continuation(s[at]); back++)
		at--;
	return at;
}

const char *utf8_skip(const char *p, const char *end)
{
	const char *q = p + 1;

	while (q < end && q - p < UTF8_MAX && continuation(*q))
		q++;
	return q;
}

size_t utf8_length(const char *s, size_t n)
{
	size_t k = 0;

	for (const char *p = s; p < s + n; p = utf8_skip(p, s + n))
		k++;
	return k;
}
