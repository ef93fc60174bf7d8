/* SPDX-License-Identifier: EUPL-1.2 */
/* The band conditions of a stoplight rule: "< x", "<= x", "> x", ">= x",
 * "== x" and "a..b" (inclusive). */
#ifndef JMON_CONDITION_H
#define JMON_CONDITION_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/error.h"

enum cond_op { COND_NONE, COND_LT, COND_LE, COND_GT, COND_GE, COND_EQ, COND_RANGE };

struct condition {		/* "< x", "<= x", "> x", ">= x", "== x", "a..b" */
	enum cond_op op;	/* COND_NONE: the band is absent */
	double a, b;		/* b only for COND_RANGE (inclusive) */
	char *text;		/* as written, for reasons and the help screen */
	struct config_pos pos;	/* where jmon.yaml has it */
};

/* Parse text into *out (out->text becomes a copy of text; out->pos is
 * left alone).  Returns NULL, or a message in English saying what is
 * wrong; then *out is untouched. */
const char *condition_parse(const char *text, struct condition *out);
void condition_free(struct condition *c);

bool condition_match(const struct condition *c, double x);

/* True when no x can match `later` without matching one of earlier[0..n)
 * (absent conditions in earlier are skipped): green "<= 6" covers amber
 * "<= 4", so amber could never match.  n is at most 2. */
bool condition_covered(const struct condition *later,
		       const struct condition *const *earlier, size_t n);

/* The condition for a reason, numbers in Dutch: "<= 4", "binnen -5..5",
 * "= 0"; negated (what a value that failed it satisfies): "> 4",
 * "buiten -5..5", "≠ 0". */
char *condition_format(char *buf, size_t size, const struct condition *c, bool negate);

#endif
