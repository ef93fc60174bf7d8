/* SPDX-License-Identifier: EUPL-1.2 */
/* The permissions of shared files: the warning about a file every user may
 * write, and the message for a file one may not read or write. */
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "jmon/fileperm.h"
#include "jmon/xmalloc.h"

struct scratch {
	char dir[64];
};

static int setup(void **state)
{
	struct scratch *s = xcalloc(1, sizeof *s);

	strcpy(s->dir, "/tmp/jmon-fileperm-XXXXXX");
	if (!mkdtemp(s->dir))
		return -1;
	*state = s;
	return 0;
}

static int teardown(void **state)
{
	struct scratch *s = *state;
	char *cmd = xasprintf("rm -rf '%s'", s->dir);

	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", s->dir);
	free(cmd);
	free(s);
	return 0;
}

/* A file NAME in the scratch folder with MODE; caller frees the path. */
static char *file(struct scratch *s, const char *name, mode_t mode)
{
	char *path = xasprintf("%s/%s", s->dir, name);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fclose(f);
	assert_int_equal(chmod(path, mode), 0);
	return path;
}

static void test_world_writable(void **state)
{
	struct scratch *s = *state;
	char *open = file(s, "open.db", 0666), *team = file(s, "team.db", 0664);
	char *missing = xasprintf("%s/missing.db", s->dir);
	char *want = xasprintf("%s is writable by every user: chmod o-w %s", open, open);
	char msg[512] = "";

	assert_true(fileperm_world_writable(open, msg, sizeof msg));
	assert_string_equal(msg, want);
	assert_false(fileperm_world_writable(team, msg, sizeof msg));
	assert_false(fileperm_world_writable(missing, msg, sizeof msg));
	assert_false(fileperm_world_writable(NULL, msg, sizeof msg));
	/* a folder every user may write (/tmp) is not a file jmon uses */
	assert_int_equal(chmod(s->dir, 01777), 0);
	assert_false(fileperm_world_writable(s->dir, msg, sizeof msg));
	assert_int_equal(chmod(s->dir, 0700), 0);
	free(open);
	free(team);
	free(missing);
	free(want);
}

static void test_warning_names_the_database_first(void **state)
{
	struct scratch *s = *state;
	char *db = file(s, "monitor.db", 0660), *cfg = file(s, "jmon.yaml", 0646);
	char msg[512];

	assert_true(fileperm_warning(db, cfg, msg, sizeof msg));
	assert_non_null(strstr(msg, "jmon.yaml is writable by every user"));
	assert_int_equal(chmod(db, 0662), 0);
	assert_true(fileperm_warning(db, cfg, msg, sizeof msg));
	assert_non_null(strstr(msg, "monitor.db is writable by every user"));
	assert_int_equal(chmod(db, 0660), 0);
	assert_int_equal(chmod(cfg, 0644), 0);
	assert_false(fileperm_warning(db, cfg, msg, sizeof msg));
	/* the built-in configuration has a name but is no file */
	assert_false(fileperm_warning(NULL, "config/jmon.yaml (built-in)", msg, sizeof msg));
	free(db);
	free(cfg);
}

static void test_denied_messages(void **state)
{
	struct scratch *s = *state;
	char *mine = file(s, "mine.db", 0444);
	char *deep = xasprintf("%s/a/b/monitor.db", s->dir);
	struct jmon_error err = { JMON_OK, "" };
	struct stat st;
	struct group *gr;
	char *want;

	/* one's own file: a mode to change, no group to join */
	assert_int_equal(fileperm_denied(&err, mine, true), JMON_NOPERM);
	want = xasprintf("cannot write %s: it is yours but read-only (chmod u+w %s)", mine, mine);
	assert_string_equal(err.msg, want);
	free(want);
	assert_int_equal(fileperm_denied(&err, mine, false), JMON_NOPERM);
	want = xasprintf("cannot read %s: it is yours but unreadable (chmod u+r %s)", mine, mine);
	assert_string_equal(err.msg, want);
	free(want);
	/* a path that cannot be looked at: the group of the nearest folder */
	assert_int_equal(stat(s->dir, &st), 0);
	gr = getgrgid(st.st_gid);
	assert_non_null(gr);
	assert_int_equal(fileperm_denied(&err, deep, false), JMON_NOPERM);
	want = xasprintf("cannot read %s: ask for membership of its group (%s)", deep, gr->gr_name);
	assert_string_equal(err.msg, want);
	free(want);
	assert_int_equal(fileperm_denied(&err, deep, true), JMON_NOPERM);
	want = xasprintf("cannot write %s: ask for membership of its group (%s), or open "
			 "read-only by browsing", deep, gr->gr_name);
	assert_string_equal(err.msg, want);
	free(want);
	/* the same in the browser, which speaks Dutch */
	jmon_speak_dutch(true);
	assert_int_equal(fileperm_denied(&err, mine, true), JMON_NOPERM);
	want = xasprintf("geen schrijfrecht op %s: het is van u, maar alleen te lezen (chmod u+w %s)",
			 mine, mine);
	assert_string_equal(err.msg, want);
	free(want);
	assert_int_equal(fileperm_denied(&err, deep, true), JMON_NOPERM);
	want = xasprintf("geen schrijfrecht op %s: vraag om lidmaatschap van de groep %s, of open "
			 "het alleen om te lezen", deep, gr->gr_name);
	assert_string_equal(err.msg, want);
	free(want);
	jmon_speak_dutch(false);
	free(mine);
	free(deep);
}

static void test_errno_denied(void **state)
{
	(void)state;
	assert_true(fileperm_errno_denied(EACCES));
	assert_true(fileperm_errno_denied(EPERM));
	assert_false(fileperm_errno_denied(ENOENT));
	assert_false(fileperm_errno_denied(EROFS));
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_world_writable),
		T(test_warning_names_the_database_first),
		T(test_denied_messages),
		T(test_errno_denied),
	};

	return RUN_TESTS(tests);
}
