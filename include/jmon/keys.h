/* SPDX-License-Identifier: EUPL-1.2 */
/* The one key table: every action has a name (its :command), a help text
 * and the keys bound to it.  Curses-free, so the table and the script parser
 * are unit-tested without a terminal; ui.c maps curses key codes to the
 * JK_ codes below. */
#ifndef JMON_KEYS_H
#define JMON_KEYS_H

#include <stdbool.h>

/* Keys that are not characters; characters are their Unicode code point. */
enum {
	JK_NONE = 0,
	JK_BASE = 0x110000,	/* above every code point */
	JK_ENTER, JK_ESCAPE, JK_UP, JK_DOWN, JK_LEFT, JK_RIGHT,
	JK_PAGE_UP, JK_PAGE_DOWN, JK_HOME, JK_END, JK_TAB, JK_BACKTAB,
	JK_BACKSPACE, JK_DELETE, JK_RESIZE,
	JK_IDLE,	/* no key for a while: time to look for others' changes */
	JK_F1,
	JK_UNKNOWN,	/* a key or escape sequence jmon has no name for: one
			 * key, never its bytes one by one */
};
#define JK_CTRL(c) ((c) & 0x1f)
/* Alt with a key (a lower-case letter, JK_BACKSPACE), as a terminal sends
 * it: Esc and the key at once.  Above every code point and JK_ code. */
#define JK_ALT_FLAG 0x200000
#define JK_ALT(c) (JK_ALT_FLAG | (c))

/* name (the :command), help text (Dutch), section of the help screen */
#define JMON_ACTIONS(_) \
	_(NONE,          "",              "",                                  "") \
	_(DOWN,          "down",          "volgende regel",                    "Bewegen") \
	_(UP,            "up",            "vorige regel",                      "Bewegen") \
	_(PAGE_DOWN,     "page-down",     "pagina omlaag",                     "Bewegen") \
	_(PAGE_UP,       "page-up",       "pagina omhoog",                     "Bewegen") \
	_(FIRST,         "first",         "eerste regel",                      "Bewegen") \
	_(LAST,          "last",          "laatste regel",                     "Bewegen") \
	_(NEXT_CHAPTER,  "next-chapter",  "volgend hoofdstuk",                 "Bewegen") \
	_(PREV_CHAPTER,  "prev-chapter",  "vorig hoofdstuk",                   "Bewegen") \
	_(CHAPTER,       "chapter",       "hoofdstuk N (of :chapter ID)", "Bewegen") \
	_(PREV_PERIOD,   "prev-period",   "vorige periode",                    "Bewegen") \
	_(NEXT_PERIOD,   "next-period",   "volgende periode",                  "Bewegen") \
	_(ENTER,         "enter",         "uitsplitsen (dieper)",              "Bewegen") \
	_(BACK,          "back",          "terug",                             "Bewegen") \
	_(SEARCH,        "search",        "zoeken",                            "Zoeken") \
	_(SEARCH_NEXT,   "search-next",   "volgende treffer",                  "Zoeken") \
	_(SEARCH_PREV,   "search-prev",   "vorige treffer",                    "Zoeken") \
	_(NEXT_ATTENTION,"next-attention","volgende rood/oranje",              "Beoordelen") \
	_(PREV_ATTENTION,"prev-attention","vorige rood/oranje",                "Beoordelen") \
	_(REVIEW,        "review",        "beoordeeld aan/uit",                "Beoordelen") \
	_(FILTER,        "filter",        "filter: alle, signalen, open, gewijzigd", "Beoordelen") \
	_(SET,           "set",           "optie (:set next-after-review)",    "Beoordelen") \
	_(ANNOTATE,      "annotate",      "toelichting schrijven",             "Beoordelen") \
	_(OVERRIDE,      "override",      "status overschrijven (met reden)",  "Beoordelen") \
	_(COMPARE,       "compare",       "vergelijken (peers, regio, NL)",    "Weergaven") \
	_(BASELINE,      "baseline",      "verschil t.o.v. de nulmeting aan/uit", "Weergaven") \
	_(REVISIONS,     "revisions",     "leveringen en revisies",            "Weergaven") \
	_(BENCHMARK,     "benchmark",     "hoofdstuk naast peers, regio en NL", "Weergaven") \
	_(REGION,        "region",        "regio kiezen (:region CODE)",       "Weergaven") \
	_(PERIOD,        "period",        "periode kiezen (:period CODE)",     "Weergaven") \
	_(EXPORT,        "export",        "weergave exporteren (:export FILE)","Weergaven") \
	_(COLUMN_LEFT,   "column-left",   "kolom naar links (ook: indicator)", "Benchmark") \
	_(COLUMN_RIGHT,  "column-right",  "kolom naar rechts (ook: indicator)", "Benchmark") \
	_(REFERENCE,     "reference",     "referentiekolom (:reference CODE)", "Benchmark") \
	_(DIFFERENCES,   "differences",   "waarden of verschillen t.o.v. referentie", "Benchmark") \
	_(OVER_TIME,     "over-time",     "perioden naast elkaar (:over-time N)", "Benchmark") \
	_(CHART,         "chart",         "staafdiagram over de regio's",      "Benchmark") \
	_(PEERS,         "peers",         "vergelijkingsgroepen (:peers ID,ID)", "Benchmark") \
	_(HELP,          "help",          "deze hulp",                         "Overig") \
	_(PROMPT,        "prompt",        "opdrachtregel",                     "Overig") \
	_(REDRAW,        "redraw",        "scherm opnieuw tekenen",            "Overig") \
	_(DUMP,          "dump",          "scherm als tekst opslaan (:dump FILE)", "Overig") \
	_(RESIZE,        "resize",        "schermgrootte (:resize RIJENxKOLOMMEN)", "Overig") \
	_(CLOSE,         "close",         "weergave sluiten (bovenaan: afsluiten)", "Overig") \
	_(QUIT,          "quit",          "meteen afsluiten",                  "Overig")

enum action {
#define JMON_ACTION_ENUM(id, name, help, section) ACTION_##id,
	JMON_ACTIONS(JMON_ACTION_ENUM)
#undef JMON_ACTION_ENUM
	ACTION_COUNT
};

struct keybinding {
	int key;		/* JK_ code or code point */
	enum action action;
	const char *arg;	/* argument for the action, e.g. "1" for chapter 1 */
};

/* The bindings in help order. */
extern const struct keybinding key_table[];
extern const int key_table_size;

/* The key of a character as a terminal sends it: "\r" is JK_ENTER, 27
 * JK_ESCAPE, 127 JK_BACKSPACE ...; any other character is itself. */
int key_from_char(int ch);
/* The binding of a key, or NULL. */
const struct keybinding *key_lookup(int key);
const char *action_name(enum action a);
const char *action_help(enum action a);
const char *action_section(enum action a);
/* ACTION_NONE when the name is unknown. */
enum action action_by_name(const char *name);
/* The printable name of a key: "j", "Enter", "PgDn", "Ctrl-L", "Spatie". */
const char *key_label(int key, char *buf, int bufsize);
/* The keys bound to an action, e.g. "j ↓"; utf8 false gives ASCII arrows. */
const char *action_keys(enum action a, bool utf8, char *buf, int bufsize);

#endif
