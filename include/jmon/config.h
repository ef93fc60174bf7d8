/* SPDX-License-Identifier: EUPL-1.2 */
/* The monitor's configuration, as jmon.yaml(5) describes it: chapters,
 * indicators, categories, norms, stoplight rules, peer groups, privacy.
 * Loaded from YAML with libyaml and validated strictly; every error
 * carries the FILE:LINE:COLUMN of the offending node. */
#ifndef JMON_CONFIG_H
#define JMON_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/condition.h"
#include "jmon/error.h"
#include "jmon/units.h"

enum total_kind { TOTAL_SUM, TOTAL_NONE };

/* How a year or half-year is made from finer periods when the data has
 * none of its own (jmon.yaml(5), ROLL-UPS); none: never. */
enum rollup_kind { ROLLUP_NONE, ROLLUP_SUM, ROLLUP_MEAN, ROLLUP_LAST };

/* An indicator computed from others of the same region and period
 * (jmon.yaml(5), COMPUTED FIGURES): ratio A / B × scale, difference A − B,
 * sum A + B + ..., share part / whole × 100. */
enum compute_kind { COMPUTE_NONE, COMPUTE_RATIO, COMPUTE_DIFFERENCE, COMPUTE_SUM, COMPUTE_SHARE };

struct indicator;

struct compute {
	enum compute_kind kind;		/* COMPUTE_NONE: delivered, not computed */
	char **inputs;			/* indicator ids, in the formula's order */
	size_t ninputs;
	const struct indicator **from;	/* the inputs, resolved once the whole
					 * file is read (they may come later) */
	double scale;			/* ratio: A / B × scale (default 1);
					 * share: 100 */
	struct config_pos pos;		/* of the list of inputs */
	struct config_pos *input_pos;	/* of each input */
};

/* What a stoplight rule compares (jmon.yaml(5), "What on: compares"). */
enum rule_on { ON_VALUE, ON_CHANGE, ON_CHANGE_PCT, ON_YOY_PCT, ON_NORM_RATIO, ON_PEER_PCT,
	       ON_BASELINE_CHANGE, ON_BASELINE_PCT };

struct stoplight_rule {
	bool present;		/* false: no stoplight, status always grey */
	enum rule_on on;
	struct condition green, amber, red;	/* red absent = fallback */
	int min_n;		/* counts below this: grey */
	char *count_from;	/* NULL, or the indicator that holds the number
				 * of cases behind this one (a percentage), in
				 * the same region, period and category: min_n
				 * applies to that number */
	struct config_pos count_from_pos;
	char **categories;	/* stoplight.categories: the category rows it
				 * colours; ncategories == 0: every row */
	size_t ncategories;
};

struct norm {
	bool present;
	double value;
	char *label;		/* "Treeknorm" */
	char *basis;		/* "Treeknorm GGZ, richtlijn" */
};

struct category {
	char *id;
	char *label;
};

/* One text field of an explanation (monitor.texts): "Wat zien we?". */
struct text_field {
	char *id;
	char *label;
};

struct cbs_source {
	char *measure;		/* NULL: not fed by CBS; stored without a _N suffix */
	int decimals;		/* implied decimals in the file, 0 .. CBS_DECIMALS_MAX */
};
#define CBS_DECIMALS_MAX 9

struct chapter;

struct indicator {
	char *id, *label, *definition, *source;
	enum unit unit;
	int decimals;
	bool counts;		/* a count of people or cases: privacy applies */
	struct category *categories;	/* ordered; ncategories == 0: no breakdown */
	size_t ncategories;
	enum total_kind total;
	enum rollup_kind rollup;
	struct norm norm;
	struct stoplight_rule rule;
	char *peers;		/* peer group id, or NULL */
	char *n_from;		/* NULL, or the indicator that holds the number
				 * of respondents or cases behind each value (in
				 * the same region, period and category), shown
				 * beside it: "62 % (n=48)" */
	struct config_pos n_from_pos;
	struct cbs_source cbs;
	int min_count;		/* privacy minimum for this indicator (the
				 * monitor's, unless overridden) */
	int as_of;		/* as_of.max_age in months (the monitor's,
				 * unless overridden); ASOF_OFF (-1): only a
				 * figure of the chosen period (include/jmon/asof.h) */
	struct compute compute;	/* how it is computed from others, if it is */
	char *baseline;		/* the period it is measured against (nulmeting,
				 * canonical code; the monitor's unless its own),
				 * or NULL */
	const struct chapter *chapter;
	struct config_pos pos;
};

struct chapter {
	char *id, *label;
	struct indicator *indicators;
	size_t nindicators;
};

struct peer_group {
	char *id, *label;
	char **regions;		/* CBS codes */
	size_t nregions;
};

struct monitor {
	char *title;
	char *region;		/* the region to open */
	char *period;		/* the period to open and report (canonical
				 * code); NULL: the newest with data */
	char *database;		/* NULL: not set */
	int min_count;		/* privacy: counts below are shown as "<N" */
	int as_of;		/* the indicators' as_of.max_age, in months */
	char *baseline;		/* the indicators' baseline period, or NULL */
	char *legend_red, *legend_amber, *legend_green;
	char *legend_source;	/* whose words the legend is (legend.source) */
	bool legend_jmon;	/* the file sets no legend: jmon's own words */
	struct text_field *texts;	/* the fields of an explanation, in order; */
	size_t ntexts;			/* at least one */
};

struct config {
	char *path;		/* the file it came from, or for the built-in
				 * default "config/jmon.yaml (built-in)" */
	struct monitor monitor;
	struct peer_group *peers;
	size_t npeers;
	/* compare: what the benchmark view sets beside the region, in order:
	 * peer group ids, "nl", "mean:ID", region codes (include/jmon/benchmark.h);
	 * ncompare == 0: every peer group, then NL */
	char **compare;
	size_t ncompare;
	struct chapter *chapters;
	size_t nchapters;
};

/* Bounds on a configuration (jmon(1), LIMITS): its size, how deep YAML
 * may nest, how many values it may have once aliases are expanded, and
 * how many anchors.  Beyond them it is refused (78) before it is walked:
 * a few kilobytes of aliases can stand for billions of values. */
#define CONFIG_MAX_BYTES (4 << 20)
#define CONFIG_MAX_DEPTH 64
#define CONFIG_MAX_NODES 100000
#define CONFIG_MAX_ANCHORS 1000

/* The built-in default (config/jmon.yaml compiled in by the Makefile). */
extern const char jmon_default_config[];
extern const size_t jmon_default_config_len;

/* Load by the search order: explicit path (--config), $JMON_CONFIG,
 * $XDG_CONFIG_HOME/jmon/jmon.yaml (or ~/.config/...), CONFIG_SYSTEM_PATH,
 * then the built-in default.  An explicit path or $JMON_CONFIG that does
 * not exist is an error (JMON_NOINPUT), not a fall-through. */
enum jmon_status config_load(const char *explicit_path, struct config **out,
			     struct jmon_error *err);
enum jmon_status config_load_file(const char *path, struct config **out,
				  struct jmon_error *err);
/* name is used in messages as the FILE part. */
enum jmon_status config_load_string(const char *name, const char *text, size_t len,
				    struct config **out, struct jmon_error *err);
void config_free(struct config *cfg);

/* Which file the search order picks; *path (caller frees) is NULL for
 * the built-in default.  Errors as config_load. */
enum jmon_status config_find(const char *explicit_path, char **path, struct jmon_error *err);
/* Load path (NULL: the built-in default) with every problem in diag as
 * FILE:LINE:COLUMN: message (for check-config, which shows them all);
 * err gets the same text, or the reason the file cannot be read. */
enum jmon_status config_load_diag(const char *path, struct config **out,
				  struct diag_list *diag, struct jmon_error *err);
/* Parse text named `name`; problems only in diag (JMON_CONFIG). */
enum jmon_status config_parse(const char *name, const char *text, size_t len,
			      struct config **out, struct diag_list *diag);
/* The system-wide file of the search order: SYSCONFDIR/jmon/jmon.yaml,
 * "/etc/jmon/jmon.yaml" unless the build says otherwise (make SYSCONFDIR=);
 * a variable so tests can point it elsewhere. */
#ifndef JMON_SYSCONFDIR
#define JMON_SYSCONFDIR "/etc"
#endif
#define CONFIG_SYSTEM_PATH JMON_SYSCONFDIR "/jmon/jmon.yaml"
extern const char *config_system_path;

/* Queries of a loaded configuration (src/config_lookup.c); NULL when
 * there is no such id. */
const struct indicator *config_indicator(const struct config *cfg, const char *id);
const struct chapter *config_chapter(const struct config *cfg, const char *id);
const struct peer_group *config_peer_group(const struct config *cfg, const char *id);
/* NULL when the indicator has no such category. */
const struct category *indicator_category(const struct indicator *ind, const char *id);
/* NULL when the monitor has no such text field. */
const struct text_field *config_text_field(const struct config *cfg, const char *id);
/* Number of chapters, indicators and stoplight rules, for check-config. */
void config_counts(const struct config *cfg, size_t *chapters, size_t *indicators,
		   size_t *rules);

const char *rule_on_name(enum rule_on on);	/* "value", "change", ... */
const char *compute_kind_name(enum compute_kind k);	/* "ratio", "sum", ... */

/* A computed indicator's formula ("" for one that is delivered): with the
 * inputs' labels for a reader ("Kosten jeugdhulp: prognose / Kosten
 * jeugdhulp: begroting × 100"), in ASCII for a terminal without UTF-8
 * ("... * 100", "-"), or with their ids for machines
 * ("kosten_prognose / kosten_begroting * 100"). */
enum formula_form { FORMULA_LABELS, FORMULA_ASCII, FORMULA_IDS };
char *indicator_formula(const struct indicator *ind, enum formula_form form, char *buf,
			size_t size);

#endif
