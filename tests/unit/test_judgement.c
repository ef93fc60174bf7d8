/* SPDX-License-Identifier: EUPL-1.2 */
/* The analyst's writes (judgement.c): explanations and reviews as the
 * browser and the reviews CSV write them, what counts as a change, the
 * transaction they run in, and that a read-only handle writes nothing. */
#include "unit.h"
#include "dbtest.h"
#include "jmon/judgement.h"
#include "jmon/query.h"

/* A delivery, so that the region and the period of the key exist. */
static int one_delivery(void **state)
{
	if (dbtest_setup(state) != 0)
		return -1;
	return import_fixture(*state, "import/long.csv") == JMON_OK ? 0 : -1;
}

static const struct cell_key maatwerk = { "jeugdigen_maatwerk", "GM0361", "2020Q1", "" };

static void test_explanations(void **state)
{
	struct dbtest *t = *state;
	enum judgement_change change;
	struct annotation a;
	bool found;

	assert_int_equal(query_annotation(t->db, &maatwerk, NULL, &a, &found, &t->err), JMON_OK);
	assert_false(found);
	assert_int_equal(judgement_explain(t->db, &maatwerk, NULL, "Stijging door late declaraties.",
					   "analist", &change, &t->err), JMON_OK);
	assert_int_equal(change, JUDGEMENT_NEW);
	assert_int_equal(query_annotation(t->db, &maatwerk, NULL, &a, &found, &t->err), JMON_OK);
	assert_true(found);
	assert_string_equal(a.text, "Stijging door late declaraties.");
	assert_string_equal(a.author, "analist");
	assert_int_equal(strlen(a.at), 20);
	annotation_free(&a);
	assert_int_equal(judgement_explain(t->db, &maatwerk, NULL, "Bijgesteld.", "b", &change,
					   &t->err), JMON_OK);
	assert_int_equal(change, JUDGEMENT_CHANGED);
	assert_int_equal(query_annotation(t->db, &maatwerk, NULL, &a, &found, &t->err), JMON_OK);
	assert_string_equal(a.text, "Bijgesteld.");
	annotation_free(&a);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM annotation"), 1);
	/* The same text again changes nothing: the author stays who wrote it. */
	assert_int_equal(judgement_explain(t->db, &maatwerk, NULL, "Bijgesteld.", "c", &change,
					   &t->err), JMON_OK);
	assert_int_equal(change, JUDGEMENT_UNCHANGED);
	assert_int_equal(query_annotation(t->db, &maatwerk, NULL, &a, &found, &t->err), JMON_OK);
	assert_string_equal(a.author, "b");
	annotation_free(&a);
	/* Empty text removes it; removing what is not there changes nothing. */
	assert_int_equal(judgement_explain(t->db, &maatwerk, NULL, "", "b", &change, &t->err), JMON_OK);
	assert_int_equal(change, JUDGEMENT_CHANGED);
	assert_int_equal(query_annotation(t->db, &maatwerk, NULL, &a, &found, &t->err), JMON_OK);
	assert_false(found);
	assert_int_equal(judgement_explain(t->db, &maatwerk, NULL, NULL, "b", &change, &t->err), JMON_OK);
	assert_int_equal(change, JUDGEMENT_UNCHANGED);
}

static void test_reviews(void **state)
{
	struct dbtest *t = *state;
	enum judgement_change change;
	struct review r;
	bool found;

	assert_int_equal(query_review(t->db, &maatwerk, &r, &found, &t->err), JMON_OK);
	assert_false(found);
	assert_int_equal(judgement_review(t->db, &maatwerk, NULL, "", true, "analist", &change,
					  &t->err), JMON_OK);
	assert_int_equal(change, JUDGEMENT_NEW);
	assert_int_equal(query_review(t->db, &maatwerk, &r, &found, &t->err), JMON_OK);
	assert_true(found);
	assert_true(r.reviewed);
	assert_string_equal(r.status_override, "");
	review_free(&r);
	assert_int_equal(judgement_review(t->db, &maatwerk, "amber", "Wachtlijst groeit.", true,
					  "analist", &change, &t->err), JMON_OK);
	assert_int_equal(change, JUDGEMENT_CHANGED);
	assert_int_equal(query_review(t->db, &maatwerk, &r, &found, &t->err), JMON_OK);
	assert_string_equal(r.status_override, "amber");
	assert_string_equal(r.reason, "Wachtlijst groeit.");
	review_free(&r);
	/* The Dutch word is the same status, stored by its English name. */
	assert_int_equal(judgement_review(t->db, &maatwerk, "oranje", "Wachtlijst groeit.", true,
					  "analist", &change, &t->err), JMON_OK);
	assert_int_equal(change, JUDGEMENT_UNCHANGED);
	/* Unmarking is a change. */
	assert_int_equal(judgement_review(t->db, &maatwerk, "amber", "Wachtlijst groeit.", false,
					  "analist", &change, &t->err), JMON_OK);
	assert_int_equal(change, JUDGEMENT_CHANGED);
	assert_int_equal(judgement_review(t->db, &maatwerk, "red", "", true, "a", &change,
					  &t->err), JMON_DATA);
	assert_string_equal(t->err.msg, "an overridden status needs a reason");
	assert_int_equal(judgement_review(t->db, &maatwerk, "blue", "x", true, "a", NULL, &t->err),
			 JMON_DATA);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM review"), 1);
	assert_int_equal(query_review(t->db, &maatwerk, &r, &found, &t->err), JMON_OK);
	assert_string_equal(r.status_override, "amber");
	assert_false(r.reviewed);
	review_free(&r);
}

/* Inside the caller's transaction a write is the caller's: rolled back
 * with it, as a rejected reviews file is. */
static void test_joins_open_transaction(void **state)
{
	struct dbtest *t = *state;

	assert_int_equal(db_begin(t->db, &t->err), JMON_OK);
	assert_int_equal(judgement_explain(t->db, &maatwerk, NULL, "x", "a", NULL, &t->err), JMON_OK);
	assert_int_equal(judgement_review(t->db, &maatwerk, "red", "r", true, "a", NULL, &t->err),
			 JMON_OK);
	db_rollback(t->db);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM annotation"), 0);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM review"), 0);
}

static void test_read_only_writes_nothing(void **state)
{
	struct dbtest *t = *state;
	struct db *ro;

	assert_int_equal(db_open(t->path, DB_READONLY, NULL, &ro, &t->err), JMON_OK);
	/* A browser cannot write. */
	assert_int_equal(judgement_explain(ro, &maatwerk, NULL, "x", "a", NULL, &t->err), JMON_SOFTWARE);
	assert_int_equal(judgement_review(ro, &maatwerk, NULL, "", true, "a", NULL, &t->err),
			 JMON_SOFTWARE);
	db_close(ro);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM annotation"), 0);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM review"), 0);
}

/* The browser as two analysts: each writes over what they saw. */
static struct judgement_basis analyst(const char *who, long seen)
{
	struct judgement_basis b = { who, "browser", seen, true, 2660, "", "amber", 1 };

	return b;
}

static long review_change(struct dbtest *t)
{
	return scalar(t->db, "SELECT change FROM review");
}

/* A saw no review; B marks it reviewed; A's override, written over what A
 * saw, finds B's change and writes nothing until A has seen it. */
static void test_no_write_over_unseen_work(void **state)
{
	struct dbtest *t = *state;
	struct judgement_basis a = analyst("a", 0), b = analyst("b", 0);
	struct review r;
	bool found;

	assert_int_equal(judgement_mark(t->db, &maatwerk, true, &b, NULL, &t->err), JMON_OK);
	assert_int_equal(judgement_override(t->db, &maatwerk, "red", "te hoog", &a, NULL, &t->err),
			 JMON_CONFLICT);
	assert_int_equal(query_review(t->db, &maatwerk, &r, &found, &t->err), JMON_OK);
	assert_string_equal(r.status_override, "");
	assert_string_equal(r.author, "b");
	review_free(&r);
	/* having seen B's mark, A's override keeps it */
	a.seen = review_change(t);
	assert_int_equal(judgement_override(t->db, &maatwerk, "red", "te hoog", &a, NULL, &t->err),
			 JMON_OK);
	assert_int_equal(query_review(t->db, &maatwerk, &r, &found, &t->err), JMON_OK);
	assert_string_equal(r.status_override, "red");
	assert_true(r.reviewed);
	review_free(&r);
	/* and B's unmark, over what B saw before, keeps A's status too, once seen */
	b.seen = review_change(t);
	assert_int_equal(judgement_mark(t->db, &maatwerk, false, &b, NULL, &t->err), JMON_OK);
	assert_int_equal(query_review(t->db, &maatwerk, &r, &found, &t->err), JMON_OK);
	assert_string_equal(r.status_override, "red");
	assert_string_equal(r.reason, "te hoog");
	assert_false(r.reviewed);
	review_free(&r);
}

/* An explanation written over one the writer did not see is refused; a
 * removal is a change too. */
static void test_explanation_conflicts(void **state)
{
	struct dbtest *t = *state;
	struct judgement_basis a = analyst("a", 0), b = analyst("b", 0);

	assert_int_equal(judgement_explain_as(t->db, &maatwerk, NULL, "van A", &a, NULL, &t->err), JMON_OK);
	assert_int_equal(judgement_explain_as(t->db, &maatwerk, NULL, "van B", &b, NULL, &t->err),
			 JMON_CONFLICT);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM annotation WHERE text = 'van A'"), 1);
	a.seen = scalar(t->db, "SELECT change FROM annotation");
	assert_int_equal(judgement_explain_as(t->db, &maatwerk, NULL, "", &a, NULL, &t->err), JMON_OK);
	b.seen = a.seen;	/* B saw A's text, which is gone now */
	assert_int_equal(judgement_explain_as(t->db, &maatwerk, NULL, "van B", &b, NULL, &t->err),
			 JMON_CONFLICT);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM annotation"), 0);
}

/* Every write is kept: who, how, what, and the figure it was about. */
static void test_history(void **state)
{
	struct dbtest *t = *state;
	struct judgement_basis a = analyst("a", 0);

	assert_int_equal(judgement_mark(t->db, &maatwerk, true, &a, NULL, &t->err), JMON_OK);
	a.seen = review_change(t);
	assert_int_equal(judgement_mark(t->db, &maatwerk, true, &a, NULL, &t->err), JMON_OK);
	assert_int_equal(judgement_explain(t->db, &maatwerk, NULL, "uit de import", "document", NULL,
					   &t->err), JMON_OK);
	/* the second mark changed nothing, so it is not history */
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM history"), 2);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM history WHERE author = 'a'"
				       " AND via = 'browser' AND what = 'review' AND reviewed = 1"
				       " AND value = 2660 AND status = 'amber' AND delivery = 1"), 1);
	assert_int_equal(scalar(t->db, "SELECT count(*) FROM history WHERE via = 'import'"
				       " AND what = 'explanation' AND text = 'uit de import'"), 1);
	assert_int_equal(review_change(t),
			 scalar(t->db, "SELECT id FROM history WHERE what = 'review'"));
}

#define T(f) cmocka_unit_test_setup_teardown(f, one_delivery, dbtest_teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_explanations),
		T(test_no_write_over_unseen_work),
		T(test_explanation_conflicts),
		T(test_history),
		T(test_reviews),
		T(test_joins_open_transaction),
		T(test_read_only_writes_nothing),
	};

	return RUN_TESTS(tests);
}
