/* SPDX-License-Identifier: EUPL-1.2 */
/* Numbers: the configuration's (numfmt_parse) and the import's
 * (import_number: decimal comma or point, thousands, exponent; and
 * import_machine_number, OData v4's), one line of the input per number of
 * one file.  What a parser accepts must be finite: an infinity or NaN
 * would be stored, and written as "?" where JSON wants a number. */
#include <math.h>

#include "jmon/import_internal.h"
#include "jmon/numfmt.h"
#include "fuzz.h"

/* v is read after the parser ran: a pointer, as the order of the
 * arguments is not. */
static void accepted_finite(bool accepted, const double *v)
{
	if (accepted && !isfinite(*v))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diag = { 0 };
	struct import im = { .name = "fuzz.csv", .diag = &diag };
	char *s = fuzz_string(data, size), *line = s, *next;
	long n = 1;
	double v;

	accepted_finite(numfmt_parse(s, &v), &v);
	for (; line; line = next, n++) {
		struct csv_field f = { .s = line, .line = n, .col = 1 };

		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		f.len = strlen(line);
		accepted_finite(numfmt_parse(line, &v), &v);
		accepted_finite(import_number(&im, &f, &v), &v);
		accepted_finite(import_machine_number(&im, &f, &v), &v);
	}
	import_number_done(&im);
	free((char *)im.ambiguous.s);
	diag_free(&diag);
	free(s);
	return 0;
}
