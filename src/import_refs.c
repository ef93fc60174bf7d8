/* SPDX-License-Identifier: EUPL-1.2 */
/* What rows refer to, made sure of: regions (found, or created from a
 * well-formed CBS code), periods (inserted once per import), the key of a
 * cell as the long and the reviews CSV write it, and the keys already seen
 * in the file (a second row for one cell is an error).  See
 * include/jmon/import_internal.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jmon/import_internal.h"
#include "jmon/region.h"
#include "jmon/xmalloc.h"

/* --- regions ---------------------------------------------------------------- */

static bool region_known(struct import *im, const char *code, uint32_t *id);

static const char sql_region_get[] = "SELECT name, kind, parent FROM region WHERE code = ?1";
static const char sql_region_insert[] =
	"INSERT INTO region (code, name, kind, parent) VALUES (?1, ?2, ?3, ?4)";
static const char sql_region_update[] =
	"UPDATE region SET name = ?2, kind = ?3, parent = ?4 WHERE code = ?1";

/* 1 and the row in st when code exists, 0 when not, -1 on error. */
static int region_lookup(struct import *im, const char *code, sqlite3_stmt **st,
			 struct jmon_error *err)
{
	int rc;

	if (!(*st = db_prepare(im->db, sql_region_get, err)))
		return -1;
	db_bind_text(*st, 1, code);
	rc = sqlite3_step(*st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	db_fail(im->db, err, "reading regions");
	return -1;
}

static bool same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

enum jmon_status import_put_region(struct import *im, const char *code, const char *name,
				   const char *kind, const char *parent, struct jmon_error *err)
{
	sqlite3_stmt *st;
	char derived[16];
	char *old_name = NULL, *old_kind = NULL, *old_parent = NULL;
	int exists = region_lookup(im, code, &st, err);
	enum jmon_status rc = JMON_OK;

	if (exists < 0)
		return JMON_IO;
	if (exists) {
		old_name = xstrdup(db_column_text(st, 0));
		old_kind = xstrdup(db_column_text(st, 1));
		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			old_parent = xstrdup(db_column_text(st, 2));
	}
	if (!parent && region_parent_of_code(code, derived, sizeof derived)) {
		sqlite3_stmt *p;
		int found = region_lookup(im, derived, &p, err);

		if (found < 0) {
			rc = JMON_IO;
			goto out;
		}
		if (found)
			parent = derived;
	}
	if (!parent)
		parent = old_parent;
	if (!name)
		name = old_name ? old_name : code;
	if (!kind)
		kind = old_kind ? old_kind : region_kind_of_code(code);
	if (exists && same(name, old_name) && same(kind, old_kind) && same(parent, old_parent))
		goto out;
	if (!(st = db_prepare(im->db, exists ? sql_region_update : sql_region_insert, err))) {
		rc = JMON_IO;
		goto out;
	}
	db_bind_text(st, 1, code);
	db_bind_text(st, 2, name);
	db_bind_text(st, 3, kind);
	db_bind_text(st, 4, parent);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(im->db, err, "writing a region");
		goto out;
	}
	if (exists)
		im->res->regions_changed++;
	else
		im->res->regions_new++;
out:
	free(old_name);
	free(old_kind);
	free(old_parent);
	return rc;
}

int import_region(struct import *im, const char *code, const struct csv_field *f,
		  struct jmon_error *err)
{
	sqlite3_stmt *st;
	int exists;
	uint32_t id;

	/* A code is looked up once per import: rows of a file out of order
	 * change region on every row. */
	if (region_known(im, code, &id) && im->region_checked[id])
		return 1;
	if ((exists = region_lookup(im, code, &st, err)) < 0)
		return -1;
	if (!exists) {
		if (!region_kind_of_code(code)) {
			import_error(im, f, "unknown region '%s' (not in the regions table, "
				     "and not a CBS code like GM0361)", code);
			return 0;
		}
		if (import_put_region(im, code, NULL, NULL, NULL, err) != JMON_OK)
			return -1;
	}
	id = import_region_id(im, code);	/* first: it may move the array */
	im->region_checked[id] = true;
	return 1;
}

/* --- periods ---------------------------------------------------------------- */

static const char sql_period_insert[] =
	"INSERT OR IGNORE INTO period (code, kind, start, end) VALUES (?1, ?2, ?3, ?4)";

uint32_t import_period_key(const struct period *p)
{
	return (uint32_t)p->year << 16 | (uint32_t)p->kind << 12 | (uint32_t)p->n << 5 |
	       (uint32_t)p->day;
}

void import_period_code(uint32_t key, char *code)
{
	struct period p = { .kind = (enum period_kind)(key >> 12 & 15), .year = (int)(key >> 16),
			    .n = (int)(key >> 5 & 127), .day = (int)(key & 31) };

	period_format(&p, code);
}

const char *import_period(struct import *im, const struct period *p, struct jmon_error *err)
{
	char start[PERIOD_CODE_MAX], end[PERIOD_CODE_MAX];
	uint32_t key = import_period_key(p);
	sqlite3_stmt *st;

	/* Rows come grouped by period, and a file has few periods: formatting
	 * a code for every row, or inserting one for every group, showed in the
	 * profile. */
	if (key == im->last_period_key && im->last_period[0])
		return im->last_period;
	im->last_period_key = key;
	/* out of order every row can be another period: its code is kept */
	for (size_t i = 0; i < im->nperiods; i++)
		if (im->periods[i].key == key)
			return memcpy(im->last_period, im->periods[i].code, PERIOD_CODE_MAX);
	period_format(p, im->last_period);
	ARRAY_GROW(im->periods, im->nperiods, im->capperiods);
	im->periods[im->nperiods].key = key;
	memcpy(im->periods[im->nperiods++].code, im->last_period, PERIOD_CODE_MAX);
	period_start(p, start);
	period_end(p, end);
	if (!(st = db_prepare(im->db, sql_period_insert, err)))
		goto fail;
	db_bind_text(st, 1, im->last_period);
	db_bind_text(st, 2, period_kind_name(p->kind));
	db_bind_text(st, 3, start);
	db_bind_text(st, 4, end);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail(im->db, err, "writing a period");
		goto fail;
	}
	return im->last_period;
fail:
	im->last_period[0] = '\0';
	return NULL;
}

/* --- the key of a cell ------------------------------------------------------ */

enum jmon_status import_cell_key(struct import *im, struct csv_field *region,
				 struct csv_field *period, struct csv_field *indicator,
				 struct csv_field *category, const struct indicator **last,
				 struct import_cell_key *out, bool *ok, struct jmon_error *err)
{
	int region_ok;

	memset(out, 0, sizeof *out);
	csv_trim(region);
	csv_trim(period);
	csv_trim(indicator);
	csv_trim(category);
	out->region = region->s;
	if ((region_ok = import_region(im, region->s, region, err)) < 0)
		return JMON_IO;
	*ok = region_ok > 0;
	if (!period_parse(period->s, period->len, &out->p)) {
		char msg[512];

		import_error(im, period, "%s", period_malformed(period->s, msg, sizeof msg));
		*ok = false;
	} else if (!(out->period = import_period(im, &out->p, err))) {
		return JMON_IO;
	}
	if (*last && strcmp((*last)->id, indicator->s) == 0)
		out->ind = *last;
	else if ((out->ind = config_indicator(im->cfg, indicator->s)))
		*last = out->ind;
	if (!out->ind) {
		import_error(im, indicator, "unknown indicator '%s'", indicator->s);
		*ok = false;
	} else if (category->len > 0 && !(out->cat = indicator_category(out->ind, category->s))) {
		import_error(im, category, "unknown category '%s' of indicator '%s'", category->s,
			     out->ind->id);
		*ok = false;
	}
	return JMON_OK;
}

bool import_cell_key_first(struct import *im, const struct import_cell_key *k)
{
	long line = im->csv.record_line;
	uint32_t first = import_seen(im, &(struct import_key){
		k->region, k->ind, k->cat, import_period_key(&k->p), (uint32_t)line });

	if (first) {
		char msg[IMPORT_DUPLICATE_MAX];

		import_duplicate_message(msg, sizeof msg, k->region, k->period, k->ind, k->cat, first);
		diag_add(im->diag, im->name, line, 1, "%s", msg);
	}
	return !first;
}

void import_duplicate_message(char *msg, size_t size, const char *region, const char *period,
			      const struct indicator *ind, const struct category *cat,
			      uint32_t first)
{
	snprintf(msg, size, "duplicate row: %s %s %s%s%s was given on line %u already", region,
		 period, ind->id, cat ? " " : "", cat ? cat->id : "", first);
}

/* --- duplicate keys ---------------------------------------------------------- */

/* A key as the import keeps it (struct import_seen_key): 16 bytes,
 * whatever the codes' lengths.  The region is an id given in the order
 * regions first appear (their codes are kept once, in im->region_codes),
 * the indicator and category one number in configuration order. */

static uint64_t code_hash(const char *code)
{
	uint64_t h = 1469598103934665603u;

	for (const char *p = code; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	return h;
}

/* The slot of code in the index of region codes: where its id + 1 is, or
 * the empty one where it would go. */
static size_t region_slot(const struct import *im, const char *code)
{
	size_t s;

	for (s = code_hash(code) & (im->nregion_slots - 1); im->region_slots[s];
	     s = (s + 1) & (im->nregion_slots - 1))
		if (!strcmp(im->region_codes[im->region_slots[s] - 1], code))
			break;
	return s;
}

static bool region_known(struct import *im, const char *code, uint32_t *id)
{
	size_t s;

	/* rows come grouped by region: the last one, without hashing */
	if (im->nregion_codes && !strcmp(im->region_codes[im->last_region_id], code)) {
		*id = im->last_region_id;
		return true;
	}
	if (!im->nregion_slots || !im->region_slots[s = region_slot(im, code)])
		return false;
	*id = im->last_region_id = im->region_slots[s] - 1;
	return true;
}

/* The id of a region code, a new one for a code not seen before. */
uint32_t import_region_id(struct import *im, const char *code)
{
	uint32_t id;
	size_t s;

	if (region_known(im, code, &id))
		return id;
	if ((im->nregion_codes + 1) * 2 > im->nregion_slots) {
		size_t n = im->nregion_slots ? im->nregion_slots * 2 : 256;

		free(im->region_slots);
		im->region_slots = xcalloc(n, sizeof *im->region_slots);
		im->nregion_slots = n;
		for (size_t i = 0; i < im->nregion_codes; i++)
			im->region_slots[region_slot(im, im->region_codes[i])] = (uint32_t)i + 1;
	}
	s = region_slot(im, code);
	ARRAY_GROW(im->region_codes, im->nregion_codes, im->capregion_codes);
	ARRAY_GROW(im->region_checked, im->nregion_codes, im->capregion_checked);
	im->region_codes[im->nregion_codes] = xstrdup(code);
	im->region_checked[im->nregion_codes] = false;
	im->region_slots[s] = (uint32_t)im->nregion_codes + 1;
	return im->last_region_id = (uint32_t)im->nregion_codes++;
}

const char *import_region_code(struct import *im, const char *code)
{
	uint32_t id = import_region_id(im, code);	/* first: it may move the array */

	return im->region_codes[id];
}

/* The indicator and category as one number: the indicator's place in the
 * configuration, and the category's (0 the total). */
uint32_t import_cell_id(struct import *im, const struct indicator *ind,
			const struct category *cat)
{
	if (!ind)
		return 0;
	if (ind != im->last_indicator) {
		uint32_t pos = 1;

		for (size_t c = 0; c < im->cfg->nchapters; c++) {
			const struct chapter *ch = &im->cfg->chapters[c];

			if (ind >= ch->indicators && ind < ch->indicators + ch->nindicators) {
				pos += (uint32_t)(ind - ch->indicators);
				break;
			}
			pos += (uint32_t)ch->nindicators;
		}
		im->last_indicator = ind;
		im->last_indicator_pos = pos;
	}
	return import_cell_make(im->last_indicator_pos,
				cat ? (uint32_t)(cat - ind->categories) + 1 : 0);
}

const struct indicator *import_cell_indicator(const struct import *im, uint32_t cell,
					      const struct category **cat)
{
	uint32_t pos = import_cell_pos(cell) - 1, k = import_cell_cat(cell);

	for (size_t c = 0; c < im->cfg->nchapters; c++) {
		const struct chapter *ch = &im->cfg->chapters[c];

		if (pos < ch->nindicators) {
			const struct indicator *ind = &ch->indicators[pos];

			*cat = k ? &ind->categories[k - 1] : NULL;
			return ind;
		}
		pos -= (uint32_t)ch->nindicators;
	}
	return NULL;
}

static uint64_t key_hash(const struct import_seen_key *k)
{
	/* MurmurHash3's finalizer over the three numbers: ids and period
	 * keys have runs of zero bits at the bottom */
	uint64_t h = (uint64_t)k->region << 32 ^ k->cell;

	h = (h ^ h >> 33) * 0xff51afd7ed558ccdu;
	h ^= k->period;
	h = (h ^ h >> 33) * 0xc4ceb9fe1a85ec53u;
	return h ^ h >> 33;
}

static bool key_equal(const struct import_seen_key *a, const struct import_seen_key *b)
{
	return a->region == b->region && a->period == b->period && a->cell == b->cell;
}

/* Keys in one fixed order: region (as first seen), period, cell. */
static int key_cmp(const struct import_seen_key *a, const struct import_seen_key *b)
{
	if (a->region != b->region)
		return a->region < b->region ? -1 : 1;
	if (a->period != b->period)
		return a->period < b->period ? -1 : 1;
	if (a->cell != b->cell)
		return a->cell < b->cell ? -1 : 1;
	return 0;
}

/* A slot holds the upper half of the key's hash next to its index, so a
 * probe that meets another key is settled without reading that key: with a
 * million keys, the key array is a cache miss away. */
static uint64_t slot_of(uint64_t h, size_t index)
{
	return (h >> 32) << 32 | (uint64_t)(index + 1);
}

static void rehash(struct import *im)
{
	size_t n = im->nslots ? im->nslots * 2 : 1024;

	free(im->slots);
	im->slots = xcalloc(n, sizeof *im->slots);
	im->nslots = n;
	for (size_t i = 0; i < im->nkeys; i++) {
		uint64_t h = key_hash(&im->keys[i]);
		size_t s = h & (n - 1);

		while (im->slots[s])
			s = (s + 1) & (n - 1);
		im->slots[s] = slot_of(h, i);
	}
}

/* --- keys past the ones in memory -------------------------------------------- */

size_t import_keys_in_memory = 1 << 19;

/* emptied, never dropped: DROP TABLE fails while any statement of the
 * connection is still on a row (the importer's lookups are) */
static const char sql_seen_empty[] = "DELETE FROM temp.import_seen";
static const char sql_seen_create[] =
	"CREATE TEMP TABLE IF NOT EXISTS import_seen (region INTEGER, period INTEGER, cell INTEGER,"
	" line INTEGER, PRIMARY KEY (region, period, cell)) WITHOUT ROWID";
static const char sql_seen_insert[] =
	"INSERT OR IGNORE INTO temp.import_seen VALUES (?1, ?2, ?3, ?4)";
static const char sql_seen_line[] =
	"SELECT line FROM temp.import_seen WHERE region = ?1 AND period = ?2 AND cell = ?3";

void import_seen_drop(struct import *im)
{
	if (im->spilled)
		db_exec(im->db, sql_seen_empty, NULL);
	im->spilled = false;
}

static void bind_key(sqlite3_stmt *st, const struct import_seen_key *k)
{
	sqlite3_bind_int64(st, 1, k->region);
	sqlite3_bind_int64(st, 2, k->period);
	sqlite3_bind_int64(st, 3, k->cell);
}

/* A key that did not fit in memory: SQLite's table, on disk past its 4 MiB
 * of cache, so a shuffled file of any size is checked in bounded memory.
 * 0 when new, else the line it was first seen on. */
static uint32_t seen_spilled(struct import *im, const struct import_seen_key *k)
{
	sqlite3_stmt *st;
	uint32_t line = 0;

	if (!im->spilled) {
		if (db_exec(im->db, "PRAGMA temp.cache_size = -4096", &im->seen_err) != JMON_OK ||
		    db_exec(im->db, sql_seen_create, &im->seen_err) != JMON_OK ||
		    db_exec(im->db, sql_seen_empty, &im->seen_err) != JMON_OK)
			return 0;
		im->spilled = true;
	}
	if (!(st = db_prepare(im->db, sql_seen_insert, &im->seen_err)))
		return 0;
	bind_key(st, k);
	sqlite3_bind_int64(st, 4, k->line);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_fail(im->db, &im->seen_err, "keeping the keys of the file");
		return 0;
	}
	/* reset at once: a statement left on the table keeps DROP TABLE out */
	sqlite3_reset(st);
	if (sqlite3_changes(im->db->sql) > 0)
		return 0;
	if (!(st = db_prepare(im->db, sql_seen_line, &im->seen_err)))
		return 0;
	bind_key(st, k);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_fail(im->db, &im->seen_err, "reading the keys of the file");
		return 0;
	}
	line = (uint32_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return line;
}

uint32_t import_seen(struct import *im, const struct import_key *key)
{
	struct import_seen_key k = { import_region_id(im, key->region), key->period,
				     import_cell_id(im, key->indicator, key->category), key->line };
	uint64_t h, slot;
	size_t s;

	/* Exports come sorted more often than not, and while every key is
	 * greater than the one before, none can repeat: then only the last
	 * key is kept, so memory does not grow with the file.  The first key
	 * out of order starts the import again from the top (import.c), now
	 * keeping every key in a hash table; a pipe, which cannot be read
	 * twice, keeps them from the start. */
	if (!im->unsorted) {
		if (im->nkeys == 0 || key_cmp(&im->last_key, &k) < 0) {
			im->last_key = k;
			im->nkeys = 1;
			return 0;
		}
		im->restart = true;	/* import.c reads the file again */
		return 0;
	}
	if ((im->nkeys + 1) * 4 > im->nslots * 3 && im->nkeys < import_keys_in_memory)
		rehash(im);	/* keep the table under 3/4 full */
	h = key_hash(&k);
	for (s = h & (im->nslots - 1); (slot = im->slots[s]); s = (s + 1) & (im->nslots - 1)) {
		const struct import_seen_key *o = &im->keys[(slot & 0xffffffffu) - 1];

		if (slot >> 32 == h >> 32 && key_equal(o, &k))
			return o->line;
	}
	if (im->nkeys >= import_keys_in_memory)
		return seen_spilled(im, &k);
	ARRAY_GROW(im->keys, im->nkeys, im->capkeys);
	im->keys[im->nkeys] = k;
	im->slots[s] = slot_of(h, im->nkeys++);
	return 0;
}
