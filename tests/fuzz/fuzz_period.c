/* SPDX-License-Identifier: EUPL-1.2 */
/* Period codes: every form period_parse takes, the Dutch Peildatum, and
 * what a parsed period is made into (a code that parses back to itself,
 * its label, start, end, neighbours). */
#include "jmon/period.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char code[PERIOD_CODE_MAX], again[PERIOD_CODE_MAX], msg[512];
	struct period p, q;
	char *s = fuzz_string(data, size);

	if (period_parse((const char *)data, size, &p)) {
		period_format(&p, code);
		if (!period_parse_str(code, &q) || (period_format(&q, again), strcmp(code, again)))
			abort();	/* a canonical code must parse back to itself */
		period_start(&p, code);
		period_end(&p, code);
	} else {
		period_malformed(s, msg, sizeof msg);
	}
	if (period_parse_dutch_date((const char *)data, size, &p))
		period_format(&p, code);
	free(s);
	return 0;
}
