/* SPDX-License-Identifier: EUPL-1.2 */
/* The permissions of the files a team shares on one server (jmon(1), A
 * TEAM ON ONE SERVER): the database and the configuration belong to a
 * group of analysts and are never open to every user.
 *
 * These functions only look at files (stat, access); creating them with
 * the right mode is the job of whoever creates them (db.c). */
#ifndef JMON_FILEPERM_H
#define JMON_FILEPERM_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/error.h"

/* The mode jmon creates a database (and a backup of one) with, before the
 * umask: the owner and the group read and write, other users nothing. */
#define FILEPERM_SHARED 0660

/* When path is a file every user may write, the warning
 * "PATH is writable by every user: chmod o-w PATH" in msg and true;
 * otherwise (also when path cannot be looked at) false. */
bool fileperm_world_writable(const char *path, char *msg, size_t size);

/* The first such warning for the files a session uses, the database and
 * then the configuration (either may be NULL, or no file, as the built-in
 * configuration is); false when neither is writable by every user. */
bool fileperm_warning(const char *db_path, const char *config_path, char *msg, size_t size);

/* JMON_NOPERM with a message that names path and says what to do:
 * "cannot write PATH: ask for membership of its group (GROUP), or open
 * read-only by browsing", or for reading "cannot read PATH: ask for
 * membership of its group (GROUP)".  The group is path's, or, when path
 * cannot be looked at, that of the nearest folder above it that can: the
 * folder that keeps an outsider out is the team's. */
enum jmon_status fileperm_denied(struct jmon_error *err, const char *path, bool writing);

/* Whether errno after a failed access(2), open(2) or stat(2) says the
 * user may not, rather than that the file is missing or broken. */
bool fileperm_errno_denied(int e);

#endif
