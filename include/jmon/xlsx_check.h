/* SPDX-License-Identifier: EUPL-1.2 */
/* Whether the workbook libxlsxwriter wrote is whole.  libxlsxwriter 1.1
 * reports success when a write of its own failed (a full disk, a file
 * size limit): of the archive, which then has no directory, or of a
 * temporary file of a sheet or of the strings, which then goes into the
 * archive cut short.  A workbook that is replaced only when it is whole
 * (src/export.c) needs to know. */
#ifndef JMON_XLSX_CHECK_H
#define JMON_XLSX_CHECK_H

#include <stdbool.h>

/* True when path is a zip archive whose every member inflates to its
 * size and CRC-32, and whose every XML member ends with the end tag of
 * the element it begins with. */
bool xlsx_check_whole(const char *path);

#endif
