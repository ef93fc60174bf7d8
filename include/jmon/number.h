/* SPDX-License-Identifier: EUPL-1.2 */
/* The one reading of a number's text for every number jmon takes from a
 * file: a delivery's, whatever its layout (src/import_number.c gives the
 * marks of people's numbers their meaning), and the configuration's.
 * Its digits, marks and exponent (number_scan), then the value they make
 * (number_value), so that whatever reads a number refuses the same ones:
 * more than 15 significant digits, or a power of ten beyond 10^22 either
 * way, which a double cannot be relied on to hold, or which formatting
 * (include/jmon/numfmt.h) could not write back. */
#ifndef JMON_NUMBER_H
#define JMON_NUMBER_H

#include <stdbool.h>
#include <stdint.h>

#define NUMBER_MAX_DIGITS 15
#define NUMBER_MAX_DIGITS_TEXT "15"

enum number_problem {
	NUMBER_OK,
	NUMBER_NOT_A_NUMBER,	/* "x", "4.", "inf", "1e" */
	NUMBER_TOO_MANY_DIGITS,	/* significant digits past NUMBER_MAX_DIGITS */
	NUMBER_OUT_OF_RANGE,	/* 1e999, 1e-400, 1e23 */
	NUMBER_NOT_MACHINE,	/* a comma, or a second point, in a machine's number */
};

/* The digits and marks ('.' and ',') of a number, before the marks are
 * given a meaning. */
struct number_text {
	uint64_t mantissa;	/* the digits, marks left out */
	int ndigits;		/* significant digits */
	int first_group;	/* digits before the first mark */
	int ndot, ncomma;
	char last;		/* the last mark, or 0 */
	int nlast;		/* digits after the last mark */
	bool group_bad;		/* a group between marks that is not three digits */
	bool leading_zero;	/* the first digit is 0 ("0.125") */
	bool negative;
	bool has_exponent;
	int exponent;
};

/* s as a sign, digits with marks between them, and an exponent of at most
 * three digits; nothing else. */
enum number_problem number_scan(const char *s, struct number_text *t);

/* The value of t with decimal ('.', ',' or 0: none) as its decimal mark;
 * the other mark only groups digits.  "-0" is 0. */
enum number_problem number_value(const struct number_text *t, char decimal, double *out);

/* A machine's number: a point for decimals, no thousands separator, maybe
 * an exponent ("11.4", "2e+05"). */
enum number_problem number_machine(const char *s, double *out);

/* What is wrong with the number s, as before, s in quotes, after: "number
 * out of range: '1e999'" (p not NUMBER_OK). */
struct number_why {
	const char *before, *after;
};
struct number_why number_why(enum number_problem p);

#endif
