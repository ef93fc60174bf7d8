/* SPDX-License-Identifier: EUPL-1.2 */
/* An RFC 4180 CSV reader that knows where every field is.
 *
 * The input is read whole into memory and fields are cut in place: each
 * field is NUL-terminated and unquoted inside that buffer, so a record costs
 * no allocation and its strings stay valid until csv_close().  Importers may
 * keep pointers to fields of earlier records (the duplicate-key check does).
 *
 *	struct csv c;
 *	if (csv_open_file(&c, path, name, &err) != JMON_OK) ...
 *	csv_detect_separator(&c);
 *	while ((r = csv_read(&c, &diags)) > 0)
 *		use c.fields[0 .. c.nfields-1]
 *	csv_close(&c);
 */
#ifndef JMON_CSV_H
#define JMON_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "jmon/error.h"

struct csv_field {
	char *s;		/* NUL-terminated, quotes removed */
	size_t len;
	long line, col;		/* where the field starts: 1-based, col in characters */
	bool quoted;
};

struct csv {
	const char *name;	/* for messages: FILE in FILE:LINE:COLUMN */
	char *buf;		/* the whole input plus a NUL */
	size_t len;
	char *p;		/* next byte to read */
	char sep;		/* ',' (default) or ';' */
	long line;		/* line of *p */
	char *line_start;	/* first byte of that line */
	long cont;		/* UTF-8 continuation bytes between line_start and p */
	long record_line;	/* line where the last record started */
	bool bad;		/* the last record had a problem (reported): its
				 * fields are not worth checking, nor echoing */
	struct csv_field *fields;
	size_t nfields, cap;
	unsigned char cls[256];	/* what each byte is to the scanner */
	struct csv_table *table;	/* NULL, or records read from JSON */
};

/* Records that came in another syntax (OData JSON, import_json.c), served
 * by csv_read as if they had been CSV: each field keeps the position it
 * had in that file, and its text lives in the csv's buffer. */
struct csv_table {
	struct csv_field *fields;	/* nrecords * width, record by record */
	long *lines;			/* where each record starts */
	size_t nrecords, width, next;
};

/* Read a file whole.  JMON_NOINPUT when it cannot be opened, JMON_IO when
 * reading fails.  name is kept (not copied) for messages. */
enum jmon_status csv_open_file(struct csv *c, const char *path, const char *name,
			       struct jmon_error *err);
/* Parse a copy of text (for tests and for input that is already in memory). */
void csv_open_buffer(struct csv *c, const char *name, const char *text, size_t len);
void csv_close(struct csv *c);

/* Look at the first line that has a ',' or ';' outside quotes and choose
 * ';' when it has more semicolons than commas, else ','.  Returns it. */
char csv_detect_separator(struct csv *c);

/* Read the next record into c->fields.  Lines that are entirely empty are
 * skipped.  Returns 1 for a record, 0 at the end of input, -1 when the input
 * cannot be read on (an unterminated quote).  Every problem found (invalid
 * UTF-8, text after a closing quote, an unterminated quote) is added to d
 * with its position; a record that had a problem is still returned. */
int csv_read(struct csv *c, struct diag_list *d);

/* How far the reader is, in bytes, for progress reports. */
size_t csv_offset(const struct csv *c);

/* Trim ASCII blanks (spaces and tabs) from both ends of a field in place:
 * CBS pads codes with spaces ("GM0034    "). */
void csv_trim(struct csv_field *f);

#endif
