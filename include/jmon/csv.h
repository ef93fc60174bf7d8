/* SPDX-License-Identifier: EUPL-1.2 */
/* An RFC 4180 CSV reader that knows where every field is.
 *
 * The input is read streaming: a window of the file is kept in one buffer,
 * which holds at least the whole record being read (so a record costs no
 * allocation), and fields are cut in place: each field is NUL-terminated
 * and unquoted inside that buffer.  A record's strings stay valid until the
 * next csv_read(): what an importer keeps of them (a region code, a
 * header) it copies.  Memory does not grow with the file, only with its
 * longest record (at most CSV_MAX_RECORD bytes).
 *
 *	struct csv c;
 *	if (csv_open_file(&c, path, name, &err) != JMON_OK) ...
 *	csv_detect_separator(&c);
 *	while ((r = csv_read(&c, &diags)) > 0)
 *		use c.fields[0 .. c.nfields-1]
 *	csv_digest(&c, hex);	(reads what is left, for the file's digest)
 *	csv_close(&c);
 */
#ifndef JMON_CSV_H
#define JMON_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/error.h"
#include "jmon/sha256.h"

struct csv_field {
	char *s;		/* NUL-terminated, quotes removed */
	size_t len;
	long line, col;		/* where the field starts: 1-based, col in characters */
	bool quoted;
};

/* Limit of jmon(1), LIMITS: a record (a row of OData JSON) longer than
 * this is an error, not a reason to hold a file in memory. */
#define CSV_MAX_RECORD (64 << 20)
/* ...and a record of more fields than this: a field is 40 bytes apart from
 * its text, so a record of commas took 40 times its size. */
#define CSV_MAX_FIELDS 10000

struct csv {
	const char *name;	/* for messages: FILE in FILE:LINE:COLUMN */
	char *buf;		/* a window of the input, plus a NUL */
	size_t len, cap;	/* bytes of input in buf, and its size */
	char *p;		/* next byte to read */
	int fd;			/* where the rest comes from; -1: all of it is in buf */
	bool eof;		/* nothing comes after buf[len] */
	int read_errno;		/* reading failed (the input is cut short): errno */
	size_t limit;		/* the buffer grows to this at most */
	bool too_long;		/* a record (a JSON text) would not fit in it */
	long long base;		/* offset in the input of buf[0] */
	long long size;		/* size of the input, -1 when unknown (a pipe) */
	struct sha256 sha;	/* of every byte read so far */
	char sep;		/* ',' (default) or ';' */
	long line;		/* line of *p */
	long long line_start;	/* offset in the input of that line's first byte */
	long cont;		/* UTF-8 continuation bytes between line_start and p */
	long record_line;	/* line where the last record started */
	bool bad;		/* the last record had a problem (reported): its
				 * fields are not worth checking, nor echoing */
	struct csv_field *fields;
	size_t nfields, cap_fields;
	unsigned char cls[256];	/* what each byte is to the scanner */
	struct csv_table *table;	/* NULL, or records read from JSON */
};

/* Records that came in another syntax (OData JSON, import_json.c), served
 * by csv_read as if they had been CSV: read() puts the next record in
 * c->fields (each field keeps the position it had in that file, its text
 * lives in the csv's buffer) and returns as csv_read does; drop() frees
 * the table at csv_close. */
struct csv_table {
	int (*read)(struct csv *c, struct diag_list *d);
	void (*drop)(struct csv_table *t);
};

/* Open a file (or a pipe) and read its first block.  JMON_NOINPUT when it
 * cannot be opened, JMON_DATA for a terminal or a device (see
 * include/jmon/input.h), JMON_IO when reading fails.  name is kept (not
 * copied) for messages. */
enum jmon_status csv_open_file(struct csv *c, const char *path, const char *name,
			       struct jmon_error *err);
/* Parse a copy of text (for tests and for input that is already in memory). */
void csv_open_buffer(struct csv *c, const char *name, const char *text, size_t len);
void csv_close(struct csv *c);

/* Read from fd (closed by csv_close) in a window of block bytes at first:
 * csv_open_file's reading, with a small window for the tests of readers
 * whose records cross it.  c->read_errno when the first read failed. */
void csv_open_fd(struct csv *c, int fd, const char *name, size_t block);

/* Read on into the window, keeping the input from c->p on (moved to the
 * front of the buffer, which grows when c->p is at its front already),
 * for a reader of another syntax (OData JSON) that wants more of it in
 * one piece.  false at the end of the input, when reading failed
 * (c->read_errno) or when the window would outgrow CSV_MAX_RECORD
 * (c->too_long). */
bool csv_read_more(struct csv *c);

/* The SHA-256 of the whole input as hex (SHA256_HEX_LEN + 1): what was
 * not read yet is read (and only hashed). */
void csv_digest(struct csv *c, char *hex);

/* Look at the first line that has a ',' or ';' outside quotes and choose
 * ';' when it has more semicolons than commas, else ','.  Returns it. */
char csv_detect_separator(struct csv *c);

/* Read the next record into c->fields.  Lines that are entirely empty are
 * skipped.  Returns 1 for a record, 0 at the end of input, -1 when the input
 * cannot be read on (an unterminated quote, a record longer than
 * CSV_MAX_RECORD, or c->read_errno: reading failed).  Every problem found (invalid
 * UTF-8, text after a closing quote, an unterminated quote) is added to d
 * with its position; a record that had a problem is still returned. */
int csv_read(struct csv *c, struct diag_list *d);

/* How far the reader is, in bytes, for progress reports. */
size_t csv_offset(const struct csv *c);

/* Trim ASCII blanks (spaces and tabs) from both ends of a field in place:
 * CBS pads codes with spaces ("GM0034    "). */
void csv_trim(struct csv_field *f);

#endif
