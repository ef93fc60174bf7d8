/* SPDX-License-Identifier: EUPL-1.2 */
/* The text of the explanation editor (src/ui_edit.c) without curses: the
 * lines it wraps into, and the moves and cuts of a line editor, as in
 * readline.  A cut keeps what it took, so Ctrl-Y brings it back: no key
 * of the editor loses text for good.
 *
 * Offsets are bytes of UTF-8, always at the start of a character. */
#ifndef JMON_EDIT_TEXT_H
#define JMON_EDIT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/strbuf.h"

struct edit_buffer {
	struct strbuf text;
	size_t cursor;
	struct strbuf cut;	/* what the last cuts took, for edit_paste */
	bool cutting;		/* the last change was a cut: the next adds to it */
};

void edit_free(struct edit_buffer *b);

/* The text wrapped into lines of width columns: at a space, and inside a
 * word only when the word alone is wider than a line; spaces at the end of
 * a line hang there (the cursor after them stays at the last column).
 * starts[i] (for i < max) is the offset where line i begins; *crow and
 * *ccol the cursor's line and column.  Returns the number of lines. */
int edit_layout(const struct edit_buffer *b, int width, size_t *starts, int max, int *crow,
		int *ccol);

/* Moves: the start and end of the cursor's line (Ctrl-A, Ctrl-E), back
 * to the start of this or the previous word and on to the end of the next
 * (Alt-B, Alt-F; a word is letters and digits, as in readline). */
size_t edit_line_start(const struct edit_buffer *b);
size_t edit_line_end(const struct edit_buffer *b);
size_t edit_word_back(const struct edit_buffer *b);
size_t edit_word_forward(const struct edit_buffer *b);

void edit_insert(struct edit_buffer *b, const char *s, size_t n);
/* Remove [from, to) without keeping it (Backspace, Delete). */
void edit_delete(struct edit_buffer *b, size_t from, size_t to);
/* Cut [from, to) around the cursor, keeping it for edit_paste: Ctrl-W
 * (edit_cut_word_back), Ctrl-U, Ctrl-K (at the end of a line: the line
 * break), Alt-D.  Cuts one after another make one piece, in text order. */
void edit_cut(struct edit_buffer *b, size_t from, size_t to);
void edit_cut_word_back(struct edit_buffer *b);	/* to the space before the word */
void edit_cut_line_back(struct edit_buffer *b);
void edit_cut_line_forward(struct edit_buffer *b);
void edit_cut_word_forward(struct edit_buffer *b);
/* Ctrl-Y: what was cut last, at the cursor. */
void edit_paste(struct edit_buffer *b);

#endif
