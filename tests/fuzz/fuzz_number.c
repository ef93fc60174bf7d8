/* SPDX-License-Identifier: EUPL-1.2 */
/* Numbers: the configuration's (numfmt_parse) and the import's
 * (import_number: decimal comma or point, thousands, exponent), one line
 * of the input per number of one file. */
#include "jmon/import_internal.h"
#include "jmon/numfmt.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diag = { 0 };
	struct import im = { .name = "fuzz.csv", .diag = &diag };
	char *s = fuzz_string(data, size), *line = s, *next;
	long n = 1;
	double v;

	numfmt_parse(s, &v);
	for (; line; line = next, n++) {
		struct csv_field f = { .s = line, .line = n, .col = 1 };

		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		f.len = strlen(line);
		numfmt_parse(line, &v);
		import_number(&im, &f, &v);
	}
	import_number_done(&im);
	free((char *)im.ambiguous.s);
	diag_free(&diag);
	free(s);
	return 0;
}
