/* SPDX-License-Identifier: EUPL-1.2 */
/* Texts kept once for the life of the process.
 *
 * A figure's reasons and the file of its status were arrays of hundreds
 * of bytes in every row (2.6 KiB a figure); the same reason recurs over
 * the regions and periods of a session, and a figure is copied by value
 * (a series keeps its rows, a selection outlives a reload), so a text that
 * never goes away is what lets a copy stay a plain copy. */
#ifndef JMON_INTERN_H
#define JMON_INTERN_H

/* The one kept copy of text (NULL: ""). */
const char *intern(const char *text);

#endif
