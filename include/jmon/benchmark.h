/* SPDX-License-Identifier: EUPL-1.2 */
/* A chapter of regions side by side, as the comparison reports lay their
 * tables out (seed 001: NL | A | B | C | D; seed 002: Alphen, five
 * benchmark municipalities and NL, two years each): rows are the
 * indicators and their categories, columns the region, the members of one
 * or more peer groups with each group's mean, other regions (the
 * jeugdzorgregio, NL), each for one or more periods.
 *
 * Every region's cells are its figures (include/jmon/figures.h), so each
 * cell shows what that region's own chapter view shows, with its own
 * stoplight; a mean is the gate's (comparison_mean: the shown members
 * only, the region itself left out, "k van n"); a difference is against a
 * reference column the reader picks, between two shown values only
 * (comparison_difference).  Nothing here computes a number of its own.
 * The browser (src/view_benchmark.c) and `jmon report --regions`
 * (src/report_bench.c) render the same struct benchmark. */
#ifndef JMON_BENCHMARK_H
#define JMON_BENCHMARK_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/comparison.h"
#include "jmon/config.h"
#include "jmon/db.h"
#include "jmon/error.h"
#include "jmon/figures.h"

#define BENCHMARK_NL "NL01"
#define BENCHMARK_MAX_PERIODS 8
#define BENCHMARK_MEAN_PREFIX "mean:"	/* the code of a group's mean */

/* What a column of the comparison stands for, as `compare:` in the
 * configuration and --regions/--peers on the command line name them. */
enum benchmark_entry_kind {
	BENCHMARK_REGION,	/* one region by its code */
	BENCHMARK_GROUP,	/* a peer group: its members, then their mean */
	BENCHMARK_MEAN,		/* a peer group's mean alone ("mean:ID") */
};

struct benchmark_entry {
	enum benchmark_entry_kind kind;
	const char *id;		/* region code or peer group id */
};

/* The entries of cfg's `compare:` (a peer group id, "nl" for NL01, or a
 * region code), or without one every peer group and then NL; *out is
 * allocated (caller frees), *n its length. */
void benchmark_entries_of_config(const struct config *cfg, struct benchmark_entry **out,
				 size_t *n);
/* One entry as written: "mean:ID", a peer group id (when groups is true),
 * "nl", or a region code.  JMON_USAGE for "mean:" of an unknown group. */
enum jmon_status benchmark_entry_parse(const struct config *cfg, const char *text, bool groups,
				       struct benchmark_entry *out, struct jmon_error *err);

struct benchmark_column {
	bool is_mean;
	bool is_self;		/* the region the comparison is about */
	char code[QUERY_CODE_MAX + 8];	/* "GM0484", "mean:benchmark" */
	char name[128];		/* "Alphen aan den Rijn", "gem. Benchmarkgemeenten" */
	const struct peer_group *group;	/* a mean's group */
};

struct benchmark_cell {
	const struct figure *f;	/* a region's figure; NULL for a mean */
	bool has_value;		/* a value a reader may compute with */
	double value;
	struct peer_mean mean;	/* a mean's: of mean.n shown of mean.of */
	bool has_diff;		/* against the reference column, same period */
	double diff;
	/* against the row's nulmeting: a region's its figure's (base_*), a
	 * mean's the change of the mean when both are of every member
	 * (comparison_mean_change) */
	bool has_base_change;
	double base_change;
};

struct benchmark_row {
	const struct indicator *ind;
	const struct category *cat;	/* NULL: the total */
	char base_period[PERIOD_CODE_MAX];	/* the indicator's baseline, or "" */
	char base_label[PERIOD_LABEL_MAX];
};

/* How much of a column's figures is read. */
enum benchmark_read {
	BENCHMARK_UNREAD,	/* nothing: no value */
	BENCHMARK_VALUES,	/* the values alone (FIGURES_VALUES): the
				 * reference while it is scrolled away */
	BENCHMARK_READ,		/* everything a cell shows */
};

struct benchmark {
	char region[QUERY_CODE_MAX];
	const struct chapter *chapter;	/* NULL: every chapter */
	size_t nperiods;		/* periods per column, oldest first */
	char periods[BENCHMARK_MAX_PERIODS][PERIOD_CODE_MAX];
	char period_labels[BENCHMARK_MAX_PERIODS][PERIOD_LABEL_MAX];
	struct benchmark_column *cols;	/* the region first */
	size_t ncols;
	struct benchmark_row *rows;
	size_t nrows;
	/* [col][period]: a region's figures; a mean's stays empty */
	struct figure_set *sets;
	struct benchmark_cell *cells;	/* [(row * ncols + col) * nperiods + period] */
	size_t reference;		/* the column differences are against */
	/* [col]: how much of it is read; every column unless spec.lazy,
	 * then the region's, the means' and those benchmark_show read */
	enum benchmark_read *loaded;
	const struct indicator *indicator;	/* the spec's */
};

struct benchmark_spec {
	const char *region;
	const struct benchmark_entry *entries;
	size_t nentries;
	const char *const *periods;	/* canonical codes, oldest first */
	size_t nperiods;
	const struct chapter *chapter;	/* NULL: every chapter */
	const struct indicator *indicator;	/* one indicator only, or NULL */
	/* a region code of an entry the database does not know: skipped
	 * (a configuration serves many databases), or JMON_DATA */
	bool skip_unknown;
	/* read only the region's figures and the means now, the other
	 * regions' when benchmark_show asks for them: a screen of 80
	 * columns shows three of the 44 gemeenten of a province, and each
	 * region's figures read its whole family (wijken, buurten) in every
	 * period a figure needs */
	bool lazy;
};

/* Load the comparison; the reference is NL when it is a column, else the
 * first mean, else the region.  dc: the gate's cache to share, or NULL. */
enum jmon_status benchmark_load(struct db *db, const struct config *cfg, struct disclosure *dc,
				const struct benchmark_spec *spec, struct benchmark *out,
				struct jmon_error *err);
void benchmark_free(struct benchmark *b);
/* Read the figures of columns first .. last - 1 that are not read yet
 * (spec.lazy), the values of the reference (the differences need no more),
 * and the differences.  A column not read has no value. */
enum jmon_status benchmark_show(struct db *db, const struct config *cfg, struct disclosure *dc,
				struct benchmark *b, size_t first, size_t last,
				struct jmon_error *err);

/* Differences against column ref (every cell's has_diff and diff). */
void benchmark_set_reference(struct benchmark *b, size_t ref);

struct benchmark_cell *benchmark_cell(const struct benchmark *b, size_t row, size_t col,
				      size_t period);

/* The periods of an "over time" comparison: n periods of the kind of
 * period ending with it (2015, 2016 for 2016), oldest first, into codes;
 * the number filled. */
size_t benchmark_periods(const char *period, size_t n,
			 char codes[][PERIOD_CODE_MAX]);

/* What a reader asked to compare (the benchmark view's keys): the
 * entries, the periods side by side, the reference column by its code
 * ("" the default) and whether cells show differences. */
struct benchmark_settings {
	struct benchmark_entry *entries;
	size_t nentries;
	char **owned;		/* the ids typed (:peers) that entries point into */
	size_t nowned, capowned;
	size_t nperiods;
	char reference[QUERY_CODE_MAX + 8];
	bool diffs;
};

/* The configuration's entries, one period, the default reference. */
void benchmark_settings_init(struct benchmark_settings *set, const struct config *cfg);
void benchmark_settings_copy(struct benchmark_settings *to, const struct benchmark_settings *from);
void benchmark_settings_free(struct benchmark_settings *set);

/* A cell's value as the reader sees it ("<10", "onbekend", "6,6 %"; a
 * mean "6,6 %"), width > 0 for a column of that width; "" when none. */
char *benchmark_value_text(const struct benchmark_row *row, const struct benchmark_cell *c,
			   const struct benchmark_column *col, char *buf, size_t size, int width);
/* Whether a row of b is measured against a nulmeting. */
bool benchmark_has_baseline(const struct benchmark *b);
/* Whether a cell's figure is coloured by a rule (or by hand): its status
 * is worth a glyph. */
bool benchmark_has_status(const struct benchmark_cell *c);

#endif
