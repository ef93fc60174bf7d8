/* SPDX-License-Identifier: EUPL-1.2 */
/* Things the subcommands share about the command line and environment. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jmon/cli.h"
#include "jmon/fileperm.h"
#include "jmon/query.h"
#include "jmon/strbuf.h"
#include "jmon/suggest.h"
#include "jmon/xmalloc.h"

char *cli_database_path(const struct options *opt, const struct config *cfg)
{
	const char *env = getenv("JMON_DB");
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");

	if (opt && opt->db)
		return xstrdup(opt->db);
	if (env && *env)
		return xstrdup(env);
	if (cfg && cfg->monitor.database)
		return xstrdup(cfg->monitor.database);
	if (data && *data)
		return xasprintf("%s/jmon/jmon.db", data);
	return xasprintf("%s/.local/share/jmon/jmon.db", home && *home ? home : ".");
}

void cli_warn_world_writable(const char *db_path, const struct config *cfg)
{
	const char *files[] = { db_path, cfg ? cfg->path : NULL };
	char msg[2 * 4096 + 64];

	for (size_t i = 0; i < ARRAY_SIZE(files); i++)
		if (fileperm_world_writable(files[i], msg, sizeof msg))
			jmon_print(stderr, "jmon: warning: ", msg, false);
}

/* A word for a shell: as it is when the shell leaves it alone, else in
 * single quotes, so the command line in a message can be pasted. */
static void add_shell_word(struct strbuf *sb, const char *w)
{
	if (*w && strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			 "0123456789_./-+,:@%=") == strlen(w)) {
		sb_adds(sb, w);
		return;
	}
	sb_adds(sb, "'");
	for (; *w; w++)
		if (*w == '\'')
			sb_adds(sb, "'\\''");
		else
			sb_add(sb, w, 1);
	sb_adds(sb, "'");
}

/* "jmon import [--config CFG] --db PATH FILE...": the configuration only
 * when one was named, as the others are found again without it. */
static char *import_line(const struct options *opt, const char *path)
{
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, "jmon import ");
	if (opt && opt->config) {
		sb_adds(&sb, "--config ");
		add_shell_word(&sb, opt->config);
		sb_adds(&sb, " ");
	}
	sb_adds(&sb, "--db ");
	add_shell_word(&sb, path);
	sb_adds(&sb, " FILE...");
	return sb_detach(&sb);
}

enum jmon_status cli_need_database(const struct options *opt, const char *path,
				   struct jmon_error *err)
{
	struct stat st;
	char *line;
	enum jmon_status rc = JMON_OK;

	if (stat(path, &st) != 0) {
		/* one this user may not look at is db_open's to tell (77) */
		if (errno != ENOENT && errno != ENOTDIR)
			return JMON_OK;
		line = import_line(opt, path);
		rc = jmon_fail(err, JMON_NOINPUT, "%s: no database here; make one with: %s",
			       path, line);
		free(line);
	} else if (S_ISDIR(st.st_mode)) {
		rc = jmon_fail(err, JMON_NOINPUT, "%s is a folder, not a database: name the "
			       "database file in it (--db %s%sjmon.db)", path, path,
			       path[strlen(path) - 1] == '/' ? "" : "/");
	} else if (S_ISREG(st.st_mode) && st.st_size == 0) {
		line = import_line(opt, path);
		rc = jmon_fail(err, JMON_NOINPUT, "%s is an empty file (0 bytes), not a jmon "
			       "database yet; fill it with: %s", path, line);
		free(line);
	}
	return rc;
}

/* The leading letters of a CBS code, upper case: "GM" of "gm0361". */
static char *code_prefix(const char *code)
{
	size_t n = strspn(code, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
	char *p = xstrndup(code, n);

	for (char *c = p; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	return p;
}

#define SUGGEST_PAGE 512
#define SUGGEST_MAX 3

/* Every region with prefix, page by page, into the nearest few to code. */
static enum jmon_status nearest_regions(struct db *db, const char *code, const char *prefix,
					struct region_row *best, size_t *nbest,
					struct jmon_error *err)
{
	struct region_row *page = xcalloc(SUGGEST_PAGE + SUGGEST_MAX, sizeof *page);
	const char **codes = xcalloc(SUGGEST_PAGE + SUGGEST_MAX, sizeof *codes);
	char *upper = code_prefix(code), after[QUERY_CODE_MAX] = "";
	struct strbuf word = STRBUF_INIT;
	size_t n = 0, idx[SUGGEST_MAX];
	enum jmon_status rc;

	/* compared in upper case, as CBS writes codes: gm0361 is GM0361 */
	sb_adds(&word, upper);
	sb_adds(&word, code + strlen(upper));
	*nbest = 0;
	do {
		/* the few best so far compete with each page */
		memcpy(page, best, *nbest * sizeof *best);
		rc = query_regions_prefixed(db, prefix, after, page + *nbest, SUGGEST_PAGE, &n, err);
		if (rc != JMON_OK || n == 0)
			break;
		snprintf(after, sizeof after, "%s", page[*nbest + n - 1].code);
		for (size_t i = 0; i < *nbest + n; i++)
			codes[i] = page[i].code;
		size_t k = suggest_nearest(sb_str(&word), codes, *nbest + n, idx, SUGGEST_MAX);
		for (size_t i = 0; i < k; i++)
			best[i] = page[idx[i]];
		*nbest = k;
	} while (n == SUGGEST_PAGE);
	sb_free(&word);
	free(upper);
	free(codes);
	free(page);
	return rc;
}

enum jmon_status cli_nearest_regions(struct db *db, const char *code, char *buf, size_t size,
				     struct jmon_error *err)
{
	struct region_row best[SUGGEST_MAX];
	struct strbuf near = STRBUF_INIT;
	size_t n = 0;
	enum jmon_status rc;
	char *prefix = code_prefix(code);

	buf[0] = '\0';
	rc = nearest_regions(db, code, prefix, best, &n, err);
	if (rc == JMON_OK && n == 0)	/* no code of that kind: any code */
		rc = nearest_regions(db, code, "", best, &n, err);
	free(prefix);
	for (size_t i = 0; rc == JMON_OK && i < n; i++)
		sb_addf(&near, "%s%s%s%s%s", i ? ", " : "", best[i].code,
			best[i].name[0] ? " (" : "", best[i].name, best[i].name[0] ? ")" : "");
	if (rc == JMON_OK)
		snprintf(buf, size, "%s", sb_str(&near));
	sb_free(&near);
	return rc;
}

enum jmon_status cli_check_region(struct db *db, const char *code, const char *from,
				  struct jmon_error *err)
{
	struct region_row r;
	bool found = false;
	size_t any = 0;
	enum jmon_status rc;
	char near[512];

	if ((rc = query_region(db, code, &r, &found, err)) != JMON_OK || found)
		return rc;
	/* a database without regions has no data either: that screen says so */
	if ((rc = query_regions_prefixed(db, "", NULL, &r, 1, &any, err)) != JMON_OK || !any)
		return rc;
	if ((rc = cli_nearest_regions(db, code, near, sizeof near, err)) != JMON_OK)
		return rc;
	return jmon_fail(err, JMON_DATA, "unknown region '%s'%s%s; nearest known: %s", code,
			 from ? " " : "", from ? from : "", near);
}
