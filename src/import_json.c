/* SPDX-License-Identifier: EUPL-1.2 */
/* OData JSON: the CBS open-data API's other answer, OData v3
 * TypedDataSet and UntypedDataSet as JSON (jmon-import(5), OData JSON).
 *
 *	{"odata.metadata": "...", "value": [
 *	  {"ID": 0, "RegioS": "GM0034    ", "Perioden": "2020JJ00",
 *	   "JongerenMetJeugdzorgInNatura_1": 5960}, ...]}
 *
 * The rows of "value" (or a top-level array of objects) become a table of
 * records (struct csv_table) that csv_read then serves to the importers as
 * if they had been CSV: the keys of the first object are the header, each
 * object a row.  So a JSON file goes through exactly the checks of the
 * same data as CSV, with each value's own line and column in the messages.
 *
 * Only flat rows are tables: a value of a row is a string, a number, null
 * (an empty cell), true or false.  Other top-level keys are skipped.
 * Strings are decoded in place over their own bytes (an escape is never
 * shorter than what it stands for); a number's text is moved one byte back,
 * over the ':' or blank before it, to make room for its NUL. */
#include <stdlib.h>
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

#define MAX_DEPTH 64	/* of skipped values: deeper is an attack, not data */
/* keys in a row: CBS tables have tens of measures; jmon(1), LIMITS */
#define JSON_MAX_WIDTH 1000
#define JSON_MAX_WIDTH_TEXT "1000"

struct json {
	struct csv *c;
	struct diag_list *d;
	const char *name;
	char *p, *end;
	long line;
	char *line_start;
	long cont;		/* UTF-8 continuation bytes since line_start */
	bool failed;
	/* the rows as read: key and value pairs, row by row */
	struct pair { struct csv_field key, value; } *pairs;
	size_t npairs, cappairs;
	struct row { size_t first; long line, col; } *rows;
	size_t nrows, caprows;
};

static long column(const struct json *j, const char *p)
{
	return (long)(p - j->line_start) - j->cont + 1;
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
			j->line_start = j->p + 1;
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
	size_t n = strspn(start, "+-.0123456789eEtruefalsn");

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

/* One row: a flat object of keys and values. */
static bool row(struct json *j)
{
	struct row *r;
	int more;

	skip_blanks(j);
	ARRAY_GROW(j->rows, j->nrows, j->caprows);
	r = &j->rows[j->nrows++];
	*r = (struct row){ j->npairs, j->line, column(j, j->p) };
	if (!expect(j, '{', "expected an object (a row)"))
		return false;
	if (empty(j, '}'))
		return true;
	do {
		struct pair *pr;

		if (j->npairs - r->first == JSON_MAX_WIDTH)
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
	} while ((more = next_item(j, '}')) > 0);
	return more == 0;
}

static bool rows(struct json *j)
{
	int more;

	if (!expect(j, '[', "expected an array of rows"))
		return false;
	if (empty(j, ']'))
		return true;
	do {
		if (!row(j))
			return false;
	} while ((more = next_item(j, ']')) > 0);
	return more == 0;
}

/* The top-level object: "value" is the rows, the other keys are skipped. */
static bool top_object(struct json *j, bool *found)
{
	struct csv_field k;
	int more;

	if (!expect(j, '{', "expected an object or an array"))
		return false;
	if (empty(j, '}'))
		return true;
	do {
		if (!key(j, &k))
			return false;
		if (!strcmp(k.s, "value") && !*found) {
			if (!rows(j))
				return false;
			*found = true;
		} else if (!skip_value(j, 1)) {
			return false;
		}
	} while ((more = next_item(j, '}')) > 0);
	return more == 0;
}

/* The whole file: an array of rows, or an object whose "value" is one. */
static bool document(struct json *j)
{
	bool found = false;

	skip_blanks(j);
	if (j->p < j->end && *j->p == '[')
		found = rows(j);
	else if (top_object(j, &found) && !found)
		diag_add(j->d, j->name, 1, 1, "JSON: no \"value\" array of rows "
			 "(an OData TypedDataSet or UntypedDataSet)");
	skip_blanks(j);
	if (found && j->p < j->end)
		fail(j, j->p, "text after the end of the JSON value");
	return found && !j->failed;
}

/* --- the rows served as records ------------------------------------------------ */

/* The rows as csv_read serves them, one record at a time: the keys of the
 * first row are the header; every row's values go under their keys, a key
 * a row leaves out is empty.  Built when read, so a wide first row over
 * many short rows costs no rows x width table, and a key is found by the
 * header's index (rows keep the first row's order, as a rule: that is
 * tried first), never by a walk over the header. */
struct json_table {
	struct csv_table ops;
	struct pair *pairs;
	struct row *rows;
	size_t nrows, width, next;
	size_t *filled;		/* per column: the record that filled it last */
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
	if (hint < t->width && !strcmp(t->pairs[hint].key.s, key))
		return hint;
	for (size_t i = key_hash(key) & (t->nindex - 1); t->index[i]; i = (i + 1) & (t->nindex - 1))
		if (!strcmp(t->pairs[t->index[i] - 1].key.s, key))
			return t->index[i] - 1;
	return t->width;
}

static int table_read(struct csv *c, struct diag_list *d)
{
	struct json_table *t = (struct json_table *)c->table;
	size_t r;

	if (t->next > t->nrows)
		return 0;
	while (c->cap_fields < t->width)
		ARRAY_GROW(c->fields, c->cap_fields, c->cap_fields);
	c->nfields = t->width;
	c->bad = false;
	if (t->next == 0) {	/* the header */
		for (size_t k = 0; k < t->width; k++)
			c->fields[k] = t->pairs[k].key;
		c->record_line = t->rows[0].line;
		t->next++;
		return 1;
	}
	r = t->next++ - 1;
	c->record_line = t->rows[r].line;
	for (size_t k = 0; k < t->width; k++)
		c->fields[k] = (struct csv_field){ .s = (char *)"", .line = t->rows[r].line,
						   .col = t->rows[r].col };
	for (size_t i = t->rows[r].first, n = 0; i < t->rows[r + 1].first; i++, n++) {
		const struct csv_field *key = &t->pairs[i].key;
		size_t k = column_of(t, key->s, n);

		if (k == t->width || t->filled[k] == r + 1) {
			diag_add(d, c->name, key->line, key->col, k == t->width ?
				 "JSON: key '%s' is not in the first row" :
				 "JSON: key '%s' given twice", key->s);
			continue;
		}
		t->filled[k] = r + 1;
		c->fields[k] = t->pairs[i].value;
	}
	return 1;
}

static void table_drop(struct csv_table *ops)
{
	struct json_table *t = (struct json_table *)ops;

	free(t->pairs);
	free(t->rows);
	free(t->filled);
	free(t->index);
	free(t);
}

/* The table of j's rows, its header indexed; false (reported) when the
 * first row has a key twice. */
static bool tabulate(struct json *j, struct json_table *t)
{
	bool ok = true;

	t->ops = (struct csv_table){ table_read, table_drop };
	t->width = (j->nrows > 1 ? j->rows[1].first : j->npairs) - j->rows[0].first;
	t->pairs = j->pairs;
	t->nrows = j->nrows;
	/* a last row past the end, so every row ends where the next starts */
	ARRAY_GROW(j->rows, j->nrows, j->caprows);
	j->rows[j->nrows] = (struct row){ j->npairs, 0, 0 };
	t->rows = j->rows;
	j->pairs = NULL;
	j->rows = NULL;
	t->filled = xcalloc(t->width ? t->width : 1, sizeof *t->filled);
	for (t->nindex = 16; t->nindex < 2 * t->width; t->nindex *= 2)
		;
	t->index = xcalloc(t->nindex, sizeof *t->index);
	for (size_t k = 0; k < t->width; k++) {
		const struct csv_field *f = &t->pairs[k].key;
		size_t i = key_hash(f->s) & (t->nindex - 1);

		for (; t->index[i]; i = (i + 1) & (t->nindex - 1))
			if (!strcmp(t->pairs[t->index[i] - 1].key.s, f->s))
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

bool import_looks_like_json(const struct csv *c)
{
	const char *p = c->p + strspn(c->p, " \t\r\n");

	return *p == '{' || *p == '[';
}

bool import_json_table(struct csv *c, const char *name, struct diag_list *d)
{
	struct json j = { .c = c, .d = d, .name = name, .line = 1 };
	struct json_table *t;
	bool ok;

	if (!csv_read_all(c, CSV_MAX_JSON, d))
		return false;
	j.p = j.line_start = c->p;
	j.end = c->buf + c->len;
	if ((ok = document(&j)) && j.nrows == 0) {
		diag_add(d, name, 1, 1, "JSON: no rows");
		ok = false;
	}
	if (ok) {
		t = xcalloc(1, sizeof *t);
		ok = tabulate(&j, t);
		c->table = &t->ops;	/* csv_close drops it */
	}
	c->p = j.end;		/* read: progress says 100 % */
	free(j.pairs);
	free(j.rows);
	return ok;
}
