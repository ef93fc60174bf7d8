/* Display-width text handling; see include/jmon/text.h. */
#include <ctype.h>
#include <langinfo.h>
#include <string.h>
#include <wchar.h>

#include "jmon/text.h"

bool text_utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

/* Decode one character at s (n bytes left): its byte length and width.
 * Invalid or control bytes are one byte, one column. */
static size_t next_char(const char *s, size_t n, int *width)
{
	wchar_t wc;
	mbstate_t st = { 0 };
	size_t len = mbrtowc(&wc, s, n, &st);

	if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
		*width = 1;
		return 1;
	}
	int w = wcwidth(wc);
	*width = w < 0 ? 1 : w;
	return len;
}

static int text_width_n(const char *s, size_t n)
{
	int total = 0, w;

	for (size_t i = 0; i < n; i += next_char(s + i, n - i, &w), total += w)
		;
	return total;
}

int text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

size_t text_fit(const char *s, int width, int *cols)
{
	size_t n = strlen(s), i = 0;
	int used = 0;

	while (i < n) {
		int w;
		size_t len = next_char(s + i, n - i, &w);

		if (used + w > width)
			break;
		used += w;
		i += len;
	}
	if (cols)
		*cols = used;
	return i;
}

int text_cut(char *out, size_t outsize, const char *s, int width, bool ellipsis)
{
	int cols;
	size_t len;

	if (outsize == 0)
		return 0;
	if (width <= 0) {
		out[0] = '\0';
		return 0;
	}
	len = text_fit(s, width, &cols);
	if (s[len] != '\0' && ellipsis) {
		const char *dots = text_utf8_locale() ? "…" : "~";

		len = text_fit(s, width - 1, &cols);
		if (len + strlen(dots) >= outsize)
			len = outsize - strlen(dots) - 1;
		memcpy(out, s, len);
		strcpy(out + len, dots);
		return cols + 1;
	}
	if (len >= outsize) {	/* buffer smaller than the text: cut at a character start */
		len = outsize - 1;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		cols = text_width_n(s, len);
	}
	memcpy(out, s, len);
	out[len] = '\0';
	return cols;
}

int text_pad(char *out, size_t outsize, const char *s, int width, bool align_right)
{
	char cut[1024];
	int cols = text_cut(cut, sizeof cut, s, width, true);
	size_t clen = strlen(cut);
	int pad = width - cols;

	if (pad < 0)
		pad = 0;
	if (clen + (size_t)pad + 1 > outsize)
		pad = (int)(outsize - clen - 1) < 0 ? 0 : (int)(outsize - clen - 1);
	if (align_right) {
		memset(out, ' ', (size_t)pad);
		memcpy(out + pad, cut, clen + 1);
	} else {
		memcpy(out, cut, clen);
		memset(out + clen, ' ', (size_t)pad);
		out[clen + (size_t)pad] = '\0';
	}
	return cols + pad;
}

bool text_contains(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (const char *h = haystack; *h; h++) {
		size_t i = 0;

		while (i < n && h[i] && tolower((unsigned char)h[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return true;
	}
	return n == 0;
}

/* Latin-1 letters U+00C0..U+00FF without their accents; '?' where none. */
static const char latin1_base[] =
	"AAAAAAACEEEEIIII" "DNOOOOO?OUUUUYTs"
	"aaaaaaaceeeeiiii" "dnooooo?ouuuuyty";

/* Decode one UTF-8 sequence by hand: the C locale's mbrtowc will not. */
static unsigned decode_utf8(const unsigned char *s, size_t *len)
{
	unsigned c = s[0];
	int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

	*len = 1;
	if (c < 0x80 || n == 0)
		return c < 0x80 ? c : '?';
	c &= 0x3F >> n;
	for (int i = 1; i <= n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return '?';
		c = (c << 6) | (s[i] & 0x3F);
	}
	*len = (size_t)n + 1;
	return c;
}

char *text_ascii(char *out, size_t size, const char *utf8)
{
	const unsigned char *s = (const unsigned char *)utf8;
	size_t o = 0;

	while (*s && o + 1 < size) {
		size_t len;
		unsigned c = decode_utf8(s, &len);

		out[o++] = c < 0x80 ? (char)c : c >= 0xC0 && c <= 0xFF ? latin1_base[c - 0xC0] : '?';
		s += len;
	}
	out[o] = '\0';
	return out;
}
