/* SPDX-License-Identifier: EUPL-1.2 */
/* Drafts of explanations; see include/jmon/draft.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jmon/draft.h"
#include "jmon/strbuf.h"
#include "jmon/xmalloc.h"

#define DRAFT_DIR_MODE 0700

/* One part of the name: a code or id as it is, except bytes that are not
 * [A-Za-z0-9_-] as %XX.  The dot between the parts is never in a part, so
 * the name says exactly which figure it is. */
static void add_part(struct strbuf *name, const char *part)
{
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)part; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-') {
			sb_addc(name, (char)*p);
		} else {
			sb_addc(name, '%');
			sb_addc(name, hex[*p >> 4]);
			sb_addc(name, hex[*p & 15]);
		}
	}
}

/* $XDG_STATE_HOME/jmon/drafts; the base directory specification says a
 * relative $XDG_STATE_HOME is to be ignored. */
static char *drafts_dir(void)
{
	const char *state = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	if (state && state[0] == '/')
		return xasprintf("%s/jmon/drafts", state);
	if (home && *home)
		return xasprintf("%s/.local/state/jmon/drafts", home);
	return NULL;
}

char *draft_path(const struct cell_key *key, const char *field)
{
	char *dir = drafts_dir();
	struct strbuf name = STRBUF_INIT;

	if (!dir)
		return NULL;
	sb_adds(&name, dir);
	sb_addc(&name, '/');
	add_part(&name, key->region);
	sb_addc(&name, '.');
	add_part(&name, key->period);
	sb_addc(&name, '.');
	add_part(&name, key->indicator);
	if (key->category && *key->category) {
		sb_addc(&name, '.');
		add_part(&name, key->category);
	}
	/* '~' is escaped inside a part, so no figure's name ends like this */
	if (field && *field) {
		sb_addc(&name, '~');
		add_part(&name, field);
	}
	sb_adds(&name, ".txt");
	free(dir);
	return sb_detach(&name);
}

/* mkdir -p: the directory, after the parents it lacks, each made with
 * mode. */
static int make_dir(char *dir, mode_t mode)
{
	char *slash = strrchr(dir, '/');
	int r;

	if (mkdir(dir, mode) == 0 || errno == EEXIST)
		return 0;
	if (errno != ENOENT || !slash || slash == dir)
		return -1;
	*slash = '\0';
	r = make_dir(dir, mode);
	*slash = '/';
	if (r != 0)
		return -1;
	return mkdir(dir, mode) == 0 || errno == EEXIST ? 0 : -1;
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

enum jmon_status draft_save(const char *path, const char *text, struct jmon_error *err)
{
	char *dir = xstrdup(path), *tmp = xasprintf("%s.XXXXXX", path);
	char *slash = strrchr(dir, '/');
	int fd = -1;
	enum jmon_status st = JMON_OK;
	bool ok;

	if (slash)
		*slash = '\0';
	if (slash && make_dir(dir, DRAFT_DIR_MODE) != 0) {
		st = jmon_fail(err, JMON_CANTCREAT, "kan %s niet maken: %s", dir, strerror(errno));
		goto out;
	}
	/* a folder made 0755 by hand (or by a version before this one): the
	 * drafts are the analyst's alone */
	if (slash)
		chmod(dir, DRAFT_DIR_MODE);
	/* mkstemp makes the file 0600 */
	if ((fd = mkstemp(tmp)) < 0) {
		st = jmon_fail(err, JMON_CANTCREAT, "kan %s niet maken: %s", path, strerror(errno));
		goto out;
	}
	ok = write_all(fd, text, strlen(text));
	if (close(fd) != 0)
		ok = false;
	if (ok && rename(tmp, path) != 0)
		ok = false;
	if (!ok) {
		st = jmon_fail(err, JMON_IO, "kan %s niet schrijven: %s", path, strerror(errno));
		unlink(tmp);
	}
out:
	free(tmp);
	free(dir);
	return st;
}

bool draft_load(const char *path, char **text, time_t *written)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	char buf[4096];
	ssize_t n;

	if (fd < 0)
		return false;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return false;
	}
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			sb_free(&sb);
			return false;
		}
		sb_add(&sb, buf, (size_t)n);
	}
	close(fd);
	*written = st.st_mtime;
	*text = sb_detach(&sb);
	return true;
}

void draft_remove(const char *path)
{
	if (path)
		unlink(path);
}
