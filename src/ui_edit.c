/* SPDX-License-Identifier: EUPL-1.2 */
/* The explanation editor (a): multi-line UTF-8 text in a box over the
 * body.  Enter starts a new line, Ctrl-X (or Ctrl-D) saves, Esc or Ctrl-C
 * cancels, asking first when the text was changed.  Text wraps at the
 * box's width at word boundaries; the keys of a line editor move and cut
 * (Ctrl-A/E/W/U/K, Alt-B/F/D, Ctrl-Y pastes what was cut: the text itself
 * is src/edit_text.c).  What the editor holds when the terminal
 * is lost is kept as a draft (include/jmon/draft.h) and comes back the next
 * time the figure is explained. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include <limits.h>

#include "jmon/draft.h"
#include "jmon/edit_text.h"
#include "jmon/keys.h"
#include "jmon/period.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_input.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

struct editor {
	struct edit_buffer b;
	int width;		/* columns of the text area */
	int top_line;		/* first visual line shown */
};

static int layout(const struct editor *e, size_t *starts, int max, int *crow, int *ccol)
{
	return edit_layout(&e->b, e->width, starts, max, crow, ccol);
}

/* The byte offset closest to column col on visual line `line`. */
static size_t offset_at(const struct editor *e, int line, int col)
{
	struct editor probe = *e;
	const char *s = sb_str(&e->b.text);
	size_t len = e->b.text.len, best = 0;
	int r, c;

	for (size_t i = 0; i <= len; i = i < len ? (size_t)(utf8_skip(s + i, s + len) - s) : i + 1) {
		probe.b.cursor = i;
		layout(&probe, NULL, 0, &r, &c);
		if (r == line && c <= col)
			best = i;
		if (r > line)
			break;
		if (r < line)
			best = i;
	}
	return best;
}

static void draw(struct editor *e, const char *title, int top, int bottom)
{
	int height = bottom - top - 1;	/* title row and help row */
	int total, crow, ccol;
	size_t *starts;

	total = layout(e, NULL, 0, &crow, &ccol);
	starts = xcalloc((size_t)total + 1, sizeof *starts);
	layout(e, starts, total, &crow, &ccol);
	if (crow < e->top_line)
		e->top_line = crow;
	if (crow >= e->top_line + height)
		e->top_line = crow - height + 1;
	for (int r = top; r <= bottom; r++)
		ui_text(r, 0, -1, STYLE_NORMAL, false, "");
	ui_text(top, 0, -1, STYLE_HEADER, false, title);
	for (int r = 0; r < height && e->top_line + r < total; r++) {
		int l = e->top_line + r;
		size_t from = starts[l];
		size_t to = l + 1 < total ? starts[l + 1] : e->b.text.len;
		char *line = xstrndup(sb_str(&e->b.text) + from, to - from);
		size_t n = strcspn(line, "\n");

		while (n && line[n - 1] == ' ')	/* hanging spaces: not a cut line */
			n--;
		line[n] = '\0';
		ui_text(top + 1 + r, 1, e->width, STYLE_NORMAL, false, line);
		free(line);
	}
	ui_text(bottom, 0, -1, STYLE_DIM, false,
		" Ctrl-X: opslaan   Esc: annuleren   Enter: nieuwe regel");
	move(top + 1 + crow - e->top_line, 1 + ccol);
	free(starts);
}

static void vertical(struct editor *e, int delta)
{
	int crow, ccol, total = layout(e, NULL, 0, &crow, &ccol);

	if (crow + delta < 0 || crow + delta >= total)
		return;
	e->b.cursor = offset_at(e, crow + delta, ccol);
}

/* Every key but saving and cancelling: moves, cuts and typing, as in
 * readline (jmon(1), The editor and the prompts). */
static void edit_key(struct editor *e, int key)
{
	struct edit_buffer *b = &e->b;
	const char *s = sb_str(&b->text);
	size_t at = b->cursor, len = b->text.len;

	switch (key) {
	case JK_ENTER: edit_insert(b, "\n", 1); break;
	case JK_BACKSPACE: edit_delete(b, at ? utf8_start(s, at - 1) : 0, at); break;
	case JK_DELETE:
		if (at < len)
			edit_delete(b, at, (size_t)(utf8_skip(s + at, s + len) - s));
		break;
	case JK_LEFT: b->cursor = at ? utf8_start(s, at - 1) : 0; break;
	case JK_RIGHT: if (at < len) b->cursor = (size_t)(utf8_skip(s + at, s + len) - s); break;
	case JK_UP: vertical(e, -1); break;
	case JK_DOWN: vertical(e, 1); break;
	case JK_HOME: case JK_CTRL('a'): b->cursor = edit_line_start(b); break;
	case JK_END: case JK_CTRL('e'): b->cursor = edit_line_end(b); break;
	case JK_ALT('b'): b->cursor = edit_word_back(b); break;
	case JK_ALT('f'): b->cursor = edit_word_forward(b); break;
	case JK_CTRL('w'): case JK_ALT(JK_BACKSPACE): edit_cut_word_back(b); break;
	case JK_CTRL('u'): edit_cut_line_back(b); break;
	case JK_CTRL('k'): edit_cut_line_forward(b); break;
	case JK_ALT('d'): edit_cut_word_forward(b); break;
	case JK_CTRL('y'): edit_paste(b); break;
	default:
		if (ui_typed_char(key)) {
			char mb[MB_LEN_MAX];
			mbstate_t st = { 0 };
			size_t n = wcrtomb(mb, (wchar_t)key, &st);

			if (n != (size_t)-1)
				edit_insert(b, mb, n);
		}
		return;
	}
	if (key != JK_CTRL('w') && key != JK_CTRL('u') && key != JK_CTRL('k') &&
	    key != JK_ALT('d') && key != JK_ALT(JK_BACKSPACE))
		b->cutting = false;	/* a move ends a run of cuts */
}

enum edit_end {
	EDIT_SAVED,		/* Ctrl-X */
	EDIT_DISCARDED,		/* Esc or Ctrl-C: unchanged, or the analyst said j */
	EDIT_ENDED,		/* no more keys: a script's command or end, a lost terminal */
};

struct edit_screen {
	struct editor *e;
	const char *title;
};

/* The frame, and the editor over its body: drawn again for every key, so
 * after a resize the whole screen is right, and below the minimum size
 * only "terminal te klein" shows. */
static void paint(struct app *app, void *ctx)
{
	struct edit_screen *es = ctx;

	ui_sync(app);
	ui_draw(app);
	if (ui_too_small())
		return;
	es->e->width = ui_cols() - 2;
	draw(es->e, es->title, ui_body_top(), ui_body_bottom() + 1);
}

/* The editor on start; *out is the text at the end (caller frees), without the
 * trailing blank lines when saved.  Esc and Ctrl-C close at once when the
 * text is still stored, and ask first when it is not. */
static enum edit_end edit(struct app *app, const char *title, const char *start,
			  const char *stored, char **out)
{
	struct editor e = { { STRBUF_INIT, 0, STRBUF_INIT, false }, 0, 0 };
	struct edit_screen es = { &e, title };
	enum edit_end end = EDIT_ENDED;
	int key, alt;
	bool done = false;

	sb_adds(&e.b.text, start);
	e.b.cursor = e.b.text.len;
	curs_set(1);
	while (!done) {
		paint(app, &es);
		refresh();
		if (!ui_next_key(app, &key))
			break;
		if (key == JK_ESCAPE && ui_alt_key(app, &alt))
			key = JK_ALT(alt);	/* Esc and a letter at once: Alt */
		if (key == JK_ESCAPE || key == JK_CTRL('c')) {
			if (!strcmp(sb_str(&e.b.text), stored) || ui_confirm_discard(app, paint, &es)) {
				done = true;
				end = EDIT_DISCARDED;
			}
		} else if (key == JK_CTRL('x') || key == JK_CTRL('d')) {
			done = true;
			end = EDIT_SAVED;
		} else {
			edit_key(&e, key);
		}
	}
	curs_set(0);
	/* trailing blank lines say nothing */
	while (end == EDIT_SAVED && e.b.text.len &&
	       (e.b.text.s[e.b.text.len - 1] == '\n' || e.b.text.s[e.b.text.len - 1] == ' '))
		e.b.text.s[--e.b.text.len] = '\0';
	*out = sb_detach(&e.b.text);
	edit_free(&e.b);
	return end;
}

bool ui_edit(struct app *app, const char *title, char **text)
{
	char *out;

	if (edit(app, title, *text, *text, &out) != EDIT_SAVED) {
		free(out);
		return false;
	}
	free(*text);
	*text = out;
	return true;
}

/* "concept van 20 november 2026 14:05 hersteld" */
static void say_restored(struct app *app, time_t written)
{
	struct tm tm;

	if (!localtime_r(&written, &tm)) {
		ui_message(app, "concept hersteld");
		return;
	}
	ui_message(app, "concept van %d %s %d %02d:%02d hersteld", tm.tm_mday,
		   period_month_name(tm.tm_mon + 1), tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

bool ui_edit_explanation(struct app *app, const char *title, const struct cell_key *key,
			 char **text)
{
	char *path = draft_path(key), *draft = NULL, *out;
	const char *start = *text;
	bool saved = false;
	time_t written;

	if (path && draft_load(path, &draft, &written)) {
		if (strcmp(draft, *text)) {
			start = draft;
			say_restored(app, written);
		} else {
			draft_remove(path);	/* stored since: nothing to restore */
		}
	}
	switch (edit(app, title, start, *text, &out)) {
	case EDIT_SAVED:
		/* on disk until the database has it (ui_edit_forget_draft): a
		 * write that fails loses nothing either */
		if (path && strcmp(out, *text))
			draft_save(path, out, NULL);
		free(*text);
		*text = out;
		saved = true;
		break;
	case EDIT_DISCARDED:
		draft_remove(path);
		free(out);
		break;
	case EDIT_ENDED:
		/* a script's end or command is the test's, not the analyst's:
		 * only a lost terminal or a signal keeps the text */
		if (path && ui_input_lost() && strcmp(out, *text))
			draft_save(path, out, NULL);
		free(out);
		break;
	}
	free(draft);
	free(path);
	return saved;
}

void ui_edit_forget_draft(const struct cell_key *key)
{
	char *path = draft_path(key);

	draft_remove(path);
	free(path);
}
