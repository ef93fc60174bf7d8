/* SPDX-License-Identifier: EUPL-1.2 */
/* The configuration: where it comes from (the search order), loading and
 * freeing.  The YAML walk is in config_yaml.c, the keys in config_keys.c,
 * the queries of a loaded configuration in config_lookup.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jmon/condition.h"
#include "jmon/config.h"
#include "jmon/config_keys.h"
#include "jmon/config_yaml.h"
#include "jmon/input.h"
#include "jmon/strbuf.h"
#include "jmon/xmalloc.h"

#define BUILTIN_NAME "config/jmon.yaml (built-in)"

const char *config_system_path = CONFIG_SYSTEM_PATH;

static bool is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static const char *nonempty_env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

enum jmon_status config_find(const char *explicit_path, char **path, struct jmon_error *err)
{
	const char *env, *home;
	char *user;

	*path = NULL;
	/* A file the user named must exist: falling through to another one
	 * would silently browse the wrong monitor. */
	if (explicit_path || (env = nonempty_env("JMON_CONFIG"))) {
		const char *p = explicit_path ? explicit_path : env;
		if (access(p, R_OK) != 0)
			return jmon_fail(err, JMON_NOINPUT, "%s: cannot open configuration: %s",
					 p, strerror(errno));
		*path = xstrdup(p);
		return JMON_OK;
	}
	if ((env = nonempty_env("XDG_CONFIG_HOME")))
		user = xasprintf("%s/jmon/jmon.yaml", env);
	else if ((home = nonempty_env("HOME")))
		user = xasprintf("%s/.config/jmon/jmon.yaml", home);
	else
		user = NULL;
	if (user && is_file(user)) {
		*path = user;
		return JMON_OK;
	}
	free(user);
	if (config_system_path && is_file(config_system_path))
		*path = xstrdup(config_system_path);
	return JMON_OK;		/* *path NULL: the built-in default */
}

/* A configuration is a few kilobytes; CONFIG_MAX_BYTES bounds what a
 * mistaken --config (a delivery, /dev/stdin from an endless pipe) reads. */
static enum jmon_status read_file(const char *path, char **text, size_t *len,
				  struct jmon_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	char block[8192];
	long long size;
	ssize_t n;
	int fd;
	enum jmon_status rc = input_open(path, "cannot open configuration: ", JMON_CONFIG, &fd,
					 &size, err);

	if (rc != JMON_OK)
		return rc;
	while ((n = read(fd, block, sizeof block)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			close(fd);
			sb_free(&sb);
			return jmon_fail(err, JMON_NOINPUT, "%s: cannot read configuration: %s",
					 path, strerror(e));
		}
		if (sb.len + (size_t)n > CONFIG_MAX_BYTES) {
			close(fd);
			sb_free(&sb);
			return jmon_fail(err, JMON_CONFIG, "%s: larger than %d MiB: not a "
					 "configuration", path, CONFIG_MAX_BYTES >> 20);
		}
		sb_add(&sb, block, (size_t)n);
	}
	close(fd);
	*len = sb.len;
	*text = sb.s ? sb_detach(&sb) : xstrdup("");
	return JMON_OK;
}

static void link_chapters(struct config *cfg)
{
	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++)
			cfg->chapters[c].indicators[i].chapter = &cfg->chapters[c];
}

/* The file through the walk, then its root through the key tables. */
static void read_yaml(const char *name, const char *text, size_t len,
		      struct config *cfg, struct diag_list *diag)
{
	struct loader ld = { name, NULL, cfg, diag, NULL };
	struct cfg_document d;
	yaml_node_t *root;

	if (!cfg_document_open(&d, &ld, text, len))
		return;
	if ((root = yaml_document_get_root_node(&d.doc))) {
		config_read_root(&ld, root);
		cfg_document_end(&d, &ld);
	} else {
		diag_add(diag, name, 1, 1, "the file is empty: a monitor needs at least 'chapters'");
	}
	cfg_document_close(&d);
}

enum jmon_status config_parse(const char *name, const char *text, size_t len,
			      struct config **out, struct diag_list *diag)
{
	struct config *cfg = xcalloc(1, sizeof *cfg);
	int before = diag->count;

	*out = NULL;
	cfg->path = xstrdup(name);
	read_yaml(name, text, len, cfg, diag);
	if (diag->count > before) {
		config_free(cfg);
		return JMON_CONFIG;
	}
	link_chapters(cfg);
	*out = cfg;
	return JMON_OK;
}

/* All diagnostics as one message, one per line, as many as fit. */
static enum jmon_status diag_to_error(const struct diag_list *d, struct jmon_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	int shown = d->count < DIAG_SHOWN ? d->count : DIAG_SHOWN, i;
	char tail[64];

	for (i = 0; i < shown; i++) {
		snprintf(tail, sizeof tail, "\n... and %d more errors", d->count - i - 1);
		if (sb.len + strlen(d->lines[i]) + strlen(tail) + 2 > sizeof err->msg)
			break;
		sb_addf(&sb, "%s%s", i ? "\n" : "", d->lines[i]);
	}
	if (i < d->count)
		sb_addf(&sb, "\n... and %d more error%s", d->count - i, d->count - i == 1 ? "" : "s");
	jmon_fail(err, JMON_CONFIG, "%s", sb_str(&sb));
	sb_free(&sb);
	return JMON_CONFIG;
}

/* A relative monitor.database lies next to the configuration that names
 * it, not in whatever directory jmon happens to be started from: the same
 * `jmon --config /srv/monitor/jmon.yaml` must open the same database from
 * anywhere. */
static void resolve_database(struct config *cfg, const char *path)
{
	const char *slash = strrchr(path, '/');
	char *db = cfg->monitor.database;

	if (!db || db[0] == '/' || !slash)
		return;
	cfg->monitor.database = xasprintf("%.*s/%s", (int)(slash - path), path, db);
	free(db);
}

enum jmon_status config_load_diag(const char *path, struct config **out,
				  struct diag_list *diag, struct jmon_error *err)
{
	enum jmon_status st;
	char *text;
	size_t len;

	*out = NULL;
	if (!path)
		return config_parse(BUILTIN_NAME, jmon_default_config, jmon_default_config_len,
				    out, diag) == JMON_OK ? JMON_OK : diag_to_error(diag, err);
	if ((st = read_file(path, &text, &len, err)) != JMON_OK)
		return st;
	st = config_parse(path, text, len, out, diag);
	free(text);
	if (st != JMON_OK)
		return diag_to_error(diag, err);
	resolve_database(*out, path);
	return JMON_OK;
}

static enum jmon_status load_quiet(const char *path, struct config **out, struct jmon_error *err)
{
	struct diag_list diag = { NULL, 0 };
	enum jmon_status st = config_load_diag(path, out, &diag, err);

	diag_free(&diag);
	return st;
}

enum jmon_status config_load(const char *explicit_path, struct config **out,
			     struct jmon_error *err)
{
	char *path;
	enum jmon_status st;

	*out = NULL;
	if ((st = config_find(explicit_path, &path, err)) != JMON_OK)
		return st;
	st = load_quiet(path, out, err);
	free(path);
	return st;
}

enum jmon_status config_load_file(const char *path, struct config **out,
				  struct jmon_error *err)
{
	*out = NULL;
	return load_quiet(path, out, err);
}

enum jmon_status config_load_string(const char *name, const char *text, size_t len,
				    struct config **out, struct jmon_error *err)
{
	struct diag_list diag = { NULL, 0 };
	enum jmon_status st = config_parse(name, text, len, out, &diag);

	if (st != JMON_OK)
		diag_to_error(&diag, err);
	diag_free(&diag);
	return st;
}

/* --- freeing ------------------------------------------------------------ */

static void free_rule(struct stoplight_rule *r)
{
	condition_free(&r->green);
	condition_free(&r->amber);
	condition_free(&r->red);
	for (size_t i = 0; i < r->ncategories; i++)
		free(r->categories[i]);
	free(r->categories);
	free(r->count_from);
}

static void free_indicator(struct indicator *ind)
{
	free(ind->id);
	free(ind->label);
	free(ind->definition);
	free(ind->source);
	for (size_t i = 0; i < ind->ncategories; i++) {
		free(ind->categories[i].id);
		free(ind->categories[i].label);
	}
	free(ind->categories);
	free(ind->norm.label);
	free(ind->norm.basis);
	free_rule(&ind->rule);
	free(ind->peers);
	free(ind->n_from);
	free(ind->cbs.measure);
	for (size_t i = 0; i < ind->compute.ninputs; i++)
		free(ind->compute.inputs[i]);
	free(ind->compute.inputs);
	free(ind->compute.from);
	free(ind->compute.input_pos);
	free(ind->baseline);
}

static void config_release(struct config *cfg)
{
	struct monitor *m = &cfg->monitor;

	free(cfg->path);
	free(m->title);
	free(m->region);
	free(m->period);
	free(m->baseline);
	free(m->database);
	free(m->legend_red);
	free(m->legend_amber);
	free(m->legend_green);
	free(m->legend_source);
	for (size_t i = 0; i < m->ntexts; i++) {
		free(m->texts[i].id);
		free(m->texts[i].label);
	}
	free(m->texts);
	for (size_t i = 0; i < cfg->npeers; i++) {
		free(cfg->peers[i].id);
		free(cfg->peers[i].label);
		for (size_t j = 0; j < cfg->peers[i].nregions; j++)
			free(cfg->peers[i].regions[j]);
		free(cfg->peers[i].regions);
	}
	free(cfg->peers);
	for (size_t i = 0; i < cfg->ncompare; i++)
		free(cfg->compare[i]);
	free(cfg->compare);
	for (size_t c = 0; c < cfg->nchapters; c++) {
		struct chapter *ch = &cfg->chapters[c];
		for (size_t i = 0; i < ch->nindicators; i++)
			free_indicator(&ch->indicators[i]);
		free(ch->indicators);
		free(ch->id);
		free(ch->label);
	}
	free(cfg->chapters);
}

void config_free(struct config *cfg)
{
	if (!cfg)
		return;
	config_release(cfg);
	free(cfg);
}
