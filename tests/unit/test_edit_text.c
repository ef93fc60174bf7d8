/* SPDX-License-Identifier: EUPL-1.2 */
/* The editor's text without curses: wrapping at word boundaries, the moves
 * and cuts of a line editor, and that a cut is never lost (Ctrl-Y). */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "jmon/edit_text.h"

static struct edit_buffer buffer(const char *text, size_t cursor)
{
	struct edit_buffer b = { STRBUF_INIT, 0, STRBUF_INIT, false };

	sb_adds(&b.text, text);
	b.cursor = cursor;
	return b;
}

/* The lines of text at width, joined with "|" (line breaks of the text
 * are shown as they are, so "\n" stays visible in a failure). */
static char *lines(const char *text, int width, int *crow, int *ccol, size_t cursor)
{
	struct edit_buffer b = buffer(text, cursor);
	size_t starts[32];
	int n = edit_layout(&b, width, starts, 32, crow, ccol);
	struct strbuf out = STRBUF_INIT;

	for (int i = 0; i < n; i++) {
		size_t end = i + 1 < n ? starts[i + 1] : b.text.len;

		if (i)
			sb_addc(&out, '|');
		sb_add(&out, text + starts[i], end - starts[i]);
	}
	edit_free(&b);
	return sb_detach(&out);
}

static void assert_wraps(const char *text, int width, const char *want)
{
	int r, c;
	char *got = lines(text, width, &r, &c, 0);

	if (strcmp(got, want))
		fail_msg("'%s' at %d: '%s', expected '%s'", text, width, got, want);
	free(got);
}

static void test_wraps_at_words(void **state)
{
	(void)state;
	assert_wraps("wachttijd is lang", 20, "wachttijd is lang");
	assert_wraps("wachttijd is lang", 12, "wachttijd is |lang");
	assert_wraps("wachttijd is lang", 9, "wachttijd |is lang");
	assert_wraps("een jeugdhulpaanbieder", 10, "een |jeugdhulpa|anbieder");	/* too long: cut */
	assert_wraps("één twee drie", 8, "één twee |drie");	/* columns, not bytes */
	assert_wraps("regel een\ntwee", 20, "regel een\n|twee");
	assert_wraps("ab    cd", 4, "ab    |cd");	/* spaces hang at the end */
}

static void test_cursor_position(void **state)
{
	int r, c;
	char *s;

	(void)state;
	s = lines("wachttijd is lang", 12, &r, &c, 13);	/* at "lang" */
	assert_int_equal(r, 1);
	assert_int_equal(c, 0);
	free(s);
	s = lines("ab    cd", 4, &r, &c, 5);	/* among the hanging spaces */
	assert_int_equal(r, 0);
	assert_int_equal(c, 4);
	free(s);
	s = lines("één twee", 20, &r, &c, strlen("één "));
	assert_int_equal(c, 4);
	free(s);
}

static void test_moves(void **state)
{
	const char *t = "Eerste regel, met woorden\ntweede: één-twee";
	struct edit_buffer b = buffer(t, strlen("Eerste regel, met wo"));

	(void)state;
	assert_int_equal(edit_line_start(&b), 0);
	assert_int_equal(edit_line_end(&b), strlen("Eerste regel, met woorden"));
	assert_int_equal(edit_word_back(&b), strlen("Eerste regel, met "));
	assert_int_equal(edit_word_forward(&b), strlen("Eerste regel, met woorden"));
	b.cursor = strlen("Eerste regel, ");	/* back over ", " to "regel" */
	assert_int_equal(edit_word_back(&b), strlen("Eerste "));
	b.cursor = strlen("Eerste regel, met woorden\ntweede: ");
	assert_int_equal(edit_word_forward(&b), strlen("Eerste regel, met woorden\ntweede: één"));
	assert_int_equal(edit_line_start(&b), strlen("Eerste regel, met woorden\n"));
	b.cursor = 0;
	assert_int_equal(edit_word_back(&b), 0);
	b.cursor = b.text.len;
	assert_int_equal(edit_word_forward(&b), b.text.len);
	edit_free(&b);
}

static void assert_text(const struct edit_buffer *b, const char *text, size_t cursor)
{
	assert_string_equal(sb_str(&b->text), text);
	assert_int_equal(b->cursor, cursor);
}

static void test_cuts_and_paste(void **state)
{
	struct edit_buffer b = buffer("wacht op de huisarts", strlen("wacht op de huisarts"));

	(void)state;
	edit_cut_word_back(&b);	/* Ctrl-W */
	assert_text(&b, "wacht op de ", strlen("wacht op de "));
	edit_cut_word_back(&b);	/* again: one piece with the first */
	assert_text(&b, "wacht op ", strlen("wacht op "));
	edit_paste(&b);		/* Ctrl-Y: both words, in their order */
	assert_text(&b, "wacht op de huisarts", strlen("wacht op de huisarts"));
	edit_paste(&b);		/* the cut stays */
	assert_text(&b, "wacht op de huisartsde huisarts", strlen("wacht op de huisartsde huisarts"));
	edit_free(&b);

	b = buffer("een\ntwee drie", strlen("een\ntwee"));
	edit_cut_line_back(&b);	/* Ctrl-U */
	assert_text(&b, "een\n drie", strlen("een\n"));
	edit_cut_word_back(&b);	/* Ctrl-W at the start of a line: the break */
	assert_text(&b, "een drie", strlen("een"));
	edit_paste(&b);
	assert_text(&b, "een\ntwee drie", strlen("een\ntwee"));
	edit_free(&b);

	b = buffer("een twee\ndrie", strlen("een"));
	edit_cut_line_forward(&b);	/* Ctrl-K: to the end of the line */
	assert_text(&b, "een\ndrie", strlen("een"));
	edit_cut_line_forward(&b);	/* at the end: the break, joining */
	assert_text(&b, "eendrie", strlen("een"));
	edit_paste(&b);			/* both, as one piece */
	assert_text(&b, "een twee\ndrie", strlen("een twee\n"));
	edit_free(&b);

	b = buffer("één twee", 0);
	edit_cut_word_forward(&b);	/* Alt-D */
	assert_text(&b, " twee", 0);
	b.cursor = b.text.len;
	edit_insert(&b, " ", 1);	/* typing ends a run of cuts */
	edit_paste(&b);
	assert_text(&b, " twee één", strlen(" twee één"));
	edit_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wraps_at_words),
		cmocka_unit_test(test_cursor_position),
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_cuts_and_paste),
	};

	setlocale(LC_ALL, "");	/* iswalnum of é: the tests run in C.UTF-8 */
	return RUN_TESTS(tests);
}
