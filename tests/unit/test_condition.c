/* SPDX-License-Identifier: EUPL-1.2 */
/* Band conditions (parse, match at and around every bound, the "can this
 * band ever match" test, the text in reasons) and the typo suggestions
 * the configuration errors use. */
#include <string.h>

#include "unit.h"
#include "jmon/condition.h"
#include "jmon/suggest.h"
#include "jmon/xmalloc.h"

static struct condition cond(const char *text)
{
	struct condition c = { COND_NONE, 0, 0, NULL, { 0, 0 } };
	const char *problem = condition_parse(text, &c);

	if (problem)
		fail_msg("'%s': %s", text, problem);
	return c;
}

static void test_parse(void **state)
{
	static const struct { const char *text; enum cond_op op; double a, b; } ok[] = {
		{ "< 4", COND_LT, 4, 0 },     { "<=4", COND_LE, 4, 0 },
		{ "> -2.5", COND_GT, -2.5, 0 }, { ">= 90", COND_GE, 90, 0 },
		{ "== 0", COND_EQ, 0, 0 },    { "-5..5", COND_RANGE, -5, 5 },
		{ " 1.5 .. 2 ", COND_RANGE, 1.5, 2 }, { "3..3", COND_RANGE, 3, 3 },
		{ "<= +1", COND_LE, 1, 0 },   { "\t<\t7", COND_LT, 7, 0 },
	};
	static const char *const bad[] = {
		"", "   ", "4", "=< 4", "=> 4", "= 4", "< ", "<= x", "< 4 weken", "4,5..6",
		"1..", "..2", "1...2", "5..1", "< 1e3", "< .5", "<< 4", "!= 4", "1..2..3",
	};
	struct condition c = { COND_NONE, 0, 0, NULL, { 0, 0 } };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(ok); i++) {
		c = cond(ok[i].text);
		assert_int_equal(c.op, ok[i].op);
		assert_true(c.a == ok[i].a);
		assert_true(c.b == ok[i].b);
		assert_string_equal(c.text, ok[i].text);
		condition_free(&c);
		assert_null(c.text);
	}
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		if (!condition_parse(bad[i], &c))
			fail_msg("'%s' parsed", bad[i]);
	assert_int_equal(c.op, COND_NONE);	/* untouched on failure */
	assert_string_equal(condition_parse("5..1", &c),
			    "empty range: the lower bound is above the upper bound");
	assert_string_equal(condition_parse("7", &c),
			    "a bare number is not a condition; write <= x, >= x, == x or a..b");
}

/* Each operator just below, at and just above its bound. */
static void test_match(void **state)
{
	static const struct { const char *text; bool below, at, above; } rows[] = {
		{ "< 4",  true,  false, false },
		{ "<= 4", true,  true,  false },
		{ "> 4",  false, false, true },
		{ ">= 4", false, true,  true },
		{ "== 4", false, true,  false },
	};

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(rows); i++) {
		struct condition c = cond(rows[i].text);
		assert_int_equal(condition_match(&c, 3.999), rows[i].below);
		assert_int_equal(condition_match(&c, 4), rows[i].at);
		assert_int_equal(condition_match(&c, 4.001), rows[i].above);
		condition_free(&c);
	}
	struct condition r = cond("-5..5");
	assert_false(condition_match(&r, -5.001));
	assert_true(condition_match(&r, -5));
	assert_true(condition_match(&r, 0));
	assert_true(condition_match(&r, 5));
	assert_false(condition_match(&r, 5.001));
	condition_free(&r);
	struct condition none = { COND_NONE, 0, 0, NULL, { 0, 0 } };
	assert_false(condition_match(&none, 0));
}

static bool covered(const char *later, const char *first, const char *second)
{
	struct condition l = cond(later), a = cond(first), b;
	const struct condition *before[2] = { &a, NULL };
	bool result;

	if (second) {
		b = cond(second);
		before[1] = &b;
	}
	result = condition_covered(&l, before, 2);
	condition_free(&l);
	condition_free(&a);
	if (second)
		condition_free(&b);
	return result;
}

static void test_covered(void **state)
{
	(void)state;
	assert_true(covered("<= 4", "<= 6", NULL));	/* the classic mistake */
	assert_true(covered("<= 4", "<= 4", NULL));
	assert_false(covered("<= 6", "<= 4", NULL));
	assert_true(covered("< 4", "<= 4", NULL));
	assert_false(covered("<= 4", "< 4", NULL));	/* 4 itself is left */
	assert_false(covered("-10..10", "-5..5", NULL));
	assert_true(covered("-5..5", "-10..10", NULL));
	assert_true(covered("== 3", "> 1", NULL));
	assert_false(covered("== 1", "> 1", NULL));
	assert_true(covered("== 1", ">= 1", NULL));
	assert_false(covered("> 6", "<= 4", "<= 6"));
	assert_true(covered("2..7", "<= 4", "4..8"));	/* only the two together */
	assert_true(covered("3..5", "< 4", ">= 4"));	/* touching: [4 joins <4 */
	assert_false(covered("3..5", "< 4", "> 4"));	/* 4 falls between */
	assert_true(covered("> 0", "< 0", "> -1"));
	assert_false(covered("0..20", "-5..5", "-10..10"));
	assert_true(covered(">= 100", ">= 90", NULL));
	assert_false(covered("< 80", ">= 90", ">= 80"));
}

static void fmt(const char *text, bool negate, const char *want)
{
	struct condition c = cond(text);
	char buf[64];

	assert_string_equal(condition_format(buf, sizeof buf, &c, negate), want);
	condition_free(&c);
}

static void test_format(void **state)
{
	(void)state;
	fmt("<= 6", false, "<= 6");
	fmt("<= 6", true, "> 6");
	fmt("< 6", true, ">= 6");
	fmt("> 1.5", false, "> 1,5");
	fmt(">= 90", true, "< 90");
	fmt("== 3.5", false, "= 3,5");
	fmt("== 3.5", true, "≠ 3,5");
	fmt("-2.5..2.5", false, "binnen -2,5..2,5");
	fmt("-10..10", true, "buiten -10..10");
	fmt("<= 10000", false, "<= 10.000");
}

static void test_suggest(void **state)
{
	static const char *const keys[] = { "id", "label", "unit", "decimals", "definition",
					    "categories", "stoplight", "peers" };
	size_t n = ARRAY_SIZE(keys);

	(void)state;
	assert_int_equal(edit_distance("", ""), 0);
	assert_int_equal(edit_distance("abc", ""), 3);
	assert_int_equal(edit_distance("kitten", "sitting"), 3);
	assert_int_equal(edit_distance("lable", "label"), 1);	/* a swap is one edit */
	assert_int_equal(edit_distance("label", "label"), 0);
	assert_string_equal(suggest_word("lable", keys, n), "label");
	assert_string_equal(suggest_word("decimal", keys, n), "decimals");
	assert_string_equal(suggest_word("defintion", keys, n), "definition");
	assert_string_equal(suggest_word("stoplite", keys, n), "stoplight");
	assert_string_equal(suggest_word("Peers", keys, n), "peers");
	assert_string_equal(suggest_word("ud", keys, n), "id");
	assert_null(suggest_word("kleur", keys, n));
	assert_null(suggest_word("x", keys, n));	/* one letter is not a typo of "id" */
	assert_null(suggest_word("norm", keys, n));
	assert_null(suggest_word("lable", keys, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_covered),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_suggest),
	};

	return RUN_TESTS(tests);
}
