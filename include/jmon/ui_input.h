/* SPDX-License-Identifier: EUPL-1.2 */
/* Where keys come from and where the screen goes: a real terminal, or, with
 * JMON_SCRIPT=FILE, a key script and ncurses rendering into /dev/null at
 * $LINES x $COLUMNS (default 24x80), as tig's test mode does. */
#ifndef JMON_UI_INPUT_H
#define JMON_UI_INPUT_H

#include <stdbool.h>
#include <stddef.h>

struct app;

struct ui_event {
	int key;		/* JK_ code or code point */
	char *command;		/* a script's :command line, or NULL */
};

/* Start curses on the terminal or headless; -1 with a message on stderr. */
int ui_input_open(struct app *app);
void ui_input_close(void);
/* The next key or command; false at the end of the script, or when the
 * terminal is lost.  While the screen is too small, keys are dropped, and Q
 * comes as the command "quit". */
bool ui_next_event(struct app *app, struct ui_event *ev);
/* The same, but after ms without a key the event is JK_IDLE (in a script
 * only where it says <Idle>). */
bool ui_next_event_idle(struct app *app, struct ui_event *ev, int ms);
void ui_event_free(struct ui_event *ev);
/* The next key for a prompt or the editor: a :dump is done on the way,
 * any other :command ends them (false; it runs next), as does the end of a
 * script. */
bool ui_next_key(struct app *app, int *key);
/* After the Esc of ui_next_key: whether b, d, f or Backspace came with it
 * at once, which is how a terminal sends Alt with that key (the editor's
 * Alt-B, Alt-D, Alt-F, Alt-Backspace); *key is then the lower-case letter
 * or JK_BACKSPACE, for JK_ALT.  Any other key that
 * came is read again next.  Never in a script (<M-b> is its Alt-b). */
bool ui_alt_key(struct app *app, int *key);
/* Whether no key will come again because the terminal is gone (reads fail)
 * or jmon was told to end (SIGHUP, SIGTERM, SIGINT): what the analyst typed
 * is then kept as a draft. */
bool ui_input_lost(void);
/* Read a line on the status row after label; false when cancelled (Esc,
 * Ctrl-C, Ctrl-G; with text typed only after ui_confirm_discard). */
bool ui_prompt(struct app *app, const char *label, char *buf, size_t size);
/* Ask "Wijzigingen weggooien? (j/n)" on the status line over what paint
 * draws (called for every key): true for j, false for n, Esc or Ctrl-C,
 * and when no key comes; other keys ask again. */
bool ui_confirm_discard(struct app *app, void (*paint)(struct app *app, void *ctx), void *ctx);
/* The same for any yes/no question (the question first, so a narrow
 * screen cuts what follows it, not the question). */
bool ui_ask(struct app *app, const char *question, void (*paint)(struct app *app, void *ctx),
	    void *ctx);
/* Whether a key is a character to insert into a prompt or the editor. */
bool ui_typed_char(int key);
/* Write the visible screen as text, trailing spaces trimmed; 0 or -1. */
int ui_dump_screen(const char *path);
/* Non-zero when the script had a malformed line (already reported). */
int ui_script_failed(void);

/* What the last JK_UNKNOWN key was, readable ("Esc [ 2 4 ~", "KEY_F(5)"). */
const char *ui_unknown_key(void);

#endif
