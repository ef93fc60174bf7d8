/* SPDX-License-Identifier: EUPL-1.2 */
/* "Did you mean ...?": the nearest known word to a misspelt one. */
#ifndef JMON_SUGGEST_H
#define JMON_SUGGEST_H

#include <stddef.h>

/* Edits (insert, delete, substitute, swap two neighbours) from a to b. */
size_t edit_distance(const char *a, const char *b);

/* The candidate nearest to word, or NULL when none is near enough to be a
 * likely typo (one edit for short words, two up to six letters, three
 * beyond).  The first of equally near candidates wins. */
const char *suggest_word(const char *word, const char *const *candidates, size_t n);

/* The indices of the (at most) max candidates nearest to word, nearest
 * first, however far: for "the nearest known codes" of a code that is
 * not a typo of any.  Returns how many were written to out. */
size_t suggest_nearest(const char *word, const char *const *candidates, size_t n, size_t *out,
		       size_t max);

#endif
