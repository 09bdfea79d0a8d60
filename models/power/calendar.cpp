#include "models/power/calendar.hpp"

#include <cmath>
#include <cstdio>

namespace sovcap::power {
namespace {

// The fields of an ISO 8601 instant, as written (offset in seconds east of UTC).
struct IsoFields {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  double fraction = 0;  // of a second
  bool has_fraction = false;
  int offset_s = 0;
};

// n digits at s[pos], advancing pos.
bool digits(std::string_view s, size_t& pos, int n, int& out) {
  if (pos + static_cast<size_t>(n) > s.size()) return false;
  out = 0;
  for (int i = 0; i < n; ++i) {
    const char c = s[pos + static_cast<size_t>(i)];
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  pos += static_cast<size_t>(n);
  return true;
}

bool expect(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

std::optional<IsoFields> parse_fields(std::string_view s) {
  IsoFields f;
  size_t p = 0;
  if (!digits(s, p, 4, f.year) || !expect(s, p, '-') || !digits(s, p, 2, f.month) || !expect(s, p, '-') ||
      !digits(s, p, 2, f.day))
    return std::nullopt;
  if (f.month < 1 || f.month > 12 || f.day < 1 || f.day > days_in_month(f.year, f.month)) return std::nullopt;
  if (p < s.size() && (s[p] == 'T' || s[p] == ' ')) {
    ++p;
    if (!digits(s, p, 2, f.hour) || !expect(s, p, ':') || !digits(s, p, 2, f.minute)) return std::nullopt;
    if (p < s.size() && s[p] == ':') {
      ++p;
      if (!digits(s, p, 2, f.second)) return std::nullopt;
      if (p < s.size() && s[p] == '.') {
        const size_t first = ++p;
        double scale = 0.1;
        for (; p < s.size() && s[p] >= '0' && s[p] <= '9'; ++p, scale /= 10) f.fraction += (s[p] - '0') * scale;
        if (p == first) return std::nullopt;
        f.has_fraction = true;
      }
    }
    if (f.hour > 23 || f.minute > 59 || f.second > 59) return std::nullopt;
  }
  if (p < s.size() && s[p] == 'Z') {
    ++p;
  } else if (p < s.size() && (s[p] == '+' || s[p] == '-')) {
    const int sign = s[p++] == '+' ? 1 : -1;
    int oh, om;
    if (!digits(s, p, 2, oh)) return std::nullopt;
    if (p < s.size() && s[p] == ':') ++p;
    if (!digits(s, p, 2, om) || oh > 14 || om > 59) return std::nullopt;
    f.offset_s = sign * (oh * 3600 + om * 60);
  }
  if (p != s.size()) return std::nullopt;
  return f;
}

int64_t unix_day(double unix_s) { return static_cast<int64_t>(std::floor(unix_s / 86400.0)); }

}  // namespace

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

bool is_leap_year(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int64_t year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

std::optional<int64_t> parse_iso_utc(std::string_view text) {
  const auto f = parse_fields(text);
  if (!f || f->has_fraction) return std::nullopt;
  return days_from_civil(f->year, f->month, f->day) * 86400 + f->hour * 3600 + f->minute * 60 + f->second - f->offset_s;
}

std::optional<double> parse_iso_utc_s(std::string_view text) {
  const auto f = parse_fields(text);
  if (!f) return std::nullopt;
  return static_cast<double>(days_from_civil(f->year, f->month, f->day)) * 86400.0 + f->hour * 3600.0 +
         f->minute * 60.0 + f->second + f->fraction - f->offset_s;
}

std::string format_iso_utc(int64_t t) {
  const int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
  const int64_t rem = t - day * 86400;
  const CivilDate d = civil_from_days(day);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02lld:%02lld:%02lldZ", d.year, d.month, d.day,
                static_cast<long long>(rem / 3600), static_cast<long long>(rem % 3600 / 60),
                static_cast<long long>(rem % 60));
  return buf;
}

double julian_day_from_unix(double unix_s) { return unix_s / 86400.0 + kUnixEpochJulianDay; }
double unix_from_julian_day(double julian_day) { return (julian_day - kUnixEpochJulianDay) * 86400.0; }

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
