/* SPDX-License-Identifier: EUPL-1.2 */
/* OData JSON: the CBS open-data API's other answer, OData v3
 * TypedDataSet and UntypedDataSet as JSON (jmon-import(5), OData JSON).
 *
 *	{"odata.metadata": "...", "value": [
 *	  {"ID": 0, "RegioS": "GM0034    ", "Perioden": "2020JJ00",
 *	   "JongerenMetJeugdzorgInNatura_1": 5960}, ...]}
 *
 * The rows of "value" (or a top-level array of objects) are served by
 * csv_read to the importers as if they had been CSV records (c->table):
 * the keys of the first object are the header, each object a row.  So a
 * JSON file goes through exactly the checks of the same data as CSV, with
 * each value's own line and column in the messages.
 *
 * Only flat rows are tables: a value of a row is a string, a number, null
 * (an empty cell), true or false.  Other top-level keys are skipped.
 *
 * The text is read streaming, in the CSV reader's window: before a row
 * (or a skipped value) is parsed, the window is made to hold all of it
 * (have_value), so memory grows with the longest row, not with the file.
 * Within that piece strings are decoded in place over their own bytes (an
 * escape is never shorter than what it stands for) and a number's text
 * is moved one byte back, over the ':' or blank before it, to make room
 * for its NUL; the window keeps that byte before the piece.  A row's
 * values are therefore valid until the next csv_read, as CSV fields are;
 * the header's keys are copies. */
#include <stdlib.h>
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

#define MAX_DEPTH 64	/* of skipped values: deeper is an attack, not data */
/* keys in a row: CBS tables have tens of measures; jmon(1), LIMITS */
#define JSON_MAX_WIDTH 1000
#define JSON_MAX_WIDTH_TEXT "1000"
/* the bytes of a number, true, false or null */
#define BARE "+-.0123456789eEtruefalsn"

/* How far have_value has looked, kept between reads of more input. */
struct look {
	size_t at;		/* bytes after j->p looked at */
	long depth;		/* of brackets outside strings */
	bool string, escape;	/* in a string; after its backslash */
	bool key_read;		/* a key: its closing quote was seen */
};

struct json {
	struct csv *c;
	struct diag_list *d;
	const char *name;
	char *p, *end;		/* in c's window */
	long line;
	long long line_start;	/* offset in the input of that line's first byte */
	long cont;		/* UTF-8 continuation bytes since line_start */
	bool failed;
	struct look look;
	/* the row being read: its key and value pairs */
	struct pair { struct csv_field key, value; } *pairs;
	size_t npairs, cappairs;
	long row_line, row_col;
};

static long long offset_of(const struct json *j, const char *p)
{
	return j->c->base + (p - j->c->buf);
}

static long column(const struct json *j, const char *p)
{
	return (long)(offset_of(j, p) - j->line_start) - j->cont + 1;
}

static void fail(struct json *j, const char *at, const char *what)
{
	if (j->failed)
		return;		/* after a syntax error the rest is noise */
	j->failed = true;
	diag_add(j->d, j->name, j->line, column(j, at), "JSON: %s", what);
}

static void skip_blanks(struct json *j)
{
	for (; j->p < j->end; j->p++) {
		if (*j->p == '\n') {
			j->line++;
			j->line_start = offset_of(j, j->p) + 1;
			j->cont = 0;
		} else if (*j->p != ' ' && *j->p != '\t' && *j->p != '\r') {
			return;
		}
	}
}

/* Expect the byte c (after blanks) and step over it. */
static bool expect(struct json *j, char c, const char *what)
{
	skip_blanks(j);
	if (j->p < j->end && *j->p == c) {
		j->p++;
		return true;
	}
	fail(j, j->p, what);
	return false;
}

static int hex4(const char *p)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		char h = p[i];

		v <<= 4;
		if (h >= '0' && h <= '9')
			v |= h - '0';
		else if (h >= 'a' && h <= 'f')
			v |= h - 'a' + 10;
		else if (h >= 'A' && h <= 'F')
			v |= h - 'A' + 10;
		else
			return -1;
	}
	return v;
}

/* "\uXXXX", with its low surrogate when it is a high one; -1 if bad. */
static long unicode_escape(struct json *j)
{
	long u = hex4(j->p + 2), lo;

	if (j->end - j->p < 6 || u < 0)
		return -1;
	j->p += 6;
	if (u < 0xD800 || u > 0xDFFF)
		return u;
	if (u > 0xDBFF || j->end - j->p < 6 || j->p[0] != '\\' || j->p[1] != 'u' ||
	    (lo = hex4(j->p + 2)) < 0xDC00 || lo > 0xDFFF)
		return -1;
	j->p += 6;
	return 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
}

/* The string at j->p (its opening quote) into f, decoded in place. */
static bool string(struct json *j, struct csv_field *f)
{
	static const char escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	char *out = j->p;

	f->s = out;
	f->line = j->line;
	f->col = column(j, j->p);
	f->quoted = true;
	for (j->p++;;) {
		if (j->p >= j->end) {
			fail(j, f->s, "unterminated string");
			return false;
		}
		unsigned char b = (unsigned char)*j->p;

		if (b == '"')
			break;
		if (b < 0x20) {
			fail(j, j->p, "control character in a string (write it as \\n, \\t, ...)");
			return false;
		}
		if (b >= 0x80) {
			int n = utf8_decode(j->p, j->end, NULL);

			if (n <= 0) {
				fail(j, j->p, "invalid UTF-8");
				return false;
			}
			memmove(out, j->p, (size_t)n);
			out += n;
			j->p += n;
			j->cont += n - 1;
			continue;
		}
		if (b != '\\') {
			*out++ = *j->p++;
			continue;
		}
		const char *e = j->p[1] ? strchr(escapes, j->p[1]) : NULL;

		if (j->p[1] == 'u') {
			char *at = j->p;
			long u = unicode_escape(j);

			if (u <= 0) {
				fail(j, at, u == 0 ? "\\u0000 in a string" : "bad \\u escape");
				return false;
			}
			out += utf8_encode((uint32_t)u, out);
		} else if (e && (e - escapes) % 2 == 0) {
			*out++ = e[1];
			j->p += 2;
		} else {
			fail(j, j->p, "unknown escape in a string");
			return false;
		}
	}
	j->p++;			/* the closing quote */
	f->len = (size_t)(out - f->s);
	*out = '\0';		/* out is at least one byte behind the quote */
	return true;
}

/* A number, true, false or null at j->p into f.  The byte before j->p was
 * read already (':' or a blank), so the text moves one back onto it and its
 * NUL goes where its last byte was. */
static bool bare(struct json *j, struct csv_field *f)
{
	char *start = j->p;
	size_t n = strspn(start, BARE);

	if (n == 0) {
		fail(j, start, j->p < j->end ? "expected a value" : "unexpected end of the file");
		return false;
	}
	f->line = j->line;
	f->col = column(j, start);
	f->quoted = false;
	j->p = start + n;
	if (n == 4 && !memcmp(start, "null", 4)) {
		f->s = start - 1;	/* an empty cell */
		f->s[0] = '\0';
		f->len = 0;
		return true;
	}
	if ((start[0] < '0' || start[0] > '9') && start[0] != '-' &&
	    !(n == 4 && !memcmp(start, "true", 4)) && !(n == 5 && !memcmp(start, "false", 5))) {
		fail(j, start, "expected a value");
		return false;
	}
	memmove(start - 1, start, n);
	start[n - 1] = '\0';
	f->s = start - 1;
	f->len = n;
	return true;
}

/* A key and its ':' into f. */
static bool key(struct json *j, struct csv_field *f)
{
	skip_blanks(j);
	if (j->p >= j->end || *j->p != '"')
		return fail(j, j->p, "expected a key"), false;
	return string(j, f) && expect(j, ':', "expected ':'");
}

/* Right after a '{' or '[': whether close follows at once (an empty one,
 * stepped over). */
static bool empty(struct json *j, char close)
{
	skip_blanks(j);
	if (j->p < j->end && *j->p == close) {
		j->p++;
		return true;
	}
	return false;
}

/* After an item of an object or array that ends in close: 1 when a ','
 * says another follows, 0 when close ends it, -1 when neither (reported). */
static int next_item(struct json *j, char close)
{
	skip_blanks(j);
	if (j->p < j->end && *j->p == ',') {
		j->p++;
		return 1;
	}
	return expect(j, close, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'") ?
	       0 : -1;
}

/* Step over any value (a key of the top level that is not "value"). */
static bool skip_value(struct json *j, int depth)
{
	struct csv_field f;
	char close;
	int more;

	skip_blanks(j);
	if (j->p >= j->end)
		return fail(j, j->p, "unexpected end of the file"), false;
	if (*j->p == '"')
		return string(j, &f);
	if (*j->p != '{' && *j->p != '[')
		return bare(j, &f);
	if (depth >= MAX_DEPTH)
		return fail(j, j->p, "nested too deep"), false;
	close = *j->p++ == '{' ? '}' : ']';
	if (empty(j, close))
		return true;
	do {
		if ((close == '}' && !key(j, &f)) || !skip_value(j, depth + 1))
			return false;
	} while ((more = next_item(j, close)) > 0);
	return more == 0;
}

/* --- the window --------------------------------------------------------------- */

/* Read on, keeping the byte before j->p (see bare) and what follows. */
static bool more(struct json *j)
{
	struct csv *c = j->c;
	long long at = offset_of(j, j->p);
	bool got;

	c->p = j->p > c->buf ? j->p - 1 : j->p;
	got = csv_read_more(c);
	j->p = c->buf + (at - c->base);
	j->end = c->buf + c->len;
	return got;
}

/* Blanks between the pieces (rows, keys, values) of the text, read on
 * as long as they go: only here may the window move. */
static void skip_blanks_on(struct json *j)
{
	do
		skip_blanks(j);
	while (j->p == j->end && more(j));
}

/* Whether the piece at j->p ends before j->end: a key at the first byte
 * after it and its ':' (the start of its value), an object or array at
 * its closing bracket, a string at its closing quote, anything else
 * (a number, a word, a byte that is none of these) at the first byte that
 * cannot be part of it.  Brackets are counted, not matched: the parser
 * that follows, stricter, stops at or before where this look stops. */
static bool piece_ends(struct json *j, bool is_key)
{
	struct look *l = &j->look;
	const char *p = j->p + l->at;

	for (; p < j->end; p++) {
		char b = *p;

		if (l->string) {
			if (l->escape)
				l->escape = false;
			else if (b == '\\')
				l->escape = true;
			else if (b == '"' && (l->string = false, l->depth == 0)) {
				if (!is_key)
					return true;
				l->key_read = true;
			}
		} else if (is_key) {
			if (!l->key_read && b != '"')
				return true;	/* not a key: the parser says so */
			if (!l->key_read)
				l->string = true;
			else if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != ':')
				return true;
		} else if (b == '"') {
			l->string = true;
		} else if (b == '{' || b == '[') {
			l->depth++;
		} else if (b == '}' || b == ']') {
			if (--l->depth <= 0)
				return true;
		} else if (l->depth == 0 && (b == '\0' || !strchr(BARE, b))) {
			return true;
		}
	}
	l->at = (size_t)(p - j->p);
	return false;
}

/* Make the window hold the whole piece at j->p (see piece_ends), or all
 * that is left of the input.  false, reported, when the piece is longer
 * than CSV_MAX_RECORD. */
static bool have_piece(struct json *j, bool is_key)
{
	j->look = (struct look){ 0 };
	while (!piece_ends(j, is_key))
		if (!more(j)) {
			if (!j->c->too_long)
				return true;	/* the end: the parser says what is missing */
			fail(j, j->p, "a row or value longer than 64 MiB "
			     "(an unterminated string?)");
			return false;
		}
	return true;
}

/* --- the text, piece by piece --------------------------------------------------- */

/* One row: a flat object of keys and values, into j->pairs. */
static bool row(struct json *j)
{
	int more_keys;

	skip_blanks_on(j);
	if (!have_piece(j, false))
		return false;
	j->npairs = 0;
	j->row_line = j->line;
	j->row_col = column(j, j->p);
	if (!expect(j, '{', "expected an object (a row)"))
		return false;
	if (empty(j, '}'))
		return true;
	do {
		struct pair *pr;

		if (j->npairs == JSON_MAX_WIDTH)
			return fail(j, j->p, "a row with more than " JSON_MAX_WIDTH_TEXT " keys"), false;
		ARRAY_GROW(j->pairs, j->npairs, j->cappairs);
		pr = &j->pairs[j->npairs++];
		if (!key(j, &pr->key))
			return false;
		skip_blanks(j);
		if (j->p < j->end && (*j->p == '{' || *j->p == '['))
			return fail(j, j->p, "a value of a row must be a string, number or null"),
			       false;
		if (j->p < j->end && *j->p == '"' ? !string(j, &pr->value) : !bare(j, &pr->value))
			return false;
	} while ((more_keys = next_item(j, '}')) > 0);
	return more_keys == 0;
}

/* After a row: 1 when another follows, 0 at the end of the rows, -1 on an
 * error (reported). */
static int next_row(struct json *j)
{
	skip_blanks_on(j);
	return next_item(j, ']');
}

/* A key of the top-level object, and the blanks after its ':'; *is_value
 * when it is the first "value". */
static bool top_key(struct json *j, bool *is_value, bool *found)
{
	struct csv_field k;

	skip_blanks_on(j);
	if (!have_piece(j, true) || !key(j, &k))
		return false;
	*is_value = !*found && !strcmp(k.s, "value");
	skip_blanks_on(j);
	return true;
}

/* Step over the value of a key of the top level that is not "value". */
static bool top_skip(struct json *j)
{
	return have_piece(j, false) && skip_value(j, 1);
}

/* The top-level object's keys up to "value" and the opening '[' of its
 * rows (*found), or to its end when it has none. */
static bool top_before_rows(struct json *j, bool *found)
{
	bool is_value;
	int more_keys;

	skip_blanks_on(j);
	if (!expect(j, '{', "expected an object or an array"))
		return false;
	skip_blanks_on(j);
	if (empty(j, '}'))
		return true;
	do {
		if (!top_key(j, &is_value, found))
			return false;
		if (is_value)
			return (*found = true), expect(j, '[', "expected an array of rows");
		if (!top_skip(j))
			return false;
		skip_blanks_on(j);
	} while ((more_keys = next_item(j, '}')) > 0);
	return more_keys == 0;
}

/* The rest of the top-level object after its rows, and the end of the
 * text. */
static bool top_after_rows(struct json *j, bool in_object)
{
	bool is_value, found = true;
	int more_keys;

	if (in_object) {
		skip_blanks_on(j);
		while ((more_keys = next_item(j, '}')) > 0) {
			if (!top_key(j, &is_value, &found) || !top_skip(j))
				return false;
			skip_blanks_on(j);
		}
		if (more_keys < 0)
			return false;
	}
	skip_blanks_on(j);
	if (j->p < j->end)
		fail(j, j->p, "text after the end of the JSON value");
	return !j->failed;
}

/* --- the rows served as records ------------------------------------------------ */

/* The rows as csv_read serves them, one record at a time: the keys of the
 * first row are the header; every row's values go under their keys, a key
 * a row leaves out is empty.  A key is found by the header's index (rows
 * keep the first row's order, as a rule: that is tried first), never by a
 * walk over the header, so a wide first row over many short rows costs
 * no rows x width. */
struct json_table {
	struct csv_table ops;
	struct json j;
	bool in_object;		/* the rows are "value" of an object */
	enum { HEADER, FIRST_ROW, ROWS, END } next;
	struct csv_field *header;	/* the first row's keys, copied */
	size_t width;
	size_t nrow;		/* rows served */
	size_t *filled;		/* per column: the row that filled it last */
	uint32_t *index;	/* open addressing: column + 1, 0 empty */
	size_t nindex;
};

static uint64_t key_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The column of key, or width when the header has none.  hint: where the
 * first row has it when rows keep its order. */
static size_t column_of(const struct json_table *t, const char *key, size_t hint)
{
	if (hint < t->width && !strcmp(t->header[hint].s, key))
		return hint;
	for (size_t i = key_hash(key) & (t->nindex - 1); t->index[i]; i = (i + 1) & (t->nindex - 1))
		if (!strcmp(t->header[t->index[i] - 1].s, key))
			return t->index[i] - 1;
	return t->width;
}

/* The row just read as c's record. */
static void serve_row(struct json_table *t, struct csv *c, struct diag_list *d)
{
	const struct json *j = &t->j;

	t->nrow++;
	c->record_line = j->row_line;
	for (size_t k = 0; k < t->width; k++)
		c->fields[k] = (struct csv_field){ .s = (char *)"", .line = j->row_line,
						   .col = j->row_col };
	for (size_t i = 0; i < j->npairs; i++) {
		const struct csv_field *key = &j->pairs[i].key;
		size_t k = column_of(t, key->s, i);

		if (k == t->width || t->filled[k] == t->nrow) {
			diag_add(d, c->name, key->line, key->col, k == t->width ?
				 "JSON: key '%s' is not in the first row" :
				 "JSON: key '%s' given twice", key->s);
			continue;
		}
		t->filled[k] = t->nrow;
		c->fields[k] = j->pairs[i].value;
	}
}

static int table_read(struct csv *c, struct diag_list *d)
{
	struct json_table *t = (struct json_table *)c->table;
	int r;

	c->nfields = t->width;
	c->bad = false;
	switch (t->next) {
	case HEADER:
		if (t->width)
			memcpy(c->fields, t->header, t->width * sizeof *c->fields);
		c->record_line = t->j.row_line;
		t->next = FIRST_ROW;
		return 1;
	case FIRST_ROW:
		serve_row(t, c, d);
		t->next = ROWS;
		return 1;
	case ROWS:
		if ((r = next_row(&t->j)) > 0 && row(&t->j)) {
			serve_row(t, c, d);
			c->p = t->j.p;	/* for progress */
			return 1;
		}
		t->next = END;
		c->p = t->j.p;
		return r == 0 && top_after_rows(&t->j, t->in_object) ? 0 : -1;
	case END:
		break;
	}
	return 0;
}

static void table_drop(struct csv_table *ops)
{
	struct json_table *t = (struct json_table *)ops;

	for (size_t k = 0; k < t->width; k++)
		free(t->header[k].s);
	free(t->header);
	free(t->j.pairs);
	free(t->filled);
	free(t->index);
	free(t);
}

/* The header from the first row's keys, indexed; false (reported) when
 * it has a key twice. */
static bool tabulate(struct json_table *t, struct csv *c)
{
	struct json *j = &t->j;
	bool ok = true;

	t->width = j->npairs;
	t->header = t->width ? xcalloc(t->width, sizeof *t->header) : NULL;
	while (c->cap_fields < t->width)
		ARRAY_GROW(c->fields, c->cap_fields, c->cap_fields);
	t->filled = xcalloc(t->width ? t->width : 1, sizeof *t->filled);
	for (t->nindex = 16; t->nindex < 2 * t->width; t->nindex *= 2)
		;
	t->index = xcalloc(t->nindex, sizeof *t->index);
	for (size_t k = 0; k < t->width; k++) {
		const struct csv_field *f = &j->pairs[k].key;
		size_t i = key_hash(f->s) & (t->nindex - 1);

		t->header[k] = *f;
		t->header[k].s = xstrndup(f->s, f->len);
		for (; t->index[i]; i = (i + 1) & (t->nindex - 1))
			if (!strcmp(t->header[t->index[i] - 1].s, f->s))
				break;
		if (t->index[i]) {
			diag_add(j->d, j->name, f->line, f->col, "JSON: key '%s' given twice", f->s);
			ok = false;
			continue;
		}
		t->index[i] = (uint32_t)k + 1;
	}
	return ok;
}

bool import_looks_like_json(struct csv *c)
{
	const char *p;

	/* the blanks before the text may be more than the first block
	 * (reading on may move the buffer: p is found again after it) */
	while (*(p = c->p + strspn(c->p, " \t\r\n")) == '\0' && p == c->buf + c->len &&
	       csv_read_more(c))
		;
	p = c->p + strspn(c->p, " \t\r\n");
	return *p == '{' || *p == '[';
}

/* Up to the first row, read: an array of rows, or an object whose "value"
 * is one.  false, reported, when there is none (no rows, no "value", an
 * error). */
static bool first_row(struct json_table *t)
{
	struct json *j = &t->j;
	bool found = false;

	skip_blanks_on(j);
	if (j->p < j->end && *j->p == '[') {
		j->p++;
	} else {
		t->in_object = true;
		if (!top_before_rows(j, &found))
			return false;
		if (!found) {
			diag_add(j->d, j->name, 1, 1, "JSON: no \"value\" array of rows "
				 "(an OData TypedDataSet or UntypedDataSet)");
			return false;
		}
	}
	skip_blanks_on(j);
	if (!empty(j, ']'))
		return row(j);
	/* none: what follows is still checked, a syntax error comes first */
	if (top_after_rows(j, t->in_object))
		diag_add(j->d, j->name, 1, 1, "JSON: no rows");
	return false;
}

bool import_json_table(struct csv *c, const char *name, struct diag_list *d)
{
	struct json_table *t = xcalloc(1, sizeof *t);
	struct json *j = &t->j;

	*j = (struct json){ .c = c, .d = d, .name = name, .line = 1, .p = c->p,
			    .end = c->buf + c->len, .line_start = c->line_start };
	t->ops = (struct csv_table){ table_read, table_drop };
	if (!first_row(t)) {
		c->p = j->p;
		table_drop(&t->ops);
		return false;
	}
	c->table = &t->ops;	/* csv_close drops it */
	return tabulate(t, c);
}
