/* SPDX-License-Identifier: EUPL-1.2 */
/* Stoplight conditions ("<= 4", "-5..5") and the check for bands that can
 * never match. */
#include "jmon/condition.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct condition c = { 0 }, earlier = { 0 };
	char *s = fuzz_string(data, size);

	if (!condition_parse(s, &c)) {
		condition_match(&c, 0);
		condition_match(&c, c.a);
		if (!condition_parse("-5..5", &earlier)) {
			condition_covered(&c, (const struct condition *const[]){ &earlier }, 1);
			condition_free(&earlier);
		}
		condition_free(&c);
	}
	free(s);
	return 0;
}
