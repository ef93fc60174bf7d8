/* SPDX-License-Identifier: EUPL-1.2 */
/* Opening an input file (a delivery, a configuration) so that no file can
 * hang or flood jmon: a regular file or a pipe is read, a terminal, a
 * device (/dev/zero, /dev/tty) or a directory is refused with what it is,
 * and a named FIFO waits INPUT_FIFO_WAIT_S for its writer, not forever.
 * Curses-free. */
#ifndef JMON_INPUT_H
#define JMON_INPUT_H

#include <stdbool.h>

#include "jmon/error.h"

/* Open path for reading: *fd, and *size its size when it is a regular
 * file (-1 for a pipe).  JMON_NOINPUT when it cannot be opened
 * ("PATH: PREFIXstrerror", prefix as "cannot open configuration: " or ""),
 * is a directory or a FIFO nobody writes to; `refused` (the caller's
 * status for bad input) for a terminal or a device. */
#define INPUT_FIFO_WAIT_S 10

enum jmon_status input_open(const char *path, const char *prefix, enum jmon_status refused,
			    int *fd, long long *size, struct jmon_error *err);

#endif
