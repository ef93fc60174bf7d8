/* SPDX-License-Identifier: EUPL-1.2 */
/* The key script of the headless test mode; see include/jmon/script.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "jmon/keys.h"
#include "jmon/script.h"
#include "jmon/text.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

static const struct {
	const char *name;
	int key;
} named_keys[] = {
	{ "Enter", JK_ENTER }, { "Escape", JK_ESCAPE }, { "Esc", JK_ESCAPE },
	{ "Down", JK_DOWN }, { "Up", JK_UP }, { "Left", JK_LEFT }, { "Right", JK_RIGHT },
	{ "PageDown", JK_PAGE_DOWN }, { "PageUp", JK_PAGE_UP },
	{ "Home", JK_HOME }, { "End", JK_END }, { "Tab", JK_TAB },
	{ "BackTab", JK_BACKTAB }, { "Backspace", JK_BACKSPACE },
	{ "Delete", JK_DELETE }, { "Space", ' ' }, { "F1", JK_F1 },
	{ "Idle", JK_IDLE },	/* the analyst pauses: the browser looks for news */
};

int script_parse_line(const char *line, struct script_event *ev, char *msg, int msgsize)
{
	size_t len = strlen(line);

	memset(ev, 0, sizeof *ev);
	if (line[0] == ':' && len > 1) {
		ev->command = xstrdup(line + 1);
		return 1;
	}
	if (line[0] == '<' && len > 2 && line[len - 1] == '>') {
		for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
			if (strlen(named_keys[i].name) == len - 2 &&
			    !strncmp(line + 1, named_keys[i].name, len - 2)) {
				ev->key = named_keys[i].key;
				return 1;
			}
		if (len == 5 && !strncmp(line, "<C-", 3)) {
			ev->key = key_from_char(JK_CTRL(line[3]));
			return 1;
		}
		/* <M-b>: Alt-B, as a terminal sends it (Esc and b at once);
		 * <M-Backspace> */
		if (len == 5 && !strncmp(line, "<M-", 3) && line[3] >= 'a' && line[3] <= 'z') {
			ev->key = JK_ALT(line[3]);
			return 1;
		}
		if (!strcmp(line, "<M-Backspace>")) {
			ev->key = JK_ALT(JK_BACKSPACE);
			return 1;
		}
		char shown[64];

		snprintf(msg, msgsize, "unknown key name '%s'",
			 text_printable(shown, sizeof shown, line));
		return -1;
	}
	/* One character, which may be several bytes of UTF-8. */
	wchar_t wc;
	mbstate_t st = { 0 };
	size_t n = mbrtowc(&wc, line, len, &st);
	if (len == 0 || n == (size_t)-1 || n == (size_t)-2 || n != len) {
		char shown[64];

		/* quoted on a terminal: never a control or a stray byte raw */
		snprintf(msg, msgsize, "expected one key per line, not '%s'",
			 text_printable(shown, sizeof shown, line));
		return -1;
	}
	ev->key = key_from_char((int)wc);	/* a tab or DEL as a terminal sends it */
	return 1;
}

/* The next line into *buf (without its line end), SCRIPT_LINE_MAX bytes at
 * most; its length, or -1 at the end, -2 when it is longer. */
static long next_line(FILE *fp, char **buf, size_t *cap)
{
	size_t len = 0;
	int ch;

	while ((ch = getc(fp)) != EOF && ch != '\n') {
		if (len == SCRIPT_LINE_MAX)
			return -2;
		if (len + 1 >= *cap)
			*buf = xrealloc(*buf, *cap = *cap ? *cap * 2 : 256);
		(*buf)[len++] = (char)ch;
	}
	if (ch == EOF && len == 0)
		return -1;
	if (len + 1 >= *cap)
		*buf = xrealloc(*buf, *cap = *cap + 1);
	(*buf)[len] = '\0';
	return (long)len;
}

int script_next(struct script *s, struct script_event *ev, char *msg, int msgsize)
{
	char *buf = NULL;
	size_t cap = 0;
	long got;
	int r = 0;

	/* a :command line (an explanation typed in) may be long, but not
	 * endless: a script of /dev/zero is an error, not all the memory */
	while ((got = next_line(s->fp, &buf, &cap)) >= 0 || got == -2) {
		size_t len = (size_t)got;

		s->line++;
		ev->column = 1;
		if (got == -2) {
			snprintf(msg, msgsize, "a line longer than %d bytes", SCRIPT_LINE_MAX);
			ev->column = (long)utf8_length(buf, SCRIPT_LINE_MAX) + 1;
			r = -1;
			break;
		}
		/* a NUL would cut the line short without a word */
		const char *nul = memchr(buf, '\0', len);
		if (nul) {
			snprintf(msg, msgsize, "NUL byte in the line");
			ev->column = (long)utf8_length(buf, (size_t)(nul - buf)) + 1;
			r = -1;
			break;
		}
		while (len && buf[len - 1] == '\r')
			buf[--len] = '\0';
		if (len == 0 || buf[0] == '#')
			continue;
		r = script_parse_line(buf, ev, msg, msgsize);
		ev->line = s->line;
		break;
	}
	ev->line = s->line;
	if (ev->column < 1)	/* the key on the line is the problem */
		ev->column = 1;
	free(buf);
	return r;
}

void script_event_free(struct script_event *ev)
{
	free(ev->command);
	ev->command = NULL;
}
