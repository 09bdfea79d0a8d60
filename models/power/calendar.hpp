#pragma once
// UTC calendar arithmetic on Unix seconds (proleptic Gregorian, no leap seconds).
#include <cstdint>

namespace sovcap::power {

struct CivilDate {
  int year, month, day;  // month 1..12, day 1..31
};

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
int64_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(int64_t days);

constexpr double kUnixEpochJulianDay = 2440587.5;
double julian_day_from_unix(double unix_s);
double unix_from_julian_day(double julian_day);

// Calendar fields of a Unix time, in UTC.
int month_index_utc(double unix_s);   // 0..11
int day_of_year_utc(double unix_s);   // 1..366
double hour_of_day_utc(double unix_s);  // [0, 24)

// Local mean solar time: UTC shifted by longitude (15 degrees per hour), in [0, 24).
double local_solar_hour(double unix_s, double longitude_deg);

}  // namespace sovcap::power
