/* SPDX-License-Identifier: EUPL-1.2 */
/* Allocation that cannot fail: on exhaustion the program says so and exits
 * (EX_OSERR).  A terminal tool has nothing sensible to do without memory,
 * and checking every allocation would bury the logic. */
#ifndef JMON_XMALLOC_H
#define JMON_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grow an array of nmemb elements of size bytes; checks the multiplication. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a string of its own (caller frees): a text with labels in
 * it is as long as they are, never cut by a fixed buffer.  The one place
 * jmon measures a format and then writes it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* open_memstream: a stream into memory, which fails only without memory. */
FILE *xopen_memstream(char **buf, size_t *len);

/* Make room for one more element in a growing array: ARRAY_GROW(v, n, cap). */
#define ARRAY_GROW(arr, n, cap) \
	do { \
		if ((n) >= (cap)) { \
			(cap) = (cap) ? (cap) * 2 : 8; \
			(arr) = xreallocarray((arr), (cap), sizeof *(arr)); \
		} \
	} while (0)

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
