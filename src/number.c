/* SPDX-License-Identifier: EUPL-1.2 */
/* A number's text and its value; see include/jmon/number.h.  The meaning
 * of people's marks (a decimal comma or point, thousands) is the
 * importer's, with the file's decimal mark (src/import_number.c). */
#include "jmon/number.h"
#include "jmon/numfmt.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_mark(char c)
{
	return c == '.' || c == ',';
}

enum number_problem number_scan(const char *s, struct number_text *t)
{
	const char *start = s;

	*t = (struct number_text){ .first_group = -1 };
	if (*s == '-' || *s == '+')
		t->negative = *s++ == '-';
	t->leading_zero = *s == '0';
	for (; is_digit(*s) || (is_mark(*s) && is_digit(s[1])); s++) {
		if (is_mark(*s)) {
			if (t->first_group < 0)
				t->first_group = t->nlast;
			else if (t->nlast != 3)
				t->group_bad = true;
			*s == '.' ? t->ndot++ : t->ncomma++;
			t->last = *s;
			t->nlast = 0;
			continue;
		}
		if (t->mantissa || *s != '0')
			t->ndigits++;
		/* before the rest is looked at: a 10 MB field of digits is
		 * too long, whatever follows */
		if (t->ndigits > NUMBER_MAX_DIGITS)
			return NUMBER_TOO_MANY_DIGITS;
		t->mantissa = t->mantissa * 10 + (uint64_t)(*s - '0');
		t->nlast++;
	}
	if (t->first_group < 0)
		t->first_group = t->nlast;
	if ((*s == 'e' || *s == 'E') && s > start && is_digit(s[-1])) {
		const char *x = s + 1;
		bool minus = *x == '-';
		int n = 0, exponent = 0;

		x += *x == '-' || *x == '+';
		for (; is_digit(*x) && n < 4; x++, n++)
			exponent = exponent * 10 + (*x - '0');
		if (n > 0 && n < 4) {
			t->exponent = minus ? -exponent : exponent;
			t->has_exponent = true;
			s = x;
		}
	}
	return *s || s == start || !is_digit(s[-1]) ? NUMBER_NOT_A_NUMBER : NUMBER_OK;
}

enum number_problem number_value(const struct number_text *t, char decimal, double *out)
{
	/* Doubles represent every integer below 2^53 and every power of ten
	 * up to 1e22 exactly, so mantissa * or / 10^k is the correctly
	 * rounded value as long as the mantissa has at most 15 digits and k
	 * is at most 22. */
	int e = t->exponent - (decimal ? t->nlast : 0);

	if (e > NUMFMT_POW10_MAX || e < -NUMFMT_POW10_MAX)
		return NUMBER_OUT_OF_RANGE;
	*out = e >= 0 ? (double)t->mantissa * numfmt_pow10[e] :
		(double)t->mantissa / numfmt_pow10[-e];
	if (t->negative && t->mantissa)	/* "-0" is 0: a stored -0.0 would show as "-0" */
		*out = -*out;
	return NUMBER_OK;
}

enum number_problem number_machine(const char *s, double *out)
{
	struct number_text t;
	enum number_problem p = number_scan(s, &t);

	if (p != NUMBER_OK)
		return p;
	if (t.ncomma || t.ndot > 1)
		return NUMBER_NOT_MACHINE;
	return number_value(&t, t.last, out);
}

struct number_why number_why(enum number_problem p)
{
	switch (p) {
	case NUMBER_TOO_MANY_DIGITS:
		return (struct number_why){ "too many digits in ",
					    " (at most " NUMBER_MAX_DIGITS_TEXT ")" };
	case NUMBER_OUT_OF_RANGE:
		return (struct number_why){ "number out of range: ", "" };
	case NUMBER_NOT_MACHINE:
		return (struct number_why){ "not a number: ", " (a point for decimals and no "
					    "thousands separator)" };
	case NUMBER_OK:
	case NUMBER_NOT_A_NUMBER:
		break;
	}
	return (struct number_why){ "not a number: ", "" };
}
