/* SPDX-License-Identifier: EUPL-1.2 */
/* The key table and the script parser: what a key does, what a script line means. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "jmon/keys.h"
#include "jmon/keyseq.h"
#include "jmon/script.h"

static void every_action_has_a_unique_name(void **state)
{
	(void)state;
	for (int a = 1; a < ACTION_COUNT; a++) {
		assert_true(strlen(action_name(a)) > 0);
		assert_true(strlen(action_help(a)) > 0);
		assert_int_equal(action_by_name(action_name(a)), a);
	}
	assert_int_equal(action_by_name("no-such-action"), ACTION_NONE);
}

static void design_keys_are_bound(void **state)
{
	/* jmon(1), Keys: the keys an analyst expects. */
	static const struct { int key; enum action a; } want[] = {
		{ 'j', ACTION_DOWN }, { JK_DOWN, ACTION_DOWN }, { 'k', ACTION_UP },
		{ JK_UP, ACTION_UP }, { JK_PAGE_DOWN, ACTION_PAGE_DOWN },
		{ JK_PAGE_UP, ACTION_PAGE_UP }, { 'g', ACTION_FIRST }, { 'G', ACTION_LAST },
		{ JK_TAB, ACTION_NEXT_CHAPTER }, { '1', ACTION_CHAPTER }, { '4', ACTION_CHAPTER },
		{ '[', ACTION_PREV_PERIOD }, { ']', ACTION_NEXT_PERIOD },
		{ JK_ENTER, ACTION_ENTER }, { JK_ESCAPE, ACTION_BACK },
		{ JK_BACKSPACE, ACTION_BACK }, { 'h', ACTION_BACK }, { JK_LEFT, ACTION_BACK },
		{ '/', ACTION_SEARCH }, { 'n', ACTION_SEARCH_NEXT }, { 'N', ACTION_SEARCH_PREV },
		{ 'r', ACTION_NEXT_ATTENTION }, { 'R', ACTION_PREV_ATTENTION },
		{ ' ', ACTION_REVIEW }, { 'a', ACTION_ANNOTATE }, { 'o', ACTION_OVERRIDE },
		{ 'c', ACTION_COMPARE }, { 'v', ACTION_REVISIONS }, { 'e', ACTION_EXPORT },
		{ ':', ACTION_PROMPT }, { '?', ACTION_HELP }, { JK_F1, ACTION_HELP },
		/* as in tig and less: q closes the view (at the top: quits), Q quits */
		{ 'q', ACTION_CLOSE }, { 'Q', ACTION_QUIT }, { 'f', ACTION_FILTER },
		{ 'p', ACTION_PERIOD },
	};
	(void)state;
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		const struct keybinding *b = key_lookup(want[i].key);
		assert_non_null(b);
		assert_int_equal(b->action, want[i].a);
	}
	assert_string_equal(key_lookup('3')->arg, "3");
	assert_null(key_lookup('Z'));
}

static void no_destructive_ctrl_chord(void **state)
{
	/* Quitting must never hang on a single Ctrl chord. */
	(void)state;
	for (int i = 0; i < key_table_size; i++)
		if (key_table[i].key < 0x20)
			assert_int_not_equal(key_table[i].action, ACTION_QUIT);
}

static void key_labels(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(key_label('j', buf, sizeof buf), "j");
	assert_string_equal(key_label(JK_ENTER, buf, sizeof buf), "Enter");
	assert_string_equal(key_label(JK_CTRL('l'), buf, sizeof buf), "Ctrl-L");
	assert_string_equal(key_label(' ', buf, sizeof buf), "Spatie");
	assert_string_equal(action_keys(ACTION_DOWN, false, buf, sizeof buf), "j Down");
	assert_string_equal(action_keys(ACTION_DOWN, true, buf, sizeof buf), "j ↓");
	assert_string_equal(action_keys(ACTION_CHAPTER, true, buf, sizeof buf), "1-9");
}

static void script_lines(void **state)
{
	struct script_event ev;
	char msg[128];

	(void)state;
	assert_int_equal(script_parse_line("j", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, 'j');
	assert_int_equal(script_parse_line("<Enter>", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, JK_ENTER);
	assert_int_equal(script_parse_line("<PageDown>", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, JK_PAGE_DOWN);
	assert_int_equal(script_parse_line("<C-l>", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, JK_CTRL('l'));
	assert_int_equal(script_parse_line(" ", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, ' ');
	assert_int_equal(script_parse_line("é", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, 0xe9);
	assert_int_equal(script_parse_line(":dump a.txt", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, 0);
	assert_string_equal(ev.command, "dump a.txt");
	script_event_free(&ev);
	assert_null(ev.command);
}

static void script_errors(void **state)
{
	struct script_event ev;
	char msg[128];

	(void)state;
	assert_int_equal(script_parse_line("<Bogus>", &ev, msg, sizeof msg), -1);
	assert_string_equal(msg, "unknown key name '<Bogus>'");
	assert_int_equal(script_parse_line("jj", &ev, msg, sizeof msg), -1);
	assert_string_equal(msg, "expected one key per line, not 'jj'");
}

/* A script file holding text, opened for reading into *s; path receives
 * its name (unlink it after). */
static void script_open(struct script *s, char *path, const char *text)
{
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");

	fputs(text, fp);
	fclose(fp);
	memset(s, 0, sizeof *s);
	s->fp = fopen(path, "r");
	s->path = path;
}

static void script_file(void **state)
{
	char path[] = "/tmp/jmon-script-XXXXXX";
	struct script s;
	struct script_event ev;
	char msg[128];

	(void)state;
	script_open(&s, path, "# a comment\n\nj\r\n:quit\n");
	assert_int_equal(script_next(&s, &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, 'j');
	assert_int_equal(ev.line, 3);
	assert_int_equal(script_next(&s, &ev, msg, sizeof msg), 1);
	assert_string_equal(ev.command, "quit");
	assert_int_equal(ev.line, 4);
	script_event_free(&ev);
	assert_int_equal(script_next(&s, &ev, msg, sizeof msg), 0);
	fclose(s.fp);
	unlink(path);
}

static void control_characters_are_the_keys_a_terminal_means(void **state)
{
	struct script_event ev;
	char msg[128];

	(void)state;
	/* what terminal_key() makes of them, so a script means the same */
	assert_int_equal(key_from_char('\r'), JK_ENTER);
	assert_int_equal(key_from_char(27), JK_ESCAPE);
	assert_int_equal(key_from_char(127), JK_BACKSPACE);
	assert_int_equal(key_from_char('x'), 'x');
	assert_int_equal(script_parse_line("<C-[>", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, JK_ESCAPE);
	assert_int_equal(script_parse_line("<C-m>", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, JK_ENTER);
	assert_int_equal(script_parse_line("<C-h>", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, JK_BACKSPACE);
	assert_int_equal(script_parse_line("\t", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, JK_TAB);
	assert_int_equal(script_parse_line("\177", &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, JK_BACKSPACE);
}

static void script_lines_have_no_length_limit(void **state)
{
	char path[] = "/tmp/jmon-script-XXXXXX", *text = malloc(10000 + 32);
	struct script s;
	struct script_event ev;
	char msg[128];

	(void)state;
	/* an explanation typed in with :annotate may well pass 4 KiB */
	strcpy(text, ":annotate ");
	for (int i = 0; i < 10000; i++)
		text[strlen(":annotate ") + i] = (char)('a' + i % 26);
	strcpy(text + strlen(":annotate ") + 10000, "\nj\n");
	script_open(&s, path, text);
	assert_int_equal(script_next(&s, &ev, msg, sizeof msg), 1);
	assert_int_equal(strlen(ev.command), strlen("annotate ") + 10000);
	script_event_free(&ev);
	assert_int_equal(script_next(&s, &ev, msg, sizeof msg), 1);
	assert_int_equal(ev.key, 'j');
	assert_int_equal(ev.line, 2);
	fclose(s.fp);
	unlink(path);
	free(text);
}

/* The sequences of xterm, PuTTY's default (VT220 "ESC [ n ~"), rxvt and
 * the Linux console, whatever TERM said: each is one key. */
static void escape_sequences(void **state)
{
	static const struct {
		const char *seq;
		int key;
	} cases[] = {
		{ "[H", JK_HOME }, { "[F", JK_END }, { "OH", JK_HOME }, { "OF", JK_END },
		{ "[1~", JK_HOME }, { "[4~", JK_END }, { "[7~", JK_HOME }, { "[8~", JK_END },
		{ "[5~", JK_PAGE_UP }, { "[6~", JK_PAGE_DOWN }, { "[3~", JK_DELETE },
		{ "OP", JK_F1 }, { "[11~", JK_F1 }, { "[[A", JK_F1 },
		{ "[A", JK_UP }, { "OB", JK_DOWN }, { "[1;5H", JK_HOME }, { "[3;2~", JK_DELETE },
		{ "[Z", JK_BACKTAB }, { "b", JK_ALT('b') }, { "f", JK_ALT('f') },
		{ "[24~", JK_UNKNOWN }, { "[15~", JK_UNKNOWN }, { "[2~", JK_UNKNOWN },
		{ "[[E", JK_UNKNOWN }, { "OQ", JK_UNKNOWN },
	};
	char label[64];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t len = strlen(cases[i].seq);

		assert_true(keyseq_complete(cases[i].seq, len));
		/* no shorter part of it is complete: the input reads it whole */
		for (size_t k = 1; k < len; k++)
			assert_false(keyseq_complete(cases[i].seq, k));
		assert_int_equal(keyseq_decode(cases[i].seq, len), cases[i].key);
	}
	assert_false(keyseq_complete("", 0));
	assert_string_equal(keyseq_label("[24~", 4, label, sizeof label), "Esc [ 2 4 ~");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_action_has_a_unique_name),
		cmocka_unit_test(design_keys_are_bound),
		cmocka_unit_test(escape_sequences),
		cmocka_unit_test(no_destructive_ctrl_chord),
		cmocka_unit_test(key_labels),
		cmocka_unit_test(script_lines),
		cmocka_unit_test(script_errors),
		cmocka_unit_test(script_file),
		cmocka_unit_test(control_characters_are_the_keys_a_terminal_means),
		cmocka_unit_test(script_lines_have_no_length_limit),
	};
	setlocale(LC_ALL, "C.UTF-8");
	return RUN_TESTS(tests);
}
