/* SPDX-License-Identifier: EUPL-1.2 */
/* Scripted input for headless screen tests (JMON_SCRIPT=FILE): one key per
 * line — a character, or <Enter>, <Escape>, <Down>, <Up>, <Left>, <Right>,
 * <PageDown>, <PageUp>, <Home>, <End>, <Tab>, <BackTab>, <Backspace>,
 * <Space>, <C-x> — or a :command line.  Empty lines and lines starting with
 * '#' are ignored.  Curses-free. */
#ifndef JMON_SCRIPT_H
#define JMON_SCRIPT_H

#include <stdio.h>

struct script_event {
	int key;		/* JK_ code or code point; 0 for a command */
	char *command;		/* ":dump x.txt" without the colon, or NULL */
	long line;		/* line in the script, for messages */
	long column;		/* of a bad line's problem: 1 but for a NUL or a long line */
};

struct script {
	FILE *fp;
	const char *path;
	long line;
};

/* Longest line of a script (a :command with a long explanation). */
#define SCRIPT_LINE_MAX (1 << 20)

/* Returns 1 with an event, 0 at the end, -1 on a malformed line (msg set):
 * also a NUL byte in a line, or a line longer than SCRIPT_LINE_MAX. */
int script_next(struct script *s, struct script_event *ev, char *msg, int msgsize);
/* Parse one line (no newline); same return values. */
int script_parse_line(const char *line, struct script_event *ev, char *msg, int msgsize);
void script_event_free(struct script_event *ev);

#endif
