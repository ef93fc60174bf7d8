/* SPDX-License-Identifier: EUPL-1.2 */
/* The figures of one region and period, evaluated: every row a reader sees
 * (an indicator's total, or one of its categories) with its current value,
 * the change against the previous period, privacy applied, the stoplight
 * and its reason, and the markers (reviewed, explained, revised).
 *
 * The TUI and `jmon report` both render a figure_set, so what the council
 * reads is what the analyst saw.  Every cell comes through the gate
 * (include/jmon/disclosure.h), so nothing here computes with a number the
 * reader may not see. */
#ifndef JMON_FIGURES_H
#define JMON_FIGURES_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/config.h"
#include "jmon/db.h"
#include "jmon/disclosure.h"
#include "jmon/error.h"
#include "jmon/period.h"
#include "jmon/query.h"
#include "jmon/stoplight.h"

/* Where a row's value comes from. */
enum figure_basis {
	FIGURE_OWN,		/* a figure of the set's period */
	FIGURE_AS_OF,		/* of another period that stands for it: a year
				 * around a quarter, a reference date before
				 * its end (include/jmon/asof.h) */
	FIGURE_ROLLUP,		/* a year or half-year made of its parts
				 * (rollup: sum, mean or last) */
};

/* A row's colour as a figure keeps it: the stoplight's result with its
 * reason interned (include/jmon/intern.h), so a row is some 800 bytes, not
 * 2.6 KiB, and a copy of a row a plain copy. */
struct figure_light {
	enum stoplight_status status;	/* what to show: the override, if any */
	enum stoplight_status computed;	/* what the rule gave */
	bool overridden;		/* by an analyst or by the document */
	bool document;			/* the status is the document's */
	const char *reason;		/* shown with status; never NULL */
};

struct figure {
	const struct indicator *ind;
	const struct category *cat;	/* NULL: the total row */
	struct cell_value now;		/* as stored (or summed, see derived) */
	bool derived;			/* total: sum of the parts, none stored */
	bool has_n;			/* n_from: the number behind the value */
	double n;
	bool withheld;			/* privacy: never shown ("<10", suppressed) */
	struct cell_value prev;		/* the previous period of the same kind */
	bool has_change;		/* both shown: change = now - prev */
	double change;
	bool colored;			/* the rule colours this row */
	bool rolled_up;			/* a total without a figure of its own shows
					 * the worst colour of its categories */
	struct figure_light light;	/* grey "geen regel" when !colored */
	/* the status the source document sets (the reviews import), which is
	 * not a review; the shown one unless an analyst set their own */
	bool sourced;
	enum stoplight_status source_status;
	const char *source_file;	/* the delivery that set it (interned) */
	bool reviewed;			/* the indicator is marked reviewed */
	bool annotated;			/* this cell has an explanation */
	/* the writes the analyst sees, for a write conditional on them
	 * (include/jmon/judgement.h): 0 when there is none */
	long review_change, note_change;
	/* who wrote the review (mark or own status) last, and when (UTC) */
	char review_by[64], review_at[QUERY_TIME_MAX];
	bool revised;			/* the newest delivery changed this cell (a
					 * total: or one of its categories) */
	/* A signal the row's own colour does not show: the worst amber or
	 * red category of a total that is itself green or grey. */
	enum stoplight_status below;	/* STOPLIGHT_GREEN: none */
	const struct category *below_cat;
	int below_n;			/* categories amber or red */
	const char *below_reason;	/* that category's reason (interned) */
	/* A review or explanation written for another value or status
	 * (include/jmon/outdated.h): the review then counts as not done.
	 * *_for says what it was written for: "12,3 % (oranje)". */
	bool review_outdated, note_outdated;
	char review_for[96], note_for[96];
	/* a year or half-year of which only some parts are delivered (3 van 4
	 * kwartalen): not rolled up, but said in the reason; "" otherwise */
	char incomplete[48];
	char incomplete_mark[16];	/* the same in a value column: "3/4 kw." */
	/* the period the value belongs to; the change and the stoplight are
	 * against its own previous period (value_prev_label) */
	enum figure_basis basis;
	/* canonical: "2023-01-01"; rolled up, the first and last part:
	 * "2023Q1..2023Q4" */
	char value_period[2 * PERIOD_CODE_MAX];
	char value_label[PERIOD_LABEL_MAX];	/* "1-1-2023", "som van 2023 Q1–Q4" */
	char basis_short[PERIOD_LABEL_MAX];	/* at most 10 columns: "som Q1–Q4" */
	char value_prev_label[PERIOD_LABEL_MAX];
	/* against the baseline (nulmeting, monitor.baseline or the
	 * indicator's): base_period "" when it has none; a change only
	 * between two shown figures of different periods */
	char base_period[PERIOD_CODE_MAX];
	char base_label[PERIOD_LABEL_MAX];	/* "2015" */
	struct cell_value base;
	bool has_base_change;
	double base_change;		/* now - base, in the unit (pp for procent) */
};

/* Whether a row needs the analyst: amber or red, itself or below. */
bool figure_is_signal(const struct figure *f);
/* The reason of a row's status as the status line and r/R say it: the
 * rule's reason, a signal below ("categorie Gemeente ▲ oranje: …") and an
 * outdated review. */
char *figure_reason(const struct figure *f, bool utf8, char *buf, size_t size);

enum figures_scope {
	FIGURES_TOTALS,		/* one row per indicator */
	FIGURES_BREAKDOWN,	/* the total row, then a row per category */
	/* the rows of FIGURES_BREAKDOWN with their values (now, withheld, the
	 * period they are of) alone: no change, stoplight, review or
	 * explanation, nor the periods those read (a benchmark's reference
	 * while it is scrolled away: its family may be the country) */
	FIGURES_VALUES,
};

struct figure_set {
	char region[QUERY_CODE_MAX];
	char period[PERIOD_CODE_MAX];
	struct period p;
	char label[PERIOD_LABEL_MAX];		/* "2020 Q1" */
	char prev_label[PERIOD_LABEL_MAX];	/* "2019 Q4" */
	char year_label[PERIOD_LABEL_MAX];	/* "2019 Q1" */
	struct figure *rows;
	size_t n, cap;
	long delivery;		/* the newest delivery with data for the period */
	bool provisional;	/* some value of the period is provisional */
	int status_count[STOPLIGHT_NSTATUS];	/* over the indicator rows */
	int indicators, reviewed;		/* for "beoordeeld N/M" */
	int signals, signals_reviewed;		/* "beoordeeld 3/19 signalen" */
	int below, outdated;			/* signals under a lighter total;
						 * reviews for another value */
	int as_of;		/* indicator rows shown as of another period */
};

/* Evaluate the indicators of chapter (NULL: every chapter) for region and
 * period.  JMON_USAGE when the period does not parse.  dc: the gate's
 * cache to share (a browser's, for the session), or NULL for one of its
 * own; the same holds for every function below that takes one. */
enum jmon_status figures_load(struct db *db, const struct config *cfg, struct disclosure *dc,
			      const char *region, const char *period,
			      const struct chapter *chapter, enum figures_scope scope,
			      struct figure_set *out, struct jmon_error *err);
/* One indicator with its categories (FIGURES_BREAKDOWN). */
enum jmon_status figures_load_indicator(struct db *db, const struct config *cfg,
					struct disclosure *dc, const char *region, const char *period,
					const struct indicator *ind, struct figure_set *fs,
					struct jmon_error *err);
void figures_free(struct figure_set *fs);
/* The review progress over the signals, which is the job: "beoordeeld
 * 3/19 signalen"; over every indicator when there is no signal,
 * "beoordeeld 9/14". */
char *figures_progress(const struct figure_set *fs, char *buf, size_t size);

/* The value of one cell as the figures see it: the total of a `total: sum`
 * indicator that was not delivered is the sum of its parts; *withheld says
 * whether privacy forbids showing it (a small count, or a total that would
 * give away its one hidden part). */
enum jmon_status figures_cell(struct db *db, const struct config *cfg, struct disclosure *dc,
			      const struct indicator *ind, const char *region,
			      const char *period, const char *category, struct cell_value *out,
			      bool *withheld, struct jmon_error *err);

/* A cell's value as a reader sees it (below); width > 0: for a column of
 * that many columns, large amounts in "mln". */
char *disclosed_value_text(const struct indicator *ind, const struct disclosed *c, char *buf,
			   size_t size, int width);
/* The value as a reader sees it: Dutch, with unit, "<10" when withheld,
 * "geheim" / "onbekend" / "n.v.t." for flags, "" when absent. */
char *figure_value_text(const struct figure *f, char *buf, size_t size);
/* A year or half-year not rolled up because only some of its parts are
 * delivered, where its value would stand: "3/4 kw.", "1/2 hj.", "7/12
 * mnd"; "" for any other figure (one with a value, or no rollup). */
char *figure_incomplete_mark(const struct figure *f, char *buf, size_t size);
/* The reason as a report writes it: the stoplight's, and why a year is
 * not rolled up ("geen waarde; niet opgeteld: 3 van 4 kwartalen
 * geleverd"). */
char *figure_report_reason(const struct figure *f, char *buf, size_t size);
/* The n beside a value (n_from) as "n=48"; "" when there is none. */
char *figure_n_text(const struct figure *f, char *buf, size_t size);
/* The change as "+60", "-0,5 wk", "+0,3 pp" (a percentage changes in
 * percentage points); "" when there is none. */
char *figure_change_text(const struct figure *f, char *buf, size_t size);
/* The change against the baseline, written as figure_change_text. */
char *figure_base_change_text(const struct figure *f, char *buf, size_t size);
/* The same two for a column of width columns: large numbers in "mln". */
char *figure_value_fit(const struct figure *f, char *buf, size_t size, int width);
char *figure_change_fit(const struct figure *f, char *buf, size_t size, int width);
/* A difference the gate computed (revision.h, comparison.h) as the change
 * is written: percentage points for a percentage, else in the unit. */
char *difference_fit(const struct indicator *ind, double diff, char *buf, size_t size,
		     int width);
/* What a reader is told about a row's period when it is not the set's:
 * "1-1-2023" for a figure shown as of its own period, "som van 2023
 * Q1–Q4" for one rolled up; "" for a figure of the set's period. */
char *figure_basis_text(const struct figure *f, char *buf, size_t size);
/* The same in at most PERIOD_SHORT_MAX columns, for the chapter view:
 * "1-1-2023", "som Q1–Q4", "gem 12 mnd". */
char *figure_basis_short(const struct figure *f, char *buf, size_t size);
/* The norm as "4 wk" or ""; with its label when long is true ("Treeknorm 4 wk"). */
char *figure_norm_text(const struct indicator *ind, bool with_label, char *buf, size_t size);

#endif
