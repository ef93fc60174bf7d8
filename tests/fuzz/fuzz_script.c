/* SPDX-License-Identifier: EUPL-1.2 */
/* The key script of the headless mode (JMON_SCRIPT), one line of the input
 * per script line. */
#include "jmon/script.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), *line = s, *next, msg[256];

	for (; line; line = next) {
		struct script_event ev = { 0 };

		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		if (script_parse_line(line, &ev, msg, sizeof msg) > 0)
			script_event_free(&ev);
	}
	free(s);
	return 0;
}
