/* SPDX-License-Identifier: EUPL-1.2 */
/* UTF-8 character by character: the one place jmon decodes or encodes it,
 * and finds where one character ends and the next begins.
 *
 * Well-formed is RFC 3629's, as libunistring checks it (u8_mbtoucr): no
 * overlong forms, no surrogates, nothing above U+10FFFF.  Stepping over
 * characters needs no decoding: a continuation byte is 10xxxxxx, and a
 * character is at most four bytes, so a run of stray continuation bytes
 * is never taken for one long character. */
#ifndef JMON_UTF8_H
#define JMON_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_MAX 4		/* bytes of the longest character */
#define UTF8_INVALID 0		/* utf8_decode: not a character */
#define UTF8_CUT_SHORT (-1)	/* utf8_decode: the start of one, cut off by end */

/* The character at p, with end one past the last byte that may be read
 * (p < end): its length in bytes, or UTF8_INVALID, or UTF8_CUT_SHORT.  *c
 * (may be NULL) receives its code point. */
int utf8_decode(const char *p, const char *end, uint32_t *c);

/* c as UTF-8 into out: its length, 0 when c is no character (a surrogate
 * or beyond U+10FFFF). */
int utf8_encode(uint32_t c, char out[UTF8_MAX]);

/* The start of the character that byte at of s is part of: at itself, or
 * back over at most three continuation bytes. */
size_t utf8_start(const char *s, size_t at);

/* Past the character at p (p < end) without checking it: the byte at p and
 * the continuation bytes after it, UTF8_MAX bytes at most, never past end.
 * So a broken sequence is one character, as the reader sees it. */
const char *utf8_skip(const char *p, const char *end);

/* The characters of s[0..n), as utf8_skip steps over them: a column. */
size_t utf8_length(const char *s, size_t n);

#endif
