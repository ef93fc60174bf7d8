/* SPDX-License-Identifier: EUPL-1.2 */
/* Every import layout through format detection, as `jmon import FILE`. */
#include "fuzz_import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_import(data, size, IMPORT_AUTO);
	return 0;
}
