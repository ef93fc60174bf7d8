/* SPDX-License-Identifier: EUPL-1.2 */
/* The key script of the headless test mode; see include/jmon/script.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <wchar.h>

#include "jmon/keys.h"
#include "jmon/script.h"
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
		snprintf(msg, msgsize, "unknown key name '%s'", line);
		return -1;
	}
	/* One character, which may be several bytes of UTF-8. */
	wchar_t wc;
	mbstate_t st = { 0 };
	size_t n = mbrtowc(&wc, line, len, &st);
	if (len == 0 || n == (size_t)-1 || n == (size_t)-2 || n != len) {
		snprintf(msg, msgsize, "expected one key per line, not '%s'", line);
		return -1;
	}
	ev->key = key_from_char((int)wc);	/* a tab or DEL as a terminal sends it */
	return 1;
}

int script_next(struct script *s, struct script_event *ev, char *msg, int msgsize)
{
	char *buf = NULL;
	size_t cap = 0;
	ssize_t got;
	int r = 0;

	/* getline: a :command line (an explanation typed in) has no length limit */
	while ((got = getline(&buf, &cap, s->fp)) >= 0) {
		size_t len = (size_t)got;

		s->line++;
		while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		if (len == 0 || buf[0] == '#')
			continue;
		r = script_parse_line(buf, ev, msg, msgsize);
		ev->line = s->line;
		break;
	}
	free(buf);
	return r;
}

void script_event_free(struct script_event *ev)
{
	free(ev->command);
	ev->command = NULL;
}
