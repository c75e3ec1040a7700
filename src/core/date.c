/* date.c - calendar arithmetic for entry/exit dates and reporting periods. */
#include "date.h"

#include <stdio.h>

bool date_is_set(recit_date a)
{
	return a.y != 0;
}

static bool leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool date_is_valid(int y, int m, int d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return false;
	int max = mdays[m - 1] + (m == 2 && leap(y));
	return d <= max;
}

int date_cmp(recit_date a, recit_date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

long date_to_days(recit_date a)
{
	/* Howard Hinnant's days_from_civil. */
	long y = a.y - (a.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long mp = (a.m + 9) % 12;
	long doy = (153 * mp + 2) / 5 + a.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int date_months_between(recit_date a, recit_date b)
{
	if (date_cmp(b, a) < 0)
		return -date_months_between(b, a);
	int months = (b.y - a.y) * 12 + (b.m - a.m);
	if (b.d < a.d)
		months--;
	return months;
}

void date_iso(recit_date a, char buf[11])
{
	/* Clamp so the text always fits, whatever the struct holds. */
	unsigned y = (unsigned)a.y % 10000u, m = (unsigned)a.m % 100u, d = (unsigned)a.d % 100u;
	snprintf(buf, 11, "%04u-%02u-%02u", y, m, d);
}

recit_date date_from_days(long z)
{
	/* Howard Hinnant's civil_from_days. */
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	return (recit_date){(int)(y + (m <= 2)), (int)m, (int)d};
}

bool date_from_serial(long serial, int system, recit_date *out)
{
	/* Serial day numbers of spreadsheets. The 1900 system counts
	 * 1900-01-01 as 1 and, after Lotus 1-2-3, has a 29 February 1900
	 * (serial 60) that never was: from 61 on, day 0 is 1899-12-30. The 1904
	 * system (old Mac workbooks) counts from 1904-01-01 as 0. Up to
	 * 9999-12-31 (2958465). */
	if (serial < 0 || serial > 2958465)
		return false;
	long base;
	if (system == 1904)
		base = date_to_days((recit_date){1904, 1, 1});
	else if (serial >= 61)
		base = date_to_days((recit_date){1899, 12, 30});
	else if (serial >= 1 && serial < 60)
		base = date_to_days((recit_date){1899, 12, 31});
	else
		return false;
	*out = date_from_days(base + serial);
	return true;
}
