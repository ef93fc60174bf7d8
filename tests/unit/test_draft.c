/* SPDX-License-Identifier: EUPL-1.2 */
/* Drafts of explanations (draft.c): where they are kept, one name per
 * figure and never the same for two, the user's alone, written whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "jmon/draft.h"
#include "jmon/xmalloc.h"

static const struct cell_key total = { "verwijzingen", "GM0361", "2020Q1", "" };
static const struct cell_key huisarts = { "verwijzingen", "GM0361", "2020Q1", "huisarts" };

static void where_drafts_are_kept(void **state)
{
	char *p;

	(void)state;
	setenv("HOME", "/home/analist", 1);
	setenv("XDG_STATE_HOME", "/var/state", 1);
	p = draft_path(&total, NULL);
	assert_string_equal(p, "/var/state/jmon/drafts/GM0361.2020Q1.verwijzingen.txt");
	free(p);
	/* the base directory specification: a relative path is ignored */
	setenv("XDG_STATE_HOME", "state", 1);
	p = draft_path(&huisarts, NULL);
	assert_string_equal(p, "/home/analist/.local/state/jmon/drafts/"
			    "GM0361.2020Q1.verwijzingen.huisarts.txt");
	free(p);
	unsetenv("XDG_STATE_HOME");
	p = draft_path(&total, NULL);
	assert_string_equal(p, "/home/analist/.local/state/jmon/drafts/GM0361.2020Q1.verwijzingen.txt");
	free(p);
	unsetenv("HOME");
	assert_null(draft_path(&total, NULL));
}

static char *name_of(const char *ind, const char *region, const char *period, const char *cat)
{
	struct cell_key key = { ind, region, period, cat };
	char *p = draft_path(&key, NULL), *name = xstrdup(strrchr(p, '/') + 1);

	free(p);
	return name;
}

static void one_name_per_figure(void **state)
{
	char *a, *b;

	(void)state;
	setenv("XDG_STATE_HOME", "/s", 1);
	/* a date keeps its dashes; a dot, a slash or a % is written out, so
	 * no part can end early or climb out of the folder */
	a = name_of("a.b/../c%", "WK036101", "2023-01-01", "x y");
	assert_string_equal(a, "WK036101.2023-01-01.a%2Eb%2F%2E%2E%2Fc%25.x%20y.txt");
	free(a);
	a = name_of("a.b", "GM0361", "2020Q1", "c");
	b = name_of("a", "GM0361", "2020Q1", "b.c");
	assert_string_not_equal(a, b);
	free(a);
	free(b);
	/* a category named txt is not the total */
	a = name_of("ind", "GM0361", "2020Q1", "txt");
	b = name_of("ind.txt", "GM0361", "2020Q1", "");
	assert_string_not_equal(a, b);
	free(a);
	free(b);
	a = name_of("ind", "GM0361", "2020Q1", "é");
	assert_string_equal(a, "GM0361.2020Q1.ind.%C3%A9.txt");
	free(a);
	unsetenv("XDG_STATE_HOME");
}

static void saved_loaded_removed(void **state)
{
	char dir[] = "/tmp/jmon-draft-XXXXXX", *path, *text = NULL, *cmd;
	struct jmon_error err;
	struct stat st;
	time_t written = 0;
	mode_t old = umask(022);

	(void)state;
	assert_non_null(mkdtemp(dir));
	setenv("XDG_STATE_HOME", dir, 1);
	path = draft_path(&huisarts, NULL);
	assert_false(draft_load(path, &text, &written));
	/* the folders it lacks are made, the user's alone */
	assert_int_equal(draft_save(path, "Eerste.\nTweede regel, ë.", &err), JMON_OK);
	assert_true(draft_load(path, &text, &written));
	assert_string_equal(text, "Eerste.\nTweede regel, ë.");
	assert_true(written > 0);
	free(text);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	*strrchr(path, '/') = '\0';
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	*strrchr(path, '/') = '\0';
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	free(path);
	/* a second save replaces the first whole; no temporary file stays */
	path = draft_path(&huisarts, NULL);
	assert_int_equal(draft_save(path, "Korter.", &err), JMON_OK);
	assert_true(draft_load(path, &text, &written));
	assert_string_equal(text, "Korter.");
	free(text);
	assert_int_equal(draft_save(path, "", &err), JMON_OK);
	assert_true(draft_load(path, &text, &written));
	assert_string_equal(text, "");
	free(text);
	cmd = xasprintf("test $(ls %s/jmon/drafts | wc -l) -eq 1", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	draft_remove(path);
	assert_false(draft_load(path, &text, &written));
	draft_remove(path);	/* none: fine */
	draft_remove(NULL);
	free(path);
	cmd = xasprintf("rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	unsetenv("XDG_STATE_HOME");
	umask(old);
}

static void a_folder_that_cannot_be_made(void **state)
{
	struct cell_key key = total;
	struct jmon_error err;

	(void)state;
	/* /proc takes no folders: the error names the folder */
	setenv("XDG_STATE_HOME", "/proc/jmon-no", 1);
	char *path = draft_path(&key, NULL);
	assert_int_not_equal(draft_save(path, "tekst", &err), JMON_OK);
	assert_non_null(strstr(err.msg, "/proc/jmon-no/jmon/drafts"));
	free(path);
	unsetenv("XDG_STATE_HOME");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(where_drafts_are_kept),
		cmocka_unit_test(one_name_per_figure),
		cmocka_unit_test(saved_loaded_removed),
		cmocka_unit_test(a_folder_that_cannot_be_made),
	};

	return RUN_TESTS(tests);
}
