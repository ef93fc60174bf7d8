/* SPDX-License-Identifier: EUPL-1.2 */
/* Display-width text: labels are cut by columns, never inside a character. */
#include <locale.h>
#include <stdlib.h>
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
	/* the labels are still UTF-8: a character is one ASCII column on
	 * screen (text_ascii), so it measures one column, not one per byte */
	assert_int_equal(text_width("Cliënt"), 6);
	assert_int_equal(text_width("日本語"), 3);
	assert_int_equal(text_width("e\xcc\x81\xe2\x80\x8b"), 1);	/* combining, zero width */
	assert_int_equal(text_cut(out, sizeof out, "日本語", 2, true), 2);
	assert_string_equal(out, "日~");
	assert_string_equal(text_ascii(out, sizeof out, "e\xcc\x81 x"), "e x");
	/* a sign is as wide as its transliteration, so columns line up */
	assert_int_equal(text_width("€ 32,6 mln"), 12);
	assert_int_equal(text_width("Δ vorig"), 7);
	char padded[16];
	assert_int_equal(text_pad(padded, sizeof padded, "€ 5", 7, true), 7);
	assert_string_equal(text_ascii(out, sizeof out, padded), "  EUR 5");
	setlocale(LC_ALL, "C.UTF-8");
	assert_true(text_utf8_locale());
}

static void ascii_transliteration(void **state)
{
	char out[64];

	(void)state;
	assert_string_equal(text_ascii(out, sizeof out, "Cliënttevredenheid"), "Clienttevredenheid");
	assert_string_equal(text_ascii(out, sizeof out, "Ondertoezichtstelling"), "Ondertoezichtstelling");
	assert_string_equal(text_ascii(out, sizeof out, "é à ö Ü ß"), "e a o U ss");
	assert_string_equal(text_ascii(out, sizeof out, "€ 32,6 mln"), "EUR 32,6 mln");
	assert_string_equal(text_ascii(out, sizeof out, "Δ vorig"), "d vorig");
	assert_string_equal(text_ascii(out, sizeof out, "Wachttijd – GGZ…"), "Wachttijd - GGZ...");
	assert_string_equal(text_ascii(out, sizeof out, "IJssel Ĳssel"), "IJssel IJssel");
	assert_string_equal(text_ascii(out, 6, "ab €"), "ab ");	/* EUR whole or not at all */
	assert_string_equal(text_ascii(out, sizeof out, "● groen"), "? groen");	/* one column each */
	assert_string_equal(text_ascii(out, sizeof out, "a\xff" "b"), "a?b");		/* invalid byte */
	assert_string_equal(text_ascii(out, 4, "abcdef"), "abc");
}

static void ellipsis_in_a_small_buffer_keeps_characters_whole(void **state)
{
	char out[7];

	(void)state;
	/* room for 3 bytes before "…": one ë, never ë and half of the next */
	assert_int_equal(text_cut(out, sizeof out, "ëëëëëëëëëë", 9, true), 2);
	assert_string_equal(out, "ë…");
	assert_int_equal(text_cut(out, 3, "ëëëë", 2, true), 0);	/* no room for "…" */
	assert_string_equal(out, "");
}

static void pad_a_wide_screen_of_multibyte_text(void **state)
{
	char label[700 * 3 + 1] = "", out[4096];

	(void)state;
	for (int i = 0; i < 700; i++)
		strcat(label, "─");	/* 3 bytes, 1 column */
	/* a 250..600-column terminal: the whole width, not what 1 KiB held */
	assert_int_equal(text_pad(out, sizeof out, label, 600, false), 600);
	assert_int_equal(text_width(out), 600);
	assert_int_equal(strlen(out), 599 * 3 + strlen("…"));
	assert_int_equal(text_pad(out, sizeof out, "ë", 600, true), 600);
	assert_int_equal(text_width(out), 600);
	assert_string_equal(out + 599, "ë");
}

static void printable_keeps_the_columns(void **state)
{
	char out[64];

	(void)state;
	/* tab and line breaks become spaces; controls and invalid bytes '?' */
	assert_string_equal(text_printable(out, sizeof out, "a\tb\nc\rd"), "a b c d");
	assert_string_equal(text_printable(out, sizeof out, "x\x01y\x7fz"), "x?y?z");
	assert_string_equal(text_printable(out, sizeof out, "漢\xc2\x9b字"), "漢?字");	/* C1 */
	assert_string_equal(text_printable(out, sizeof out, "a\xff\xe2\x94"), "a???");
	assert_string_equal(text_printable(out, sizeof out, "cliënt ● 😀 e\xcc\x81"),
			    "cliënt ● 😀 e\xcc\x81");
	assert_int_equal(text_width(text_printable(out, sizeof out, "a\x01\xff")),
			 text_width("a\x01\xff"));
	assert_string_equal(text_printable(out, 4, "ab漢"), "ab");	/* never half of 漢 */
}

static void format_never_ends_in_half_a_character(void **state)
{
	char out[6], s[8];

	(void)state;
	/* "aaaaë" is 6 bytes: 5 fit, and the 5th is half of ë */
	assert_int_equal(text_format(out, sizeof out, "%s", "aaaaë"), 6);
	assert_string_equal(out, "aaaa");
	text_format(out, sizeof out, "%s", "a漢字");	/* 漢 whole, 字 not */
	assert_string_equal(out, "a漢");
	text_format(out, sizeof out, "%s-%d", "ab", 12);
	assert_string_equal(out, "ab-12");
	strcpy(s, "ab\xf0\x9f\x98");	/* three of the four bytes of 😀 */
	text_trim_partial(s);
	assert_string_equal(s, "ab");
	strcpy(s, "ab😀");
	text_trim_partial(s);
	assert_string_equal(s, "ab😀");
}

static void wrap_at_spaces_and_line_breaks(void **state)
{
	const char *text = "een twee drie\nvier";
	size_t next;

	(void)state;
	assert_int_equal(text_wrap(text, 9, &next), 8);		/* "een twee" */
	assert_string_equal(text + next, "drie\nvier");
	assert_int_equal(text_wrap(text + next, 9, &next), 4);	/* up to the line break */
	assert_int_equal(text_wrap("abcdefgh", 3, &next), 3);	/* a long word is cut */
	assert_int_equal(next, 3);
	assert_int_equal(text_wrap("漢字", 3, &next), 3);		/* 2 columns fit, not 4 */
	assert_int_equal(text_wrap("漢字", 1, &next), 3);		/* too wide: taken anyway */
	assert_int_equal(text_wrap("abc", 0, &next), 1);		/* always moves on */
	assert_int_equal(text_wrap("", 10, &next), 0);
	assert_int_equal(next, 0);
	assert_int_equal(text_wrap("\nx", 10, &next), 0);		/* an empty line */
	assert_int_equal(next, 1);
	/* zero-width characters never make a line longer than the text */
	assert_int_equal(text_wrap("e\xcc\x81\xcc\x81 x", 1, &next), 5);
	assert_string_equal("e\xcc\x81\xcc\x81 x" + next, "x");
}

static void contains_ignores_case(void **state)
{
	(void)state;
	assert_true(text_contains("Aanmeldwachttijd jeugd-ggz", "WACHT"));
	assert_true(text_contains("Aanmeldwachttijd", ""));
	assert_false(text_contains("Klachten", "bezwaar"));
	assert_false(text_contains("", "a"));
}

/* Case in any script, as libunistring folds it (full folding, NFKC). */
static void contains_folds_every_case(void **state)
{
	(void)state;
	assert_true(text_contains("Cliënttevredenheid", "CLIËNT"));	/* "Ë" finds "ë" */
	assert_true(text_contains("CLIËNTTEVREDENHEID", "cliënt"));
	assert_true(text_contains("Ĳsselmonde", "ĳssel"));		/* Ĳ and ĳ */
	assert_true(text_contains("ĳsselmonde", "ĲSSEL"));
	assert_true(text_contains("Ĳsselmonde", "ijssel"));		/* the ligature is i + j */
	assert_true(text_contains("Oude ijssel", "ĳssel"));
	assert_true(text_contains("Straße", "STRASSE"));		/* full folding: ß is ss */
	assert_true(text_contains("STRASSE", "straße"));
	assert_true(text_contains("Cafe\xcc\x81", "CAFÉ"));		/* e + combining accent is é */
	assert_false(text_contains("ΑΘΗΝΑ", "αθήνα"));		/* an accent is not case */
	assert_true(text_contains("Ελλάδα", "ΕΛΛΆΔΑ"));
	assert_false(text_contains("Cliënt", "client"));		/* ë is no e */
	assert_true(text_contains("a\xff" "b", "A\xff"));		/* invalid bytes do no harm */
	assert_true(text_contains("ë", ""));
}

/* What a text or Markdown report writes of imported text: line breaks
 * kept, every control one '?' (tab and CR a space), whatever the locale. */
static void write_safe_takes_out_controls(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "Zand\033]0;pwned\007voort\n", "Zand?]0;pwned?voort\n" },	/* retitles */
		{ "a\tb\rc\x7f", "a b c?" },
		{ "c1 \xc2\x9b" "2J", "c1 ?2J" },			/* CSI as U+009B */
		{ "rlo \xe2\x80\xae" "cba", "rlo ?cba" },		/* bidi override */
		{ "bad \xff\xe2\x94", "bad ???" },			/* one per byte */
		{ "cliënt ● 😀 e\xcc\x81", "cliënt ● 😀 e\xcc\x81" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *out = open_memstream(&buf, &len);

		text_write_safe(out, cases[i].in, strlen(cases[i].in), true);
		fclose(out);
		assert_string_equal(buf, cases[i].out);
		/* columns stay as text_width counts them (a bidi override has
		 * none, its '?' one) */
		if (i != 3)
			assert_int_equal(text_width(buf), text_width(cases[i].in));
		free(buf);
	}
}

/* A name or label of one line (lines false): its line breaks are spaces,
 * as the browser shows them, so a report's title or row stays one line. */
static void write_safe_on_one_line(void **state)
{
	static const char in[] = "Alk\nmaar\r\n\033]0;x\007";
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	(void)state;
	text_write_safe(out, in, strlen(in), false);
	fclose(out);
	assert_string_equal(buf, "Alk maar  ?]0;x?");
	assert_int_equal(text_width(buf), text_width(in));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths),
		cmocka_unit_test(write_safe_on_one_line),
		cmocka_unit_test(fit_never_splits_a_character),
		cmocka_unit_test(cut_with_ellipsis),
		cmocka_unit_test(pad_left_and_right),
		cmocka_unit_test(ascii_locale),
		cmocka_unit_test(ascii_transliteration),
		cmocka_unit_test(contains_ignores_case),
		cmocka_unit_test(contains_folds_every_case),
		cmocka_unit_test(ellipsis_in_a_small_buffer_keeps_characters_whole),
		cmocka_unit_test(pad_a_wide_screen_of_multibyte_text),
		cmocka_unit_test(printable_keeps_the_columns),
		cmocka_unit_test(write_safe_takes_out_controls),
		cmocka_unit_test(format_never_ends_in_half_a_character),
		cmocka_unit_test(wrap_at_spaces_and_line_breaks),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return RUN_TESTS(tests);
}
