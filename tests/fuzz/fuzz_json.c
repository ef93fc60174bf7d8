/* SPDX-License-Identifier: EUPL-1.2 */
/* The OData JSON reader: the text's rows served as records, read twice,
 * once whole in memory and once streaming from a file in a window of a
 * few bytes (so every row, key and string crosses the window's moves).
 * Both readings must serve the same records and say the same: a
 * difference is a bug of the streaming (aborts, as a crash). */
#include <stdio.h>
#include <unistd.h>

#include "jmon/import_internal.h"
#include "fuzz.h"

#define WINDOW 8

/* What a reading served: each record's fields and the messages, as text. */
static char *reading(struct csv *c, const char *data, size_t size, bool streaming)
{
	struct diag_list diag = { 0 };
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	int r = 0;

	if (!f)
		abort();
	if (streaming) {
		FILE *in = tmpfile();

		if (!in || fwrite(data, 1, size, in) != size || fflush(in) != 0)
			abort();
		rewind(in);
		csv_open_fd(c, dup(fileno(in)), "fuzz.json", WINDOW);
		fclose(in);
	} else {
		csv_open_buffer(c, "fuzz.json", data, size);
	}
	if (import_looks_like_json(c)) {
		fprintf(f, "table %d\n", import_json_table(c, "fuzz.json", &diag));
		if (c->table)
			while ((r = csv_read(c, &diag)) > 0)
				for (size_t i = 0; i < c->nfields; i++)
					fprintf(f, "%ld:%ld %zu %s\n", c->fields[i].line,
						c->fields[i].col, c->fields[i].len, c->fields[i].s);
		fprintf(f, "end %d\n", r);
	}
	fprintf(f, "%d messages\n", diag.count);
	for (int i = 0; i < diag.count && i < DIAG_SHOWN; i++)	/* the ones kept */
		fprintf(f, "%s\n", diag.lines[i]);
	fclose(f);
	csv_close(c);
	diag_free(&diag);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv c;
	char *whole = reading(&c, (const char *)data, size, false);
	char *streamed = reading(&c, (const char *)data, size, true);

	if (strcmp(whole, streamed) != 0) {
		fprintf(stderr, "whole:\n%s\nstreamed:\n%s\n", whole, streamed);
		abort();
	}
	free(whole);
	free(streamed);
	return 0;
}
