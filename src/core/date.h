/* date.h - calendar dates (no time, no time zone) and month arithmetic. */
#ifndef RECIT_DATE_H
#define RECIT_DATE_H

#include <stdbool.h>

typedef struct {
	int y, m, d; /* m 1..12, d 1..31; all zero = no date */
} recit_date;

bool date_is_set(recit_date a);
bool date_is_valid(int y, int m, int d);
/* Negative, zero or positive like strcmp. */
int date_cmp(recit_date a, recit_date b);
/* Days since 1970-01-01 (proleptic Gregorian). */
long date_to_days(recit_date a);
/* The date of a day count of date_to_days. */
recit_date date_from_days(long days);
/* The date of a spreadsheet's serial day number (45291 is 2023-12-31 in the
 * 1900 system); system is 1900 or 1904. False when it is no date. */
bool date_from_serial(long serial, int system, recit_date *out);
/* Whole months elapsed from a to b (b >= a): 2022-03-15 -> 2022-09-14 is 5,
 * -> 2022-09-15 is 6. Negative when b is before a. */
int date_months_between(recit_date a, recit_date b);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void date_iso(recit_date a, char buf[11]);

#endif
