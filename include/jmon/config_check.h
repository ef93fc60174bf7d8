/* SPDX-License-Identifier: EUPL-1.2 */
/* Internal to the config module (see include/jmon/config_yaml.h): the
 * checks that need more than one key, called by config_keys.c as the
 * keys are read. */
#ifndef JMON_CONFIG_CHECK_H
#define JMON_CONFIG_CHECK_H

#include <yaml.h>

#include "jmon/config.h"
#include "jmon/config_yaml.h"

/* An indicator read whole: its stoplight rule against its other keys, and
 * what unit none rules out. */
void config_check_indicator(struct loader *ld, yaml_node_t *node, const struct indicator *ind);
/* Its id is not used by an indicator before it (in any chapter). */
void config_check_indicator_id(struct loader *ld, yaml_node_t *node, const struct indicator *ind);
/* Once every chapter is read: references between indicators
 * (stoplight.count_from). */
void config_check_references(struct loader *ld);

#endif
