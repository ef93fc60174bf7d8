/* SPDX-License-Identifier: EUPL-1.2 */
/* The permissions of shared files; see include/jmon/fileperm.h. */
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jmon/error.h"
#include "jmon/fileperm.h"
#include "jmon/xmalloc.h"

bool fileperm_world_writable(const char *path, char *msg, size_t size)
{
	struct stat st;

	/* stat, not lstat: what counts is the file jmon reads and writes. */
	if (!path || stat(path, &st) != 0 || !S_ISREG(st.st_mode) || !(st.st_mode & S_IWOTH))
		return false;
	snprintf(msg, size, jmon_dutch() ? "iedere gebruiker mag %s schrijven: chmod o-w %s"
					 : "%s is writable by every user: chmod o-w %s", path, path);
	return true;
}

bool fileperm_warning(const char *db_path, const char *config_path, char *msg, size_t size)
{
	return fileperm_world_writable(db_path, msg, size) ||
	       fileperm_world_writable(config_path, msg, size);
}

bool fileperm_errno_denied(int e)
{
	return e == EACCES || e == EPERM;
}

/* stat of path or else of the nearest folder above it that answers. */
static bool stat_nearest(const char *path, struct stat *st)
{
	char *p = xstrdup(path);
	bool found = false;

	for (;;) {
		char *slash;

		if (stat(p, st) == 0) {
			found = true;
			break;
		}
		if (!(slash = strrchr(p, '/')))
			break;
		if (slash == p) {	/* the root folder */
			found = stat("/", st) == 0;
			break;
		}
		*slash = '\0';
	}
	if (!found && !strchr(path, '/'))
		found = stat(".", st) == 0;
	free(p);
	return found;
}

enum jmon_status fileperm_denied(struct jmon_error *err, const char *path, bool writing)
{
	/* "cannot write X" / "geen schrijfrecht op X": the same arguments in
	 * the same order in both languages (jmon_dutch) */
	bool nl = jmon_dutch();
	const char *what = nl ? (writing ? "schrijf" : "lees") : writing ? "write" : "read";
	const char *also = !writing ? "" : nl ? ", of open het alleen om te lezen"
					      : ", or open read-only by browsing";
	struct stat st;
	struct group *gr;
	char gid[32];

	/* The user's own file: no group to join, a mode to change. */
	if (stat(path, &st) == 0 && st.st_uid == geteuid())
		return jmon_fail(err, JMON_NOPERM,
				 nl ? "geen %srecht op %s: het is van u, maar %s (chmod u+%c %s)"
				    : "cannot %s %s: it is yours but %s (chmod u+%c %s)",
				 what, path,
				 nl ? (writing ? "alleen te lezen" : "niet te lezen")
				    : writing ? "read-only" : "unreadable",
				 writing ? 'w' : 'r', path);
	if (!stat_nearest(path, &st))
		return jmon_fail(err, JMON_NOPERM,
				 nl ? "geen %srecht op %s: vraag wie het beheert om toegang%s"
				    : "cannot %s %s: ask whoever keeps it for access%s",
				 what, path, also);
	gr = getgrgid(st.st_gid);
	snprintf(gid, sizeof gid, "%u", (unsigned)st.st_gid);
	return jmon_fail(err, JMON_NOPERM,
			 nl ? "geen %srecht op %s: vraag om lidmaatschap van de groep %s%s"
			    : "cannot %s %s: ask for membership of its group (%s)%s",
			 what, path, gr ? gr->gr_name : gid, also);
}
