/* parse_fr.c - typed values from cell text, with no locale involved.
 *
 * Numbers are read digit by digit rather than with strtoll/strtod: those
 * accept forms we must refuse ("0x1A", "1e3", " +5") and strtod follows
 * LC_NUMERIC, which a library such as Pango may change under us. */
#include "parse_fr.h"

#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "csv_read.h"
#include "i18n.h"

const char *const PARSE_EXPECT_INTEGER = N_("a whole number such as 26582 or 26 582");
const char *const PARSE_EXPECT_AMOUNT =
	N_("an amount in euros such as 26582, 26 582 € or 26 582,50 € (at most two "
	   "decimals)");
const char *const PARSE_EXPECT_DATE = N_("a date such as 31/12/2023 or 2023-12-31");
const char *const PARSE_EXPECT_YES_NO = N_("oui or non (also o/n, yes/no, vrai/faux, 1/0)");

/* Length of the thousands-separator space at p (ASCII space, U+00A0, U+202F,
 * U+2009 thin space), or 0. */
static size_t group_space_at(const char *p, const char *e)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t n = (size_t)(e - p);
	if (n >= 1 && s[0] == ' ')
		return 1;
	if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xAF || s[2] == 0x89))
		return 3;
	return 0;
}

static size_t blank_at(const char *p, const char *e)
{
	if (p < e && (*p == '\t' || *p == '\r' || *p == '\n'))
		return 1;
	return group_space_at(p, e);
}

/* Length of the blank ending just before e, or 0. */
static size_t blank_before(const char *b, const char *e)
{
	for (size_t k = 1; k <= 3 && k <= (size_t)(e - b); k++)
		if (blank_at(e - k, e) == k)
			return k;
	return 0;
}

static void trim(const char **b, const char **e)
{
	size_t k;
	while ((k = blank_at(*b, *e)) > 0)
		*b += k;
	while ((k = blank_before(*b, *e)) > 0)
		*e -= k;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Sign at p: '+', '-' or U+2212 MINUS SIGN (what some tools copy). Returns
 * its length, or 0. */
static size_t sign_at(const char *p, const char *e, bool *neg)
{
	if (p < e && (*p == '-' || *p == '+')) {
		*neg = *p == '-';
		return 1;
	}
	if (e - p >= 3 && memcmp(p, "\xE2\x88\x92", 3) == 0) {
		*neg = true;
		return 3;
	}
	return 0;
}

typedef enum { SEP_SPACE, SEP_DOT, SEP_COMMA } sep_kind;

typedef struct {
	unsigned long long ip; /* integer part */
	int hundredths;
} number;

#define MAX_RUNS 16

/* Unsigned digits with optional thousands grouping and, if decimals, a
 * decimal part of one or two digits. A ',' is always a decimal mark; a
 * single '.' is one too when it is the last separator (so "26.582" is
 * refused as an amount rather than guessed); several '.' are grouping. */
static parse_status scan_number(const char *b, const char *e, bool decimals, number *out)
{
	const char *run[MAX_RUNS];
	size_t len[MAX_RUNS];
	sep_kind sep[MAX_RUNS];
	size_t nr = 0;
	const char *p = b;
	for (;;) {
		if (nr == MAX_RUNS)
			return PARSE_BAD;
		run[nr] = p;
		while (p < e && is_digit(*p))
			p++;
		len[nr] = (size_t)(p - run[nr]);
		if (len[nr] == 0)
			return PARSE_BAD;
		nr++;
		if (p == e)
			break;
		size_t k;
		if (*p == '.')
			sep[nr - 1] = SEP_DOT, k = 1;
		else if (*p == ',')
			sep[nr - 1] = SEP_COMMA, k = 1;
		else if ((k = group_space_at(p, e)) > 0)
			sep[nr - 1] = SEP_SPACE;
		else
			return PARSE_BAD;
		p += k;
	}
	size_t nsep = nr - 1, commas = 0, dots = 0;
	for (size_t i = 0; i < nsep; i++) {
		commas += sep[i] == SEP_COMMA;
		dots += sep[i] == SEP_DOT;
	}
	size_t ngroups = nr; /* runs forming the integer part */
	if (commas > 0) {
		if (!decimals || commas > 1 || sep[nsep - 1] != SEP_COMMA)
			return PARSE_BAD;
		ngroups--;
	} else if (decimals && dots == 1 && sep[nsep - 1] == SEP_DOT) {
		ngroups--;
	}
	for (size_t i = 0; i + 1 < ngroups; i++)
		if (sep[i] != sep[0] || len[i + 1] != 3)
			return PARSE_BAD;
	if (ngroups > 1 && len[0] > 3)
		return PARSE_BAD;

	unsigned long long v = 0;
	for (size_t i = 0; i < ngroups; i++) {
		for (size_t j = 0; j < len[i]; j++) {
			unsigned dgt = (unsigned)(run[i][j] - '0');
			if (v > (ULLONG_MAX - dgt) / 10)
				return PARSE_BAD;
			v = v * 10 + dgt;
		}
	}
	out->ip = v;
	out->hundredths = 0;
	if (ngroups < nr) {
		const char *d = run[nr - 1];
		if (len[nr - 1] > 2)
			return PARSE_BAD;
		out->hundredths = (d[0] - '0') * 10 + (len[nr - 1] == 2 ? d[1] - '0' : 0);
	}
	return PARSE_OK;
}

parse_status parse_integer(const char *s, long long *out)
{
	const char *b = s, *e = s + strlen(s);
	trim(&b, &e);
	if (b == e)
		return PARSE_EMPTY;
	bool neg = false;
	b += sign_at(b, e, &neg);
	number n;
	if (scan_number(b, e, false, &n) != PARSE_OK)
		return PARSE_BAD;
	if (neg) {
		if (n.ip > (unsigned long long)LLONG_MAX + 1)
			return PARSE_BAD;
		*out = n.ip == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)n.ip;
	} else {
		if (n.ip > (unsigned long long)LLONG_MAX)
			return PARSE_BAD;
		*out = (long long)n.ip;
	}
	return PARSE_OK;
}

/* Length of a currency mark ("€" or "EUR", any case) at p, or 0. */
static size_t currency_at(const char *p, const char *e)
{
	if (e - p < 3)
		return 0;
	if (memcmp(p, "\xE2\x82\xAC", 3) == 0)
		return 3;
	if ((p[0] == 'E' || p[0] == 'e') && (p[1] == 'U' || p[1] == 'u') &&
	    (p[2] == 'R' || p[2] == 'r'))
		return 3;
	return 0;
}

parse_status parse_amount_cents(const char *s, long long *cents)
{
	const char *b = s, *e = s + strlen(s);
	trim(&b, &e);
	if (b == e)
		return PARSE_EMPTY;
	bool cur = false, neg = false;
	if (e - b >= 3 && currency_at(e - 3, e)) {
		e -= 3;
		cur = true;
		trim(&b, &e);
	}
	size_t k = sign_at(b, e, &neg);
	b += k;
	if (!cur && currency_at(b, e)) {
		b += 3;
		trim(&b, &e);
		if (k == 0)
			b += sign_at(b, e, &neg);
	}
	number n;
	if (scan_number(b, e, true, &n) != PARSE_OK)
		return PARSE_BAD;
	if (n.ip > (unsigned long long)(LLONG_MAX - n.hundredths) / 100)
		return PARSE_BAD;
	long long v = (long long)n.ip * 100 + n.hundredths;
	*cents = neg ? -v : v;
	return PARSE_OK;
}

/* Up to four digits at *p; their count, or 0 when there are more. */
static size_t read_digits(const char **p, const char *e, int *v)
{
	const char *q = *p;
	*v = 0;
	while (q < e && is_digit(*q)) {
		if (q - *p == 4)
			return 0;
		*v = *v * 10 + (*q - '0');
		q++;
	}
	size_t n = (size_t)(q - *p);
	*p = q;
	return n;
}

/* A time of day after a date: " 00:00", " 13:45:07", "T00:00:00.000";
 * returns where the date ends (e itself when there is no time). */
static const char *strip_time(const char *b, const char *e)
{
	const char *t = b;
	while (t < e && *t != ' ' && *t != 'T')
		t++;
	if (t == e)
		return e;
	const char *q = t + 1;
	while (q < e && *q == ' ')
		q++;
	int fields = 0;
	for (;;) {
		const char *d = q;
		while (q < e && is_digit(*q) && q - d < 2)
			q++;
		if (q == d)
			return e;
		fields++;
		if (q < e && *q == ':' && fields < 3) {
			q++;
			continue;
		}
		break;
	}
	if (fields < 2)
		return e;
	if (q < e && (*q == '.' || *q == ',')) { /* fractions of a second */
		q++;
		while (q < e && is_digit(*q))
			q++;
	}
	return q == e ? t : e;
}

parse_status parse_date(const char *s, recit_date *out)
{
	return parse_date_pivot(s, PARSE_DATE_PIVOT, out);
}

parse_status parse_date_pivot(const char *s, int pivot, recit_date *out)
{
	const char *b = s, *e = s + strlen(s);
	trim(&b, &e);
	if (b == e)
		return PARSE_EMPTY;
	e = strip_time(b, e);
	int v[3];
	size_t n[3];
	char sep[2];
	const char *p = b;
	for (int i = 0; i < 3; i++) {
		n[i] = read_digits(&p, e, &v[i]);
		if (n[i] == 0)
			return PARSE_BAD;
		if (i < 2) {
			if (p == e || !strchr("/-.", *p))
				return PARSE_BAD;
			sep[i] = *p++;
		}
	}
	if (p != e || sep[0] != sep[1])
		return PARSE_BAD;
	int y, m, d;
	if (n[0] == 4 && sep[0] == '-' && n[1] <= 2 && n[2] <= 2)
		y = v[0], m = v[1], d = v[2];
	else if (n[0] <= 2 && n[1] <= 2 && n[2] == 4)
		d = v[0], m = v[1], y = v[2];
	else if (n[0] <= 2 && n[1] <= 2 && n[2] == 2 && sep[0] != '-') {
		/* "04/10/21": the year in [pivot - 80, pivot + 19]. */
		d = v[0], m = v[1];
		int lo = pivot - 80;
		y = lo - ((lo % 100) + 100) % 100 + v[2];
		if (y < lo)
			y += 100;
	} else
		return PARSE_BAD;
	if (!date_is_valid(y, m, d))
		return PARSE_BAD;
	*out = (recit_date){y, m, d};
	return PARSE_OK;
}

parse_status parse_yes_no(const char *s, bool *out)
{
	static const char *const yes[] = {"oui", "o", "yes", "y", "vrai", "true", "1"};
	static const char *const no[] = {"non", "n", "no", "faux", "false", "0"};
	const char *b = s, *e = s + strlen(s);
	trim(&b, &e);
	if (b == e)
		return PARSE_EMPTY;
	char word[16], norm[16];
	if ((size_t)(e - b) >= sizeof word)
		return PARSE_BAD;
	memcpy(word, b, (size_t)(e - b));
	word[e - b] = '\0';
	csv_normalize_name(word, norm, sizeof norm);
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) {
		if (strcmp(norm, yes[i]) == 0) {
			*out = true;
			return PARSE_OK;
		}
	}
	for (size_t i = 0; i < sizeof no / sizeof *no; i++) {
		if (strcmp(norm, no[i]) == 0) {
			*out = false;
			return PARSE_OK;
		}
	}
	return PARSE_BAD;
}
