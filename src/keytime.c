/* SPDX-License-Identifier: EUPL-1.2 */
/* Per-key timing; see include/jmon/keytime.h. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "jmon/keys.h"
#include "jmon/keytime.h"

static FILE *out;
static struct timespec started;
static char what[64];
static int pending;

void keytime_open(void)
{
	const char *path = getenv("JMON_KEY_TIMES");

	/* a benchmark's file: line buffered would cost what it measures */
	if (path && *path && !(out = fopen(path, "w")))
		perror(path);
}

void keytime_start(int key, const char *command)
{
	char label[32];

	if (!out)
		return;
	if (command)
		snprintf(what, sizeof what, ":%s", command);
	else
		snprintf(what, sizeof what, "%s", key_label(key, label, sizeof label));
	pending = 1;
	clock_gettime(CLOCK_MONOTONIC, &started);
}

void keytime_done(void)
{
	struct timespec now;

	if (!out || !pending)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	fprintf(out, "%.3f %s\n", (double)(now.tv_sec - started.tv_sec) * 1e3 +
		(double)(now.tv_nsec - started.tv_nsec) / 1e6, what);
	pending = 0;
}

void keytime_close(void)
{
	keytime_done();	/* the last key: the one that ended the browser */
	if (out)
		fclose(out);
	out = NULL;
}
