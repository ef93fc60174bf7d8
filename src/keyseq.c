/* SPDX-License-Identifier: EUPL-1.2 */
/* Escape sequences; see include/jmon/keyseq.h.  The sequences are those of
 * xterm, the VT220 family (PuTTY's default, screen, tmux), rxvt and the
 * Linux console, as their terminfo entries and ctlseqs describe them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/keys.h"
#include "jmon/keyseq.h"

static bool is_param(unsigned char c)        { return c >= 0x30 && c <= 0x3f; }
static bool is_intermediate(unsigned char c) { return c >= 0x20 && c <= 0x2f; }
static bool is_final(unsigned char c)        { return c >= 0x40 && c <= 0x7e; }

bool keyseq_complete(const char *seq, size_t len)
{
	const unsigned char *s = (const unsigned char *)seq;
	size_t i = 1;

	if (len == 0)
		return false;
	if (s[0] == 'O')			/* SS3 and one byte */
		return len >= 2;
	if (s[0] != '[')			/* Alt and a character */
		return true;
	if (len >= 2 && s[1] == '[')		/* the Linux console's F1-F5 */
		return len >= 3;
	while (i < len && is_param(s[i]))
		i++;
	while (i < len && is_intermediate(s[i]))
		i++;
	return i < len && (is_final(s[i]) || !is_param(s[i]));
}

/* "[" number ... "~": the VT220 editing and function keys. */
static int tilde_key(long n)
{
	switch (n) {
	case 1: case 7: return JK_HOME;		/* Find (VT220, PuTTY), rxvt Home */
	case 4: case 8: return JK_END;		/* Select (VT220, PuTTY), rxvt End */
	case 3:         return JK_DELETE;
	case 5:         return JK_PAGE_UP;
	case 6:         return JK_PAGE_DOWN;
	case 11:        return JK_F1;		/* PuTTY's and rxvt's F1 */
	default:        return JK_UNKNOWN;
	}
}

/* The final byte of CSI or SS3 for the cursor keys, Home, End and F1. */
static int final_key(unsigned char c)
{
	switch (c) {
	case 'A': return JK_UP;
	case 'B': return JK_DOWN;
	case 'C': return JK_RIGHT;
	case 'D': return JK_LEFT;
	case 'H': return JK_HOME;
	case 'F': return JK_END;
	case 'P': return JK_F1;
	case 'Z': return JK_BACKTAB;
	default:  return JK_UNKNOWN;
	}
}

int keyseq_decode(const char *seq, size_t len)
{
	const unsigned char *s = (const unsigned char *)seq;

	if (!keyseq_complete(seq, len))
		return JK_UNKNOWN;
	if (s[0] == 'O')
		return len == 2 ? (s[1] == 'M' ? JK_ENTER : final_key(s[1])) : JK_UNKNOWN;
	if (s[0] != '[')
		return len == 1 && s[0] >= 0x20 && s[0] < 0x7f ? JK_ALT(s[0]) : JK_UNKNOWN;
	if (len == 3 && s[1] == '[')
		return s[2] == 'A' ? JK_F1 : JK_UNKNOWN;
	/* CSI: the first parameter names the key, a second (";5") its
	 * modifiers, which jmon does not distinguish */
	char params[KEYSEQ_MAX + 1];
	size_t n = len - 2 < KEYSEQ_MAX ? len - 2 : KEYSEQ_MAX;

	memcpy(params, seq + 1, n);
	params[n] = '\0';
	if (s[len - 1] == '~')
		return tilde_key(strtol(params, NULL, 10));
	/* "[1;5H" is Ctrl-Home: still Home; "[A" an arrow */
	return final_key(s[len - 1]);
}

char *keyseq_label(const char *seq, size_t len, char *buf, size_t size)
{
	size_t at = (size_t)snprintf(buf, size, "Esc");

	for (size_t i = 0; i < len && at + 5 < size; i++) {
		unsigned char c = (unsigned char)seq[i];

		at += (size_t)(c > 0x20 && c < 0x7f ? snprintf(buf + at, size - at, " %c", c)
						    : snprintf(buf + at, size - at, " \\x%02x", c));
	}
	return buf;
}
