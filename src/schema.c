/* SPDX-License-Identifier: EUPL-1.2 */
/* The schema and its migrations, as data: db.c runs them.
 *
 * schema_migrations[i] takes a database from user_version i to i + 1.
 * A released step is never edited: a change is a new step at the end, so
 * every existing file can follow.
 *
 * Choices worth knowing:
 * - Observations are WITHOUT ROWID with the key region, period, indicator,
 *   category, delivery: the screens ask "this region, this period, these
 *   indicators", and the current value of a cell is the last entry of its
 *   key range (highest delivery), one index seek.  That one key serves all
 *   three questions of the screens: a region's period (a range), one
 *   indicator's series (a seek per period: the periods are known), one
 *   period across regions (a seek per region, the regions coming from the
 *   region table or a peer group).  There is deliberately no second index:
 *   inserting into an index in another order than the rows arrive cost an
 *   import of a million rows 2 seconds more than the table itself (0.9 s),
 *   and no screen needs it.
 * - The category of a total is '' (not NULL), so the key stays a plain
 *   equality everywhere.
 * - A missing value is NULL with a flag, never 0; the CHECKs make the
 *   database refuse anything else.
 * - A delivery stores the cells it added or changed.  A cell it repeats
 *   unchanged is counted in the delivery but not stored again: the earlier
 *   delivery still holds that value, so history and current value are the
 *   same as if it had been stored. */
#include "jmon/db.h"
#include "jmon/schema.h"
#include "jmon/xmalloc.h"

const char *const schema_migrations[] = {
	/* 0 -> 1: the first schema. */
	"CREATE TABLE region ("
	"  code   TEXT PRIMARY KEY,"
	"  name   TEXT NOT NULL,"
	"  kind   TEXT NOT NULL CHECK (kind IN ('nl','provincie','regio','gemeente',"
	"                                        'wijk','buurt','postcode')),"
	"  parent TEXT REFERENCES region(code) DEFERRABLE INITIALLY DEFERRED"
	") WITHOUT ROWID;"
	"CREATE INDEX region_children ON region(parent, code);"
	"CREATE TABLE period ("
	"  code  TEXT PRIMARY KEY,"
	"  kind  TEXT NOT NULL CHECK (kind IN ('year','half','quarter','month','date')),"
	"  start TEXT NOT NULL,"
	"  end   TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE INDEX period_by_kind ON period(kind, start);"
	"CREATE TABLE indicator ("
	"  id       TEXT PRIMARY KEY,"
	"  chapter  TEXT NOT NULL,"
	"  position INTEGER NOT NULL,"
	"  label    TEXT NOT NULL,"
	"  unit     TEXT NOT NULL,"
	"  counts   INTEGER NOT NULL,"
	"  active   INTEGER NOT NULL DEFAULT 1"
	") WITHOUT ROWID;"
	"CREATE TABLE category ("
	"  indicator TEXT NOT NULL REFERENCES indicator(id),"
	"  id        TEXT NOT NULL,"
	"  position  INTEGER NOT NULL,"
	"  label     TEXT NOT NULL,"
	"  active    INTEGER NOT NULL DEFAULT 1,"
	"  PRIMARY KEY (indicator, id)"
	") WITHOUT ROWID;"
	"CREATE TABLE delivery ("
	"  id          INTEGER PRIMARY KEY,"
	"  source      TEXT NOT NULL,"
	"  sha256      TEXT NOT NULL UNIQUE,"
	"  format      TEXT NOT NULL,"
	"  imported_at TEXT NOT NULL,"
	"  rows        INTEGER NOT NULL,"
	"  cells_new       INTEGER NOT NULL DEFAULT 0,"
	"  cells_changed   INTEGER NOT NULL DEFAULT 0,"
	"  cells_unchanged INTEGER NOT NULL DEFAULT 0,"
	"  note        TEXT"
	");"
	"CREATE TABLE observation ("
	"  region    TEXT NOT NULL REFERENCES region(code),"
	"  period    TEXT NOT NULL REFERENCES period(code),"
	"  indicator TEXT NOT NULL,"
	"  category  TEXT NOT NULL DEFAULT '',"
	"  delivery  INTEGER NOT NULL REFERENCES delivery(id),"
	"  value     REAL,"
	/* Spelled as comparisons, not IN (...): SQLite builds a temporary index
	 * for a constant IN list of more than two values on every execution of
	 * the INSERT, which was most of the cost of an import. */
	"  flag      TEXT NOT NULL DEFAULT ''"
	"            CHECK (flag = '' OR flag = 'provisional' OR flag = 'suppressed'"
	"                   OR flag = 'unknown' OR flag = 'na'),"
	"  CHECK ((value IS NULL) = (flag <> '' AND flag <> 'provisional')),"
	"  PRIMARY KEY (region, period, indicator, category, delivery),"
	"  FOREIGN KEY (indicator, category) REFERENCES category(indicator, id)"
	") WITHOUT ROWID;"
	"CREATE TABLE annotation ("
	"  region    TEXT NOT NULL REFERENCES region(code),"
	"  period    TEXT NOT NULL REFERENCES period(code),"
	"  indicator TEXT NOT NULL REFERENCES indicator(id),"
	"  category  TEXT NOT NULL DEFAULT '',"
	"  text      TEXT NOT NULL,"
	"  author    TEXT NOT NULL,"
	"  at        TEXT NOT NULL,"
	"  PRIMARY KEY (region, period, indicator, category)"
	") WITHOUT ROWID;"
	"CREATE TABLE review ("
	"  region    TEXT NOT NULL REFERENCES region(code),"
	"  period    TEXT NOT NULL REFERENCES period(code),"
	"  indicator TEXT NOT NULL REFERENCES indicator(id),"
	"  status_override TEXT CHECK (status_override IN ('green','amber','red','grey')),"
	"  reason    TEXT NOT NULL DEFAULT '',"
	"  reviewed  INTEGER NOT NULL DEFAULT 0,"
	"  author    TEXT NOT NULL,"
	"  at        TEXT NOT NULL,"
	"  CHECK (status_override IS NULL OR reason <> ''),"
	"  PRIMARY KEY (region, period, indicator)"
	") WITHOUT ROWID;",
	/* 1 -> 2: the privacy minimum each delivery was imported under, so a
	 * reader's configuration can raise it but never lower it.  Deliveries
	 * from before have none. */
	"CREATE TABLE delivery_privacy ("
	"  delivery  INTEGER NOT NULL REFERENCES delivery(id),"
	"  indicator TEXT NOT NULL,"
	"  min_count INTEGER NOT NULL CHECK (min_count > 0),"
	"  PRIMARY KEY (delivery, indicator)"
	") WITHOUT ROWID;",
	/* 2 -> 3: every analyst's write kept, and each explanation and review
	 * naming the write that made it (change), so a write can be made
	 * conditional on what the analyst saw: "the row is still change N". */
	"CREATE TABLE history ("
	"  id        INTEGER PRIMARY KEY,"
	"  at        TEXT NOT NULL,"
	"  author    TEXT NOT NULL,"
	"  via       TEXT NOT NULL CHECK (via IN ('browser', 'import')),"
	"  region    TEXT NOT NULL,"
	"  period    TEXT NOT NULL,"
	"  indicator TEXT NOT NULL,"
	"  category  TEXT NOT NULL DEFAULT '',"
	"  what      TEXT NOT NULL CHECK (what IN ('review', 'explanation')),"
	"  reviewed  INTEGER,"
	"  status_override TEXT,"
	"  reason    TEXT,"
	"  text      TEXT,"
	/* the figure the write was about, as the analyst saw it */
	"  value     REAL,"
	"  flag      TEXT,"
	"  status    TEXT,"
	"  delivery  INTEGER"
	");"
	"CREATE INDEX history_of_cell ON history(region, period, indicator, category, id);"
	"ALTER TABLE review ADD COLUMN change INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE annotation ADD COLUMN change INTEGER NOT NULL DEFAULT 0;",
	/* 3 -> 4: a status that a document sets (the reviews import) is a fact
	 * about the document, kept per delivery like an observation, not a
	 * review: nobody reviewed it.  The imports' statuses so far were
	 * reviews by "import" and move here, to the newest reviews delivery
	 * (the only one that can still hold them).  And an explanation has
	 * fields (monitor.texts: Ontwikkeling, Streefbeeld), so the field is
	 * part of its key; what was written before is the one field
	 * "toelichting" of the default monitor. */
	"CREATE TABLE source_status ("
	"  region    TEXT NOT NULL REFERENCES region(code),"
	"  period    TEXT NOT NULL REFERENCES period(code),"
	"  indicator TEXT NOT NULL REFERENCES indicator(id),"
	"  delivery  INTEGER NOT NULL REFERENCES delivery(id),"
	"  status    TEXT NOT NULL CHECK (status IN ('green','amber','red','grey')),"
	"  reason    TEXT NOT NULL CHECK (reason <> ''),"
	"  PRIMARY KEY (region, period, indicator, delivery)"
	") WITHOUT ROWID;"
	"INSERT INTO source_status"
	" SELECT r.region, r.period, r.indicator,"
	"        (SELECT max(id) FROM delivery WHERE format = 'reviews'),"
	"        r.status_override, r.reason"
	" FROM review r"
	" WHERE r.author = 'import' AND r.status_override IS NOT NULL"
	"   AND EXISTS (SELECT 1 FROM delivery WHERE format = 'reviews');"
	"DELETE FROM review WHERE author = 'import';"
	"CREATE TABLE annotation_fields ("
	"  region    TEXT NOT NULL REFERENCES region(code),"
	"  period    TEXT NOT NULL REFERENCES period(code),"
	"  indicator TEXT NOT NULL REFERENCES indicator(id),"
	"  category  TEXT NOT NULL DEFAULT '',"
	"  field     TEXT NOT NULL DEFAULT 'toelichting',"
	"  text      TEXT NOT NULL,"
	"  author    TEXT NOT NULL,"
	"  at        TEXT NOT NULL,"
	"  change    INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (region, period, indicator, category, field)"
	") WITHOUT ROWID;"
	"INSERT INTO annotation_fields"
	" SELECT region, period, indicator, category, 'toelichting', text, author, at, change"
	" FROM annotation;"
	"DROP TABLE annotation;"
	"ALTER TABLE annotation_fields RENAME TO annotation;"
	"ALTER TABLE history ADD COLUMN field TEXT NOT NULL DEFAULT '';"
	"UPDATE history SET field = 'toelichting' WHERE what = 'explanation';",
};

const size_t schema_nmigrations = ARRAY_SIZE(schema_migrations);

_Static_assert(ARRAY_SIZE(schema_migrations) == DB_SCHEMA_VERSION,
	       "one migration per schema version");
