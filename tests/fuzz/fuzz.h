/* SPDX-License-Identifier: EUPL-1.2 */
/* What the fuzz targets share (tests/fuzz/README): each target is one
 * LLVMFuzzerTestOneInput, built with libFuzzer by `make fuzz` and with
 * replay.c's main by `make check`, which runs it over its corpus. */
#ifndef JMON_FUZZ_H
#define JMON_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input as a NUL-terminated string (the parsers take strings); the
 * caller frees. */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
