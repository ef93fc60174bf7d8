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
 * The digits, exponent and range are read by src/number.c, as for a
 * machine's number (import_machine_number: OData v4, whose Value the API
 * writes), which has a point for decimals and no thousands separators, so
 * none of the above applies: every layout refuses the same numbers with
 * the same messages. */
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/number.h"
#include "jmon/xmalloc.h"

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

/* true for NUMBER_OK, else reported at f */
static bool accepted(struct import *im, const struct csv_field *f, enum number_problem p)
{
	struct number_why why;

	if (p == NUMBER_OK)
		return true;
	why = number_why(p);
	import_error(im, f, "%s'%s'%s", why.before, f->s, why.after);
	return false;
}

bool import_number(struct import *im, const struct csv_field *f, double *out)
{
	struct number_text t;
	char decimal = 0, group = 0;

	if (!accepted(im, f, number_scan(f->s, &t)))
		return false;
	/* What the marks mean (see the top of this file). */
	if (t.ndot && t.ncomma) {
		decimal = t.last;
		group = other(decimal);
		if ((decimal == '.' ? t.ndot : t.ncomma) != 1 || t.group_bad ||
		    t.first_group < 1 || t.first_group > 3) {
			import_error(im, f, "ambiguous number '%s': '%c' does not group the digits "
				     "by three", f->s, group);
			return false;
		}
	} else if (t.ndot + t.ncomma > 1) {
		group = t.ndot ? '.' : ',';
		if (t.group_bad || t.nlast != 3 || t.first_group < 1 || t.first_group > 3) {
			import_error(im, f, "not a number: '%s' ('%c' twice, but not as thousands "
				     "separator)", f->s, group);
			return false;
		}
	} else if (t.last && t.nlast == 3 && t.first_group >= 1 && t.first_group <= 3 &&
		   !t.has_exponent && !t.leading_zero) {
		/* "2.660": the file decides (see the top of this file); with an
		 * exponent ("0.660e0", "2.660E+0") the mark is a decimal mark, as
		 * nobody writes a thousands separator before one. */
		if (!im->decimal_mark) {
			if (!im->ambiguous.s) {
				im->ambiguous = *f;	/* reported at the end of the file */
				im->ambiguous.s = xstrdup(f->s);
			}
			*out = (double)t.mantissa / 1e3;
			*out = t.negative ? -*out : *out;
			return true;
		}
		if (im->decimal_mark == t.last)
			decimal = t.last;
	} else if (t.last) {
		decimal = t.last;
	}
	if (group ? !file_mark(im, f, other(group), true) :
	    decimal && !file_mark(im, f, decimal, false))
		return false;
	return accepted(im, f, number_value(&t, decimal, out));
}

bool import_machine_number(struct import *im, const struct csv_field *f, double *out)
{
	return accepted(im, f, number_machine(f->s, out));
}

void import_number_done(struct import *im)
{
	if (im->ambiguous.s && !im->decimal_mark)
		report_ambiguous(im, "leave out thousands separators, or write fewer than "
				 "three decimals");
}
