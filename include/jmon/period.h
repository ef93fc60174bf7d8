/* SPDX-License-Identifier: EUPL-1.2 */
/* Period codes: what a figure is about in time (jmon-import(5), Periods).
 *
 * Canonical codes, as stored:   2020  2020H1  2020Q1  2020M03  2023-01-01
 * Also accepted on input (CBS): 2020JJ00  2020HJ01  2020KW01  2020MM03
 *
 * A date is a reference date ("peildatum"): a stock counted on one day, as
 * CBS publishes the kerncijfers on 1 January.  Its neighbours are a year
 * apart, because reference dates come once a year.
 *
 * Labels for screens are Dutch, because the analyst reads them, never a
 * program: "2020", "2020 H1", "2020 Q1", "maart 2020", and a reference
 * date as CBS writes a peildatum, "1-1-2023" (never cut in a column).
 *
 * Pure arithmetic, no I/O and no allocation. */
#ifndef JMON_PERIOD_H
#define JMON_PERIOD_H

#include <stdbool.h>
#include <stddef.h>

/* Ordered from long to short, so a roll-up only ever goes down in value. */
enum period_kind { PERIOD_YEAR, PERIOD_HALF, PERIOD_QUARTER, PERIOD_MONTH, PERIOD_DATE };

struct period {
	enum period_kind kind;
	int year;
	int n;		/* half 1-2, quarter 1-4, month 1-12, date: month; year: 0 */
	int day;	/* date only; 0 otherwise */
};

/* Room for any canonical code or label, with the NUL. */
#define PERIOD_CODE_MAX 16
#define PERIOD_LABEL_MAX 32

/* Parse a code of len bytes (not NUL-terminated necessarily).  Years run
 * from 1000 to 9999.  Returns false for anything malformed, including
 * impossible dates (2023-02-29). */
bool period_parse(const char *s, size_t len, struct period *out);
/* The same for a NUL-terminated string. */
bool period_parse_str(const char *s, struct period *out);
/* A period the configuration names (a baseline: "2016"), as its canonical
 * code (PERIOD_CODE_MAX) and its short label (PERIOD_LABEL_MAX); false,
 * and both "", when s is NULL or not a period. */
bool period_parse_named(const char *s, struct period *out, char *code, char *label);
/* A Dutch date as CBS writes a Peildatum: "1-1-2023" (d-m-yyyy). */
bool period_parse_dutch_date(const char *s, size_t len, struct period *out);
/* What a code that does not parse is told, wherever one is read (a file, the
 * configuration, the command line, the browser): "malformed period 'X'
 * (expected 2020, 2020H1, ...)", into buf of size; returns buf. */
char *period_malformed(const char *code, char *buf, size_t size);

/* A period as a person writes it, wherever one is typed (--period, the
 * browser's p and :period): every code period_parse and
 * period_parse_dutch_date take, and the forms of the screen and of CBS
 * StatLine, in any case and with -, /, or spaces between the parts:
 * "2023 Q3", "Q3 2023", "2023-Q3", "2023 3e kwartaal", "2023 H1",
 * "2e halfjaar 2023", "jaar 2023", "maart 2023", "mrt 2023", "2023-03",
 * "1 januari 2023", "1-1-2023"; a trailing "*" (StatLine: provisional) is
 * ignored.  Files keep the strict period_parse: a form guessed at in a
 * delivery of a million rows would hide a mistake. */
bool period_read(const char *s, struct period *out);
/* What a text period_read refuses is told, with the forms it takes:
 * "'X' is not a period (write it as 2023 Q3, ...)"; _nl in Dutch, for the
 * browser.  Into buf of size; returns buf. */
char *period_unreadable(const char *text, char *buf, size_t size);
char *period_unreadable_nl(const char *text, char *buf, size_t size);

/* Canonical code into buf (at least PERIOD_CODE_MAX); returns buf. */
char *period_format(const struct period *p, char *buf);
/* Dutch label for screens into buf (at least PERIOD_LABEL_MAX); returns buf. */
char *period_label(const struct period *p, char *buf);

/* The same, at most PERIOD_SHORT_MAX columns, for a column that must never
 * cut it: a month abbreviated as Dutch writes it ("mrt 2020"). */
#define PERIOD_SHORT_MAX 10
char *period_label_short(const struct period *p, char *buf);

const char *period_kind_name(enum period_kind kind);	/* "year", "half", ... */
bool period_kind_parse(const char *name, enum period_kind *out);

/* First and last day as ISO dates "YYYY-MM-DD" (buf of PERIOD_CODE_MAX). */
void period_start(const struct period *p, char *buf);
void period_end(const struct period *p, char *buf);

/* The period n steps later (n < 0: earlier) of the same kind. */
struct period period_add(const struct period *p, int n);
/* Previous period of the same kind: 2020Q1 -> 2019Q4. */
struct period period_prev(const struct period *p);
/* The same period a year earlier: 2020Q1 -> 2019Q1, 2020M03 -> 2019M03.
 * A 29 February becomes the 28th. */
struct period period_year_ago(const struct period *p);

/* The period of the longer kind that contains p: quarter -> half -> year,
 * month -> quarter too, a date -> the year it falls in.  false when kind is
 * not longer than p's (a half does not roll up into a quarter). */
bool period_rollup(const struct period *p, enum period_kind kind, struct period *out);

/* Order by start date, then longer periods first (2020 before 2020H1
 * before 2020Q1); < 0, 0, > 0 like strcmp. */
int period_cmp(const struct period *a, const struct period *b);

/* The Dutch name of month m (1-12: "januari"), "" for any other m. */
const char *period_month_name(int month);
/* Days in month m of year y (m 1-12). */
int period_days_in_month(int year, int month);

#endif
