/* SPDX-License-Identifier: EUPL-1.2 */
/* Exports that never destroy; see include/jmon/export.h.
 *
 * Why link() and not a check before the write: between "does FILE exist?"
 * and creating it, another program (or another analyst in a shared
 * folder) may make FILE, or a symbolic link by that name to a file of the
 * analyst's.  link() of the finished temporary file is the check and the
 * naming in one step, and a rename() (after a yes) replaces the name
 * itself, never the file a symbolic link points to.  The temporary file
 * is made beside the target, so both are on one file system. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "jmon/export.h"
#include "jmon/xmalloc.h"

/* The browser's words, or the command line's ("FILE: why"): see
 * jmon_dutch in include/jmon/error.h. */
static enum jmon_status cannot_because(struct jmon_error *err, enum jmon_status st,
				       const char *path, const char *why)
{
	return jmon_fail(err, st, jmon_dutch() ? "kan %s niet schrijven: %s" : "%s: %s", path, why);
}

static enum jmon_status cannot(struct jmon_error *err, enum jmon_status st, const char *path,
			       int e)
{
	return cannot_because(err, st, path, strerror(e));
}

/* A new file beside path that no one else had: path.tmp-PID-N.  *tmp is
 * set (the caller frees it) also when this fails. */
static int create_temporary(const char *path, char **tmp)
{
	static unsigned counter;

	for (int tries = 0; tries < 100; tries++) {
		int fd;

		*tmp = xasprintf("%s.tmp-%ld-%u%ld", path, (long)getpid(), counter++,
				 (long)time(NULL) % 1000);
		/* 0666 less the umask, as any file the analyst writes */
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd >= 0 || errno != EEXIST)
			return fd;
		free(*tmp);
	}
	*tmp = NULL;
	errno = EEXIST;
	return -1;
}

/* Only a regular file may be replaced: a symbolic link would make the
 * analyst's yes a yes to a file they did not name. */
static enum jmon_status check_target(const char *path, bool *exists, struct jmon_error *err)
{
	struct stat st;

	*exists = false;
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? JMON_OK : cannot(err, JMON_CANTCREAT, path, errno);
	if (S_ISLNK(st.st_mode))
		return cannot_because(err, JMON_CANTCREAT, path, jmon_dutch()
				      ? "het is een symbolische koppeling" : "it is a symbolic link");
	if (!S_ISREG(st.st_mode))
		return cannot_because(err, JMON_CANTCREAT, path, jmon_dutch()
				      ? "het is geen gewoon bestand" : "it is not a regular file");
	*exists = true;		/* a file that a yes may replace */
	return JMON_OK;
}

static enum jmon_status write_all(const struct export_source *src, int fd, const char *tmp,
				  const char *path, struct jmon_error *err)
{
	FILE *out;
	enum jmon_status st;

	if (report_format_needs_file(src->format)) {
		/* a workbook is written by name (libxlsxwriter): into the
		 * temporary file made for it, which is ours alone */
		close(fd);
		if ((st = report_xlsx(src->report, tmp, err)) != JMON_OK) {
			char *why = xstrdup(err->msg);

			cannot_because(err, st, path, why);
			free(why);
			return st;
		}
		if ((fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)) < 0)
			return cannot(err, JMON_IO, path, errno);
		st = fsync(fd) == 0 ? JMON_OK : cannot(err, JMON_IO, path, errno);
		close(fd);
		return st;
	}
	out = fdopen(fd, "w");

	if (!out) {
		close(fd);
		return cannot(err, JMON_IO, path, errno);
	}
	st = src->report ? report_write(src->report, src->format, out, err)
			 : report_bench_write(src->bench, src->format, out, err);
	if (st != JMON_OK)
		st = cannot(err, JMON_IO, path, errno);	/* errno of its failed flush */
	/* on disk before it has the name: a crash leaves the old file or the
	 * whole new one, never half of it */
	if (st == JMON_OK && (fflush(out) != 0 || fsync(fileno(out)) != 0))
		st = cannot(err, JMON_IO, path, errno);
	if (fclose(out) != 0 && st == JMON_OK)
		st = cannot(err, JMON_IO, path, errno);
	return st;
}

enum jmon_status export_write(const struct export_source *src, const char *path, bool replace,
			      bool *exists, struct jmon_error *err)
{
	enum jmon_status st;
	char *tmp = NULL;
	int fd;

	if ((st = check_target(path, exists, err)) != JMON_OK)
		return st;
	if (*exists && !replace)
		return jmon_fail(err, JMON_CANTCREAT, jmon_dutch() ? "%s bestaat al" : "%s exists already",
				 path);
	if ((fd = create_temporary(path, &tmp)) < 0) {
		st = cannot(err, JMON_CANTCREAT, path, errno);
		free(tmp);
		return st;
	}
	st = write_all(src, fd, tmp, path, err);
	if (st == JMON_OK && !replace && link(tmp, path) != 0) {
		*exists = errno == EEXIST;	/* made meanwhile: ask again */
		st = *exists ? jmon_fail(err, JMON_CANTCREAT, jmon_dutch() ? "%s bestaat al"
					 : "%s exists already", path)
			     : cannot(err, JMON_CANTCREAT, path, errno);
	} else if (st == JMON_OK && replace && rename(tmp, path) != 0) {
		st = cannot(err, JMON_CANTCREAT, path, errno);
	}
	/* after link() the temporary name is a second name of the export;
	 * after a rename() it is gone already */
	if (!(st == JMON_OK && replace))
		unlink(tmp);
	free(tmp);
	return st;
}
