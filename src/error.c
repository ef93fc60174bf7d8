/* SPDX-License-Identifier: EUPL-1.2 */
/* Error values and positioned diagnostics; see include/jmon/error.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/error.h"
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

int jmon_exit_code(enum jmon_status status)
{
	return status_table[status].exit_code;
}

const char *jmon_status_text(enum jmon_status status)
{
	return status_table[status].text;
}

void diag_add(struct diag_list *d, const char *file, long line, long col,
	      const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	if (d->count < DIAG_SHOWN) {
		va_start(ap, fmt);
		vsnprintf(msg, sizeof msg, fmt, ap);
		va_end(ap);
		if (!d->lines)
			d->lines = xcalloc(DIAG_SHOWN, sizeof *d->lines);
		d->lines[d->count] = xasprintf("%s:%ld:%ld: %s", file, line, col, msg);
	}
	d->count++;
}

void diag_print(const struct diag_list *d, FILE *out)
{
	int shown = d->count < DIAG_SHOWN ? d->count : DIAG_SHOWN;

	for (int i = 0; i < shown; i++)
		fprintf(out, "%s\n", d->lines[i]);
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
