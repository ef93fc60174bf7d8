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
 * The file is read whole into one buffer (large blocks, one read() each) and
 * fields are cut in place: a separator or line end becomes the field's NUL,
 * and a quoted field is unescaped over its own bytes (it only shrinks).
 * Positions are counted while scanning, so the in-place writes behind the
 * cursor never disturb them. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jmon/csv.h"
#include "jmon/utf8.h"
#include "jmon/xmalloc.h"

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

static void start(struct csv *c, const char *name, char *buf, size_t len)
{
	memset(c, 0, sizeof *c);
	c->name = name;
	c->buf = buf;
	c->len = len;
	c->buf[len] = '\0';
	c->p = buf;
	/* A byte-order mark is not part of the first field, nor of its column. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		c->p += 3;
	c->line = 1;
	c->line_start = c->p;
	c->sep = ',';
	build_classes(c->cls, c->sep);
}

enum jmon_status csv_open_file(struct csv *c, const char *path, const char *name,
			       struct jmon_error *err)
{
	struct stat st;
	size_t cap, len = 0;
	char *buf;
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return jmon_fail(err, JMON_NOINPUT, "%s: %s", path, strerror(errno));
	/* A directory is an input that cannot be read (66), not a failing
	 * disk (74), which is what read() would make of it. */
	if (fstat(fd, &st) != 0)
		st.st_mode = 0;
	if (S_ISDIR(st.st_mode)) {
		close(fd);
		return jmon_fail(err, JMON_NOINPUT, "%s: %s", path, strerror(EISDIR));
	}
	/* Regular files: one buffer of the right size.  Pipes: grow. */
	cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 1 << 20;
	buf = xmalloc(cap);
	for (;;) {
		if (len + 1 >= cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		n = read(fd, buf + len, cap - 1 - len);
		if (n == 0)
			break;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			close(fd);
			return jmon_fail(err, JMON_IO, "%s: %s", path, strerror(errno));
		}
		len += (size_t)n;
	}
	close(fd);
	start(c, name, buf, len);
	return JMON_OK;
}

void csv_open_buffer(struct csv *c, const char *name, const char *text, size_t len)
{
	char *buf = xmalloc(len + 1);

	memcpy(buf, text, len);
	start(c, name, buf, len);
}

void csv_close(struct csv *c)
{
	if (c->table) {
		free(c->table->fields);
		free(c->table->lines);
		free(c->table);
	}
	free(c->buf);
	free(c->fields);
	memset(c, 0, sizeof *c);
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
	return (size_t)(c->p - c->buf);
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
	return (long)(p - c->line_start) - c->cont + 1;
}

static void new_line(struct csv *c, char *first)
{
	c->line++;
	c->line_start = first;
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

/* The next record of a table (see struct csv_table). */
static int table_read(struct csv *c)
{
	struct csv_table *t = c->table;

	if (t->next >= t->nrecords)
		return 0;
	c->nfields = 0;
	while (c->nfields < t->width) {
		ARRAY_GROW(c->fields, c->nfields, c->cap);
		c->fields[c->nfields] = t->fields[t->next * t->width + c->nfields];
		c->nfields++;
	}
	c->record_line = t->lines[t->next++];
	c->bad = false;
	return 1;
}

int csv_read(struct csv *c, struct diag_list *d)
{
	char *end = c->buf + c->len;

	if (c->table)
		return table_read(c);

	/* Skip lines that are entirely empty (a trailing blank line, mostly). */
	for (;;) {
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

		ARRAY_GROW(c->fields, c->nfields, c->cap);
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
