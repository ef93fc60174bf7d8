/* SPDX-License-Identifier: EUPL-1.2 */
/* Terminal set-up and input; see include/jmon/ui_input.h. */
#include <curses.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "jmon/input.h"
#include "jmon/keys.h"
#include "jmon/keyseq.h"
#include "jmon/script.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_input.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

static SCREEN *screen;
static FILE *null_out, *null_in;
static struct script script;
static bool scripted;
static int script_failed;
/* A script's :command that arrived while a prompt was open: it ends the
 * prompt and runs next, so a test can never hang in a prompt. */
static char *pending_command;


static bool ui_inline_command(const char *command)
{
	/* ":dump FILE" inside a prompt or the editor dumps what is on screen
	 * and goes on: so a test can see the editor open */
	if (strncmp(command, "dump ", 5) != 0)
		return false;
	ui_dump_screen(command + 5);
	return true;
}

static void ui_requeue_command(char *command)
{
	free(pending_command);
	pending_command = command;
}
int ui_script_failed(void) { return script_failed; }

static int open_headless(const char *path)
{
	const char *term = getenv("TERM");

	struct jmon_error err = { 0 };
	long long size;
	int fd;

	/* as a delivery is opened: a FIFO without a writer, a terminal or a
	 * device neither hangs nor floods the script */
	if (input_open(path, "", JMON_DATA, &fd, &size, &err) != JMON_OK ||
	    !(script.fp = fdopen(fd, "r"))) {
		if (!err.msg[0])
			close(fd);
		fprintf(stderr, "jmon: %s\n", err.msg[0] ? err.msg : strerror(errno));
		return -1;
	}
	script.path = path;
	script.line = 0;
	scripted = true;
	/* ncurses takes the size from $LINES/$COLUMNS when the "terminal" is
	 * /dev/null; the screen tests' default is 24x80. */
	setenv("LINES", getenv("LINES") ? getenv("LINES") : "24", 0);
	setenv("COLUMNS", getenv("COLUMNS") ? getenv("COLUMNS") : "80", 0);
	if (!term || !*term || !strcmp(term, "dumb"))
		term = "xterm";
	null_out = fopen("/dev/null", "w");
	null_in = fopen("/dev/null", "r");
	if (!null_out || !null_in) {
		fprintf(stderr, "jmon: /dev/null: %s\n", strerror(errno));
		return -1;
	}
	screen = newterm(term, null_out, null_in);
	if (!screen) {
		fprintf(stderr, "jmon: cannot start curses for TERM=%s\n", term);
		return -1;
	}
	return 0;
}

/* Set by SIGHUP (the connection dropped), SIGTERM or SIGINT (told to end).
 * The handler only sets the flag: the blocking read it interrupts (no
 * SA_RESTART) returns, the editor sees that no key will come and writes
 * the draft in the ordinary flow (src/ui_edit.c), from its own buffer.
 * Saving in the handler would have to do without malloc and stdio, and
 * could catch the editor's text half way through a change. */
static volatile sig_atomic_t hangup;
/* The terminal read failed again and again: it is gone. */
static bool terminal_lost;

static void on_hangup(int sig)
{
	(void)sig;
	hangup = 1;
}

static void catch_hangup(void)
{
	static const int signals[] = { SIGHUP, SIGTERM, SIGINT };
	struct sigaction sa, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_hangup;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_SIZE(signals); i++) {
		/* a signal ignored from the start (nohup) stays ignored; a lost
		 * terminal then shows as failing reads */
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(signals[i], &sa, NULL);
	}
}

bool ui_input_lost(void)
{
	return hangup || terminal_lost;
}

/* Ctrl-C and Ctrl-\ reach jmon as keys instead of ending it with the
 * text in the editor: the terminal's interrupt and quit characters are
 * switched off.  raw() would do that as well, but it also takes Ctrl-Z,
 * and suspending jmon loses nothing.  def_prog_mode keeps the change in the
 * modes curses restores after a suspend; endwin restores the shell's. */
static void keys_not_signals(void)
{
	struct termios t;

	if (tcgetattr(STDIN_FILENO, &t) != 0)
		return;
	t.c_cc[VINTR] = _POSIX_VDISABLE;
	t.c_cc[VQUIT] = _POSIX_VDISABLE;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		def_prog_mode();
}

static int open_terminal(void)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "jmon: the browser needs a terminal; "
			"use 'jmon report' for output without one\n");
		return -1;
	}
	/* The size comes from the terminal (ioctl), not from stale
	 * $LINES/$COLUMNS; use_env(FALSE) would be wrong: it means terminfo's
	 * fixed size, which "linux" lacks and which never follows a resize. */
	use_tioctl(TRUE);
	const char *term = getenv("TERM");
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		fprintf(stderr, "jmon: cannot use the terminal: TERM=%s is not a known terminal "
			"type (try TERM=xterm-256color)\n", term ? term : "");
		return -1;
	}
	/* A terminal that cannot place the cursor (TERM=dumb) would get a
	 * garbled screen: say so instead. */
	char *cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		endwin();
		delscreen(screen);
		screen = NULL;
		fprintf(stderr, "jmon: TERM=%s cannot place the cursor, so the browser cannot "
			"draw; use a full terminal, or 'jmon report'\n", term ? term : "");
		return -1;
	}
	return 0;
}

int ui_input_open(struct app *app)
{
	const char *path = getenv("JMON_SCRIPT");

	(void)app;
	/* before curses starts: it takes SIGINT and SIGTERM only when no one
	 * else has */
	catch_hangup();
	if (path && *path ? open_headless(path) : open_terminal())
		return -1;
	set_term(screen);
	set_escdelay(25);	/* Esc is "back": it must not feel sluggish */
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	mousemask(0, NULL);
	curs_set(0);
	if (!scripted)
		keys_not_signals();
	return 0;
}

void ui_input_close(void)
{
	if (!screen)
		return;
	endwin();
	delscreen(screen);
	screen = NULL;
	if (script.fp)
		fclose(script.fp);
	if (null_out)
		fclose(null_out);
	if (null_in)
		fclose(null_in);
	script.fp = null_out = null_in = NULL;
	free(pending_command);
	pending_command = NULL;
}

/* Curses' names for the keys jmon knows.  Under TERM=vt220 or screen the
 * VT220 keys Find and Select are Home and End (PuTTY's defaults), and the
 * keypad's corners (A1, C1, A3, C3) are Home, End, PgUp and PgDn. */
static const struct {
	int curses, key;
} curses_keys[] = {
	{ KEY_UP, JK_UP }, { KEY_DOWN, JK_DOWN }, { KEY_LEFT, JK_LEFT },
	{ KEY_RIGHT, JK_RIGHT }, { KEY_PPAGE, JK_PAGE_UP }, { KEY_NPAGE, JK_PAGE_DOWN },
	{ KEY_HOME, JK_HOME }, { KEY_END, JK_END }, { KEY_BTAB, JK_BACKTAB },
	{ KEY_BACKSPACE, JK_BACKSPACE }, { KEY_DC, JK_DELETE }, { KEY_ENTER, JK_ENTER },
	{ KEY_RESIZE, JK_RESIZE }, { KEY_FIND, JK_HOME }, { KEY_SELECT, JK_END },
	{ KEY_A1, JK_HOME }, { KEY_C1, JK_END }, { KEY_A3, JK_PAGE_UP }, { KEY_C3, JK_PAGE_DOWN },
	{ KEY_LL, JK_END }, { KEY_F(1), JK_F1 },
};

/* How long the rest of an escape sequence may take to arrive after its
 * Esc: it comes in one write, so a few milliseconds even over SSH; a
 * human's Esc followed by "[" takes far longer. */
#define SEQUENCE_MS 30

static char unknown_label[64];	/* what the last JK_UNKNOWN was */

const char *ui_unknown_key(void)
{
	return unknown_label;
}

/* After an Esc: the rest of a sequence curses did not know, read whole,
 * so that its bytes never arrive as keys of their own. */
static int escape_sequence(int restore_ms)
{
	char seq[KEYSEQ_MAX];
	size_t len = 0;
	wint_t wch;
	int r, key;

	wtimeout(stdscr, SEQUENCE_MS);
	/* only CSI and SS3 are sequences here: Esc and another key sent in
	 * one write (Esc Space from a script, tmux or a fast hand) stay two
	 * keys, and Esc stays "back" */
	r = wget_wch(stdscr, &wch);
	if (r == ERR || (r == OK && wch != '[' && wch != 'O')) {
		if (r == OK)
			unget_wch((wchar_t)wch);
		wtimeout(stdscr, restore_ms);
		return JK_ESCAPE;
	}
	if (r == KEY_CODE_YES) {
		unget_wch((wchar_t)wch);	/* a key curses knew: its own */
		wtimeout(stdscr, restore_ms);
		return JK_ESCAPE;
	}
	seq[len++] = (char)wch;
	while (len < sizeof seq && !keyseq_complete(seq, len)) {
		r = wget_wch(stdscr, &wch);
		if (r == ERR)
			break;
		if (r == KEY_CODE_YES || wch > 0x7f) {	/* not part of a sequence */
			if (r != KEY_CODE_YES)
				unget_wch((wchar_t)wch);
			break;
		}
		seq[len++] = (char)wch;
	}
	wtimeout(stdscr, restore_ms);
	if (len == 0)
		return JK_ESCAPE;
	key = keyseq_decode(seq, len);
	if (key == JK_UNKNOWN)
		keyseq_label(seq, len, unknown_label, sizeof unknown_label);
	return key;
}

/* The next key of the terminal: JK_UNKNOWN for a key jmon has no name for,
 * -1 when the read failed. */
static int terminal_key(int timeout_ms)
{
	wint_t wch;
	int r = wget_wch(stdscr, &wch);

	if (r == ERR)
		return -1;
	if (r == KEY_CODE_YES) {
		for (size_t i = 0; i < sizeof curses_keys / sizeof *curses_keys; i++)
			if (curses_keys[i].curses == (int)wch)
				return curses_keys[i].key;
		const char *name = keyname((int)wch);
		snprintf(unknown_label, sizeof unknown_label, "%s", name ? name : "?");
		return JK_UNKNOWN;
	}
	if (wch == 27)
		return escape_sequence(timeout_ms);
	return key_from_char((int)wch);
}

/* A blocking read fails now and then (a signal); a read that fails again
 * and again has lost its terminal (the SSH connection dropped while
 * SIGHUP was ignored): end as at the end of a script, not spin forever. */
#define MAX_READ_ERRORS 100

/* The next key or command as it comes, false when no more will come. */
static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One key from the terminal; with idle_ms > 0, JK_IDLE after that long
 * without one (a script says <Idle> itself). */
static bool read_event(struct ui_event *ev, int idle_ms)
{
	struct script_event sev;
	char msg[256];

	memset(ev, 0, sizeof *ev);
	if (pending_command) {
		ev->command = pending_command;
		pending_command = NULL;
		return true;
	}
	if (hangup)
		return false;
	if (!scripted) {
		int errors = 0;
		double started = seconds();

		if (idle_ms > 0)
			wtimeout(stdscr, idle_ms);
		while ((ev->key = terminal_key(idle_ms > 0 ? idle_ms : -1)) <= JK_NONE) {
			if (hangup)
				break;
			/* ERR after the whole wait is a quiet terminal; at once, a lost one */
			if (ev->key < 0 && idle_ms > 0 && seconds() - started >= idle_ms / 2000.0) {
				ev->key = JK_IDLE;
				break;
			}
			if (ev->key < 0 && ++errors > MAX_READ_ERRORS) {
				terminal_lost = true;
				break;
			}
			started = seconds();
		}
		if (idle_ms > 0)
			wtimeout(stdscr, -1);
		return ev->key > JK_NONE;
	}
	switch (script_next(&script, &sev, msg, sizeof msg)) {
	case 1:
		ev->key = sev.key;
		ev->command = sev.command;
		return true;
	case -1:
		fprintf(stderr, "%s:%ld:%ld: %s\n", script.path, script.line, sev.column, msg);
		script_failed = 1;
		return false;
	default:
		return false;
	}
}

/* A key typed while the screen says "terminal te klein": the analyst
 * cannot see what it would do, so it does nothing.  A resize shows the
 * screen again; commands are a script's, which sees nothing anyway. */
static bool typed_blind(const struct ui_event *ev)
{
	return !ev->command && ev->key != JK_RESIZE && ev->key != JK_IDLE && ui_too_small();
}

static bool next_event(struct ui_event *ev, int idle_ms)
{
	while (read_event(ev, idle_ms)) {
		if (!typed_blind(ev))
			return true;
		/* Q, not q: a q in text typed blind does not end the session */
		if (ev->key == 'Q') {
			ev->command = xstrdup(action_name(ACTION_QUIT));
			return true;
		}
	}
	return false;
}

bool ui_next_event(struct app *app, struct ui_event *ev)
{
	(void)app;
	return next_event(ev, 0);
}

bool ui_next_event_idle(struct app *app, struct ui_event *ev, int ms)
{
	(void)app;
	return next_event(ev, ms);
}

void ui_event_free(struct ui_event *ev)
{
	free(ev->command);
	ev->command = NULL;
}

/* Remove the last character (not byte) of a UTF-8 string. */
static void delete_last_char(char *buf)
{
	size_t len = strlen(buf);

	buf[len > 0 ? utf8_start(buf, len - 1) : 0] = '\0';
}

/* The prompt line: the label and the end of what was typed ("…" for the
 * start that does not fit), so the cursor after it is always on screen. */
static void draw_prompt(const char *label, const char *buf)
{
	int room = COLS - 1 - text_width(label);
	const char *tail = buf;
	char *line;

	if (room > 1 && text_width(buf) > room) {
		while (*tail && text_width(tail) > room - 1)
			tail = utf8_skip(tail, tail + strlen(tail));	/* to the next character */
		line = xasprintf("%s%s%s", label, text_utf8_locale() ? "…" : "~", tail);
	} else {
		line = xasprintf("%s%s", label, buf);
	}
	ui_text(LINES - 1, 0, -1, STYLE_NORMAL, false, line);
	int at = text_width(line);
	move(LINES - 1, at < COLS ? at : COLS - 1);
	free(line);
}

bool ui_next_key(struct app *app, int *key)
{
	struct ui_event ev;

	(void)app;
	while (read_event(&ev, 0)) {
		if (typed_blind(&ev) || ev.key == JK_IDLE)
			continue;	/* Q too: the editor and prompts never quit */
		if (!ev.command) {
			*key = ev.key;
			return true;
		}
		if (!ui_inline_command(ev.command)) {
			ui_requeue_command(ev.command);	/* owns it now */
			return false;
		}
		ui_event_free(&ev);
	}
	return false;
}

bool ui_alt_key(struct app *app, int *key)
{
	wint_t next;
	int r;

	(void)app;
	if (scripted)
		return false;	/* a script says <M-b> */
	/* curses waited for the rest of an escape sequence already: what came
	 * with the Esc is there now, or nothing is */
	wtimeout(stdscr, 0);
	r = wget_wch(stdscr, &next);
	wtimeout(stdscr, -1);
	/* only the letters the editor has an Alt for: Esc and j typed at once
	 * are still Esc and the answer to its question */
	if (r == OK && next < 0x80 && strchr("bdfBDF", (int)next)) {
		*key = (int)(next | 0x20);	/* Alt-B is Alt-b */
		return true;
	}
	if (r == OK && key_from_char((int)next) == JK_BACKSPACE) {
		*key = JK_BACKSPACE;
		return true;
	}
	if (r == OK)
		unget_wch((wchar_t)next);	/* Esc and then a key of its own */
	else if (r == KEY_CODE_YES)
		ungetch((int)next);
	return false;
}

bool ui_confirm_discard(struct app *app, void (*paint)(struct app *app, void *ctx), void *ctx)
{
	return ui_ask(app, "Wijzigingen weggooien? (j/n)", paint, ctx);
}

bool ui_ask(struct app *app, const char *question, void (*paint)(struct app *app, void *ctx),
	    void *ctx)
{
	int key;

	for (;;) {
		paint(app, ctx);
		if (!ui_too_small()) {
			ui_text(LINES - 1, 0, -1, STYLE_BOLD, false, question);
			move(LINES - 1, text_width(question) < COLS ? text_width(question) : COLS - 1);
		}
		refresh();
		if (!ui_next_key(app, &key))
			return false;
		if (key == 'j' || key == 'J' || key == 'y' || key == 'Y')
			return true;
		if (key == 'n' || key == 'N' || key == JK_ESCAPE || key == JK_CTRL('c') ||
		    key == JK_CTRL('g'))
			return false;
		/* any other key asks again: typing on does not answer */
	}
}

struct prompt {
	const char *label, *buf;
};

/* The frame, with the prompt over the status line: drawn again for every
 * key, so a resize shows the whole screen, or only "terminal te klein". */
static void paint_prompt(struct app *app, void *ctx)
{
	const struct prompt *p = ctx;

	ui_sync(app);
	ui_draw(app);
	if (!ui_too_small())
		draw_prompt(p->label, p->buf);
}

bool ui_prompt(struct app *app, const char *label, char *buf, size_t size)
{
	struct prompt p = { label, buf };
	int key;
	bool done = false, ok = false;

	buf[0] = '\0';
	curs_set(1);
	while (!done) {
		paint_prompt(app, &p);
		refresh();
		if (!ui_next_key(app, &key))
			break;
		if (key == JK_ENTER) {
			done = ok = true;
		} else if (key == JK_ESCAPE || key == JK_CTRL('c') ||
			   key == JK_CTRL('g')) {
			/* the prompt starts empty: any text is the analyst's */
			done = !buf[0] || ui_confirm_discard(app, paint_prompt, &p);
		} else if (key == JK_BACKSPACE) {
			if (!buf[0])
				done = true;	/* Backspace on an empty line leaves, as in vim */
			delete_last_char(buf);
		} else if (key == JK_CTRL('u')) {
			buf[0] = '\0';
		} else if (ui_typed_char(key)) {
			char mb[MB_LEN_MAX];
			mbstate_t st = { 0 };
			size_t n = wcrtomb(mb, (wchar_t)key, &st);

			if (n != (size_t)-1 && strlen(buf) + n < size)
				strncat(buf, mb, n);
		}
	}
	curs_set(0);
	return ok;
}

bool ui_typed_char(int key)
{
	/* a control character (a C1 code such as NEL, U+0085) would draw as
	 * "~E" and end up in the database */
	return key >= 0x20 && key < JK_BASE && iswprint((wint_t)key);
}

int ui_dump_screen(const char *path)
{
	FILE *fp = fopen(path, "w");
	cchar_t *cells = xcalloc((size_t)COLS + 1, sizeof *cells);

	if (!fp) {
		free(cells);
		return -1;
	}
	for (int row = 0; row < LINES; row++) {
		char line[8192];
		size_t len = 0;
		int n = mvwin_wchnstr(stdscr, row, 0, cells, COLS);

		for (int i = 0; n != ERR && i < COLS; i++) {
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attrs;
			short pair;
			mbstate_t st = { 0 };

			if (getcchar(&cells[i], wch, &attrs, &pair, NULL) == ERR || !wch[0])
				break;
			for (int k = 0; wch[k] && len + MB_LEN_MAX < sizeof line; k++) {
				size_t m = wcrtomb(line + len, wch[k], &st);
				if (m != (size_t)-1)
					len += m;
			}
		}
		while (len > 0 && line[len - 1] == ' ')
			len--;
		fprintf(fp, "%.*s\n", (int)len, line);
	}
	free(cells);
	return fclose(fp) == 0 ? 0 : -1;
}
