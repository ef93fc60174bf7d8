/* SPDX-License-Identifier: EUPL-1.2 */
/* Internal to the config module (see include/jmon/config_yaml.h): the
 * keys of jmon.yaml(5) as field tables for the walk. */
#ifndef JMON_CONFIG_KEYS_H
#define JMON_CONFIG_KEYS_H

#include <yaml.h>

#include "jmon/config_yaml.h"

/* Read the top level of a parsed file into ld->cfg, which must be zeroed:
 * monitor, then peers, then chapters, whatever the file's order. */
void config_read_root(struct loader *ld, yaml_node_t *root);

#endif
