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
 * - an empty explanation removes the one there was;
 * - what is already stored as given is not written again, so author and
 *   time stay those of the last real change.
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

/* What a write did, for the import's counts. */
enum judgement_change { JUDGEMENT_UNCHANGED, JUDGEMENT_NEW, JUDGEMENT_CHANGED };

/* Write text as the explanation of the cell key (category "" is the total)
 * by author; NULL or "" removes it.  change may be NULL. */
enum jmon_status judgement_explain(struct db *db, const struct cell_key *key, const char *text,
				   const char *author, enum judgement_change *change,
				   struct jmon_error *err);

/* Write the review of key's indicator in its region and period
 * (key->category is not used): reviewed or not, and status (NULL or "":
 * none, the stoplight's own colour) with its reason.  JMON_DATA for an
 * unknown status or one without a reason.  change may be NULL. */
enum jmon_status judgement_review(struct db *db, const struct cell_key *key, const char *status,
				  const char *reason, bool reviewed, const char *author,
				  enum judgement_change *change, struct jmon_error *err);

#endif
