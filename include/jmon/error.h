/* SPDX-License-Identifier: EUPL-1.2 */
/* Errors as values: a status code (with its sysexits exit status) and a
 * message for the user.  Functions that can fail return enum jmon_status and
 * fill a struct jmon_error; only main() turns a status into an exit. */
#ifndef JMON_ERROR_H
#define JMON_ERROR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

/* name, exit status (sysexits.h), what it means */
#define JMON_STATUS_CODES(_) \
	_(OK,       0,  "success") \
	_(USAGE,    64, "usage error") \
	_(DATA,     65, "bad input data") \
	_(NOINPUT,  66, "cannot open input") \
	_(SOFTWARE, 70, "internal error") \
	_(CANTCREAT,73, "cannot create output file") \
	_(IO,       74, "input/output or database error") \
	_(CONFLICT, 75, "changed by someone else meanwhile") \
	_(NOPERM,   77, "permission denied") \
	_(CONFIG,   78, "bad configuration")

enum jmon_status {
#define JMON_STATUS_ENUM(name, code, text) JMON_##name,
	JMON_STATUS_CODES(JMON_STATUS_ENUM)
#undef JMON_STATUS_ENUM
};

struct jmon_error {
	enum jmon_status status;
	char msg[1024];
};

/* Record an error and return its status, so callers can write
 * `return jmon_fail(err, JMON_DATA, "%s: ...", path);`. err may be NULL. */
enum jmon_status jmon_fail(struct jmon_error *err, enum jmon_status status,
			   const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
enum jmon_status jmon_vfail(struct jmon_error *err, enum jmon_status status,
			    const char *fmt, va_list ap);
void jmon_error_clear(struct jmon_error *err);

/* The language of the interface a message is for: the command line
 * speaks English (its options, usage and FILE:LINE:COLUMN diagnostics),
 * the browser Dutch (jmon(1), DIAGNOSTICS).  The few messages that code
 * shared by both words (a period that does not parse, a file others may
 * write or that may not be written, a writer that waited too long) ask
 * jmon_dutch() and carry both texts side by side, so that the compiler
 * checks the format of each.  The browser switches to Dutch once its
 * screen is up; what goes wrong before that is a command-line error. */
void jmon_speak_dutch(bool dutch);
bool jmon_dutch(void);

/* A message of jmon's own on out (standard error): prefix ("jmon: "),
 * msg, a line break.  What msg quotes (a file name, a code, a label) goes
 * through text_write_safe, so a name with an escape sequence or a line
 * break can neither act on the terminal nor break the line; lines keeps
 * the line breaks of a message of several lines (the FILE:LINE:COLUMN
 * lines of a configuration, each escaped already). */
void jmon_print(FILE *out, const char *prefix, const char *msg, bool lines);

int jmon_exit_code(enum jmon_status status);
const char *jmon_status_text(enum jmon_status status);

/* Positioned diagnostics for input files: every problem is collected as
 * "FILE:LINE:COLUMN: message"; printing shows the first DIAG_SHOWN and then
 * a count of the rest, so a broken file of a million rows stays readable. */
#define DIAG_SHOWN 20

/* A place in the configuration file, 1-based as editors count (libyaml's
 * marks count from 0), kept for the checks that run after the walk. */
struct config_pos {
	int line, col;
};

struct diag_list {
	char **lines;		/* the first DIAG_SHOWN messages */
	int count;		/* all problems, shown or not */
};

void diag_add(struct diag_list *d, const char *file, long line, long col,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_print(const struct diag_list *d, FILE *out);
void diag_free(struct diag_list *d);

#endif
