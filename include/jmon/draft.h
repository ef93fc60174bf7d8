/* SPDX-License-Identifier: EUPL-1.2 */
/* Drafts of explanations: the text the editor held when the connection
 * dropped (or jmon was told to end), kept until it is saved or thrown
 * away, one file per figure under $XDG_STATE_HOME/jmon/drafts/ (default
 * ~/.local/state/jmon/drafts/).  An explanation may say things about
 * families that the analyst alone should read, so the directories are made
 * 0700 and the files 0600.  Curses-free. */
#ifndef JMON_DRAFT_H
#define JMON_DRAFT_H

#include <stdbool.h>
#include <time.h>

#include "jmon/error.h"
#include "jmon/query.h"

/* The draft file of a figure (caller frees), or NULL when there is no
 * place for drafts ($XDG_STATE_HOME not absolute and $HOME unset).  The
 * name holds the region, period, indicator and category, each with every
 * byte but [A-Za-z0-9_-] written as %XX, joined by dots:
 * "GM0361.2020Q1.verwijzingen.huisarts.txt", and for the total
 * "GM0361.2020Q1.verwijzingen.txt"; a text field (not NULL: a monitor
 * with several) follows a '~': "GM0034.2018H2.thema_ggz~streefbeeld.txt".
 * No two figures or fields share a name. */
char *draft_path(const struct cell_key *key, const char *field);

/* Keep text as the draft at path, creating the directories.  The old
 * draft is replaced whole (a new file renamed over it), so a draft is never
 * half written. */
enum jmon_status draft_save(const char *path, const char *text, struct jmon_error *err);

/* The draft at path: true with its text (caller frees) and the time it was
 * written; false when there is none. */
bool draft_load(const char *path, char **text, time_t *written);

/* The draft is done with (saved or thrown away); no draft is fine. */
void draft_remove(const char *path);

#endif
