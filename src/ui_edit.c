/* SPDX-License-Identifier: EUPL-1.2 */
/* The explanation editor (a): multi-line UTF-8 text in a box over the
 * body.  Enter starts a new line, Ctrl-X (or Ctrl-D) saves, Esc or Ctrl-C
 * cancels, asking first when the text was changed.  Text wraps at the
 * box's width by display columns.  What the editor holds when the terminal
 * is lost is kept as a draft (include/jmon/draft.h) and comes back the next
 * time the figure is explained. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include <limits.h>

#include "jmon/draft.h"
#include "jmon/keys.h"
#include "jmon/period.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/ui.h"
#include "jmon/ui_input.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

struct editor {
	struct strbuf text;
	size_t cursor;		/* byte offset, always at a character start */
	int width;		/* columns of the text area */
	int top_line;		/* first visual line shown */
};

/* Byte length of the character at s (1 for an invalid byte). */
static size_t char_len(const char *s)
{
	mbstate_t st = { 0 };
	size_t n = mbrtowc(NULL, s, MB_CUR_MAX, &st);

	return n == (size_t)-1 || n == (size_t)-2 || n == 0 ? 1 : n;
}

static size_t prev_char(const char *s, size_t at)
{
	return at == 0 ? 0 : utf8_start(s, at - 1);
}

/* Walk the visual lines: call each(start, end) for every line; the cursor's
 * line and column come out through *crow, *ccol. */
static int layout(const struct editor *e, size_t *starts, int max, int *crow, int *ccol)
{
	const char *s = sb_str(&e->text);
	size_t i = 0, len = e->text.len;
	int line = 0, col = 0;

	if (max > 0)
		starts[0] = 0;
	*crow = *ccol = 0;
	while (1) {
		if (i == e->cursor) {
			*crow = line;
			*ccol = col;
		}
		if (i >= len)
			break;
		if (s[i] == '\n') {
			i++;
			line++;
			col = 0;
			if (line < max)
				starts[line] = i;
			continue;
		}
		size_t n = char_len(s + i);
		char one[8] = { 0 };
		memcpy(one, s + i, n < 7 ? n : 7);
		int w = text_width(one);
		if (col + w > e->width) {
			line++;
			col = 0;
			if (line < max)
				starts[line] = i;
		}
		col += w;
		i += n;
	}
	return line + 1;
}

/* The byte offset closest to column col on visual line `line`. */
static size_t offset_at(const struct editor *e, int line, int col)
{
	struct editor probe = *e;
	int r, c;
	size_t best = 0;

	for (size_t i = 0; i <= e->text.len; i = i < e->text.len ? i + char_len(sb_str(&e->text) + i) : i + 1) {
		probe.cursor = i;
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
		size_t to = l + 1 < total ? starts[l + 1] : e->text.len;
		char *line = xstrndup(sb_str(&e->text) + from, to - from);
		line[strcspn(line, "\n")] = '\0';
		ui_text(top + 1 + r, 1, e->width, STYLE_NORMAL, false, line);
		free(line);
	}
	ui_text(bottom, 0, -1, STYLE_DIM, false,
		" Ctrl-X: opslaan   Esc: annuleren   Enter: nieuwe regel");
	move(top + 1 + crow - e->top_line, 1 + ccol);
	free(starts);
}

static void insert(struct editor *e, const char *s, size_t n)
{
	struct strbuf out = STRBUF_INIT;

	sb_add(&out, sb_str(&e->text), e->cursor);
	sb_add(&out, s, n);
	sb_adds(&out, sb_str(&e->text) + e->cursor);
	sb_free(&e->text);
	e->text = out;
	e->cursor += n;
}

static void delete_range(struct editor *e, size_t from, size_t to)
{
	memmove(e->text.s + from, e->text.s + to, e->text.len - to + 1);
	e->text.len -= to - from;
}

static void vertical(struct editor *e, int delta)
{
	int crow, ccol, total = layout(e, NULL, 0, &crow, &ccol);

	if (crow + delta < 0 || crow + delta >= total)
		return;
	e->cursor = offset_at(e, crow + delta, ccol);
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
	struct editor e = { STRBUF_INIT, 0, 0, 0 };
	struct edit_screen es = { &e, title };
	enum edit_end end = EDIT_ENDED;
	int key;
	bool done = false;

	sb_adds(&e.text, start);
	e.cursor = e.text.len;
	curs_set(1);
	while (!done) {
		paint(app, &es);
		refresh();
		if (!ui_next_key(app, &key))
			break;
		const char *s = sb_str(&e.text);
		switch (key) {
		case JK_CTRL('x'): case JK_CTRL('d'): done = true; end = EDIT_SAVED; break;
		case JK_ESCAPE: case JK_CTRL('c'):
			if (!strcmp(s, stored) || ui_confirm_discard(app, paint, &es)) {
				done = true;
				end = EDIT_DISCARDED;
			}
			break;
		case JK_ENTER: insert(&e, "\n", 1); break;
		case JK_BACKSPACE:
			if (e.cursor) {
				size_t p = prev_char(s, e.cursor);
				delete_range(&e, p, e.cursor);
				e.cursor = p;
			}
			break;
		case JK_DELETE:
			if (e.cursor < e.text.len)
				delete_range(&e, e.cursor, e.cursor + char_len(s + e.cursor));
			break;
		case JK_LEFT: e.cursor = prev_char(s, e.cursor); break;
		case JK_RIGHT: if (e.cursor < e.text.len) e.cursor += char_len(s + e.cursor); break;
		case JK_UP: vertical(&e, -1); break;
		case JK_DOWN: vertical(&e, 1); break;
		case JK_HOME: while (e.cursor && s[e.cursor - 1] != '\n') e.cursor = prev_char(s, e.cursor); break;
		case JK_END: while (e.cursor < e.text.len && s[e.cursor] != '\n') e.cursor++; break;
		default:
			if (ui_typed_char(key)) {
				char mb[MB_LEN_MAX];
				mbstate_t st = { 0 };
				size_t n = wcrtomb(mb, (wchar_t)key, &st);
				if (n != (size_t)-1)
					insert(&e, mb, n);
			}
		}
	}
	curs_set(0);
	/* trailing blank lines say nothing */
	while (end == EDIT_SAVED && e.text.len &&
	       (e.text.s[e.text.len - 1] == '\n' || e.text.s[e.text.len - 1] == ' '))
		e.text.s[--e.text.len] = '\0';
	*out = sb_detach(&e.text);
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
