/* SPDX-License-Identifier: EUPL-1.2 */
/* The CSV reader: separator detection, every record with its positions,
 * trimming. */
#include "jmon/csv.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diag = { 0 };
	struct csv c;

	csv_open_buffer(&c, "fuzz.csv", (const char *)data, size);
	csv_detect_separator(&c);
	while (csv_read(&c, &diag) > 0)
		for (size_t i = 0; i < c.nfields; i++) {
			/* a field is where it says, NUL-terminated (a NUL inside
			 * one is reported: the record is bad) */
			if (c.fields[i].line < 1 || c.fields[i].col < 1 ||
			    (!c.bad && strlen(c.fields[i].s) != c.fields[i].len))
				abort();
			csv_trim(&c.fields[i]);
		}
	csv_close(&c);
	diag_free(&diag);
	return 0;
}
