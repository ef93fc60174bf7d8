/* SPDX-License-Identifier: EUPL-1.2 */
/* Display-width text handling; see include/jmon/text.h. */
#include <ctype.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>
#include <wchar.h>

#include "jmon/text.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

bool text_utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

/* The character at s (n > 0 bytes left) as a code point, '?' for a byte
 * that starts none: the C locale's mbrtowc will not decode UTF-8. */
static uint32_t decode(const char *s, size_t n, size_t *len)
{
	uint32_t c;
	int k = utf8_decode(s, s + n, &c);

	*len = k > 0 ? (size_t)k : 1;
	return k > 0 ? c : '?';
}

/* Characters without width: combining accents, zero-width space and
 * joiners, the byte-order mark.  Without UTF-8 they are left out. */
static bool zero_width(uint32_t c)
{
	return (c >= 0x300 && c <= 0x36F) || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF;
}

static const char *ascii_for(uint32_t c, char one[2]);

/* Decode one character at s (n bytes left): its byte length and width.
 * Invalid or control bytes are one byte, one column.  Without a UTF-8
 * locale the labels are still UTF-8 (by contract) and each character
 * becomes its ASCII transliteration on screen (text_ascii): as many
 * columns as that has ("€" is "EUR", three). */
static size_t next_char(const char *s, size_t n, int *width)
{
	wchar_t wc;
	mbstate_t st = { 0 };
	size_t len;

	/* most of a screen is printable ASCII: one byte, one column, in any
	 * locale, without asking the locale for each */
	if ((unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f) {
		*width = 1;
		return 1;
	}
	if (!text_utf8_locale()) {
		char one[2];
		uint32_t c = decode(s, n, &len);

		*width = zero_width(c) ? 0 : (int)strlen(ascii_for(c, one));
		return len;
	}
	len = mbrtowc(&wc, s, n, &st);
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

/* Bytes of the longest prefix of the first n bytes of s that fits in
 * width columns; *space (may be NULL) receives the offset of the last
 * space right after a character that fits, 0 when none. */
static size_t fit_n(const char *s, size_t n, int width, int *cols, size_t *space)
{
	size_t i = 0;
	int used = 0;

	if (space)
		*space = 0;
	while (i < n) {
		int w;
		size_t len = next_char(s + i, n - i, &w);

		if (used + w > width)
			break;
		used += w;
		i += len;
		if (space && i < n && s[i] == ' ')
			*space = i;
	}
	if (cols)
		*cols = used;
	return i;
}

size_t text_fit(const char *s, int width, int *cols)
{
	return fit_n(s, strlen(s), width, cols, NULL);
}

/* Length of s cut to at most max bytes, never inside a character. */
static size_t whole_chars(const char *s, size_t len, size_t max)
{
	return len <= max ? len : utf8_start(s, max);
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
		size_t dlen = strlen(dots);

		if (outsize <= dlen) {
			out[0] = '\0';
			return 0;
		}
		len = text_fit(s, width - 1, &cols);
		if (len > outsize - dlen - 1) {	/* a small buffer: never half a character */
			len = whole_chars(s, len, outsize - dlen - 1);
			cols = text_width_n(s, len);
		}
		memcpy(out, s, len);
		memcpy(out + len, dots, dlen + 1);
		return cols + 1;
	}
	if (len >= outsize) {	/* buffer smaller than the text: cut at a character start */
		len = whole_chars(s, len, outsize - 1);
		cols = text_width_n(s, len);
	}
	memcpy(out, s, len);
	out[len] = '\0';
	return cols;
}

int text_pad(char *out, size_t outsize, const char *s, int width, bool align_right)
{
	int cols, pad;
	size_t clen;

	if (outsize == 0)
		return 0;
	/* cut in place; the padding is what room is left */
	cols = text_cut(out, outsize, s, width, true);
	clen = strlen(out);
	pad = width - cols;
	if (pad < 0)
		pad = 0;
	if (clen + (size_t)pad + 1 > outsize)
		pad = (int)(outsize - clen - 1);
	if (align_right) {
		memmove(out + pad, out, clen + 1);
		memset(out, ' ', (size_t)pad);
	} else {
		memset(out + clen, ' ', (size_t)pad);
		out[clen + (size_t)pad] = '\0';
	}
	return cols + pad;
}

char *text_printable(char *out, size_t size, const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;

	if (size == 0)
		return out;
	while (i < n) {
		wchar_t wc;
		mbstate_t st = { 0 };
		size_t len = mbrtowc(&wc, s + i, n - i, &st);

		if (len == (size_t)-1 || len == (size_t)-2 || len == 0) {
			len = 1;	/* an invalid byte */
			wc = L'?';
		} else if (wc == L'\t' || wc == L'\n' || wc == L'\r') {
			wc = L' ';
		} else if (wcwidth(wc) < 0) {
			wc = L'?';	/* a control: curses would show it as ^X, two columns */
		}
		if (wc == L' ' || wc == L'?') {
			if (o + 1 >= size)
				break;
			out[o++] = (char)wc;
		} else {
			if (o + len >= size)
				break;
			memcpy(out + o, s + i, len);
			o += len;
		}
		i += len;
	}
	out[o] = '\0';
	return out;
}

void text_trim_partial(char *s)
{
	size_t len = strlen(s), start;

	if (len == 0)
		return;
	start = utf8_start(s, len - 1);
	if (utf8_decode(s + start, s + len, NULL) == UTF8_CUT_SHORT)
		s[start] = '\0';
}

int text_format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = text_vformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int text_vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = vsnprintf(buf, size, fmt, ap);

	if (n >= 0 && size > 0 && (size_t)n >= size)
		text_trim_partial(buf);
	return n;
}

size_t text_wrap(const char *s, int width, size_t *next)
{
	size_t nl = strcspn(s, "\n"), space, i = fit_n(s, nl, width, NULL, &space);
	int w;

	if (i < nl && space > 0 && s[i] != ' ')
		i = space;	/* break at the last space that fits */
	if (i == 0 && nl > 0)	/* not even one character fits: take one */
		i = next_char(s, nl, &w);
	*next = i;
	while (s[*next] == ' ')
		(*next)++;
	if (s[*next] == '\n' && *next >= nl)
		(*next)++;
	return i;
}

static bool all_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static bool ascii_contains(const char *haystack, const char *needle)
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

/* s case-folded (libunistring: full folding, so "ß" is "ss") and in NFKC,
 * so "Ĳ", "ĳ" and "ij" are one, and so are "é" and "e" with a combining
 * accent.  The terminating NUL is folded along, so the result is a C
 * string.  NULL when there is no memory. */
static char *fold(const char *s)
{
	size_t len;

	return (char *)u8_casefold((const uint8_t *)s, strlen(s) + 1, NULL, UNINORM_NFKC, NULL,
				   &len);
}

bool text_contains(const char *haystack, const char *needle)
{
	char *h, *n;
	bool found;

	/* folding ASCII is tolower, and most labels and searches are ASCII */
	if (all_ascii(haystack) && all_ascii(needle))
		return ascii_contains(haystack, needle);
	h = fold(haystack);
	n = fold(needle);
	/* without memory for the folded copies, ASCII case at least */
	found = h && n ? strstr(h, n) != NULL : ascii_contains(haystack, needle);
	free(h);
	free(n);
	return found;
}

/* Latin-1 letters U+00C0..U+00FF without their accents; '?' where none. */
static const char latin1_base[] =
	"AAAAAAACEEEEIIII" "DNOOOOO?OUUUUYTs"
	"aaaaaaaceeeeiiii" "dnooooo?ouuuuyty";

/* What a reader of Dutch figures expects for the characters jmon itself
 * writes (units, headers, reasons) and the usual typography of labels:
 * "€ 1.234" is "EUR 1.234", "Δ vorig" is "d vorig" (d for delta, as in
 * "dT"), never "? 1.234" or a blank. */
static const struct {
	uint32_t c;
	const char *ascii;
} translit[] = {
	{ 0x00A0, " " },   { 0x00AB, "<<" }, { 0x00B7, "." },   { 0x00BB, ">>" },
	{ 0x00D7, "x" },   { 0x00DF, "ss" }, { 0x0132, "IJ" },  { 0x0133, "ij" },
	{ 0x0394, "d" },   { 0x03B4, "d" },  { 0x2013, "-" },   { 0x2014, "-" },
	{ 0x2018, "'" },   { 0x2019, "'" },  { 0x201C, "\"" }, { 0x201D, "\"" },
	{ 0x2022, "*" },   { 0x2026, "..." }, { 0x2039, "<" },  { 0x203A, ">" },
	{ 0x20AC, "EUR" }, { 0x2212, "-" },  { 0x2264, "<=" },  { 0x2265, ">=" },
};

/* The ASCII for c: itself, a word or sign from translit, a Latin letter
 * without its accent, or "?".  one holds a single character's answer. */
static const char *ascii_for(uint32_t c, char one[2])
{
	for (size_t i = 0; i < sizeof translit / sizeof *translit; i++)
		if (translit[i].c == c)
			return translit[i].ascii;
	one[0] = c < 0x80 ? (char)c : c >= 0xC0 && c <= 0xFF ? latin1_base[c - 0xC0] : '?';
	one[1] = '\0';
	return one;
}

char *text_ascii(char *out, size_t size, const char *utf8)
{
	const char *s = utf8, *end = utf8 + strlen(utf8);
	size_t o = 0;

	if (size == 0)
		return out;
	while (*s) {
		size_t len;
		char one[2];
		uint32_t c = decode(s, (size_t)(end - s), &len);
		const char *a = ascii_for(c, one);

		if (zero_width(c)) {	/* "é" as e and a combining accent is "e" */
			s += len;
			continue;
		}
		if (o + strlen(a) + 1 > size)
			break;	/* never half a transliteration */
		memcpy(out + o, a, strlen(a));
		o += strlen(a);
		s += len;
	}
	out[o] = '\0';
	return out;
}

/* --- text for a terminal ------------------------------------------------------ */

size_t text_char(const char *p, const char *end, bool *control, uint32_t *c)
{
	unsigned char b = (unsigned char)*p;
	uint32_t cp = b;
	int n = 1;

	*control = b < 0x20 || b == 0x7f;
	if (b >= 0x80 && (n = utf8_decode(p, end, &cp)) <= 0) {
		*control = true;	/* one byte, one column, as text_width counts it */
		cp = b;
		n = 1;
	} else if (b >= 0x80) {
		*control = (cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
			   (cp >= 0x2066 && cp <= 0x2069);
	}
	if (c)
		*c = cp;
	return (size_t)n;
}

void text_write_safe(FILE *out, const char *s, size_t n, bool lines)
{
	const char *end = s + n, *run = s;

	while (s < end) {
		bool control;
		size_t len = text_char(s, end, &control, NULL);

		if (!control || (*s == '\n' && lines)) {
			s += len;
			continue;
		}
		fwrite(run, 1, (size_t)(s - run), out);
		fputc(*s == '\t' || *s == '\r' || *s == '\n' ? ' ' : '?', out);
		s += len;
		run = s;
	}
	fwrite(run, 1, (size_t)(s - run), out);
}
