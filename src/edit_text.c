/* SPDX-License-Identifier: EUPL-1.2 */
/* The editor's text: wrapping, moves and cuts; see include/jmon/edit_text.h. */
#include <string.h>
#include <wctype.h>

#include "jmon/edit_text.h"
#include "jmon/text.h"
#include "jmon/utf8.h"

void edit_free(struct edit_buffer *b)
{
	sb_free(&b->text);
	sb_free(&b->cut);
}

/* Past the character at i. */
static size_t next(const struct edit_buffer *b, size_t i)
{
	const char *s = sb_str(&b->text);

	return i < b->text.len ? (size_t)(utf8_skip(s + i, s + b->text.len) - s) : i;
}

static size_t prev(const struct edit_buffer *b, size_t i)
{
	return i ? utf8_start(sb_str(&b->text), i - 1) : 0;
}

/* Display columns of the character at i. */
static int width_at(const struct edit_buffer *b, size_t i)
{
	char one[UTF8_MAX + 1] = { 0 };

	memcpy(one, sb_str(&b->text) + i, next(b, i) - i);
	return text_width(one);
}

/* A letter or digit (of any script) at i: what Alt-B and Alt-F skip. */
static bool word_char(const struct edit_buffer *b, size_t i)
{
	const char *s = sb_str(&b->text);
	uint32_t c;

	if (i >= b->text.len || utf8_decode(s + i, s + b->text.len, &c) <= 0)
		return false;
	return iswalnum((wint_t)c) != 0;
}

static bool blank(const struct edit_buffer *b, size_t i)
{
	return b->text.s[i] == ' ' || b->text.s[i] == '\n';
}

/* Columns of the word at i, up to the next space or line break. */
static int word_width(const struct edit_buffer *b, size_t i)
{
	int w = 0;

	for (; i < b->text.len && !blank(b, i); i = next(b, i))
		w += width_at(b, i);
	return w;
}

int edit_layout(const struct edit_buffer *b, int width, size_t *starts, int max, int *crow,
		int *ccol)
{
	const char *s = sb_str(&b->text);
	size_t i = 0, len = b->text.len;
	int line = 0, col = 0;

	if (max > 0)
		starts[0] = 0;
	*crow = *ccol = 0;
	for (;;) {
		if (i == b->cursor) {
			*crow = line;
			*ccol = col;
		}
		if (i >= len)
			break;
		int w = width_at(b, i);
		bool word_start = !blank(b, i) && (i == 0 || blank(b, i - 1));

		if (s[i] == '\n' ||
		    (s[i] != ' ' && col > 0 &&
		     (word_start ? col + word_width(b, i) > width : col + w > width))) {
			line++;
			col = 0;
			if (s[i] == '\n')
				i++;
			if (line < max)
				starts[line] = i;
			continue;
		}
		/* a space past the end hangs there: the next word starts the line */
		col = s[i] == ' ' && col + w > width ? width : col + w;
		i = next(b, i);
	}
	return line + 1;
}

size_t edit_line_start(const struct edit_buffer *b)
{
	size_t i = b->cursor;

	while (i && b->text.s[i - 1] != '\n')
		i--;
	return i;
}

size_t edit_line_end(const struct edit_buffer *b)
{
	size_t i = b->cursor;

	while (i < b->text.len && b->text.s[i] != '\n')
		i++;
	return i;
}

size_t edit_word_back(const struct edit_buffer *b)
{
	size_t i = b->cursor;

	while (i && !word_char(b, prev(b, i)))
		i = prev(b, i);
	while (i && word_char(b, prev(b, i)))
		i = prev(b, i);
	return i;
}

size_t edit_word_forward(const struct edit_buffer *b)
{
	size_t i = b->cursor;

	while (i < b->text.len && !word_char(b, i))
		i = next(b, i);
	while (i < b->text.len && word_char(b, i))
		i = next(b, i);
	return i;
}

void edit_insert(struct edit_buffer *b, const char *s, size_t n)
{
	struct strbuf out = STRBUF_INIT;

	sb_add(&out, sb_str(&b->text), b->cursor);
	sb_add(&out, s, n);
	sb_adds(&out, sb_str(&b->text) + b->cursor);
	sb_free(&b->text);
	b->text = out;
	b->cursor += n;
	b->cutting = false;
}

void edit_delete(struct edit_buffer *b, size_t from, size_t to)
{
	if (from >= to)
		return;
	memmove(b->text.s + from, b->text.s + to, b->text.len - to + 1);
	b->text.len -= to - from;
	if (b->cursor >= to)
		b->cursor -= to - from;
	else if (b->cursor > from)
		b->cursor = from;
	b->cutting = false;
}

void edit_cut(struct edit_buffer *b, size_t from, size_t to)
{
	struct strbuf piece = STRBUF_INIT;

	if (from >= to)
		return;
	/* Ctrl-K Ctrl-K, or Ctrl-W Ctrl-W: one piece, as it stood in the text */
	if (b->cutting && from < b->cursor) {
		sb_add(&piece, b->text.s + from, to - from);
		sb_adds(&piece, sb_str(&b->cut));
	} else {
		if (b->cutting)
			sb_adds(&piece, sb_str(&b->cut));
		sb_add(&piece, b->text.s + from, to - from);
	}
	sb_free(&b->cut);
	b->cut = piece;
	edit_delete(b, from, to);
	b->cutting = true;
}

void edit_cut_word_back(struct edit_buffer *b)
{
	size_t i = b->cursor;

	/* as readline's Ctrl-W: the spaces before the cursor and the word
	 * before them, never past the start of the line */
	while (i && b->text.s[i - 1] == ' ')
		i--;
	while (i && !blank(b, i - 1))
		i = prev(b, i);
	if (i == b->cursor && i)
		i = prev(b, i);		/* at the start of a line: the line break */
	edit_cut(b, i, b->cursor);
}

void edit_cut_line_back(struct edit_buffer *b)
{
	edit_cut(b, edit_line_start(b), b->cursor);
}

void edit_cut_line_forward(struct edit_buffer *b)
{
	size_t end = edit_line_end(b);

	/* at the end of a line, as in Emacs: the line break, joining the next */
	edit_cut(b, b->cursor, end == b->cursor ? next(b, end) : end);
}

void edit_cut_word_forward(struct edit_buffer *b)
{
	edit_cut(b, b->cursor, edit_word_forward(b));
}

void edit_paste(struct edit_buffer *b)
{
	struct strbuf piece = STRBUF_INIT;

	/* a copy: the cut stays, to paste again */
	sb_add(&piece, sb_str(&b->cut), b->cut.len);
	edit_insert(b, sb_str(&piece), piece.len);
	sb_free(&piece);
}
