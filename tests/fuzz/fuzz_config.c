/* SPDX-License-Identifier: EUPL-1.2 */
/* The configuration loader: YAML through the walk and every check. */
#include "jmon/config.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config *cfg = NULL;
	struct diag_list diag = { 0 };

	if (config_parse("fuzz.yaml", (const char *)data, size, &cfg, &diag) == JMON_OK)
		config_free(cfg);
	diag_free(&diag);
	return 0;
}
