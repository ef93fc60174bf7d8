/* SPDX-License-Identifier: EUPL-1.2 */
/* Loading deliveries (jmon-import(5)).  One file is one delivery and one
 * transaction: every row is checked, every problem is reported as
 * FILE:LINE:COLUMN, and unless there were none, nothing is written.
 *
 * The layouts: the long CSV, the regions CSV, the reviews CSV and CBS open
 * data (kerncijfers, OData v3 as CSV or JSON, the StatLine export).  How
 * the importer is built is in include/jmon/import_internal.h. */
#ifndef JMON_IMPORT_H
#define JMON_IMPORT_H

#include <stdbool.h>

#include "jmon/config.h"
#include "jmon/db.h"
#include "jmon/error.h"

enum import_format { IMPORT_AUTO, IMPORT_LONG, IMPORT_REGIONS, IMPORT_CBS, IMPORT_REVIEWS,
		     IMPORT_ODATA4 };

struct import_result;

struct import_options {
	enum import_format format;	/* IMPORT_AUTO: detect from the header */
	const char *note;		/* --note, or NULL */
	const char *name;		/* the file's name in messages; NULL: the path */
	bool progress;			/* progress lines on stderr */
	/* Called with the delivery's result just before its commit; a
	 * failure (output that could not be written) rolls it back, so what
	 * the caller said about a delivery is never untrue.  May be NULL. */
	enum jmon_status (*before_commit)(const char *path, const struct import_result *res,
					  struct jmon_error *err);
};

struct import_result {
	long delivery;		/* the new delivery, or the earlier one (already) */
	bool already;		/* the same bytes were imported before: nothing done */
	enum import_format format;
	long rows;		/* data rows read */
	long cells_new, cells_changed, cells_unchanged;
	long regions_new, regions_changed;
	double seconds;
	bool commit_failed;	/* before_commit ran, then the commit failed */
};

/* "long", "regions", "cbs", "reviews" or "odata4" (the names of
 * --format); false for anything else. */
bool import_format_parse(const char *name, enum import_format *out);
const char *import_format_name(enum import_format f);

/* A folder as the CBS clients write a table (Observations.csv or
 * Observations.json with its code lists) imports as its observations: the
 * file to import for path, allocated.  path itself when it is no folder;
 * NULL when the folder holds no observations (err says so). */
char *import_folder_file(const char *path, struct jmon_error *err);

/* Import the file at path into db.  JMON_DATA when the data has problems
 * (they are in d; nothing was written), JMON_NOINPUT when the file cannot
 * be read, JMON_IO for database failures. */
enum jmon_status import_file(struct db *db, const struct config *cfg, const char *path,
			     const struct import_options *opt, struct import_result *res,
			     struct diag_list *d, struct jmon_error *err);

#endif
