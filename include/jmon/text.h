/* SPDX-License-Identifier: EUPL-1.2 */
/* Text measured in display columns, not bytes: labels are Dutch UTF-8 and
 * a column of a table must never be cut inside a character or misaligned
 * by a wide one.  Curses-free; relies on the C library's locale (LC_CTYPE). */
#ifndef JMON_TEXT_H
#define JMON_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stddef.h>

/* True when the locale's character set is UTF-8 (glyphs, sparklines). */
bool text_utf8_locale(void);

/* Display columns of a UTF-8 string; an invalid byte counts as one column
 * (it is shown as '?'). */
int text_width(const char *s);

/* Bytes of the longest prefix of s that fits in width columns, never
 * splitting a character; *cols receives its width (may be NULL). */
size_t text_fit(const char *s, int width, int *cols);

/* Copy s into out (size outsize) cut to width columns; when it had to be
 * cut and ellipsis is true, the last column becomes "…" (or "~" without
 * UTF-8).  Returns the width of the result. */
int text_cut(char *out, size_t outsize, const char *s, int width, bool ellipsis);

/* Like text_cut, then padded with spaces to exactly width columns, on the
 * right (align_right false) or on the left. */
int text_pad(char *out, size_t outsize, const char *s, int width, bool align_right);

/* What a terminal can show of s, column for column as text_width counts
 * it: a tab or line break becomes a space, a control character or an
 * invalid byte '?' (curses would draw "^A" or "~M", two columns). */
char *text_printable(char *out, size_t size, const char *s);

/* The character at p (p < end): its length in bytes (1 for a byte that
 * is no UTF-8, as text_width counts it), and in *control whether a terminal acts on it instead of
 * showing it: a C0 control or DEL, a C1 control (U+0080-U+009F, which
 * holds CSI), a character that reorders the text around it (the
 * bidirectional embeddings, overrides and isolates), or bytes that are no
 * UTF-8.  Independent of the locale: imported names and labels are UTF-8.
 * *c (may be NULL) receives the code point, or the byte of no UTF-8. */
size_t text_char(const char *p, const char *end, bool *control, uint32_t *c);

/* s[0..n) for a terminal: every control as text_char finds it one '?'
 * (a tab or carriage return one space), so what an imported name or an
 * explanation holds can never retitle a window or move the cursor, and
 * columns stay as text_width counts them.  Line breaks are kept when lines
 * is true (a whole report, an explanation); else each is a space, as the
 * browser shows them (text_printable), so that a name or label of one
 * line stays one line of a report or a message. */
void text_write_safe(FILE *out, const char *s, size_t n, bool lines);

/* snprintf for text with labels in it: when the result had to be cut, it
 * ends before the character that did not fit whole, never inside it. */
int text_format(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int text_vformat(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
/* Drop an incomplete UTF-8 sequence from the end of s (a byte-cut copy). */
void text_trim_partial(char *s);

/* The first line of s when wrapped at width columns: its length in bytes,
 * up to a line break, or the last space that fits (a word longer than the
 * line is cut by columns, and at least one character is taken, so a
 * caller always moves on).  *next is where the line after it starts. */
size_t text_wrap(const char *s, int width, size_t *next);

/* Text for a terminal whose locale is not UTF-8: labels are UTF-8 by
 * contract, so accented Latin letters lose their accent ("ë" -> "e"),
 * signs become their usual ASCII ("€" -> "EUR", "Δ" -> "d", "…" -> "...",
 * "–" -> "-") and anything else '?'.  text_width measures the result.
 * Never more bytes than the UTF-8 it comes from (strlen(utf8) + 1 holds
 * it); a smaller buffer gets whole transliterations only. */
char *text_ascii(char *out, size_t size, const char *utf8);

/* Whether needle occurs in haystack, ignoring case in any script and the
 * ways of writing one letter: "Ë" finds "ë", "STRASSE" finds "Straße", "ij"
 * finds "Ĳssel" (search, filters). */
bool text_contains(const char *haystack, const char *needle);

#endif
