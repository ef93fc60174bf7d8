/* SPDX-License-Identifier: EUPL-1.2 */
/* The importer as `jmon import` runs it: the input as a file, imported
 * into a temporary database with the test monitor of tests/fixtures/import
 * (built in, so a target needs no files), every layout reader behind it. */
#ifndef JMON_FUZZ_IMPORT_H
#define JMON_FUZZ_IMPORT_H

#include <stdio.h>
#include <unistd.h>

#include "jmon/config.h"
#include "jmon/db.h"
#include "jmon/import.h"
#include "fuzz.h"

/* Indicators of every kind the readers look for: a CBS measure with and
 * without decimals, categories, a count. */
static const char fuzz_monitor[] =
	"monitor: {title: Fuzz, region: GM0361}\n"
	"chapters:\n"
	"  - id: cijfers\n"
	"    label: Cijfers\n"
	"    indicators:\n"
	"      - {id: jeugdigen_maatwerk, label: Maatwerk, unit: aantal, counts: true}\n"
	"      - id: verwijzingen\n"
	"        label: Verwijzingen\n"
	"        unit: aantal\n"
	"        categories: [{id: huisarts, label: Huisarts}, {id: jeugdarts, label: Jeugdarts}]\n"
	"        cbs: {measure: JeugdhulpVerwijzingen}\n"
	"      - {id: jeugdzorg_in_natura, label: Natura, unit: aantal,"
	" cbs: {measure: JongerenMetJeugdzorgInNatura}}\n"
	"      - {id: jeugdzorg_pct, label: Pct, unit: procent, decimals: 1,"
	" cbs: {measure: PercentageJongerenMetJeugdzorg, decimals: 1}}\n"
	"      - id: bevolking\n"
	"        label: Bevolking\n"
	"        unit: aantal\n"
	"        categories: [{id: 0_tot_5_jaar, label: \"0 tot 5 jaar\"}]\n"
	"        cbs: {measure: Bevolking}\n"
	"      - {id: tevredenheid, label: Tevredenheid, unit: score, decimals: 1}\n";

/* Import data as a file of the given format into one database per
 * process (under /tmp, removed at exit). */
static inline void fuzz_import(const uint8_t *data, size_t size, enum import_format format)
{
	static struct config *cfg;
	static struct db *db;
	static char dir[] = "/tmp/jmon-fuzz-XXXXXX";
	static char dbpath[64], input[64];
	struct import_options opt = { .format = format, .name = "fuzz.csv" };
	struct import_result res;
	struct diag_list diag = { 0 };
	struct jmon_error err = { 0 };
	FILE *f;

	if (!db) {
		struct diag_list d = { 0 };

		if (!mkdtemp(dir) ||
		    config_parse("fuzz.yaml", fuzz_monitor, sizeof fuzz_monitor - 1, &cfg, &d))
			abort();
		snprintf(dbpath, sizeof dbpath, "%s/fuzz.db", dir);
		snprintf(input, sizeof input, "%s/input", dir);
		if (db_open(dbpath, DB_READWRITE, cfg, &db, &err) != JMON_OK)
			abort();
	}
	if (!(f = fopen(input, "wb")) || fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	import_file(db, cfg, input, &opt, &res, &diag, &err);
	diag_free(&diag);
}

#endif
