/* SPDX-License-Identifier: EUPL-1.2 */
/* The OData JSON reader: the text's rows as a table of records, which the
 * CSV reader then serves. */
#include "jmon/import_internal.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag_list diag = { 0 };
	struct csv c;

	csv_open_buffer(&c, "fuzz.json", (const char *)data, size);
	if (import_looks_like_json(&c)) {
		import_json_table(&c, "fuzz.json", &diag);
		if (c.table)
			while (csv_read(&c, &diag) > 0)
				;
	}
	csv_close(&c);
	diag_free(&diag);
	return 0;
}
