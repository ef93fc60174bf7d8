/* SPDX-License-Identifier: EUPL-1.2 */
/* Period codes: every form period_parse takes, the Dutch Peildatum, the
 * forms a person writes (period_read: "2023 Q3", "1 januari 2023"), and
 * what a parsed period is made into (a code that parses back to itself,
 * its start and end). */
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
	if (period_read(s, &p)) {
		period_format(&p, code);
		if (!period_parse_str(code, &q))
			abort();	/* what it reads has a canonical code */
	} else {
		period_unreadable(s, msg, sizeof msg);
		period_unreadable_nl(s, msg, sizeof msg);
	}
	free(s);
	return 0;
}
