/* SPDX-License-Identifier: EUPL-1.2 */
/* Edit distance for suggestions; see include/jmon/suggest.h.
 *
 * Optimal string alignment (Levenshtein plus a swap of two neighbouring
 * letters), because the commonest typo in a key is a swap: "lable". */
#include <stdlib.h>
#include <string.h>

#include "jmon/suggest.h"
#include "jmon/xmalloc.h"

static size_t min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;
	return m < c ? m : c;
}

size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t w = lb + 1;
	/* rows i-2, i-1 and i of the (la+1) x (lb+1) table */
	size_t *d = xcalloc(3 * w, sizeof *d);
	size_t result;

	for (size_t j = 0; j <= lb; j++)
		d[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t *cur = d + (i % 3) * w;
		size_t *prev = d + ((i + 2) % 3) * w;
		size_t *prev2 = d + ((i + 1) % 3) * w;
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
			    && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
	}
	result = d[(la % 3) * w + lb];
	free(d);
	return result;
}

const char *suggest_word(const char *word, const char *const *candidates, size_t n)
{
	size_t len = strlen(word);
	size_t limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
	const char *best = NULL;
	size_t best_d = limit + 1;

	for (size_t i = 0; i < n; i++) {
		size_t d = edit_distance(word, candidates[i]);
		/* a "typo" as long as the word itself is a different word */
		if (d < best_d && d < len && d < strlen(candidates[i])) {
			best = candidates[i];
			best_d = d;
		}
	}
	return best;
}

size_t suggest_nearest(const char *word, const char *const *candidates, size_t n, size_t *out,
		       size_t max)
{
	size_t *dist = xcalloc(max ? max : 1, sizeof *dist);
	size_t kept = 0;

	for (size_t i = 0; i < n && max; i++) {
		size_t d = edit_distance(word, candidates[i]), at = kept;

		/* insertion into the kept few, nearest first; a later one of the
		 * same distance goes after the earlier */
		while (at > 0 && dist[at - 1] > d)
			at--;
		if (at == max)
			continue;
		if (kept < max)
			kept++;
		memmove(out + at + 1, out + at, (kept - 1 - at) * sizeof *out);
		memmove(dist + at + 1, dist + at, (kept - 1 - at) * sizeof *dist);
		out[at] = i;
		dist[at] = d;
	}
	free(dist);
	return kept;
}
