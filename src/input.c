/* SPDX-License-Identifier: EUPL-1.2 */
/* Input files that cannot hang or flood jmon; see include/jmon/input.h.
 *
 * O_NONBLOCK at open() is what keeps a FIFO without a writer from
 * blocking the open forever; it is cleared again at once, so the reads of
 * a pipe wait for its writer as usual and end when it closes.  A named
 * FIFO then waits for its first bytes (or its writer's close) for
 * INPUT_FIFO_WAIT_S at most: reading at once would take a writer that
 * opens it a moment after jmon for an empty file, and waiting without end
 * is the hang.  A shell's pipe (-, /dev/fd/N) has its writer already. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jmon/input.h"

enum jmon_status input_open(const char *path, const char *prefix, enum jmon_status refused,
			    int *fd, long long *size, struct jmon_error *err)
{
	struct stat st;
	const char *what = NULL;
	int flags;

	*fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (*fd < 0)
		return jmon_fail(err, JMON_NOINPUT, "%s: %s%s", path, prefix, strerror(errno));
	if (fstat(*fd, &st) != 0) {
		int e = errno;

		close(*fd);
		return jmon_fail(err, JMON_NOINPUT, "%s: %s", path, strerror(e));
	}
	/* A directory is an input that cannot be read (66), not a failing
	 * disk (74), which is what read() would make of it. */
	if (S_ISDIR(st.st_mode)) {
		close(*fd);
		return jmon_fail(err, JMON_NOINPUT, "%s: %s", path, strerror(EISDIR));
	}
	if (isatty(*fd))
		what = "a terminal";
	else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		what = "a device";
	else if (S_ISSOCK(st.st_mode))
		what = "a socket";
	if (what) {
		close(*fd);
		return jmon_fail(err, refused, "%s: is %s, not a file or a pipe; jmon reads only "
				 "those", path, what);
	}
	if ((flags = fcntl(*fd, F_GETFL)) >= 0)
		fcntl(*fd, F_SETFL, flags & ~O_NONBLOCK);
	*size = S_ISREG(st.st_mode) ? (long long)st.st_size : -1;
	struct stat link;
	struct pollfd p = { *fd, POLLIN, 0 };

	if (S_ISFIFO(st.st_mode) && lstat(path, &link) == 0 && S_ISFIFO(link.st_mode) &&
	    poll(&p, 1, INPUT_FIFO_WAIT_S * 1000) == 0) {
		close(*fd);
		return jmon_fail(err, JMON_NOINPUT, "%s: %sa FIFO that nobody wrote to in %d s",
				 path, prefix, INPUT_FIFO_WAIT_S);
	}
	return JMON_OK;
}
