/* SPDX-License-Identifier: EUPL-1.2 */
/* The read side the TUI and `jmon report` build on.  The analyst's writes
 * (explanations, reviews) are include/jmon/judgement.h.
 *
 * A cell is (indicator, region, period, category); category "" is the
 * total.  Its current value is the one from the newest delivery that holds
 * it.  Every query reads what its answer needs through an index, bounded
 * by a limit or by the size of the answer: never a whole table. */
#ifndef JMON_QUERY_H
#define JMON_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/db.h"
#include "jmon/error.h"
#include "jmon/period.h"

#define QUERY_FLAG_MAX 16	/* "provisional" and the NUL */
#define QUERY_CODE_MAX 32	/* region codes, with room */
#define QUERY_TIME_MAX 24	/* "2026-01-31T12:00:00Z" */

struct cell_key {
	const char *indicator, *region, *period, *category;	/* category "" = total */
};

/* One value of a cell as one delivery stored it. */
struct cell_value {
	bool present;		/* false: no delivery holds this cell */
	bool has_value;		/* false: NULL, see flag */
	double value;
	char flag[QUERY_FLAG_MAX];	/* "", provisional, suppressed, unknown, na */
	long delivery;
};

/* A stored flag as a small number and back (the observation table's
 * CHECK, in that order; 0 is ""), for what keeps many cells compactly. */
int query_flag_number(const char *flag);
const char *query_flag_name(int number);

/* The current value of a cell. */
enum jmon_status query_cell(struct db *db, const struct cell_key *key, struct cell_value *out,
			    struct jmon_error *err);

/* The cell in each delivery that gave it a value, newest first, at most
 * max entries; *n is how many were filled. */
enum jmon_status query_cell_history(struct db *db, const struct cell_key *key,
				    struct cell_value *out, size_t max, size_t *n,
				    struct jmon_error *err);

/* Every cell of region in period, every indicator and category, with its
 * value in the newest delivery up to asof (0: the current value), in
 * (indicator, category) order: each(ctx, ...) once per cell. */
typedef void query_cell_fn(void *ctx, const char *indicator, const char *category,
			   const struct cell_value *v);
enum jmon_status query_period_cells(struct db *db, const char *region, const char *period,
				    long asof, query_cell_fn *each, void *ctx,
				    struct jmon_error *err);

/* The id of the newest delivery (0: none): what changes when any cell may
 * have. */
enum jmon_status query_newest_delivery(struct db *db, long *id, struct jmon_error *err);

/* A cell whose value the newest delivery changed. */
struct cell_change {
	char indicator[QUERY_CODE_MAX * 2], category[QUERY_CODE_MAX * 2];
	char region[QUERY_CODE_MAX];
	char period[PERIOD_CODE_MAX];
	struct cell_value old, now;
	bool has_diff;		/* both values present: diff = now - old */
	double diff;
};

/* The cells of period (and region; NULL: every region) that the newest
 * delivery holding data for that period changed, against what was current
 * before it: old, new, difference.  Cells that delivery added for the first
 * time are not changes.  Ordered by region, indicator, category; at most
 * max.  *delivery receives the delivery compared (0: none).  With period
 * NULL (and a region): the cells of any period that the region's newest
 * delivery changed, ordered by period, indicator, category. */
enum jmon_status query_changes(struct db *db, const char *region, const char *period,
			       struct cell_change *out, size_t max, size_t *n, long *delivery,
			       struct jmon_error *err);

/* The same over several regions at once, for one indicator: one statement
 * for a family instead of one per region (a gemeente's wijken and buurten,
 * the country's gemeenten).  Cells come grouped by region, in code order;
 * each(ctx, region, category, value) once per cell. */
enum jmon_status query_regions_cells(struct db *db, const char *const *regions, size_t n,
				     const char *period, const char *indicator, long asof,
				     query_cell_fn *each, void *ctx, struct jmon_error *err);

/* Which of the regions have any cell in period: each(ctx, region) for
 * those, in the order given. */
typedef void query_region_fn(void *ctx, const char *region);
enum jmon_status query_regions_holding(struct db *db, const char *const *regions, size_t n,
				       const char *period, query_region_fn *each, void *ctx,
				       struct jmon_error *err);

/* The newest period with data for region, of kind (NULL: any kind), into
 * code (PERIOD_CODE_MAX); *found false when there is none. */
enum jmon_status query_latest_period(struct db *db, const char *region,
				     const enum period_kind *kind, char *code, bool *found,
				     struct jmon_error *err);

/* Whether region has any cell in period. */
enum jmon_status query_has_period(struct db *db, const char *region, const char *period,
				  bool *found, struct jmon_error *err);

/* The period with data for region just before (dir < 0) or after (dir > 0)
 * the period `from`, of kind (NULL: any kind), in the order by end, then
 * start; *found false when there is none.  For [ and ]: a gap in the data
 * is skipped, not shown as an empty screen. */
enum jmon_status query_step_period(struct db *db, const char *region, const struct period *from,
				   int dir, const enum period_kind *kind, char *code, bool *found,
				   struct jmon_error *err);

/* A period with data for a region, as the period picker lists it. */
struct period_row {
	char code[PERIOD_CODE_MAX];
	enum period_kind kind;
	bool provisional;		/* a current value of it is provisional */
	long delivery;			/* the delivery that last changed it */
	char source[256];		/* that delivery's file */
	char imported_at[QUERY_TIME_MAX];
};

/* The periods with data for region, newest first (by end, then start),
 * at most max. */
enum jmon_status query_periods_with_data(struct db *db, const char *region,
					 struct period_row *out, size_t max, size_t *n,
					 struct jmon_error *err);
/* The periods with data for region that a figure shown as of period p may
 * belong to (include/jmon/asof.h): those around p, and those that end
 * between the ISO date cutoff and p's end; newest end first, at most max
 * codes (PERIOD_CODE_MAX each) into out. */
enum jmon_status query_periods_near(struct db *db, const char *region, const struct period *p,
				    const char *cutoff, char (*out)[PERIOD_CODE_MAX], size_t max,
				    size_t *n, struct jmon_error *err);

struct region_row {
	char code[QUERY_CODE_MAX];
	char name[128];
	char kind[16];
	char parent[QUERY_CODE_MAX];	/* "" at the top */
	int children;
};

/* One region; *found false if unknown. */
enum jmon_status query_region(struct db *db, const char *code, struct region_row *out,
			      bool *found, struct jmon_error *err);
/* The children of parent (for drill-down) ordered by code, after the code
 * `after` (NULL: from the first; keyset paging), at most max.  parent NULL
 * or "": the regions at the top (without a parent). */
enum jmon_status query_region_children(struct db *db, const char *parent, const char *after,
				       struct region_row *out, size_t max, size_t *n,
				       struct jmon_error *err);
struct region_link {
	char code[QUERY_CODE_MAX];
	char parent[QUERY_CODE_MAX];	/* "" at the top */
};

/* The regions whose code starts with prefix ("GM": every gemeente; "":
 * every region), by code after `after` (NULL: from the first; keyset
 * paging), at most max: where "did you mean" looks for a mistyped code. */
enum jmon_status query_regions_prefixed(struct db *db, const char *prefix, const char *after,
					struct region_row *out, size_t max, size_t *n,
					struct jmon_error *err);
/* root, its children and their children (a gemeente, its wijken and their
 * buurten), root first, at most max. */
enum jmon_status query_region_family(struct db *db, const char *root, struct region_link *out,
				     size_t max, size_t *n, struct jmon_error *err);
/* The region's name into buf, or its code when it has none. */
void query_region_name(struct db *db, const char *code, char *buf, size_t size);

struct delivery_row {
	long id;
	char source[256];
	char sha256[65];
	char format[16];
	char imported_at[QUERY_TIME_MAX];
	long rows, cells_new, cells_changed, cells_unchanged;
	char note[256];
};

/* Deliveries newest first, with id below `before` (0: from the newest). */
enum jmon_status query_deliveries(struct db *db, long before, struct delivery_row *out,
				  size_t max, size_t *n, struct jmon_error *err);

/* The highest privacy minimum any delivery of an indicator was imported
 * under. */
struct privacy_floor {
	char indicator[QUERY_CODE_MAX * 2];
	int min_count;
};

enum jmon_status query_privacy_floors(struct db *db, struct privacy_floor *out, size_t max,
				      size_t *n, struct jmon_error *err);

#define QUERY_FIELD_MAX 64	/* a text field's id (monitor.texts) */

struct annotation {
	char *text, *author;
	char at[QUERY_TIME_MAX];
	long change;		/* the history entry that wrote it */
	char field[QUERY_FIELD_MAX];	/* which text of the cell */
};

/* One text field of the explanation of a cell (field NULL: the field
 * written last); *found false if none.  Free with annotation_free. */
enum jmon_status query_annotation(struct db *db, const struct cell_key *key,
				  const char *field, struct annotation *out, bool *found,
				  struct jmon_error *err);
void annotation_free(struct annotation *a);

struct review {
	char status_override[8];	/* "" none, else green/amber/red/grey */
	char *reason;
	bool reviewed;
	char *author;
	char at[QUERY_TIME_MAX];
	long change;		/* the history entry that wrote it */
};

/* The review of an indicator in a region and period (key->category is not
 * used); *found false if none.  Free with review_free. */
enum jmon_status query_review(struct db *db, const struct cell_key *key, struct review *out,
			      bool *found, struct jmon_error *err);
void review_free(struct review *r);

/* A status a document sets (the reviews import): a fact about the
 * document, not a review. */
struct source_status {
	char status[8];		/* green, amber, red or grey */
	char reason[512];
	long delivery;		/* the delivery that set it */
	char source[256];	/* that delivery's file */
};

/* The status the newest delivery that sets one gave an indicator in a
 * region and period (key->category is not used); *found false if none. */
enum jmon_status query_source_status(struct db *db, const struct cell_key *key,
				     struct source_status *out, bool *found,
				     struct jmon_error *err);

/* One analyst's write, as the history keeps it. */
struct history_row {
	long id;
	char author[64];
	bool explanation;		/* else a review */
	char indicator[QUERY_CODE_MAX * 2], category[QUERY_CODE_MAX * 2];
	int reviewed;			/* a review: 0 or 1 */
	char status_override[8];	/* a review: "" none */
	bool removed;			/* an explanation removed */
};

/* What a write was about: the figure as the analyst saw it.  delivery 0
 * and status "" when the write named none (an import's). */
struct history_basis {
	long delivery;
	char status[8];
};

/* The basis of history entry id; *found false when there is none. */
enum jmon_status query_history_basis(struct db *db, long id, struct history_basis *out,
				     bool *found, struct jmon_error *err);

/* The newest write of any analyst; *found false when there is none. */
enum jmon_status query_history_newest(struct db *db, struct history_row *out, bool *found,
				      struct jmon_error *err);

#endif
