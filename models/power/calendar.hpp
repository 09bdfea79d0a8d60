#pragma once
// UTC calendar arithmetic on Unix seconds (proleptic Gregorian, no leap seconds),
// and the one ISO 8601 reader and writer: scenario dates, profile CSV timestamps
// and result attributes all go through these.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sovcap::power {

struct CivilDate {
  int year, month, day;  // month 1..12, day 1..31
};

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
int64_t days_from_civil(int year, int month, int day);
CivilDate civil_from_days(int64_t days);
bool is_leap_year(int64_t year);
int days_in_month(int64_t year, int month);  // month 1..12

// ISO 8601 instants: YYYY-MM-DD, optionally followed by (T or a space) HH:MM[:SS],
// then optionally Z or an offset +HH:MM, -HH:MM, +HHMM, -HHMM. Fields are checked
// (month 1-12, day within its month and year, hour 0-23, minute and second 0-59,
// offset at most 14:59). Nothing = not such an instant.
std::optional<int64_t> parse_iso_utc(std::string_view text);
// The same, and seconds may carry a fraction (HH:MM:SS.fff): Unix seconds as a double.
std::optional<double> parse_iso_utc_s(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_iso_utc(int64_t unix_s);

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
