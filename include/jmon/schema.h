/* SPDX-License-Identifier: EUPL-1.2 */
/* The schema as data: the migrations, in order.  schema_migrations[i]
 * takes a database from user_version i to i + 1; db.c runs them (db_open,
 * read-write) inside one transaction. */
#ifndef JMON_SCHEMA_H
#define JMON_SCHEMA_H

#include <stddef.h>

extern const char *const schema_migrations[];
/* The number of migrations: DB_SCHEMA_VERSION (include/jmon/db.h). */
extern const size_t schema_nmigrations;

#endif
