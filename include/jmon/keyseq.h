/* SPDX-License-Identifier: EUPL-1.2 */
/* Escape sequences the terminal library did not know.  When TERM does not
 * match the terminal (PuTTY sends "ESC [ 1 ~" for Home and "ESC [ 1 1 ~"
 * for F1 by default, whatever TERM says), curses hands over the Esc and
 * then the rest byte by byte: "[" would step the period back and "1"
 * open chapter 1.  The input reads the whole sequence instead and asks
 * here what it is: a key jmon knows, or JK_UNKNOWN, one key that does
 * nothing but say so.  Curses-free, so it is unit-tested. */
#ifndef JMON_KEYSEQ_H
#define JMON_KEYSEQ_H

#include <stdbool.h>
#include <stddef.h>

/* The longest sequence read; a longer one is cut off there and unknown. */
#define KEYSEQ_MAX 16

/* Whether seq (the bytes after Esc, len of them) is a complete sequence:
 * CSI ("[" parameters, intermediates, a final byte), SS3 ("O" and one
 * byte), the Linux console's "[[A".."[[E", or Alt with one character. */
bool keyseq_complete(const char *seq, size_t len);

/* The key of a complete sequence: JK_HOME, JK_F1, JK_ALT('b'), ... or
 * JK_UNKNOWN. */
int keyseq_decode(const char *seq, size_t len);

/* "ESC [ 2 4 ~": the sequence, readable, for the status line. */
char *keyseq_label(const char *seq, size_t len, char *buf, size_t size);

#endif
