/* SPDX-License-Identifier: EUPL-1.2 */
/* Region codes as CBS writes them (jmon-import(5), Regions): a prefix that
 * says the kind and a fixed number of digits, GM0361 for a gemeente.  A
 * wijk's and a buurt's code holds its parent's (WK036101 lies in GM0361).
 *
 * Pure string work, no I/O: which regions exist is the database's. */
#ifndef JMON_REGION_H
#define JMON_REGION_H

#include <stdbool.h>
#include <stddef.h>

/* The kind a well-formed code says ("gemeente" for GM0361), or NULL when
 * code is not one. */
const char *region_kind_of_code(const char *code);

/* The parent a code implies (WK036101 -> GM0361) into buf; false when it
 * implies none. */
bool region_parent_of_code(const char *code, char *buf, size_t size);

/* Whether kind is one of the region kinds: nl, provincie, regio, gemeente,
 * wijk, buurt, postcode. */
bool region_kind_valid(const char *kind);

#endif
