/* SPDX-License-Identifier: EUPL-1.2 */
/* The stoplight engine: a figure and its indicator's rule give green,
 * amber, red or grey, with a reason in Dutch that names the numbers
 * ("6,5 wk > 6 (Treeknorm 4 wk)", "+12,3 % > 10 t.o.v. 2020 Q3").
 *
 * Pure: no I/O, no database, no clock.  The caller (the report, the TUI)
 * fetches the figures a rule needs from its query results and passes them
 * in; period labels arrive as text, already in the form the reader sees.
 *
 * What `on:` compares, for the value v (jmon.yaml(5), STOPLIGHT RULES):
 *   value       v
 *   change      v - previous
 *   change_pct  (v - previous) / |previous| * 100
 *   yoy_pct     (v - last year) / |last year| * 100
 *   norm_ratio  v / norm.value
 *   peer_pct    (v - peer mean) / |peer mean| * 100, the mean given
 * Bands are tried green, amber, red; the first that matches wins; without
 * a red band, red is what is left.  Grey, with the reason, when there is
 * nothing sound to colour: no rule, no value, a flagged value, a count too
 * small to show (privacy) or to judge (min_n), nothing to compare with, or
 * a division by zero. */
#ifndef JMON_STOPLIGHT_H
#define JMON_STOPLIGHT_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/config.h"

enum stoplight_status { STOPLIGHT_GREEN, STOPLIGHT_AMBER, STOPLIGHT_RED, STOPLIGHT_GREY };
#define STOPLIGHT_NSTATUS 4

/* One table for every way a status is written.  Never colour alone: the
 * glyph and the word make it readable in monochrome and when colour-blind. */
struct stoplight_style {
	const char *name;	/* machine: "green", for CSV/JSON and the database */
	const char *word;	/* Dutch: "groen" */
	const char *glyph;	/* UTF-8: "●" */
	const char *ascii;	/* when the locale is not UTF-8: "o" */
};

const struct stoplight_style *stoplight_style(enum stoplight_status s);
const char *stoplight_name(enum stoplight_status s);
const char *stoplight_word(enum stoplight_status s);
const char *stoplight_glyph(enum stoplight_status s, bool utf8);
/* Accepts the machine name or the Dutch word ("amber", "oranje"). */
bool stoplight_status_parse(const char *text, enum stoplight_status *out);

/* One stored figure as the query layer returns it. */
struct stoplight_cell {
	bool has_value;		/* false: NULL in the database */
	double value;
	const char *flag;	/* NULL or "" (final), "provisional", "suppressed",
				 * "unknown", "na" */
};

/* An analyst's judgement from the review table, or a status the source
 * document sets (the reviews import): not the rule's colour either way. */
struct stoplight_override {
	enum stoplight_status status;
	const char *reason;
	bool document;		/* the document's: "rapport: ...", not "handmatig" */
};

/* The reason of an override: "handmatig: R" or "rapport: R", with the
 * rule's colour when there is a rule (computed NULL: none). */
void stoplight_override_reason(const struct stoplight_override *o, const char *computed,
			       char *buf, size_t size);

struct stoplight_input {
	const char *region;		/* the region being coloured */
	const char *category;		/* NULL or "": the total row */
	struct stoplight_cell current;	/* v */
	/* for change and change_pct: the previous period of the same kind */
	struct stoplight_cell previous;
	const char *previous_label;	/* "2019 Q4" */
	/* for yoy_pct: the same period a year earlier */
	struct stoplight_cell last_year;
	const char *last_year_label;	/* "2019 Q1" */
	/* for baseline_change and baseline_pct: the baseline period */
	struct stoplight_cell baseline;
	const char *baseline_label;	/* "nulmeting 2015" */
	/* for peer_pct: the mean of the peer group, as the gate computes it
	 * for every screen (include/jmon/comparison.h) */
	bool has_peer_mean;
	double peer_mean;
	size_t peer_n, peer_of;		/* the mean is of peer_n of peer_of peers */
	const char *peer_label;		/* "Vergelijkbare gemeenten"; NULL: the group id */
	/* for min_n on an indicator that is not itself a count (a
	 * percentage): the number of cases behind it, when known */
	bool has_count;
	double count;
	bool count_withheld;	/* that number is withheld: grey, never printed */
	const struct stoplight_override *override;	/* NULL: none */
};

#define STOPLIGHT_REASON_MAX 512

struct stoplight_result {
	enum stoplight_status status;	/* what to show: the override, if any */
	enum stoplight_status computed;	/* what the rule gave */
	bool overridden;		/* by an analyst or by the document */
	bool document;			/* the status is the document's */
	bool has_measure;		/* the compared number, when there was one */
	double measure;			/* v, the change, the %, the ratio */
	char reason[STOPLIGHT_REASON_MAX];		/* shown with status */
	char computed_reason[STOPLIGHT_REASON_MAX];	/* the rule's own reason */
};

/* Colour one row (the total or one category) of ind.  in->region and the
 * labels may be NULL; the cells not needed by the rule's kind are ignored. */
void stoplight_eval(const struct indicator *ind, const struct stoplight_input *in,
		    struct stoplight_result *out);

/* Whether ind's rule colours this row: stoplight.categories limits the
 * category rows; the total row is always coloured when there is a rule. */
bool stoplight_applies(const struct indicator *ind, const char *category);

#endif
