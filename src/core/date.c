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
