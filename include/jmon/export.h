/* SPDX-License-Identifier: EUPL-1.2 */
/* Writing a report to a file the analyst named (the browser's e and
 * :export, jmon report -o FILE), so that a write never destroys: the
 * report goes to a new temporary file beside the target (O_CREAT |
 * O_EXCL, so never through a symbolic link someone planted), is synced,
 * and only then takes the target's name -- by link(), which fails when the
 * name exists, or, once the analyst said yes (:export! FILE, the question,
 * or -o FILE on the command line, which replaces), by rename().  A target
 * that is a symbolic link, a directory or any other special file is
 * refused either way.  Curses-free. */
#ifndef JMON_EXPORT_H
#define JMON_EXPORT_H

#include <stdbool.h>

#include "jmon/error.h"
#include "jmon/report.h"

/* What is written: the report of one region, or regions side by side
 * (jmon report --regions; never a workbook), in format. */
struct export_source {
	enum report_format format;
	const struct report *report;		/* NULL: bench */
	const struct report_bench *bench;
};

/* Write src to path.  JMON_OK; JMON_CANTCREAT with *exists true when
 * path exists and replace is false (ask, then call again with replace);
 * JMON_CANTCREAT (a symbolic link, not a regular file, a folder that is
 * not there) or JMON_IO (the write failed) with the reason in err: "kan
 * PATH niet schrijven: strerror" in the browser, "PATH: strerror" on the
 * command line (jmon_dutch).  Nothing is left behind when it fails, and
 * an existing file is as it was. */
enum jmon_status export_write(const struct export_source *src, const char *path, bool replace,
			      bool *exists, struct jmon_error *err);

#endif
