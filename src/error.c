/* SPDX-License-Identifier: EUPL-1.2 */
/* Error values and positioned diagnostics; see include/jmon/error.h. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/error.h"
#include "jmon/strbuf.h"
#include "jmon/text.h"
#include "jmon/xmalloc.h"

static const struct {
	int exit_code;
	const char *text;
} status_table[] = {
#define JMON_STATUS_ROW(name, code, text) { code, text },
	JMON_STATUS_CODES(JMON_STATUS_ROW)
#undef JMON_STATUS_ROW
};

static bool speak_dutch;

void jmon_speak_dutch(bool dutch)
{
	speak_dutch = dutch;
}

bool jmon_dutch(void)
{
	return speak_dutch;
}

enum jmon_status jmon_vfail(struct jmon_error *err, enum jmon_status status,
			    const char *fmt, va_list ap)
{
	if (err) {
		err->status = status;
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	}
	return status;
}

enum jmon_status jmon_fail(struct jmon_error *err, enum jmon_status status,
			   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	jmon_vfail(err, status, fmt, ap);
	va_end(ap);
	return status;
}

void jmon_error_clear(struct jmon_error *err)
{
	err->status = JMON_OK;
	err->msg[0] = '\0';
}

void jmon_print(FILE *out, const char *prefix, const char *msg, bool lines)
{
	fputs(prefix, out);
	text_write_safe(out, msg, strlen(msg), lines);
	fputc('\n', out);
}

int jmon_exit_code(enum jmon_status status)
{
	return status_table[status].exit_code;
}

const char *jmon_status_text(enum jmon_status status)
{
	return status_table[status].text;
}

/* A message quotes what the input holds, and the input may hold a line
 * break or an escape sequence (a YAML "\e", a quoted CSV field): shown as
 * \n, \x1B, \u009B, every message is one FILE:LINE:COLUMN line and
 * nothing in it acts on the terminal. */
static void escape_controls(struct strbuf *sb, const char *s)
{
	const char *end = s + strlen(s);

	while (s < end) {
		bool control;
		uint32_t c;
		size_t n = text_char(s, end, &control, &c);
		const char *named = control && n == 1 && *s ? strchr("\nn\rr\tt", *s) : NULL;

		if (!control)
			sb_add(sb, s, n);
		else if (named)
			sb_addf(sb, "\\%c", named[1]);
		else if (n == 1)
			sb_addf(sb, "\\x%02X", (unsigned char)*s);
		else
			sb_addf(sb, "\\u%04X", (unsigned)c);
		s += n;
	}
}

void diag_add(struct diag_list *d, const char *file, long line, long col,
	      const char *fmt, ...)
{
	char msg[768];
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	if (d->count < DIAG_SHOWN) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		if (!d->lines)
			d->lines = xcalloc(DIAG_SHOWN, sizeof *d->lines);
		sb_addf(&sb, "%s:%ld:%ld: ", file, line, col);
		escape_controls(&sb, msg);
		d->lines[d->count] = sb_detach(&sb);
	}
	d->count++;
}

void diag_print(const struct diag_list *d, FILE *out)
{
	int shown = d->count < DIAG_SHOWN ? d->count : DIAG_SHOWN;

	for (int i = 0; i < shown; i++)	/* the file's name too */
		jmon_print(out, "", d->lines[i], false);
	if (d->count > shown)
		fprintf(out, "... and %d more error%s\n", d->count - shown,
			d->count - shown == 1 ? "" : "s");
}

void diag_free(struct diag_list *d)
{
	int shown = d->count < DIAG_SHOWN ? d->count : DIAG_SHOWN;

	for (int i = 0; i < shown; i++)
		free(d->lines[i]);
	free(d->lines);
	d->lines = NULL;
	d->count = 0;
}
