/* SPDX-License-Identifier: EUPL-1.2 */
/* The CBS readers (kerncijfers, OData v3 as CSV or JSON, the StatLine
 * export), as `jmon import --format cbs FILE`: whatever the header, the
 * CBS reader gets it. */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, IMPORT_CBS);
	return 0;
}
