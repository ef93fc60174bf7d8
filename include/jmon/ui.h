/* SPDX-License-Identifier: EUPL-1.2 */
/* The browser's frame: views, drawing and input.  Only src/ui*.c include
 * <curses.h>; views draw through the calls below, so no curses type leaks
 * into this header. */
#ifndef JMON_UI_H
#define JMON_UI_H

#include <stdbool.h>

#include "jmon/app.h"
#include "jmon/benchmark.h"
#include "jmon/keys.h"

/* name, foreground, background, colour attributes, monochrome attributes.
 * Colours are curses colour numbers (-1 = the terminal's default); only the
 * stoplight has colours of its own, and colour 8 is never used (it is
 * invisible on many 8-colour terminals).  Meaning never rests on colour:
 * the stoplight always has a glyph and a word as well. */
#define UI_STYLES(_) \
	_(NORMAL,     -1, -1, 0,                       0) \
	_(TITLE,      -1, -1, UI_BOLD | UI_REVERSE,    UI_BOLD | UI_REVERSE) \
	_(TAB,        -1, -1, 0,                       0) \
	_(TAB_ACTIVE, -1, -1, UI_BOLD | UI_REVERSE,    UI_BOLD | UI_REVERSE) \
	_(HEADER,     -1, -1, UI_BOLD | UI_UNDERLINE,  UI_BOLD | UI_UNDERLINE) \
	_(CURSOR,     -1, -1, UI_REVERSE,              UI_REVERSE) \
	_(DIM,        -1, -1, UI_DIM,                  UI_DIM) \
	_(BOLD,       -1, -1, UI_BOLD,                 UI_BOLD) \
	_(GREEN,       0,  2, 0,                       0) \
	_(AMBER,       0,  3, UI_BOLD,                 UI_BOLD) \
	_(RED,         7,  1, UI_BOLD,                 UI_BOLD | UI_REVERSE) \
	_(GREY,       -1, -1, UI_DIM,                  UI_DIM) \
	_(CRUMB,      -1, -1, UI_BOLD,                 UI_BOLD) \
	_(STATUS,     -1, -1, 0,                       0) \
	_(ERROR,      -1, -1, UI_BOLD | UI_REVERSE,    UI_BOLD | UI_REVERSE)

#define UI_BOLD      1
#define UI_REVERSE   2
#define UI_UNDERLINE 4
#define UI_DIM       8

enum ui_style {
#define UI_STYLE_ENUM(name, fg, bg, attr, mono) STYLE_##name,
	UI_STYLES(UI_STYLE_ENUM)
#undef UI_STYLE_ENUM
	STYLE_COUNT
};

struct view;

/* A view is a table of operations, as in tig.  The frame draws the header
 * (row 0), the chapter tabs (row 1), the breadcrumb and the status line;
 * the view draws rows [ui_body_top(), ui_body_bottom()]. */
struct view_ops {
	const char *name;
	/* Load what the view shows (the only place a view reads the database):
	 * when it opens, after every reload of the data or the period, when
	 * the chapter or the screen's size changes.  lines and draw only read
	 * what it loaded, as tig keeps reading a view apart from drawing it. */
	void (*reload)(struct view *v, struct app *app);
	/* Number of selectable lines (for j/k, PgDn, g/G), or 0. */
	int (*lines)(struct view *v, struct app *app);
	void (*draw)(struct view *v, struct app *app);
	/* Handle an action; false lets the frame's global action run. */
	bool (*action)(struct view *v, struct app *app, enum action a, const char *arg);
	/* The breadcrumb part of this view ("Wachttijden", "Aanmeldwachttijd"). */
	const char *(*crumb)(struct view *v, struct app *app);
	void (*close)(struct view *v);
	/* The actions this view handles itself (ending in ACTION_NONE), so the
	 * help screen lists only keys that do something. */
	const enum action *handles;
	/* The figure under the cursor (indicator, and category when the view
	 * shows categories), for the actions that work on "this indicator":
	 * review, annotate, override, compare, revisions.  NULL: none. */
	const struct figure *(*selected)(struct view *v, struct app *app);
	/* Size of the view's state for views opened on an indicator; the state
	 * starts with a struct indicator_ref (include/jmon/ui_actions.h). */
	size_t state_size;
	/* A key before the key table has it (a picker's filter typed as is);
	 * true when the view took it.  NULL: the key table only. */
	bool (*key)(struct view *v, struct app *app, int key);
	/* The key hints of the bottom line for this view; NULL: the frame's. */
	const char *(*hints)(struct view *v, struct app *app);
};

struct view {
	const struct view_ops *ops;
	struct view *parent;	/* Esc goes back to it */
	int cursor;		/* selected line */
	int offset;		/* first line on screen */
	void *data;		/* the view's own state */
	struct {		/* what the last reload was for */
		bool done;
		unsigned generation;
		size_t chapter;
		int rows, cols;
	} loaded;
};


/* Draw the whole screen: the frame (src/ui_frame.c) and the view, or
 * "terminal te klein" below the minimum size. */
void ui_draw(struct app *app);
/* Whether the screen is below the minimum and shows "terminal te klein":
 * keys are then ignored (src/ui_input.c), as what they would do is not
 * seen. */
bool ui_too_small(void);

/* Run the browser until the user quits (or the script ends). */
int ui_run(struct app *app, const char *color_option);

/* Drawing, for views. */
int ui_cols(void);
int ui_body_top(void);
int ui_body_bottom(void);
/* Text at (row, col) cut to width display columns (-1: to the end of the
 * line) and padded with spaces; right-aligned when align_right. */
void ui_text(int row, int col, int width, enum ui_style st, bool align_right,
	     const char *text);
/* A number right-aligned in width columns, with at least one space before
 * it; one that does not fit shows as "…", never cut (a cut number reads
 * as another number). */
void ui_number(int row, int col, int width, enum ui_style st, const char *text);
/* The same for a formatted text, of any length. */
void ui_textf(int row, int col, int width, enum ui_style st, bool align_right,
	      const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void ui_clear_row(int row);

/* Keep a list view's cursor within its n lines and on the height rows
 * shown, after a reload, a period or region change or a resize; the rows
 * fill the screen when they can. */
void ui_scroll(struct view *v, int n, int height);
/* A view that scrolls as a pager (help, compare, revisions): the cursor is
 * the first of n lines shown, and the last screen is full. */
void ui_pager(struct view *v, int n, int height);

/* The status line. */
void ui_message(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* True when some view or the frame implements the action. */
bool ui_action_available(enum action a);
/* Whether view v handles action a itself (its ops->handles). */
bool ui_view_handles(const struct view *v, enum action a);

/* Views. */
void ui_push(struct app *app, struct view *v);
/* Reload the current view when what it shows changed (ops->reload). */
void ui_sync(struct app *app);
void ui_pop(struct app *app);
struct view *view_new(const struct view_ops *ops, void *data);
/* Close the views above the nearest one of these ops, so that a second ?
 * or w goes back to the help or region picker already open instead of
 * stacking another; false when none is open. */
bool ui_raise(struct app *app, const struct view_ops *ops);

/* The status cell of a figure: "■ rood" (or "# rood"), in its style. */
void ui_status_cell(int row, int col, int width, const struct app *app,
		    const struct figure *f);
/* The markers of a row, 4 columns: "✓" reviewed ("↻" reviewed for another
 * value: outdated), "✎" explained, "!" status set by hand, "*" revised by
 * the newest delivery (a total: or one of its categories). */
void ui_markers(int row, int col, int width, const struct app *app, const struct figure *f,
		bool selected);
enum ui_style ui_stoplight_style(enum stoplight_status s);

/* Prompt on the status line; false when cancelled (src/ui_input.c). */
bool ui_prompt(struct app *app, const char *label, char *buf, size_t size);

/* The chapter view is the root of every view stack. */
struct view *ui_root(struct app *app);
void chapter_select(struct view *v, struct app *app, size_t chapter, size_t row);

/* Multi-line editor for an explanation (src/ui_edit.c): *text is the
 * starting text and receives the result (caller frees); false: cancelled. */
bool ui_edit(struct app *app, const char *title, char **text);
/* The same for the explanation of the figure key (field: its text field,
 * NULL for a monitor's only one), *text the stored one.  It opens on the
 * figure's draft when there is one, and says so.  The text
 * becomes the draft when the terminal is lost, and when it is saved, until
 * the caller has it in the database (ui_edit_forget_draft); thrown away,
 * the draft goes too. */
bool ui_edit_explanation(struct app *app, const char *title, const struct cell_key *key,
			 const char *field, char **text);
/* The explanation of key is in the database: its draft is done with. */
void ui_edit_forget_draft(const struct cell_key *key, const char *field);

extern const struct view_ops chapter_view_ops;
extern const struct view_ops indicator_view_ops;
extern const struct view_ops series_view_ops;
extern const struct view_ops compare_view_ops;
extern const struct view_ops revisions_view_ops;
extern const struct view_ops regions_view_ops;
extern const struct view_ops periods_view_ops;
extern const struct view_ops help_view_ops;
extern const struct view_ops benchmark_view_ops;
extern const struct view_ops chart_view_ops;

/* The benchmark view of the current chapter (src/view_benchmark.c), and
 * the bar chart of one of its rows (src/view_chart.c) with its settings. */
struct view *view_benchmark_new(struct app *app);
struct view *view_chart_new(const struct indicator *ind, const struct category *cat,
			    const struct benchmark_settings *set);
/* The comparison the settings ask for, of the app's region and period:
 * the current chapter, or one indicator (ind not NULL); lazy: the other
 * regions' figures when shown (benchmark_show). */
enum jmon_status view_benchmark_load(struct app *app, const struct benchmark_settings *set,
				     const struct indicator *ind, bool lazy, struct benchmark *b,
				     struct jmon_error *err);

#endif
