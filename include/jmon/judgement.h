/* SPDX-License-Identifier: EUPL-1.2 */
/* The analyst's judgement of the monitor, written: the explanation of a
 * cell (the annotation table) and the review of an indicator, with or
 * without a status of the analyst's own (the review table).  The browser
 * (a, o and Space, jmon(1)) and the reviews CSV (jmon-import(5), REVIEWS
 * CSV) both write through here, under one set of rules:
 *
 * - a status is green, amber, red or grey (or the Dutch groen, oranje,
 *   rood, grijs), stored by its English name, and it needs a reason;
 * - a review has no category: it is of the indicator as a whole;
 * - an explanation is one or more text fields (monitor.texts: Wat zien
 *   we?, Wat doen we?), each written on its own; an empty text removes
 *   the field there was;
 * - what is already stored as given is not written again, so author and
 *   time stay those of the last real change;
 * - every write is kept in the history (who, when, what, and the figure's
 *   value, status and delivery it was about), and the row it wrote names
 *   that entry (its change);
 * - the browser's writes are conditional on what the analyst saw: when the
 *   row is no longer the change they saw, nothing is written and the
 *   answer is JMON_CONFLICT, so no analyst silently undoes another;
 * - a mark never clears a status of the analyst's own, nor a status the
 *   mark.
 *
 * A write joins the transaction the caller has open (an import), else it is
 * one short transaction of its own.  The handle must be read-write.  Reading
 * back is query_annotation and query_review (include/jmon/query.h). */
#ifndef JMON_JUDGEMENT_H
#define JMON_JUDGEMENT_H

#include <stdbool.h>

#include "jmon/db.h"
#include "jmon/error.h"
#include "jmon/query.h"

/* Who writes, what they saw, and the figure the write is about. */
#define JUDGEMENT_ANY (-1L)	/* seen: write over whatever is stored (an import) */
struct judgement_basis {
	const char *author;
	const char *via;	/* "browser" or "import" */
	long seen;		/* the change the analyst saw; 0: nothing was stored */
	bool has_value;		/* the figure as the analyst saw it */
	double value;
	const char *flag, *status;
	long delivery;
};

/* What a write did, for the import's counts. */
enum judgement_change { JUDGEMENT_UNCHANGED, JUDGEMENT_NEW, JUDGEMENT_CHANGED };

/* The field of a monitor with one text (config/jmon.yaml), and of a
 * write that names none. */
#define JUDGEMENT_FIELD "toelichting"

/* The import's writes, over whatever is stored, kept in the history as by
 * the import.  Write text as the text field (NULL: JUDGEMENT_FIELD) of the
 * explanation of the cell key (category "" is the total) by author; NULL
 * or "" removes it.  change may be NULL. */
enum jmon_status judgement_explain(struct db *db, const struct cell_key *key, const char *field,
				   const char *text, const char *author,
				   enum judgement_change *change, struct jmon_error *err);

/* Write the review of key's indicator in its region and period
 * (key->category is not used): reviewed or not, and status (NULL or "":
 * none, the stoplight's own colour) with its reason.  JMON_DATA for an
 * unknown status or one without a reason.  change may be NULL. */
enum jmon_status judgement_review(struct db *db, const struct cell_key *key, const char *status,
				  const char *reason, bool reviewed, const char *author,
				  enum judgement_change *change, struct jmon_error *err);

/* The browser's writes, conditional on b->seen (JMON_CONFLICT when the
 * row changed since): an explanation; only the review mark; only the
 * status (NULL: the computed one again) with its reason. */
enum jmon_status judgement_explain_as(struct db *db, const struct cell_key *key,
				      const char *field, const char *text,
				      const struct judgement_basis *b,
				      enum judgement_change *change, struct jmon_error *err);
enum jmon_status judgement_mark(struct db *db, const struct cell_key *key, bool reviewed,
				const struct judgement_basis *b, enum judgement_change *change,
				struct jmon_error *err);
enum jmon_status judgement_override(struct db *db, const struct cell_key *key,
				    const char *status, const char *reason,
				    const struct judgement_basis *b,
				    enum judgement_change *change, struct jmon_error *err);

#endif
