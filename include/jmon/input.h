/* SPDX-License-Identifier: EUPL-1.2 */
/* Opening an input file (a delivery, a configuration) so that no file can
 * hang or flood jmon: a regular file or a pipe is read, a terminal, a
 * device (/dev/zero, /dev/tty) or a directory is refused with what it is,
 * and a FIFO is opened without waiting for a writer (one that has none
 * reads as empty instead of blocking forever).  Curses-free. */
#ifndef JMON_INPUT_H
#define JMON_INPUT_H

#include <stdbool.h>

#include "jmon/error.h"

/* Open path for reading: *fd, and *size its size when it is a regular
 * file (-1 for a pipe).  JMON_NOINPUT when it cannot be opened
 * ("PATH: PREFIXstrerror", prefix as "cannot open configuration: " or "")
 * or is a directory; `refused` (the caller's status for bad input) for a
 * terminal or a device. */
enum jmon_status input_open(const char *path, const char *prefix, enum jmon_status refused,
			    int *fd, long long *size, struct jmon_error *err);

#endif
