/* SPDX-License-Identifier: EUPL-1.2 */
/* Texts kept once; see include/jmon/intern.h.  An open-addressed table
 * of pointers into blocks that are never moved (the pointers handed out
 * stay valid), doubled when half full. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/intern.h"
#include "jmon/xmalloc.h"

#define BLOCK_BYTES 65536

struct block {
	struct block *next;
	size_t used, size;
	char text[];
};

static struct {
	const char **slot;
	size_t nslots, n;
	struct block *blocks;
} kept;

static uint64_t hash_of(const char *s)
{
	uint64_t h = 1469598103934665603u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static const char **slot_of(const char **slots, size_t nslots, const char *text)
{
	size_t i = (size_t)hash_of(text) & (nslots - 1);

	while (slots[i] && strcmp(slots[i], text))
		i = (i + 1) & (nslots - 1);
	return &slots[i];
}

static void grow(void)
{
	size_t nslots = kept.nslots ? kept.nslots * 2 : 1024;
	const char **slots = xcalloc(nslots, sizeof *slots);

	for (size_t i = 0; i < kept.nslots; i++)
		if (kept.slot[i])
			*slot_of(slots, nslots, kept.slot[i]) = kept.slot[i];
	free(kept.slot);
	kept.slot = slots;
	kept.nslots = nslots;
}

static const char *store(const char *text)
{
	size_t len = strlen(text) + 1;
	struct block *b = kept.blocks;

	if (!b || b->size - b->used < len) {
		size_t size = len > BLOCK_BYTES ? len : BLOCK_BYTES;

		b = xmalloc(sizeof *b + size);
		b->next = kept.blocks;
		b->used = 0;
		b->size = size;
		kept.blocks = b;
	}
	memcpy(b->text + b->used, text, len);
	b->used += len;
	return b->text + b->used - len;
}

const char *intern(const char *text)
{
	const char **slot;

	if (!text || !*text)
		return "";
	if (2 * (kept.n + 1) > kept.nslots)
		grow();
	slot = slot_of(kept.slot, kept.nslots, text);
	if (!*slot) {
		*slot = store(text);
		kept.n++;
	}
	return *slot;
}
