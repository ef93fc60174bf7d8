/* SPDX-License-Identifier: EUPL-1.2 */
/* CBS OData v4 as its clients save it (jmon-import(5), CBS ODATA V4):
 * Observations.csv or Observations.json in long form, and beside it the
 * code lists that say what the codes in it stand for.  Internal to the
 * importer:
 *
 * src/import_odata4.c        the observations: measures to indicators,
 *                            dimensions to categories, ValueAttribute to
 *                            flags, one cell per row
 * src/import_odata4_codes.c  the code lists (MeasureCodes.csv,
 *                            PeriodenCodes.csv, <Dimension>Codes.csv, or
 *                            their JSON), read whole and looked up by code;
 *                            calls none of the above */
#ifndef JMON_IMPORT_ODATA4_H
#define JMON_IMPORT_ODATA4_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/import_internal.h"

/* One code of a code list: "M003026" "Theoretisch beschikbare uren", or
 * "2023JJ00" "2023" with status "Voorlopig". */
struct odata4_code {
	char *id, *title, *status;	/* status "" where the list has none */
};

struct odata4_codes {
	char *path;		/* the file read, for messages; NULL: there was none */
	struct odata4_code *v;	/* sorted by id */
	size_t n, cap;
};

/* The code list NAME (e.g. "MeasureCodes") beside the observations file
 * obs_path: NAME.csv, else NAME.json.  No such file is no error (codes
 * then stand for themselves, out->path NULL); a file that does not read
 * as a code list (no Identifier column, a CSV or JSON error) is reported
 * into the import's diagnostics, false. */
bool odata4_codes_load(struct import *im, const char *obs_path, const char *name,
		       struct odata4_codes *out);
/* The entry for id, or NULL. */
const struct odata4_code *odata4_code(const struct odata4_codes *codes, const char *id);
void odata4_codes_free(struct odata4_codes *codes);

#endif
