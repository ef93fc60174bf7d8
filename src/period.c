/* SPDX-License-Identifier: EUPL-1.2 */
/* Period codes: parse, format, label, arithmetic.  See include/jmon/period.h.
 *
 * Every kind but the date is a run of equal slices of a year (1, 2, 4 or 12
 * per year), so the arithmetic works on one index: year * per_year + n - 1.
 * Dates step by whole years (reference dates are yearly). */
#include <stdio.h>
#include <string.h>

#include "jmon/error.h"
#include "jmon/period.h"

static const struct {
	const char *name;
	int per_year;		/* slices per year; 0 for a date */
	int months;		/* months per slice */
} kinds[] = {
	[PERIOD_YEAR] = { "year", 1, 12 },
	[PERIOD_HALF] = { "half", 2, 6 },
	[PERIOD_QUARTER] = { "quarter", 4, 3 },
	[PERIOD_MONTH] = { "month", 12, 1 },
	[PERIOD_DATE] = { "date", 0, 0 },
};

/* What may follow the four digits of the year.  Longer prefixes first, so
 * "HJ01" is not read as "H" followed by junk. */
static const struct {
	const char *prefix;
	enum period_kind kind;
	int digits;		/* exactly this many digits after the prefix */
	int max;		/* the number must be 1..max; 0: must be 0 */
} suffixes[] = {
	{ "",   PERIOD_YEAR,    0, 0 },
	{ "JJ", PERIOD_YEAR,    2, 0 },	/* CBS: 2020JJ00 */
	{ "HJ", PERIOD_HALF,    2, 2 },	/* CBS: 2020HJ01 */
	{ "H",  PERIOD_HALF,    1, 2 },
	{ "KW", PERIOD_QUARTER, 2, 4 },	/* CBS: 2020KW01 */
	{ "Q",  PERIOD_QUARTER, 1, 4 },
	{ "MM", PERIOD_MONTH,   2, 12 },	/* CBS: 2020MM03 */
	{ "M",  PERIOD_MONTH,   2, 12 },
};

static const char *const month_names[12] = {
	"januari", "februari", "maart", "april", "mei", "juni",
	"juli", "augustus", "september", "oktober", "november", "december",
};

const char *period_month_name(int month)
{
	return month >= 1 && month <= 12 ? month_names[month - 1] : "";
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* Read exactly n digits; -1 when one is not a digit. */
static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static bool leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int period_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month == 2 && leap_year(year))
		return 29;
	return days[month - 1];
}

/* The modulo tells the compiler the width, so -Wformat-truncation is quiet;
 * years are 1000-9999 by construction. */
static void iso_date(char *buf, int y, int m, int d)
{
	snprintf(buf, PERIOD_CODE_MAX, "%04u-%02u-%02u", (unsigned)y % 10000u,
		 (unsigned)m % 100u, (unsigned)d % 100u);
}

static bool make_date(int y, int m, int d, struct period *out)
{
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > period_days_in_month(y, m))
		return false;
	*out = (struct period){ PERIOD_DATE, y, m, d };
	return true;
}

/* "YYYY-MM-DD" after the year was read. */
static bool parse_iso_date(int year, const char *s, size_t len, struct period *out)
{
	if (len != 6 || s[0] != '-' || s[3] != '-')
		return false;
	return make_date(year, digits(s + 1, 2), digits(s + 4, 2), out);
}

bool period_parse(const char *s, size_t len, struct period *out)
{
	int year;

	if (len < 4 || (year = digits(s, 4)) < 1000)
		return false;
	s += 4;
	len -= 4;
	if (len > 0 && s[0] == '-')
		return parse_iso_date(year, s, len, out);
	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		size_t plen = strlen(suffixes[i].prefix);
		size_t k;
		int n = 0;

		if (len != plen + (size_t)suffixes[i].digits)
			continue;
		for (k = 0; k < plen; k++)
			if (upper(s[k]) != suffixes[i].prefix[k])
				break;
		if (k < plen)
			continue;
		if (suffixes[i].digits && (n = digits(s + plen, suffixes[i].digits)) < 0)
			return false;
		if (suffixes[i].max == 0 ? n != 0 : n < 1 || n > suffixes[i].max)
			return false;
		*out = (struct period){ suffixes[i].kind, year, n, 0 };
		return true;
	}
	return false;
}

bool period_parse_str(const char *s, struct period *out)
{
	return period_parse(s, strlen(s), out);
}

bool period_parse_named(const char *s, struct period *out, char *code, char *label)
{
	code[0] = label[0] = '\0';
	if (!s || !period_parse_str(s, out))
		return false;
	period_format(out, code);
	period_label_short(out, label);
	return true;
}

bool period_parse_dutch_date(const char *s, size_t len, struct period *out)
{
	int part[3] = { 0, 0, 0 };
	int ndig[3] = { 0, 0, 0 };
	int i = 0;

	for (size_t k = 0; k < len; k++) {
		if (s[k] == '-') {
			if (++i > 2)
				return false;
		} else if (is_digit(s[k]) && ndig[i] < 4) {
			part[i] = part[i] * 10 + (s[k] - '0');
			ndig[i]++;
		} else {
			return false;
		}
	}
	if (i != 2 || ndig[0] < 1 || ndig[0] > 2 || ndig[1] < 1 || ndig[1] > 2 || ndig[2] != 4)
		return false;
	return make_date(part[2], part[1], part[0], out);
}

char *period_malformed(const char *code, char *buf, size_t size)
{
	snprintf(buf, size, jmon_dutch()
		 ? "'%s' is geen periode (bijvoorbeeld 2020, 2020H1, 2020Q1, 2020M03, "
		   "2023-01-01 of een CBS-code als 2020KW01)"
		 : "malformed period '%s' (expected 2020, 2020H1, 2020Q1, 2020M03, "
		   "2023-01-01 or a CBS code like 2020KW01)", code);
	return buf;
}

char *period_format(const struct period *p, char *buf)
{
	switch (p->kind) {
	case PERIOD_YEAR:
		snprintf(buf, PERIOD_CODE_MAX, "%04d", p->year);
		break;
	case PERIOD_HALF:
		snprintf(buf, PERIOD_CODE_MAX, "%04dH%d", p->year, p->n);
		break;
	case PERIOD_QUARTER:
		snprintf(buf, PERIOD_CODE_MAX, "%04dQ%d", p->year, p->n);
		break;
	case PERIOD_MONTH:
		snprintf(buf, PERIOD_CODE_MAX, "%04dM%02d", p->year, p->n);
		break;
	case PERIOD_DATE:
		iso_date(buf, p->year, p->n, p->day);
		break;
	}
	return buf;
}

char *period_label(const struct period *p, char *buf)
{
	switch (p->kind) {
	case PERIOD_YEAR:
		snprintf(buf, PERIOD_LABEL_MAX, "%d", p->year);
		break;
	case PERIOD_HALF:
		snprintf(buf, PERIOD_LABEL_MAX, "%d H%d", p->year, p->n);
		break;
	case PERIOD_QUARTER:
		snprintf(buf, PERIOD_LABEL_MAX, "%d Q%d", p->year, p->n);
		break;
	case PERIOD_MONTH:
		snprintf(buf, PERIOD_LABEL_MAX, "%s %d", month_names[p->n - 1], p->year);
		break;
	case PERIOD_DATE:
		/* as CBS writes a peildatum, and short enough for any column */
		snprintf(buf, PERIOD_LABEL_MAX, "%d-%d-%d", p->day, p->n, p->year);
		break;
	}
	return buf;
}

char *period_label_short(const struct period *p, char *buf)
{
	static const char *const abbrev[12] = {
		"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
	};

	if (p->kind != PERIOD_MONTH)
		return period_label(p, buf);
	snprintf(buf, PERIOD_LABEL_MAX, "%s %d", abbrev[p->n - 1], p->year);
	return buf;
}

const char *period_kind_name(enum period_kind kind)
{
	return kinds[kind].name;
}

bool period_kind_parse(const char *name, enum period_kind *out)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].name, name) == 0) {
			*out = (enum period_kind)i;
			return true;
		}
	return false;
}

/* First and last month (1-12) of a slice. */
static void slice_months(const struct period *p, int *first, int *last)
{
	int months = kinds[p->kind].months;
	int n = p->kind == PERIOD_YEAR ? 1 : p->n;

	*first = (n - 1) * months + 1;
	*last = n * months;
}

void period_start(const struct period *p, char *buf)
{
	int first, last;

	if (p->kind == PERIOD_DATE) {
		period_format(p, buf);
		return;
	}
	slice_months(p, &first, &last);
	iso_date(buf, p->year, first, 1);
}

void period_end(const struct period *p, char *buf)
{
	int first, last;

	if (p->kind == PERIOD_DATE) {
		period_format(p, buf);
		return;
	}
	slice_months(p, &first, &last);
	iso_date(buf, p->year, last, period_days_in_month(p->year, last));
}

struct period period_add(const struct period *p, int n)
{
	struct period r = *p;
	int per_year = kinds[p->kind].per_year;
	int index;

	if (p->kind == PERIOD_DATE) {
		r.year += n;
		if (r.n == 2 && r.day == 29 && !leap_year(r.year))
			r.day = 28;
		return r;
	}
	if (p->kind == PERIOD_YEAR) {
		r.year += n;
		return r;
	}
	/* Years are at least 1000, so the index stays positive and / and %
	 * need no care for negative operands. */
	index = p->year * per_year + p->n - 1 + n;
	r.year = index / per_year;
	r.n = index % per_year + 1;
	return r;
}

struct period period_prev(const struct period *p)
{
	return period_add(p, -1);
}

struct period period_year_ago(const struct period *p)
{
	int per_year = kinds[p->kind].per_year;

	return period_add(p, p->kind == PERIOD_DATE ? -1 : -per_year);
}

bool period_rollup(const struct period *p, enum period_kind kind, struct period *out)
{
	int first, last;

	if (kind >= p->kind || kind == PERIOD_DATE)
		return false;
	if (p->kind == PERIOD_DATE)
		first = p->n;
	else
		slice_months(p, &first, &last);
	out->kind = kind;
	out->year = p->year;
	out->day = 0;
	out->n = kind == PERIOD_YEAR ? 0 : (first - 1) / kinds[kind].months + 1;
	return true;
}

int period_cmp(const struct period *a, const struct period *b)
{
	char sa[PERIOD_CODE_MAX], sb[PERIOD_CODE_MAX];
	int c;

	period_start(a, sa);
	period_start(b, sb);
	if ((c = strcmp(sa, sb)) != 0)
		return c;
	/* Same start: the longer period first (a lower kind is longer). */
	return (int)a->kind - (int)b->kind;
}
