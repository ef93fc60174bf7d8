/* SPDX-License-Identifier: EUPL-1.2 */
/* The CSV reader.  See include/jmon/csv.h.
 *
 * Why our own and not Debian's libcsv: the import contract wants every
 * problem as FILE:LINE:COLUMN with the column in characters, at the start of
 * the field concerned (the opening quote of an unterminated field, the byte
 * of invalid UTF-8), and libcsv reports neither lines nor columns nor
 * encoding errors.  Recovering positions around a callback parser would mean
 * scanning every byte twice.  The format itself is small (RFC 4180 is two
 * pages), so a reader that validates UTF-8 and counts characters in the same
 * pass over the bytes is shorter than the glue would be, and faster: one
 * table lookup per byte, no call per byte, no copy per field.
 *
 * The file is read in blocks into one buffer that holds a window of it:
 * before a record is scanned, the reader makes sure all of it is in the
 * window (have_record), moving what is left of the window to the front
 * and reading on, and growing the buffer only for a record longer than it.
 * Fields are cut in place: a separator or line end becomes the field's
 * NUL, and a quoted field is unescaped over its own bytes (it only
 * shrinks).  Positions are counted while scanning, so the in-place writes
 * behind the cursor never disturb them, and as offsets in the input, so
 * moving the window does not either. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jmon/csv.h"
#include "jmon/input.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

#define BLOCK (1 << 20)		/* read at a time, and the first buffer */

enum byte_class {
	CLS_PLAIN,		/* part of a field */
	CLS_STOP,		/* separator, '\r' or '\n': may end a field */
	CLS_QUOTE,
	CLS_HIGH,		/* 0x80-0xff: a UTF-8 sequence to validate */
	CLS_NUL,
};

/* Build the class of every byte for separator sep. */
static void build_classes(unsigned char *cls, char sep)
{
	for (int i = 0; i < 256; i++)
		cls[i] = i >= 0x80 ? CLS_HIGH : CLS_PLAIN;
	cls[0] = CLS_NUL;
	cls['\n'] = CLS_STOP;
	cls['\r'] = CLS_STOP;
	cls['"'] = CLS_QUOTE;
	cls[(unsigned char)sep] = CLS_STOP;
}

static void start(struct csv *c, const char *name, char *buf, size_t len, size_t cap)
{
	memset(c, 0, sizeof *c);
	c->name = name;
	c->buf = buf;
	c->len = len;
	c->cap = cap;
	c->buf[len] = '\0';
	c->p = buf;
	c->fd = -1;
	c->eof = true;
	c->size = (long long)len;
	c->limit = CSV_MAX_RECORD;
	c->line = 1;
	c->sep = ',';
	build_classes(c->cls, c->sep);
	sha256_init(&c->sha);
}

/* Where p is in the input. */
static long long offset(const struct csv *c, const char *p)
{
	return c->base + (p - c->buf);
}

/* A byte-order mark is not part of the first field, nor of its column. */
static void skip_bom(struct csv *c)
{
	if (c->len >= 3 && memcmp(c->buf, "\xEF\xBB\xBF", 3) == 0)
		c->p += 3;
	c->line_start = offset(c, c->p);
}

/* Move what is left of the window to the front and read on, growing the
 * buffer when the window is full of one record.  false at the end of the
 * input, when reading failed (c->read_errno), or when the buffer would
 * outgrow c->limit (c->too_long). */
static bool refill(struct csv *c)
{
	size_t keep = c->len - (size_t)(c->p - c->buf);
	ssize_t n;

	if (c->eof)
		return false;
	if (c->p > c->buf) {
		memmove(c->buf, c->p, keep);
		c->base += c->p - c->buf;
		c->p = c->buf;
		c->len = keep;
	}
	if (c->len + 1 >= c->cap) {
		if (c->cap >= c->limit) {
			c->too_long = true;
			return false;
		}
		c->cap = c->cap * 2 < c->limit ? c->cap * 2 : c->limit;
		c->buf = xrealloc(c->buf, c->cap);
		c->p = c->buf;
	}
	do
		n = read(c->fd, c->buf + c->len, c->cap - 1 - c->len);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		c->eof = true;
		c->read_errno = n < 0 ? errno : 0;
	} else {
		sha256_update(&c->sha, c->buf + c->len, (size_t)n);
		c->len += (size_t)n;
	}
	c->buf[c->len] = '\0';
	return n > 0;
}

/* Whether the record that starts at p ends before end, as the scanner
 * below will read it: at a line end outside quotes, with the byte after a
 * CR there to tell CRLF from a CR alone.  A line without quotes or CR is
 * found with memchr, which is most lines of most files. */
static bool record_ends(const struct csv *c, const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	enum { START, UNQUOTED, QUOTED, QUOTE } st = START;

	if (nl && !memchr(p, '"', (size_t)(nl - p)) && !memchr(p, '\r', (size_t)(nl - p)))
		return true;
	for (; p < end; p++) {
		bool line_end = *p == '\n' || *p == '\r';

		if (st == QUOTED) {
			st = *p == '"' ? QUOTE : QUOTED;
		} else if (st == QUOTE && *p == '"') {
			st = QUOTED;	/* "" inside quotes */
		} else if (line_end) {
			return *p == '\n' || p + 1 < end;
		} else if (*p == c->sep) {
			st = START;
		} else {
			st = st == START && *p == '"' ? QUOTED : UNQUOTED;
		}
	}
	return false;
}

/* Make sure the record at c->p is whole in the window (or the input ends
 * before its end).  false, reported, when it cannot be: too long, or the
 * input could not be read. */
static bool have_record(struct csv *c, struct diag_list *d)
{
	while (!c->eof && !record_ends(c, c->p, c->buf + c->len))
		if (!refill(c) && c->too_long) {
			diag_add(d, c->name, c->line, 1, "a record longer than %d MiB (an "
				 "unterminated quote?)", CSV_MAX_RECORD >> 20);
			return false;
		}
	return !c->read_errno;
}

enum jmon_status csv_open_file(struct csv *c, const char *path, const char *name,
			       struct jmon_error *err)
{
	long long size;
	int fd;
	enum jmon_status rc = input_open(path, "", JMON_DATA, &fd, &size, err);

	if (rc != JMON_OK)
		return rc;
	csv_open_fd(c, fd, name, BLOCK);
	c->size = size;
	if (c->read_errno)
		return jmon_fail(err, JMON_IO, "%s: %s", path, strerror(c->read_errno));
	return JMON_OK;
}

void csv_open_fd(struct csv *c, int fd, const char *name, size_t block)
{
	start(c, name, xmalloc(block), 0, block);
	c->fd = fd;
	c->eof = false;
	c->size = -1;
	/* the first block, or at least the three bytes of a byte-order mark */
	while (c->len < 3 && refill(c))
		;
	skip_bom(c);
}

void csv_open_buffer(struct csv *c, const char *name, const char *text, size_t len)
{
	char *buf = xmalloc(len + 1);

	memcpy(buf, text, len);
	start(c, name, buf, len, len + 1);
	sha256_update(&c->sha, buf, len);
	skip_bom(c);
}

void csv_close(struct csv *c)
{
	if (c->table)
		c->table->drop(c->table);
	if (c->fd >= 0)
		close(c->fd);
	free(c->buf);
	free(c->fields);
	memset(c, 0, sizeof *c);
	c->fd = -1;
}

bool csv_read_more(struct csv *c)
{
	return refill(c);
}

void csv_digest(struct csv *c, char *hex)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char dg[32];

	/* the window can go: only the digest of the rest is wanted */
	c->p = c->buf + c->len;
	while (refill(c))
		c->p = c->buf + c->len;
	sha256_final(&c->sha, dg);
	for (int i = 0; i < 32; i++) {
		hex[2 * i] = digits[dg[i] >> 4];
		hex[2 * i + 1] = digits[dg[i] & 15];
	}
	hex[SHA256_HEX_LEN] = '\0';
}

char csv_detect_separator(struct csv *c)
{
	long commas = 0, semicolons = 0;
	bool quoted = false;
	const char *end = c->buf + c->len;

	/* The first line that has either outside quotes decides: a StatLine
	 * export opens with a quoted title and no separator at all. */
	for (const char *p = c->p; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && *p == ',')
			commas++;
		else if (!quoted && *p == ';')
			semicolons++;
		else if (!quoted && *p == '\n' && (commas || semicolons))
			break;
	}
	c->sep = semicolons > commas ? ';' : ',';
	build_classes(c->cls, c->sep);
	return c->sep;
}

size_t csv_offset(const struct csv *c)
{
	return (size_t)offset(c, c->p);
}

/* Every problem marks the record, so importers skip its fields. */
static void __attribute__((format(printf, 5, 6)))
report(struct csv *c, struct diag_list *d, long line, long col, const char *fmt, ...)
{
	char msg[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	c->bad = true;
	diag_add(d, c->name, line, col, "%s", msg);
}

static long column(const struct csv *c, const char *p)
{
	return (long)(offset(c, p) - c->line_start) - c->cont + 1;
}

static void new_line(struct csv *c, char *first)
{
	c->line++;
	c->line_start = offset(c, first);
	c->cont = 0;
}

/* Step over the line end at c->p: "\n", "\r\n", or a lone "\r".  RFC 4180
 * says CRLF, Unix tools write LF, and old Mac spreadsheets wrote CR alone;
 * read as text, a CR would run a whole such file into one line. */
static void end_line(struct csv *c)
{
	if (*c->p == '\r' && c->p + 1 < c->buf + c->len && c->p[1] == '\n')
		c->p++;
	c->p++;
	new_line(c, c->p);
}

/* Validate the UTF-8 sequence at p (a byte >= 0x80) and return the byte
 * after it.  An invalid sequence is reported and taken as one character, so
 * the columns after it stay right. */
static char *utf8(struct csv *c, char *p, struct diag_list *d)
{
	char *end = c->buf + c->len;
	int n = utf8_decode(p, end, NULL);

	if (n > 0) {
		c->cont += n - 1;
		return p + n;
	}
	/* One message per broken sequence: the continuation bytes that follow
	 * the bad byte belong to it and are one character with it. */
	report(c, d, c->line, column(c, p), "invalid UTF-8 (byte 0x%02X)", (unsigned char)*p);
	n = (int)(utf8_skip(p, end) - p);
	c->cont += n - 1;
	return p + n;
}

/* An unquoted field runs to the separator or the line end.  A quote inside
 * it is taken literally, as most spreadsheets write and read it. */
static void unquoted(struct csv *c, struct csv_field *f, struct diag_list *d)
{
	char *p = c->p;
	char *end = c->buf + c->len;

	f->s = p;
	f->quoted = false;
	while (p < end) {
		switch (c->cls[(unsigned char)*p]) {
		case CLS_PLAIN:
		case CLS_QUOTE:
			p++;
			continue;
		case CLS_HIGH:
			p = utf8(c, p, d);
			continue;
		case CLS_NUL:
			report(c, d, c->line, column(c, p), "NUL byte in text");
			p++;
			continue;
		}
		break;
	}
	f->len = (size_t)(p - f->s);
	c->p = p;
}

static bool at_field_end(const struct csv *c, const char *p)
{
	const char *end = c->buf + c->len;

	return p >= end || *p == c->sep || *p == '\n' || *p == '\r';
}

/* A quoted field: "" is a quote, separators and line ends are text.  The
 * unescaped text is written from the opening quote on.  Returns -1 when the
 * closing quote never comes. */
static int quoted(struct csv *c, struct csv_field *f, struct diag_list *d)
{
	char *out = c->p;
	char *p = c->p + 1;
	char *end = c->buf + c->len;

	f->s = out;
	f->quoted = true;
	for (;;) {
		if (p >= end) {
			report(c, d, f->line, f->col, "unterminated quoted field");
			c->p = end;
			return -1;
		}
		if (*p == '"') {
			if (p + 1 < end && p[1] == '"') {
				*out++ = '"';
				p += 2;
				continue;
			}
			p++;
			break;
		}
		if ((unsigned char)*p >= 0x80) {
			char *next = utf8(c, p, d);

			while (p < next)
				*out++ = *p++;
			continue;
		}
		if (*p == '\0')
			report(c, d, c->line, column(c, p), "NUL byte in text");
		if (*p == '\n') {
			*out++ = *p++;
			new_line(c, p);
			continue;
		}
		*out++ = *p++;
	}
	f->len = (size_t)(out - f->s);
	*out = '\0';		/* out is at least two bytes behind p */
	if (!at_field_end(c, p)) {
		report(c, d, c->line, column(c, p), "text after the closing quote");
		c->p = p;
		unquoted(c, &(struct csv_field){ 0 }, d);	/* skip it */
		p = c->p;
	}
	c->p = p;
	return 0;
}

int csv_read(struct csv *c, struct diag_list *d)
{
	char *end = c->buf + c->len;

	if (c->table)
		return c->table->read(c, d);

	/* Skip lines that are entirely empty (a trailing blank line, mostly). */
	for (;;) {
		if (!have_record(c, d))
			return -1;
		end = c->buf + c->len;
		if (c->p >= end)
			return 0;
		if (*c->p != '\n' && *c->p != '\r')
			break;
		end_line(c);
	}
	c->nfields = 0;
	c->record_line = c->line;
	c->bad = false;
	for (;;) {
		struct csv_field *f;
		char *stop;

		if (c->nfields == CSV_MAX_FIELDS) {
			diag_add(d, c->name, c->line, column(c, c->p),
				 "a record of more than %d fields", CSV_MAX_FIELDS);
			return -1;
		}
		ARRAY_GROW(c->fields, c->nfields, c->cap_fields);
		f = &c->fields[c->nfields++];
		f->line = c->line;
		f->col = column(c, c->p);
		if (c->p < end && *c->p == '"') {
			if (quoted(c, f, d) < 0)
				return -1;
		} else {
			unquoted(c, f, d);
		}
		stop = c->p;
		if (stop < end && *stop == c->sep) {
			*stop = '\0';
			c->p++;
			continue;
		}
		if (stop < end)
			end_line(c);
		*stop = '\0';
		return 1;
	}
}

void csv_trim(struct csv_field *f)
{
	while (f->len > 0 && (f->s[f->len - 1] == ' ' || f->s[f->len - 1] == '\t'))
		f->s[--f->len] = '\0';
	while (f->len > 0 && (*f->s == ' ' || *f->s == '\t')) {
		f->s++;
		f->len--;
	}
}
