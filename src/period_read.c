/* SPDX-License-Identifier: EUPL-1.2 */
/* A period as a person writes it (period_read, include/jmon/period.h):
 * copied from the screen ("2023 Q3", "1 januari 2023"), from CBS
 * ("2023KW03", "1-1-2023", StatLine's "2023 3e kwartaal") or typed
 * ("Q3 2023", "2023-Q3", "mrt 2023").
 *
 * The text is cut into numbers and words (at spaces, - / . , and where
 * letters meet digits), so "2023KW03", "2023 kw 3" and "KW03-2023" are the
 * same three pieces.  Exactly one number of four digits is the year; what
 * is left says the kind.  Anything else is refused rather than guessed:
 * "2023 3" could mean March or the third quarter. */
#include <stdio.h>
#include <string.h>

#include "jmon/period.h"

#define MAX_PIECES 6
#define PIECE_MAX 12
#define DIGITS_MAX 9

struct piece {
	bool number;
	char text[PIECE_MAX];	/* a word in lower case */
	int value, digits;
};

struct pieces {
	struct piece p[MAX_PIECES];
	int n;
	bool dashed;		/* a - or / between them: "2023-03", "3/2023" */
};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_separator(char c) { return c == ' ' || c == '-' || c == '/' || c == '.' || c == ','; }

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Cut s into pieces; false for a character no period has, or too many or
 * too long pieces. */
static bool cut(const char *s, struct pieces *out)
{
	memset(out, 0, sizeof *out);
	while (*s) {
		if (is_separator(*s)) {
			out->dashed |= *s == '-' || *s == '/';
			s++;
			continue;
		}
		if (!is_digit(*s) && !is_letter(*s))
			return false;
		if (out->n == MAX_PIECES)
			return false;
		struct piece *p = &out->p[out->n++];
		size_t len = 0;

		p->number = is_digit(*s);
		while (*s && (p->number ? is_digit(*s) : is_letter(*s))) {
			if (len + 1 >= sizeof p->text)
				return false;
			/* no period has a number of DIGITS_MAX digits, and
			 * more would not fit in an int */
			if (p->number && len == DIGITS_MAX)
				return false;
			p->text[len++] = lower(*s);
			if (p->number)
				p->value = p->value * 10 + (*s - '0');
			s++;
		}
		p->digits = (int)len;
	}
	return true;
}

/* "3e kwartaal", "1ste halfjaar": the ordinal after a number says nothing. */
static void drop_ordinals(struct pieces *ps)
{
	int k = 0;

	for (int i = 0; i < ps->n; i++) {
		const struct piece *p = &ps->p[i];

		if (!p->number && i > 0 && ps->p[i - 1].number &&
		    (!strcmp(p->text, "e") || !strcmp(p->text, "de") || !strcmp(p->text, "ste")))
			continue;
		ps->p[k++] = *p;
	}
	ps->n = k;
}

static const struct {
	const char *word;
	enum period_kind kind;
} kind_words[] = {
	{ "q", PERIOD_QUARTER }, { "kw", PERIOD_QUARTER }, { "kwartaal", PERIOD_QUARTER },
	{ "h", PERIOD_HALF }, { "hj", PERIOD_HALF }, { "halfjaar", PERIOD_HALF },
	{ "m", PERIOD_MONTH }, { "mm", PERIOD_MONTH }, { "maand", PERIOD_MONTH },
	{ "jj", PERIOD_YEAR }, { "jaar", PERIOD_YEAR },
};

static bool kind_word(const char *w, enum period_kind *kind)
{
	for (size_t i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++)
		if (!strcmp(kind_words[i].word, w)) {
			*kind = kind_words[i].kind;
			return true;
		}
	return false;
}

/* A Dutch month by its name or the first three letters or more of it, or
 * "mrt" as the Dutch abbreviate March; 0 when none. */
static int month_word(const char *w)
{
	size_t len = strlen(w);

	if (!strcmp(w, "mrt"))
		return 3;
	for (int m = 1; len >= 3 && m <= 12; m++)
		if (!strncmp(period_month_name(m), w, len))
			return m;
	return 0;
}

static bool make(enum period_kind kind, int year, int n, int day, struct period *out)
{
	static const int max[] = { [PERIOD_YEAR] = 0, [PERIOD_HALF] = 2, [PERIOD_QUARTER] = 4,
				   [PERIOD_MONTH] = 12 };

	if (year < 1000 || year > 9999)
		return false;
	if (kind == PERIOD_DATE) {
		if (n < 1 || n > 12 || day < 1 || day > period_days_in_month(year, n))
			return false;
	} else if (max[kind] ? n < 1 || n > max[kind] : n != 0) {
		return false;
	}
	*out = (struct period){ kind, year, n, kind == PERIOD_DATE ? day : 0 };
	return true;
}

/* One number and one word beside the year: "Q3", "3e kwartaal", "KW03",
 * "1 januari", "JJ00". */
static bool number_and_word(int year, const struct piece *num, const char *word,
			    struct period *out)
{
	enum period_kind kind;
	int m = month_word(word);

	if (m)
		return make(PERIOD_DATE, year, m, num->value, out);
	if (!kind_word(word, &kind))
		return false;
	if (kind == PERIOD_YEAR && !strcmp(word, "jaar"))
		return false;	/* "jaar 3 2023" is nothing */
	return make(kind, year, num->value, 0, out);
}

/* The pieces other than the year: nums numbers and words words. */
static bool rest(const struct pieces *ps, int year, int yi, struct period *out)
{
	const struct piece *num[2] = { NULL, NULL }, *word = NULL;
	int nums = 0, words = 0;
	enum period_kind kind;

	for (int i = 0; i < ps->n; i++) {
		if (i == yi)
			continue;
		if (ps->p[i].number) {
			if (nums == 2)
				return false;
			num[nums++] = &ps->p[i];
		} else {
			if (words == 1)
				return false;
			word = &ps->p[i];
			words++;
		}
	}
	if (nums == 0 && words == 0)
		return make(PERIOD_YEAR, year, 0, 0, out);
	if (nums == 0 && words == 1) {
		int m = month_word(word->text);

		if (m)
			return make(PERIOD_MONTH, year, m, 0, out);
		return kind_word(word->text, &kind) && kind == PERIOD_YEAR &&
		       !strcmp(word->text, "jaar") && make(PERIOD_YEAR, year, 0, 0, out);
	}
	if (nums == 1 && words == 1)
		return number_and_word(year, num[0], word->text, out);
	/* numbers alone only with a - or / between them: 2023-03, 03-2023 */
	if (words || !ps->dashed || num[0]->digits > 2 || (num[1] && num[1]->digits > 2))
		return false;
	if (nums == 1)
		return make(PERIOD_MONTH, year, num[0]->value, 0, out);
	/* a date: year first is y-m-d (ISO), year last is d-m-y (Dutch) */
	if (yi == 0)
		return make(PERIOD_DATE, year, num[0]->value, num[1]->value, out);
	if (yi == 2)
		return make(PERIOD_DATE, year, num[1]->value, num[0]->value, out);
	return false;
}

bool period_read(const char *s, struct period *out)
{
	char buf[64];
	size_t len;
	struct pieces ps;
	int yi = -1;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	/* StatLine marks provisional figures with a trailing * or ** */
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '*'))
		len--;
	if (len == 0 || len >= sizeof buf)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (period_parse(buf, len, out) || period_parse_dutch_date(buf, len, out))
		return true;
	if (!cut(buf, &ps))
		return false;
	drop_ordinals(&ps);
	for (int i = 0; i < ps.n; i++) {
		if (!ps.p[i].number || ps.p[i].digits != 4)
			continue;
		if (yi >= 0)
			return false;	/* two years */
		yi = i;
	}
	return yi >= 0 && rest(&ps, ps.p[yi].value, yi, out);
}

static const char forms[] = "2023 Q3, Q3 2023, 2023KW03, 2023 H1, 2023, maart 2023, "
			    "1-1-2023 or 2023-01-01";
static const char forms_nl[] = "2023 Q3, Q3 2023, 2023KW03, 2023 H1, 2023, maart 2023, "
			       "1-1-2023 of 2023-01-01";

char *period_unreadable(const char *text, char *buf, size_t size)
{
	snprintf(buf, size, "'%s' is not a period (write it as %s)", text, forms);
	return buf;
}

char *period_unreadable_nl(const char *text, char *buf, size_t size)
{
	snprintf(buf, size, "'%s' is geen periode; schrijf %s", text, forms_nl);
	return buf;
}
