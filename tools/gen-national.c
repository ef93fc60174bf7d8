/* SPDX-License-Identifier: EUPL-1.2 */
/* gen-national: the whole country at wijk level, for the benchmark.
 *
 *   gen-national [-c CONFIG] [-g GEMEENTEN] [-w WIJKEN] [-s SEED] [-n] DIR
 *
 * Writes DIR/regions.csv (NL01, the twelve provinces, GEMEENTEN gemeenten
 * (342), about WIJKEN wijken (3 300) and their buurten), DIR/delivery-1.csv
 * (every indicator and category of the monitor CONFIG (the built-in
 * default) for 40 quarters 2015Q1-2024Q4, the years of the indicators
 * without a rollup, and for the CBS indicators a reference date a year
 * down to the buurten), DIR/delivery-2.csv (2024Q4 again, a tenth of its
 * counts revised, its provisional flags made final) and DIR/peers.txt
 * (the gemeenten of Noord-Holland, comma separated, for :peers).  -n
 * leaves out the sums of the provinces and NL (a small database of one
 * gemeente).
 *
 * Deterministic: every value is a hash of the seed and the cell, so the
 * same arguments give the same bytes.  Counts are made at the lowest level
 * and summed up (buurt to wijk for the CBS counts, wijk to gemeente,
 * gemeente to province and NL), and a total: sum is the sum of its
 * categories, so a delivery is consistent where the monitor says it adds
 * up; small wijken give counts below the privacy minimum.  The rows come
 * as a delivery does: period by period, a block of gemeenten at a time,
 * their regions interleaved within each cell, never sorted by key.
 *
 * Linked with jmon's own objects (the configuration reader): built by
 * `make build/gen-national` for `make bench`. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jmon/config.h"
#include "jmon/error.h"

#define QUARTERS 40
#define FIRST_YEAR 2015
#define YEARS (QUARTERS / 4)
#define BLOCK 8			/* gemeenten whose rows are interleaved */
#define MAX_WIJKEN 99		/* two digits of a WK code */
#define MAX_BUURTEN 9		/* of a wijk */

static const struct {
	const char *code, *name;
	int gemeenten;		/* as in 2024 */
} provinces[] = {
	{ "PV20", "Groningen", 10 }, { "PV21", "Fryslân", 18 }, { "PV22", "Drenthe", 12 },
	{ "PV23", "Overijssel", 25 }, { "PV24", "Flevoland", 6 }, { "PV25", "Gelderland", 51 },
	{ "PV26", "Utrecht", 26 }, { "PV27", "Noord-Holland", 44 }, { "PV28", "Zuid-Holland", 50 },
	{ "PV29", "Zeeland", 13 }, { "PV30", "Noord-Brabant", 56 }, { "PV31", "Limburg", 31 },
};
#define NPROV (sizeof provinces / sizeof *provinces)

/* The regions the default monitor names (its region and peers) come
 * first, with their own names, so every screen of it has data. */
static const struct {
	int code;
	const char *name;
	int province, inhabitants;
} named[] = {
	{ 361, "Alkmaar", 7, 110000 }, { 392, "Haarlem", 7, 162000 },
	{ 479, "Zaanstad", 7, 158000 }, { 546, "Leiden", 8, 127000 },
	{ 503, "Delft", 8, 105000 }, { 150, "Deventer", 3, 102000 },
	{ 373, "Bergen (NH.)", 7, 30000 }, { 383, "Castricum", 7, 36000 },
	{ 399, "Heiloo", 7, 24000 }, { 450, "Uitgeest", 7, 14000 },
	{ 1980, "Dijk en Waard", 7, 90000 }, { 363, "Amsterdam", 7, 930000 },
	{ 599, "Rotterdam", 8, 670000 },
};
#define NNAMED (sizeof named / sizeof *named)

struct wijk {
	int buurten;
	double youth;		/* inhabitants 0-17 */
};

struct gemeente {
	int code, province, nwijken;
	char name[40];
	double youth;
	struct wijk *wijken;
};

static uint64_t seed = 20261202;
static bool above = true;	/* -n: no provinces and NL (the small database) */
static int members[NPROV];	/* gemeenten of each province */

/* splitmix64 of the seed and a cell's coordinates: a value that does not
 * depend on the order the rows are written in */
static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static double uniform(uint64_t a, uint64_t b, uint64_t c, uint64_t d)
{
	uint64_t h = mix(seed ^ mix(a ^ mix(b ^ mix(c ^ mix(d)))));

	return (double)(h >> 11) / 9007199254740992.0;
}

/* --- output: a buffer of our own, the rows are the time ------------- */
struct out {
	FILE *fp;
	char buf[1 << 16];
	size_t len;
	long rows;
};

static void out_flush(struct out *o)
{
	if (o->len && fwrite(o->buf, 1, o->len, o->fp) != o->len) {
		perror("gen-national: write");
		exit(74);
	}
	o->len = 0;
}

static void out_str(struct out *o, const char *s)
{
	size_t n = strlen(s);

	if (o->len + n > sizeof o->buf)
		out_flush(o);
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void out_char(struct out *o, char c)
{
	if (o->len == sizeof o->buf)
		out_flush(o);
	o->buf[o->len++] = c;
}

static void out_long(struct out *o, long v)
{
	char tmp[24];
	int n = 0;

	if (v < 0) {
		out_char(o, '-');
		v = -v;
	}
	do
		tmp[n++] = (char)('0' + v % 10);
	while (v /= 10);
	while (n)
		out_char(o, tmp[--n]);
}

/* a value of one decimal as tenths */
static void out_tenths(struct out *o, long tenths)
{
	out_long(o, tenths / 10);
	out_char(o, '.');
	out_char(o, (char)('0' + tenths % 10));
}

static struct out *out_open(const char *dir, const char *name)
{
	struct out *o = calloc(1, sizeof *o);
	char path[4096];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	if (!o || !(o->fp = fopen(path, "w"))) {
		perror(path);
		exit(73);
	}
	return o;
}

static void out_close(struct out *o)
{
	out_flush(o);
	if (fclose(o->fp)) {
		perror("gen-national: close");
		exit(74);
	}
	free(o);
}

/* --- the country ----------------------------------------------------- */
static struct gemeente *gemeenten;
static int ngemeenten;

static bool code_used(int code, int upto)
{
	for (int i = 0; i < upto; i++)
		if (gemeenten[i].code == code)
			return true;
	return false;
}

/* Sizes as the country has them: a few cities, most gemeenten of 15 000
 * to 50 000 inhabitants (a lognormal), wijken by a root of the size (a
 * city has many, a village one or two), buurten one to nine a wijk. */
static void make_country(int n, int wijken)
{
	int quota[NPROV], next = 1;
	double weight = 0;

	gemeenten = calloc((size_t)n, sizeof *gemeenten);
	ngemeenten = n;
	for (size_t p = 0; p < NPROV; p++)
		quota[p] = provinces[p].gemeenten;
	for (int i = 0; i < n; i++) {
		struct gemeente *g = &gemeenten[i];
		double inhabitants;

		if ((size_t)i < NNAMED) {
			g->code = named[i].code;
			g->province = named[i].province;
			snprintf(g->name, sizeof g->name, "%s", named[i].name);
			inhabitants = named[i].inhabitants;
		} else {
			while (code_used(next, (int)NNAMED < n ? (int)NNAMED : n))
				next++;
			g->code = next;
			next += 1 + (int)(uniform(1, (uint64_t)i, 0, 0) * 4);
			/* the provinces in proportion to their gemeenten */
			size_t p = (size_t)(uniform(2, (uint64_t)i, 0, 0) * NPROV);
			for (size_t k = 0; k < NPROV && quota[p] <= 0; k++)
				p = (p + 1) % NPROV;
			g->province = (int)p;
			snprintf(g->name, sizeof g->name, "Gemeente %04d", g->code);
			double u1 = uniform(3, (uint64_t)i, 0, 0) + 1e-12, u2 = uniform(4, (uint64_t)i, 0, 0);
			double z = sqrt(-2 * log(u1)) * cos(2 * M_PI * u2);
			inhabitants = exp(10.2 + 0.8 * z);
			if (inhabitants < 1000)
				inhabitants = 1000;
			if (inhabitants > 400000)
				inhabitants = 400000;
		}
		quota[g->province]--;
		g->youth = inhabitants * 0.2;
		weight += pow(inhabitants, 0.75);
	}
	for (int i = 0; i < n; i++) {
		struct gemeente *g = &gemeenten[i];
		double share = pow(g->youth / 0.2, 0.75) / weight;

		g->nwijken = (int)lround(share * wijken);
		if (g->nwijken < 1)
			g->nwijken = 1;
		if (g->nwijken > MAX_WIJKEN)
			g->nwijken = MAX_WIJKEN;
		g->wijken = calloc((size_t)g->nwijken, sizeof *g->wijken);
		double sum = 0;
		for (int w = 0; w < g->nwijken; w++) {
			g->wijken[w].youth = 0.3 + uniform(5, (uint64_t)i, (uint64_t)w, 0);
			sum += g->wijken[w].youth;
			g->wijken[w].buurten = 1 + (int)(uniform(6, (uint64_t)i, (uint64_t)w, 0) * 7.5);
		}
		for (int w = 0; w < g->nwijken; w++)
			g->wijken[w].youth *= g->youth / sum;
	}
}

static void write_regions(const char *dir, long *count)
{
	struct out *o = out_open(dir, "regions.csv");
	char line[512];

	out_str(o, "region,name,kind,parent\nNL01,Nederland,nl,\n");
	*count = 1 + NPROV;
	for (size_t p = 0; p < NPROV; p++) {
		if (!members[p]) {
			--*count;
			continue;
		}
		snprintf(line, sizeof line, "%s,%s,provincie,NL01\n", provinces[p].code, provinces[p].name);
		out_str(o, line);
	}
	for (int i = 0; i < ngemeenten; i++) {
		const struct gemeente *g = &gemeenten[i];

		snprintf(line, sizeof line, "GM%04d,%s,gemeente,%s\n", g->code, g->name,
			 provinces[g->province].code);
		out_str(o, line);
		for (int w = 0; w < g->nwijken; w++) {
			snprintf(line, sizeof line, "WK%04d%02d,Wijk %02d %s,wijk,GM%04d\n", g->code,
				 w + 1, w + 1, g->name, g->code);
			out_str(o, line);
			for (int b = 0; b < g->wijken[w].buurten; b++) {
				snprintf(line, sizeof line, "BU%04d%02d%02d,Buurt %02d%02d %s,buurt,WK%04d%02d\n",
					 g->code, w + 1, b + 1, w + 1, b + 1, g->name, g->code, w + 1);
				out_str(o, line);
			}
			*count += 1 + g->wijken[w].buurten;
		}
		*count += 1;
	}
	out_close(o);
}

static void write_peers(const char *dir)
{
	struct out *o = out_open(dir, "peers.txt");
	bool first = true;
	char code[48];

	for (int i = 0; i < ngemeenten; i++)
		if (!strcmp(provinces[gemeenten[i].province].code, "PV27")) {
			snprintf(code, sizeof code, "%sGM%04d", first ? "" : ",", gemeenten[i].code);
			out_str(o, code);
			first = false;
		}
	out_char(o, '\n');
	out_close(o);
}

/* --- the figures ------------------------------------------------------ */
struct cellspec {
	const struct indicator *ind;
	int index;			/* of the indicator, for the hash */
	bool dated;			/* CBS: a reference date a year */
};

static struct cellspec *specs;
static size_t nspecs;

/* A count's expected number per youth inhabitant and quarter, by
 * indicator: the hash makes it vary between indicators without a table. */
static double rate(const struct cellspec *s, size_t cat)
{
	if (s->ind->unit == UNIT_EURO)
		return 400 + 2000 * uniform(7, (uint64_t)s->index, cat, 0);
	if (!strcmp(s->ind->id, "inwoners_0_17"))
		return 1;
	return 0.001 + 0.05 * uniform(7, (uint64_t)s->index, cat, 0) *
		uniform(8, (uint64_t)s->index, cat, 0);
}

/* A count of a wijk (or buurt) in period step t: its expected number,
 * a trend, noise; revised in delivery 2 for one cell in ten. */
static long count_of(const struct cellspec *s, size_t cat, double youth, uint64_t region,
		     int t, bool revised)
{
	double trend = 1 + 0.005 * t;
	double noise = 0.75 + 0.5 * uniform(9, region, (uint64_t)(s->index * 64 + (int)cat), (uint64_t)t);
	long v = lround(youth * rate(s, cat) * trend * noise);

	if (revised && uniform(10, region, (uint64_t)(s->index * 64 + (int)cat), (uint64_t)t) < 0.1)
		v += 1 + (long)(uniform(11, region, (uint64_t)s->index, cat) * 3);
	return v;
}

/* A value that is not a count (weeks, a percentage, a score), in tenths,
 * of any region: near the norm, where there is one. */
static long measure_of(const struct cellspec *s, size_t cat, uint64_t region, int t)
{
	double u = uniform(12, region, (uint64_t)(s->index * 64 + (int)cat), (uint64_t)t);
	double centre;

	switch (s->ind->unit) {
	case UNIT_PROCENT:
		centre = s->ind->norm.present ? s->ind->norm.value - 5 : 10;
		return lround(10 * (centre * (0.8 + 0.3 * u) > 100 ? 100 : centre * (0.8 + 0.3 * u)));
	case UNIT_SCORE:
		return 30 + lround(20 * u);
	default:
		centre = s->ind->norm.present ? s->ind->norm.value : 8;
		return lround(10 * centre * (0.5 + u));
	}
}

/* The row's key as a delivery writes it (before the value). */
static void out_key(struct out *o, const char *region, const char *period,
		    const struct indicator *ind, size_t cat)
{
	out_str(o, region);
	out_char(o, ',');
	out_str(o, period);
	out_char(o, ',');
	out_str(o, ind->id);
	out_char(o, ',');
	if (cat < ind->ncategories)
		out_str(o, ind->categories[cat].id);
	out_char(o, ',');
}

static void out_count(struct out *o, long v, bool provisional)
{
	out_long(o, v);
	out_str(o, provisional ? ",provisional\n" : ",\n");
	o->rows++;
}

/* The cells of an indicator: its categories, and its total when the
 * categories add up to it (or when it has none). */
static size_t ncells(const struct indicator *ind)
{
	return ind->ncategories + (ind->ncategories == 0 || ind->total == TOTAL_SUM);
}

#define MAXCELLS 32
#define MAXREGIONS (BLOCK * (MAX_WIJKEN + 1))

struct block {
	int first, n;			/* gemeenten */
	char codes[MAXREGIONS][48];
	double youth[MAXREGIONS];
	int gemeente_of[MAXREGIONS];	/* -1 for a gemeente itself */
	int nregions;
	int order[MAXREGIONS];		/* the interleaving */
};

static void block_make(struct block *b, int first, int n)
{
	int maxw = 0, k = 0;

	b->first = first;
	b->n = n;
	b->nregions = 0;
	for (int i = 0; i < n; i++) {
		const struct gemeente *g = &gemeenten[first + i];
		int gi = b->nregions++;

		snprintf(b->codes[gi], sizeof b->codes[gi], "GM%04d", g->code);
		b->youth[gi] = g->youth;
		b->gemeente_of[gi] = -1;
		for (int w = 0; w < g->nwijken; w++) {
			int r = b->nregions++;

			snprintf(b->codes[r], sizeof b->codes[r], "WK%04d%02d", g->code, w + 1);
			b->youth[r] = g->wijken[w].youth;
			b->gemeente_of[r] = gi;
		}
		if (g->nwijken > maxw)
			maxw = g->nwijken;
	}
	/* wijk 1 of every gemeente, then wijk 2, ...: then the gemeenten */
	for (int w = 0; w < maxw; w++)
		for (int r = 0, gi = -1, seen = 0; r < b->nregions; r++) {
			if (b->gemeente_of[r] < 0) {
				gi = r;
				seen = 0;
				continue;
			}
			if (b->gemeente_of[r] == gi && seen++ == w)
				b->order[k++] = r;
		}
	for (int r = 0; r < b->nregions; r++)
		if (b->gemeente_of[r] < 0)
			b->order[k++] = r;
}

/* The sums of the provinces of one indicator in one period, filled while
 * the blocks are written. */
typedef long province_sums[NPROV][MAXCELLS];

static void write_counts(struct out *o, const struct block *b, const struct cellspec *s,
			 const char *period, int t, double scale, bool revised, bool provisional,
			 province_sums psum)
{
	static long v[MAXREGIONS][MAXCELLS];
	size_t nc = ncells(s->ind), nparts = s->ind->ncategories;

	for (int r = 0; r < b->nregions; r++)
		if (b->gemeente_of[r] < 0)
			memset(v[r], 0, sizeof v[r]);
	for (int r = 0; r < b->nregions; r++) {
		int gi = b->gemeente_of[r];

		if (gi < 0)
			continue;
		uint64_t region = mix((uint64_t)b->first * 1000 + (uint64_t)r);
		long total = 0;
		for (size_t c = 0; c < nc; c++) {
			if (c == nparts) {	/* the total: the sum of its parts, or its own */
				v[r][c] = nparts ? total
					: count_of(s, c, b->youth[r] * scale, region, t, revised);
			} else {
				v[r][c] = count_of(s, c, b->youth[r] * scale, region, t, revised);
				total += v[r][c];
			}
			v[gi][c] += v[r][c];
		}
	}
	for (int i = 0, r = 0; r < b->nregions; r++)
		if (b->gemeente_of[r] < 0) {
			for (size_t c = 0; c < nc; c++)
				psum[gemeenten[b->first + i].province][c] += v[r][c];
			i++;
		}
	for (size_t c = 0; c < nc; c++)
		for (int k = 0; k < b->nregions; k++) {
			int r = b->order[k];

			out_key(o, b->codes[r], period, s->ind, c);
			out_count(o, v[r][c], provisional);
		}
}

static void write_measures(struct out *o, const struct block *b, const struct cellspec *s,
			   const char *period, int t, bool provisional)
{
	size_t nc = ncells(s->ind);

	for (size_t c = 0; c < nc; c++)
		for (int k = 0; k < b->nregions; k++) {
			int r = b->order[k];
			uint64_t region = mix((uint64_t)b->first * 1000 + (uint64_t)r);

			out_key(o, b->codes[r], period, s->ind, c);
			/* now and then a provider delivers nothing */
			if (uniform(13, region, (uint64_t)s->index, (uint64_t)t) < 0.002) {
				out_str(o, ",suppressed\n");
				o->rows++;
				continue;
			}
			out_tenths(o, measure_of(s, c, region, t));
			out_str(o, provisional ? ",provisional\n" : ",\n");
			o->rows++;
		}
}

static void write_provinces(struct out *o, const struct cellspec *s, const char *period,
			    bool provisional, province_sums psum)
{
	size_t nc = ncells(s->ind);
	long nl[MAXCELLS] = { 0 };

	if (!above)
		return;
	for (size_t c = 0; c < nc; c++) {
		for (size_t p = 0; p < NPROV; p++) {
			if (!members[p])
				continue;	/* a province of none of the gemeenten: no sum */
			out_key(o, provinces[p].code, period, s->ind, c);
			out_count(o, psum[p][c], provisional);
			nl[c] += psum[p][c];
		}
		out_key(o, "NL01", period, s->ind, c);
		out_count(o, nl[c], provisional);
	}
}

static bool summed(const struct indicator *ind)
{
	return ind->counts || ind->unit == UNIT_EURO;
}

/* One period of the indicators it is written for, every block of
 * gemeenten; the sums of the provinces and NL after the last block. */
static void write_period(struct out *o, const char *period, int t, bool year, bool revised,
			 bool provisional)
{
	province_sums *sums = calloc(nspecs, sizeof *sums);
	struct block *b = malloc(sizeof *b);

	for (int first = 0; first < ngemeenten; first += BLOCK) {
		block_make(b, first, ngemeenten - first < BLOCK ? ngemeenten - first : BLOCK);
		for (size_t i = 0; i < nspecs; i++) {
			const struct cellspec *s = &specs[i];

			if (s->dated || (year && s->ind->rollup != ROLLUP_NONE))
				continue;
			if (summed(s->ind))
				/* a year's unique children: fewer than four quarters' */
				write_counts(o, b, s, period, t, year ? 2.5 : 1, revised, provisional,
					     sums[i]);
			else
				write_measures(o, b, s, period, t, provisional);
		}
	}
	for (size_t i = 0; i < nspecs; i++)
		if (!specs[i].dated && (!year || specs[i].ind->rollup == ROLLUP_NONE) &&
		    summed(specs[i].ind))
			write_provinces(o, &specs[i], period, provisional, sums[i]);
	free(sums);
	free(b);
}

/* The CBS figures: a reference date a year, of every buurt, wijk and
 * gemeente; a count is the sum of its buurten, a percentage its own. */
static void write_dated(struct out *o)
{
	char period[16], code[48];

	for (int y = 0; y < YEARS; y++) {
		snprintf(period, sizeof period, "%d-01-01", FIRST_YEAR + 1 + y);
		for (size_t i = 0; i < nspecs; i++) {
			const struct cellspec *s = &specs[i];

			if (!s->dated)
				continue;
			for (int gi = 0; gi < ngemeenten; gi++) {
				const struct gemeente *g = &gemeenten[gi];
				long gsum = 0;

				for (int w = 0; w < g->nwijken; w++) {
					long wsum = 0;
					for (int bu = 0; bu < g->wijken[w].buurten; bu++) {
						uint64_t region = mix((uint64_t)g->code * 10000 + (uint64_t)w * 10 + (uint64_t)bu);
						double youth = g->wijken[w].youth / g->wijken[w].buurten;

						snprintf(code, sizeof code, "BU%04d%02d%02d", g->code, w + 1, bu + 1);
						out_key(o, code, period, s->ind, 0);
						if (s->ind->counts) {
							long v = count_of(s, 0, youth * 10, region, y, false);
							wsum += v;
							out_count(o, v, false);
						} else {
							out_tenths(o, measure_of(s, 0, region, y));
							out_str(o, ",\n");
							o->rows++;
						}
					}
					snprintf(code, sizeof code, "WK%04d%02d", g->code, w + 1);
					out_key(o, code, period, s->ind, 0);
					if (s->ind->counts) {
						out_count(o, wsum, false);
						gsum += wsum;
					} else {
						out_tenths(o, measure_of(s, 0, mix((uint64_t)g->code * 100 + (uint64_t)w), y));
						out_str(o, ",\n");
						o->rows++;
					}
				}
				snprintf(code, sizeof code, "GM%04d", g->code);
				out_key(o, code, period, s->ind, 0);
				if (s->ind->counts) {
					out_count(o, gsum, false);
				} else {
					out_tenths(o, measure_of(s, 0, mix((uint64_t)g->code), y));
					out_str(o, ",\n");
					o->rows++;
				}
			}
		}
	}
}

static void collect_specs(const struct config *cfg)
{
	int index = 0;

	for (size_t c = 0; c < cfg->nchapters; c++)
		for (size_t i = 0; i < cfg->chapters[c].nindicators; i++) {
			const struct indicator *ind = &cfg->chapters[c].indicators[i];

			index++;
			/* computed figures are jmon's, texts have no number */
			if (ind->compute.kind != COMPUTE_NONE || ind->unit == UNIT_NONE ||
			    ncells(ind) > MAXCELLS)
				continue;
			specs = realloc(specs, (nspecs + 1) * sizeof *specs);
			specs[nspecs++] = (struct cellspec){ ind, index, ind->cbs.measure != NULL };
		}
}

static void period_code(int t, bool year, char *buf, size_t size)
{
	if (year)
		snprintf(buf, size, "%d", FIRST_YEAR + t);
	else
		snprintf(buf, size, "%dQ%d", FIRST_YEAR + t / 4, t % 4 + 1);
}

int main(int argc, char **argv)
{
	const char *config_path = NULL, *dir;
	int n = 342, wijken = 3300, opt;
	struct config *cfg;
	struct jmon_error err;
	long nregions;
	char period[16];

	while ((opt = getopt(argc, argv, "c:g:w:s:n")) != -1) {
		switch (opt) {
		case 'c': config_path = optarg; break;
		case 'g': n = atoi(optarg); break;
		case 'w': wijken = atoi(optarg); break;
		case 's': seed = strtoull(optarg, NULL, 10); break;
		case 'n': above = false; break;
		default:
			fprintf(stderr, "usage: gen-national [-c CONFIG] [-g GEMEENTEN] [-w WIJKEN] [-s SEED] [-n] DIR\n");
			return 64;
		}
	}
	if (optind != argc - 1 || n < 1 || wijken < 1) {
		fprintf(stderr, "usage: gen-national [-c CONFIG] [-g GEMEENTEN] [-w WIJKEN] [-s SEED] [-n] DIR\n");
		return 64;
	}
	dir = argv[optind];
	if ((config_path ? config_load_file(config_path, &cfg, &err)
			 : config_load_string("config/jmon.yaml (built-in)", jmon_default_config,
					      jmon_default_config_len, &cfg, &err))) {
		fprintf(stderr, "gen-national: %s\n", err.msg);
		return 78;
	}
	collect_specs(cfg);
	/* the whole country always, so that -g N takes the first N
	 * gemeenten of it with their own wijken */
	make_country(n > 342 ? n : 342, wijken);
	ngemeenten = n;
	memset(members, 0, sizeof members);
	for (int i = 0; i < n; i++)
		members[gemeenten[i].province]++;
	write_regions(dir, &nregions);
	write_peers(dir);

	struct out *o = out_open(dir, "delivery-1.csv");
	out_str(o, "region,period,indicator,category,value,flag\n");
	for (int t = 0; t < QUARTERS; t++) {
		period_code(t, false, period, sizeof period);
		/* the newest quarter is provisional until the next delivery */
		write_period(o, period, t, false, false, t == QUARTERS - 1);
		if (t % 4 == 3) {
			period_code(t / 4, true, period, sizeof period);
			write_period(o, period, t / 4, true, false, false);
		}
	}
	write_dated(o);
	long rows1 = o->rows;
	out_close(o);

	o = out_open(dir, "delivery-2.csv");
	out_str(o, "region,period,indicator,category,value,flag\n");
	period_code(QUARTERS - 1, false, period, sizeof period);
	write_period(o, period, QUARTERS - 1, false, true, false);
	long rows2 = o->rows;
	out_close(o);

	printf("gen-national: %ld regions, %d gemeenten; delivery-1 %ld cells, delivery-2 %ld "
	       "(%s revised), %ld in all\n", nregions, n, rows1, rows2, period, rows1 + rows2);
	config_free(cfg);
	return 0;
}
