/* SPDX-License-Identifier: EUPL-1.2 */
/* Per-key timing of the browser for the benchmark: with $JMON_KEY_TIMES
 * naming a file, one line per key or command, "MS KEY", the milliseconds
 * from reading it to the screen drawn after it (tools/bench-national.sh). */
#ifndef JMON_KEYTIME_H
#define JMON_KEYTIME_H

/* Opens $JMON_KEY_TIMES when it is set; does nothing otherwise. */
void keytime_open(void);
/* A key or command was read: the clock starts. */
void keytime_start(int key, const char *command);
/* The screen after it is drawn: its line is written. */
void keytime_done(void);
void keytime_close(void);

#endif
