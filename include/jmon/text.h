/* Text measured in display columns, not bytes: labels are Dutch UTF-8 and
 * a column of a table must never be cut inside a character or misaligned
 * by a wide one.  Curses-free; relies on the C library's locale (LC_CTYPE). */
#ifndef JMON_TEXT_H
#define JMON_TEXT_H

#include <stdbool.h>
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

/* Text for a terminal whose locale is not UTF-8: labels are UTF-8 by
 * contract, so accented Latin letters lose their accent ("ë" -> "e") and
 * anything else becomes '?', one column per character. */
char *text_ascii(char *out, size_t size, const char *utf8);

/* Whether needle occurs in haystack, ignoring ASCII case (search, filters). */
bool text_contains(const char *haystack, const char *needle);

#endif
