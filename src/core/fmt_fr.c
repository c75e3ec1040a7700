/* fmt_fr.c - French number, money and date formatting, locale-free.
 *
 * Each function composes into a local buffer and then copies into the
 * caller's, so a short buffer truncates (never mid-character) instead of
 * overflowing. */
#include "fmt_fr.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

static char *copy_out(char *buf, size_t cap, const char *s)
{
	if (cap == 0)
		return buf;
	size_t n = strlen(s);
	if (n >= cap) {
		n = cap - 1;
		/* Back off to the start of a UTF-8 sequence. */
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(buf, s, n);
	buf[n] = '\0';
	return buf;
}

/* Digits of v grouped by three with U+202F. */
static void put_grouped(strbuf *b, unsigned long long v)
{
	char digits[24];
	int n = snprintf(digits, sizeof digits, "%llu", v);
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			strbuf_puts(b, FR_NNBSP);
		strbuf_putc(b, digits[i]);
	}
}

/* Magnitude of v, valid for LLONG_MIN too. */
static unsigned long long magnitude(long long v)
{
	return v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
}

static char *finish(char *buf, size_t cap, strbuf *b)
{
	copy_out(buf, cap, b->data ? b->data : "");
	strbuf_free(b);
	return buf;
}

char *fmt_int(char *buf, size_t cap, long long v)
{
	strbuf b = {0};
	if (v < 0)
		strbuf_putc(&b, '-');
	put_grouped(&b, magnitude(v));
	return finish(buf, cap, &b);
}

char *fmt_decimal(char *buf, size_t cap, double v, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	if (!isfinite(v))
		return copy_out(buf, cap, "?");
	/* printf rounds correctly; only its radix character could depend on
	 * the locale, and it is replaced below. Grouping is done here. */
	char num[400];
	snprintf(num, sizeof num, "%.*f", decimals, v < 0 ? -v : v);
	size_t ilen = strspn(num, "0123456789");
	strbuf b = {0};
	bool zero = strspn(num, "0.,") == strlen(num);
	if (v < 0 && !zero)
		strbuf_putc(&b, '-');
	for (size_t i = 0; i < ilen; i++) {
		if (i > 0 && (ilen - i) % 3 == 0)
			strbuf_puts(&b, FR_NNBSP);
		strbuf_putc(&b, num[i]);
	}
	if (decimals > 0) {
		strbuf_putc(&b, ',');
		strbuf_puts(&b, num + strlen(num) - (size_t)decimals);
	}
	return finish(buf, cap, &b);
}

char *fmt_percent(char *buf, size_t cap, int pct)
{
	strbuf b = {0};
	if (pct < 0)
		strbuf_putc(&b, '-');
	put_grouped(&b, magnitude(pct));
	strbuf_puts(&b, FR_NBSP "%");
	return finish(buf, cap, &b);
}

char *fmt_euros(char *buf, size_t cap, long long cents, int show_cents)
{
	unsigned long long m = magnitude(cents);
	strbuf b = {0};
	if (show_cents) {
		if (cents < 0)
			strbuf_putc(&b, '-');
		put_grouped(&b, m / 100);
		strbuf_printf(&b, ",%02llu", m % 100);
	} else {
		/* Half away from zero, the way people round money by hand. */
		unsigned long long euros = m / 100 + (m % 100 >= 50);
		if (cents < 0 && euros > 0)
			strbuf_putc(&b, '-');
		put_grouped(&b, euros);
	}
	strbuf_puts(&b, FR_NNBSP "€");
	return finish(buf, cap, &b);
}

static const char *const month_names[12] = {
	"janvier", "février", "mars",      "avril",   "mai",      "juin",
	"juillet", "août",    "septembre", "octobre", "novembre", "décembre",
};

static bool printable(recit_date d)
{
	return d.m >= 1 && d.m <= 12 && d.d >= 1 && d.d <= 31 && d.y > 0 && d.y <= 9999;
}

char *fmt_date_long(char *buf, size_t cap, recit_date d)
{
	if (!printable(d))
		return copy_out(buf, cap, "");
	char tmp[FMT_CAP];
	snprintf(tmp, sizeof tmp, "%d%s %s %d", d.d, d.d == 1 ? "er" : "",
		 month_names[d.m - 1], d.y);
	return copy_out(buf, cap, tmp);
}

char *fmt_month_year(char *buf, size_t cap, recit_date d)
{
	if (!printable(d))
		return copy_out(buf, cap, "");
	char tmp[FMT_CAP];
	snprintf(tmp, sizeof tmp, "%s %d", month_names[d.m - 1], d.y);
	return copy_out(buf, cap, tmp);
}

char *fmt_date_short(char *buf, size_t cap, recit_date d)
{
	if (!printable(d))
		return copy_out(buf, cap, "");
	char tmp[FMT_CAP];
	snprintf(tmp, sizeof tmp, "%02d/%02d/%04d", d.d, d.m, d.y);
	return copy_out(buf, cap, tmp);
}
