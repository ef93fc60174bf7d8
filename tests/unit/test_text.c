/* Display-width text: labels are cut by columns, never inside a character. */
#include <locale.h>
#include <string.h>

#include "unit.h"
#include "jmon/text.h"

static void widths(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("Wachttijden"), 11);
	assert_int_equal(text_width("cliënttevredenheid"), 18);	/* ë is 2 bytes, 1 column */
	assert_int_equal(text_width("● groen"), 7);
	assert_int_equal(text_width("日本"), 4);			/* wide characters */
	assert_int_equal(text_width("a\xffz"), 3);			/* invalid byte: one column */
}

static void fit_never_splits_a_character(void **state)
{
	int cols;

	(void)state;
	assert_int_equal(text_fit("cliënt", 3, &cols), 3);
	assert_int_equal(cols, 3);
	assert_int_equal(text_fit("cliënt", 4, &cols), 5);	/* ë whole */
	assert_int_equal(cols, 4);
	assert_int_equal(text_fit("日本", 3, &cols), 3);		/* the second wide char does not fit */
	assert_int_equal(cols, 2);
}

static void cut_with_ellipsis(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(text_cut(out, sizeof out, "Beschermingstafel", 8, true), 8);
	assert_string_equal(out, "Bescher…");
	assert_int_equal(text_cut(out, sizeof out, "kort", 8, true), 4);
	assert_string_equal(out, "kort");
	assert_int_equal(text_cut(out, sizeof out, "cliënttevredenheid", 6, false), 6);
	assert_string_equal(out, "cliënt");
	text_cut(out, 4, "cliënt", 10, false);		/* buffer of 4 bytes: "cli" */
	assert_string_equal(out, "cli");
	text_cut(out, 5, "ëëë", 10, false);		/* never half of ë */
	assert_string_equal(out, "ëë");
}

static void pad_left_and_right(void **state)
{
	char out[64];

	(void)state;
	text_pad(out, sizeof out, "4,2", 6, true);
	assert_string_equal(out, "   4,2");
	text_pad(out, sizeof out, "ë", 3, false);
	assert_string_equal(out, "ë  ");
	text_pad(out, sizeof out, "Wachttijden", 5, false);
	assert_string_equal(out, "Wach…");
}

static void ascii_locale(void **state)
{
	char out[64];

	(void)state;
	setlocale(LC_ALL, "C");
	assert_false(text_utf8_locale());
	text_cut(out, sizeof out, "Beschermingstafel", 8, true);
	assert_string_equal(out, "Bescher~");
	setlocale(LC_ALL, "C.UTF-8");
	assert_true(text_utf8_locale());
}

static void ascii_transliteration(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(text_ascii(out, sizeof out, "Cliënttevredenheid"), "Clienttevredenheid");
	assert_string_equal(text_ascii(out, sizeof out, "Ondertoezichtstelling"), "Ondertoezichtstelling");
	assert_string_equal(text_ascii(out, sizeof out, "é à ö Ü ß"), "e a o U s");
	assert_string_equal(text_ascii(out, sizeof out, "● groen"), "? groen");	/* one column each */
	assert_string_equal(text_ascii(out, sizeof out, "a\xff" "b"), "a?b");		/* invalid byte */
	assert_string_equal(text_ascii(out, 4, "abcdef"), "abc");
}

static void contains_ignores_case(void **state)
{
	(void)state;
	assert_true(text_contains("Aanmeldwachttijd jeugd-ggz", "WACHT"));
	assert_true(text_contains("Aanmeldwachttijd", ""));
	assert_false(text_contains("Klachten", "bezwaar"));
	assert_false(text_contains("", "a"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths),
		cmocka_unit_test(fit_never_splits_a_character),
		cmocka_unit_test(cut_with_ellipsis),
		cmocka_unit_test(pad_left_and_right),
		cmocka_unit_test(ascii_locale),
		cmocka_unit_test(ascii_transliteration),
		cmocka_unit_test(contains_ignores_case),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return RUN_TESTS(tests);
}
