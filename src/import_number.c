/* SPDX-License-Identifier: EUPL-1.2 */
/* Numbers in import files: "." or "," as decimal mark when it is
 * unambiguous (jmon-import(5), LONG CSV).  See import_number in
 * include/jmon/import_internal.h.
 *
 * What counts as unambiguous, and why:
 *  - one mark, once ("4,2", "4.25"): the decimal mark.  A file keeps one
 *    decimal mark throughout, so "4,2" on one line and "4.25" on another
 *    is an error, never a silent misreading of one of them.
 *  - both marks ("1.234,5", "1,234.5"): what a spreadsheet writes with
 *    thousands separators on.  The last mark is the decimal mark, the
 *    other groups digits by three; a number that does not group by three
 *    ("1.23,5") means something else and is refused.
 *  - one mark, more than once ("12.345.678"): thousands separators only.
 * A thousands separator fixes the file's decimal mark as the other one,
 * so "1.234,5" followed by "4.5" is refused like any mixed file.
 *  - one mark followed by exactly three digits ("2.660", "1,250") is the
 *    ambiguous case: a Dutch spreadsheet writes 2660 that way, an English
 *    one 2.66.  The file's own unambiguous numbers decide ("4,2" elsewhere
 *    makes it 2660); a file that never says is refused at the first such
 *    number, since either reading could be a silent error of a thousand.
 *
 * An exponent ("1e3", "2.5E-4") is taken as well: R and Python write large
 * and small numbers that way, and it is unambiguous.
 *
 * A machine's number (import_machine_number: OData v4, whose Value the API
 * writes) has a point for decimals and no thousands separators, so none
 * of the above applies; its digits, exponent and range are read here all
 * the same, so that every layout refuses the same numbers with the same
 * messages. */
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/numfmt.h"
#include "jmon/xmalloc.h"

/* Doubles represent every integer below 2^53 and every power of ten up to
 * 1e22 exactly, so mantissa * or / 10^k is the correctly rounded value as
 * long as the mantissa has at most 15 digits and k at most 22. */
#define MAX_DIGITS 15
#define MAX_POW10 NUMFMT_POW10_MAX

/* The digits and marks of a number, before they are given a meaning. */
struct scan {
	uint64_t mantissa;
	int ndigits;		/* significant digits */
	int after;		/* digits after the last mark */
	int group_bad;		/* a group between marks that is not three digits */
	int first_group;	/* digits before the first mark */
	int ndot, ncomma;
	char last;		/* the last mark */
	int nlast;		/* digits after the last mark seen so far */
};

static bool is_mark(char c)
{
	return c == '.' || c == ',';
}

static char other(char mark)
{
	return mark == '.' ? ',' : '.';
}

static void report_ambiguous(struct import *im, const char *why)
{
	const struct csv_field *a = &im->ambiguous;

	diag_add(im->diag, im->name, a->line, a->col, "ambiguous number '%s': '%c' may be a "
		 "decimal mark or a thousands separator (%s)", a->s, a->s[strcspn(a->s, ".,")],
		 why);
}

/* Check mark as the file's decimal mark (grouping: it was implied by a
 * thousands separator).  Reported at f when the file said otherwise. */
static bool file_mark(struct import *im, const struct csv_field *f, char mark, bool grouping)
{
	if (!im->decimal_mark) {
		im->decimal_mark = mark;
		im->decimal_mark_line = f->line;
		/* an ambiguous number before it was read as a decimal */
		if (im->ambiguous.s && im->ambiguous.s[strcspn(im->ambiguous.s, ".,")] != mark)
			report_ambiguous(im, "it was read before this file showed its decimal "
					 "mark; write it without the thousands separator");
		return true;
	}
	if (mark == im->decimal_mark)
		return true;
	if (grouping)
		import_error(im, f, "'%c' as thousands separator in '%s', but line %ld used it "
			     "as decimal mark", other(mark), f->s, im->decimal_mark_line);
	else
		import_error(im, f, "decimal mark '%c' in '%s', but line %ld used '%c'",
			     mark, f->s, im->decimal_mark_line, im->decimal_mark);
	return false;
}

/* The number of f, as people write it or (machine) as a machine does. */
static bool read_number(struct import *im, const struct csv_field *f, bool machine, double *out)
{
	struct scan sc = { .first_group = -1 };
	const char *s = f->s;
	char decimal = 0, group = 0;
	int exponent = 0, scale, e;
	bool negative = false, has_exponent = false;

	if (*s == '-' || *s == '+')
		negative = *s++ == '-';
	for (; (*s >= '0' && *s <= '9') || (is_mark(*s) && s[1] >= '0' && s[1] <= '9'); s++) {
		if (is_mark(*s)) {
			if (sc.first_group < 0)
				sc.first_group = sc.nlast;
			else if (sc.nlast != 3)
				sc.group_bad = 1;
			*s == '.' ? sc.ndot++ : sc.ncomma++;
			sc.last = *s;
			sc.nlast = 0;
			continue;
		}
		if (sc.mantissa || *s != '0')
			sc.ndigits++;
		if (sc.ndigits > MAX_DIGITS) {
			import_error(im, f, "too many digits in '%s' (at most %d)", f->s, MAX_DIGITS);
			return false;
		}
		sc.mantissa = sc.mantissa * 10 + (uint64_t)(*s - '0');
		sc.nlast++;
	}
	if (sc.first_group < 0)
		sc.first_group = sc.nlast;
	if ((*s == 'e' || *s == 'E') && s > f->s && s[-1] >= '0' && s[-1] <= '9') {
		const char *x = s + 1;
		bool minus = *x == '-';
		int n = 0;

		x += *x == '-' || *x == '+';
		for (; *x >= '0' && *x <= '9' && n < 4; x++, n++)
			exponent = exponent * 10 + (*x - '0');
		if (n > 0 && n < 4) {
			exponent = minus ? -exponent : exponent;
			has_exponent = true;
			s = x;
		}
	}
	if (*s || s == f->s || !(s[-1] >= '0' && s[-1] <= '9')) {
		import_error(im, f, "not a number: '%s'", f->s);
		return false;
	}
	/* What the marks mean (see the top of this file). */
	if (machine) {
		if (sc.ncomma || sc.ndot > 1) {
			import_error(im, f, "not a number: '%s' (a point for decimals and no "
				     "thousands separator, as the API writes numbers)", f->s);
			return false;
		}
		decimal = sc.last;
	} else if (sc.ndot && sc.ncomma) {
		decimal = sc.last;
		group = other(decimal);
		if ((decimal == '.' ? sc.ndot : sc.ncomma) != 1 || sc.group_bad ||
		    sc.first_group < 1 || sc.first_group > 3) {
			import_error(im, f, "ambiguous number '%s': '%c' does not group the digits "
				     "by three", f->s, group);
			return false;
		}
	} else if (sc.ndot + sc.ncomma > 1) {
		group = sc.ndot ? '.' : ',';
		if (sc.group_bad || sc.nlast != 3 || sc.first_group < 1 || sc.first_group > 3) {
			import_error(im, f, "not a number: '%s' ('%c' twice, but not as thousands "
				     "separator)", f->s, group);
			return false;
		}
	} else if (sc.last && sc.nlast == 3 && sc.first_group >= 1 && sc.first_group <= 3 &&
		   !has_exponent && s[-4 - sc.first_group] != '0') {
		/* "2.660": the file decides (see the top of this file); with an
		 * exponent ("0.660e0", "2.660E+0") the mark is a decimal mark, as
		 * nobody writes a thousands separator before one. */
		if (!im->decimal_mark) {
			if (!im->ambiguous.s) {
				im->ambiguous = *f;	/* reported at the end of the file */
				im->ambiguous.s = xstrdup(f->s);
			}
			*out = (double)sc.mantissa / 1e3;
			*out = negative ? -*out : *out;
			return true;
		}
		if (im->decimal_mark == sc.last)
			decimal = sc.last;
	} else if (sc.last) {
		decimal = sc.last;
	}
	if (!machine && (group ? !file_mark(im, f, other(group), true) :
			 decimal && !file_mark(im, f, decimal, false)))
		return false;
	scale = decimal ? sc.nlast : 0;
	e = exponent - scale;
	if (e > MAX_POW10 || e < -MAX_POW10) {
		import_error(im, f, "number out of range: '%s'", f->s);
		return false;
	}
	*out = e >= 0 ? (double)sc.mantissa * numfmt_pow10[e] : (double)sc.mantissa / numfmt_pow10[-e];
	if (negative && sc.mantissa)	/* "-0" is 0: a stored -0.0 would show as "-0" */
		*out = -*out;
	return true;
}

bool import_number(struct import *im, const struct csv_field *f, double *out)
{
	return read_number(im, f, false, out);
}

bool import_machine_number(struct import *im, const struct csv_field *f, double *out)
{
	return read_number(im, f, true, out);
}

void import_number_done(struct import *im)
{
	if (im->ambiguous.s && !im->decimal_mark)
		report_ambiguous(im, "leave out thousands separators, or write fewer than "
				 "three decimals");
}
