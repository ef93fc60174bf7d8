/* SPDX-License-Identifier: EUPL-1.2 */
/* The key table; see include/jmon/keys.h.  One table, so the help screen,
 * the :command line and the dispatcher can never disagree. */
#include <stdio.h>
#include <string.h>

#include "jmon/keys.h"

const struct keybinding key_table[] = {
	{ 'j',           ACTION_DOWN,           NULL },
	{ JK_DOWN,       ACTION_DOWN,           NULL },
	{ 'k',           ACTION_UP,             NULL },
	{ JK_UP,         ACTION_UP,             NULL },
	{ JK_PAGE_DOWN,  ACTION_PAGE_DOWN,      NULL },
	{ JK_CTRL('f'),  ACTION_PAGE_DOWN,      NULL },
	{ JK_PAGE_UP,    ACTION_PAGE_UP,        NULL },
	{ JK_CTRL('b'),  ACTION_PAGE_UP,        NULL },
	{ 'g',           ACTION_FIRST,          NULL },
	{ JK_HOME,       ACTION_FIRST,          NULL },
	{ 'G',           ACTION_LAST,           NULL },
	{ JK_END,        ACTION_LAST,           NULL },
	{ JK_TAB,        ACTION_NEXT_CHAPTER,   NULL },
	{ JK_BACKTAB,    ACTION_PREV_CHAPTER,   NULL },
	{ '1',           ACTION_CHAPTER,        "1" },
	{ '2',           ACTION_CHAPTER,        "2" },
	{ '3',           ACTION_CHAPTER,        "3" },
	{ '4',           ACTION_CHAPTER,        "4" },
	{ '5',           ACTION_CHAPTER,        "5" },
	{ '6',           ACTION_CHAPTER,        "6" },
	{ '7',           ACTION_CHAPTER,        "7" },
	{ '8',           ACTION_CHAPTER,        "8" },
	{ '9',           ACTION_CHAPTER,        "9" },
	{ '[',           ACTION_PREV_PERIOD,    NULL },
	{ ']',           ACTION_NEXT_PERIOD,    NULL },
	{ JK_ENTER,      ACTION_ENTER,          NULL },
	{ 'l',           ACTION_ENTER,          NULL },
	{ JK_RIGHT,      ACTION_ENTER,          NULL },
	{ JK_ESCAPE,     ACTION_BACK,           NULL },
	{ JK_BACKSPACE,  ACTION_BACK,           NULL },
	{ 'h',           ACTION_BACK,           NULL },
	{ JK_LEFT,       ACTION_BACK,           NULL },
	{ '/',           ACTION_SEARCH,         NULL },
	{ 'n',           ACTION_SEARCH_NEXT,    NULL },
	{ 'N',           ACTION_SEARCH_PREV,    NULL },
	{ 'r',           ACTION_NEXT_ATTENTION, NULL },
	{ 'R',           ACTION_PREV_ATTENTION, NULL },
	{ ' ',           ACTION_REVIEW,         NULL },
	{ 'f',           ACTION_FILTER,         NULL },
	{ 'a',           ACTION_ANNOTATE,       NULL },
	{ 'o',           ACTION_OVERRIDE,       NULL },
	{ 'c',           ACTION_COMPARE,        NULL },
	{ 'v',           ACTION_REVISIONS,      NULL },
	{ 'w',           ACTION_REGION,         NULL },
	{ 'p',           ACTION_PERIOD,         NULL },
	{ 'e',           ACTION_EXPORT,         NULL },
	{ '?',           ACTION_HELP,           NULL },
	{ JK_F1,         ACTION_HELP,           NULL },
	{ ':',           ACTION_PROMPT,         NULL },
	{ JK_CTRL('l'),  ACTION_REDRAW,         NULL },
	{ 'q',           ACTION_CLOSE,          NULL },
	{ 'Q',           ACTION_QUIT,           NULL },
};
const int key_table_size = sizeof key_table / sizeof key_table[0];

static const struct {
	const char *name, *help, *section;
} actions[] = {
#define JMON_ACTION_ROW(id, name, help, section) { name, help, section },
	JMON_ACTIONS(JMON_ACTION_ROW)
#undef JMON_ACTION_ROW
};

/* The control characters a terminal sends for named keys: Enter is ^M
 * (or ^J), Esc ^[, Tab ^I, Backspace ^? or ^H.  A script's "<C-[>" is Esc,
 * as it is on a terminal. */
static const struct {
	int ch, key;
} control_keys[] = {
	{ '\r', JK_ENTER }, { '\n', JK_ENTER }, { 27, JK_ESCAPE }, { '\t', JK_TAB },
	{ 127, JK_BACKSPACE }, { 8, JK_BACKSPACE },
};

int key_from_char(int ch)
{
	for (size_t i = 0; i < sizeof control_keys / sizeof *control_keys; i++)
		if (control_keys[i].ch == ch)
			return control_keys[i].key;
	return ch;
}

const struct keybinding *key_lookup(int key)
{
	for (int i = 0; i < key_table_size; i++)
		if (key_table[i].key == key)
			return &key_table[i];
	return NULL;
}

const char *action_name(enum action a)    { return actions[a].name; }
const char *action_help(enum action a)    { return actions[a].help; }
const char *action_section(enum action a) { return actions[a].section; }

enum action action_by_name(const char *name)
{
	for (int a = 1; a < ACTION_COUNT; a++)
		if (!strcmp(actions[a].name, name))
			return (enum action)a;
	return ACTION_NONE;
}

static const struct {
	int key;
	const char *name, *ascii;
} special_keys[] = {
	{ JK_ENTER,     "Enter",  "Enter" },
	{ JK_ESCAPE,    "Esc",    "Esc" },
	{ JK_UP,        "↑",      "Up" },
	{ JK_DOWN,      "↓",      "Down" },
	{ JK_LEFT,      "←",      "Left" },
	{ JK_RIGHT,     "→",      "Right" },
	{ JK_PAGE_UP,   "PgUp",   "PgUp" },
	{ JK_PAGE_DOWN, "PgDn",   "PgDn" },
	{ JK_HOME,      "Home",   "Home" },
	{ JK_END,       "End",    "End" },
	{ JK_TAB,       "Tab",    "Tab" },
	{ JK_BACKTAB,   "S-Tab",  "S-Tab" },
	{ JK_BACKSPACE, "Bksp",   "Bksp" },
	{ JK_DELETE,    "Del",    "Del" },
	{ JK_F1,        "F1",     "F1" },
	{ JK_UNKNOWN,   "onbekende toets", "onbekende toets" },
	{ ' ',          "Spatie", "Spatie" },
};

static const char *key_name_ex(int key, bool utf8, char *buf, int bufsize)
{
	if (key & JK_ALT_FLAG) {	/* "Alt-b" */
		char one[16];

		snprintf(buf, bufsize, "Alt-%s", key_name_ex(key & ~JK_ALT_FLAG, utf8, one, sizeof one));
		return buf;
	}
	for (size_t i = 0; i < sizeof special_keys / sizeof *special_keys; i++)
		if (special_keys[i].key == key)
			return utf8 ? special_keys[i].name : special_keys[i].ascii;
	if (key > 0 && key < 0x20)
		snprintf(buf, bufsize, "Ctrl-%c", key + '@');
	else if (key < 0x80)
		snprintf(buf, bufsize, "%c", key);
	else
		snprintf(buf, bufsize, "U+%04X", key);
	return buf;
}

const char *key_label(int key, char *buf, int bufsize)
{
	return key_name_ex(key, true, buf, bufsize);
}

const char *action_keys(enum action a, bool utf8, char *buf, int bufsize)
{
	int len = 0;

	buf[0] = '\0';
	for (int i = 0; i < key_table_size && len < bufsize - 1; i++) {
		char one[16];
		int key = key_table[i].key, last = key;

		if (key_table[i].action != a)
			continue;
		/* a run of digits reads as a range: "1-9" */
		while (key >= '0' && key <= '9' && i + 1 < key_table_size &&
		       key_table[i + 1].action == a && key_table[i + 1].key == last + 1)
			last = key_table[++i].key;
		len += snprintf(buf + len, bufsize - len, "%s%s", len ? " " : "",
				key_name_ex(key, utf8, one, sizeof one));
		if (last != key && len < bufsize - 1)
			len += snprintf(buf + len, bufsize - len, "-%c", last);
	}
	return buf;
}
