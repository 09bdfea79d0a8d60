#include "models/power/calendar.hpp"

#include <cmath>

namespace sovcap::power {

int64_t days_from_civil(int year, int month, int day) {
  int64_t y = static_cast<int64_t>(year) - (month <= 2);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

double julian_day_from_unix(double unix_s) { return unix_s / 86400.0 + kUnixEpochJulianDay; }
double unix_from_julian_day(double julian_day) { return (julian_day - kUnixEpochJulianDay) * 86400.0; }

static int64_t unix_day(double unix_s) { return static_cast<int64_t>(std::floor(unix_s / 86400.0)); }

int month_index_utc(double unix_s) { return civil_from_days(unix_day(unix_s)).month - 1; }

int day_of_year_utc(double unix_s) {
  int64_t d = unix_day(unix_s);
  return static_cast<int>(d - days_from_civil(civil_from_days(d).year, 1, 1)) + 1;
}

double hour_of_day_utc(double unix_s) {
  double h = (unix_s - 86400.0 * static_cast<double>(unix_day(unix_s))) / 3600.0;
  return h >= 24.0 ? 0.0 : h;
}

double local_solar_hour(double unix_s, double longitude_deg) {
  double h = std::fmod(hour_of_day_utc(unix_s) + longitude_deg / 15.0, 24.0);
  return h < 0 ? h + 24.0 : h;
}

}  // namespace sovcap::power
