/* SPDX-License-Identifier: EUPL-1.2 */
/* A growing NUL-terminated string, for building output and messages. */
#ifndef JMON_STRBUF_H
#define JMON_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *s;		/* always NUL-terminated once anything was added */
	size_t len, cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_reset(struct strbuf *sb);
const char *sb_str(const struct strbuf *sb);	/* "" when empty */
char *sb_detach(struct strbuf *sb);		/* caller frees; sb is reset */
void sb_free(struct strbuf *sb);

#endif
