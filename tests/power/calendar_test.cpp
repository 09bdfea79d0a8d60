// The one civil-date routine and ISO 8601 reader/writer, held to the C library's
// timegm/gmtime (an independent implementation) and to instants from `date -u`.
#include <gtest/gtest.h>

#include <ctime>
#include <string>

#include "models/power/calendar.hpp"

using namespace sovcap::power;

namespace {

int64_t libc_timegm(int y, int m, int d, int h = 0, int mi = 0, int s = 0) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = m - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return static_cast<int64_t>(timegm(&tm));
}

std::string libc_iso(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

TEST(Calendar, EveryDayFrom1900To2200MatchesTimegm) {
  for (int y = 1900; y <= 2200; ++y) {
    int64_t jan1 = days_from_civil(y, 1, 1);
    ASSERT_EQ(jan1 * 86400, libc_timegm(y, 1, 1)) << y;
    int64_t day = jan1;
    for (int m = 1; m <= 12; ++m) {
      // The day after the month's last day is the next month's first (timegm normalises).
      ASSERT_EQ((days_from_civil(y, m, 1) + days_in_month(y, m)) * 86400, libc_timegm(y, m, days_in_month(y, m) + 1))
          << y << "-" << m;
      for (int d = 1; d <= days_in_month(y, m); ++d, ++day) {
        ASSERT_EQ(days_from_civil(y, m, d), day);
        const CivilDate c = civil_from_days(day);
        ASSERT_TRUE(c.year == y && c.month == m && c.day == d) << y << "-" << m << "-" << d;
      }
    }
    ASSERT_EQ(day - jan1, is_leap_year(y) ? 366 : 365) << y;
  }
}

TEST(Calendar, LeapYears) {
  EXPECT_TRUE(is_leap_year(2000));   // divisible by 400
  EXPECT_FALSE(is_leap_year(2100));  // by 100, not 400
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(2023));
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2100, 2), 28);
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2030, 4), 30);
  EXPECT_EQ(days_in_month(2030, 12), 31);
}

TEST(Calendar, CivilRoundTripAndFields) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2030, 1, 1), 21915);  // 60 years incl. 15 leap days
  auto d = civil_from_days(days_from_civil(2028, 2, 29));
  EXPECT_EQ(d.year, 2028);
  EXPECT_EQ(d.month, 2);
  EXPECT_EQ(d.day, 29);
  EXPECT_EQ(civil_from_days(-1).year, 1969);
  EXPECT_EQ(civil_from_days(-1).day, 31);
  double t = days_from_civil(2030, 12, 31) * 86400.0 + 6 * 3600;
  EXPECT_EQ(month_index_utc(t), 11);
  EXPECT_EQ(day_of_year_utc(t), 365);
  EXPECT_EQ(day_of_year_utc(days_from_civil(2024, 12, 31) * 86400.0), 366);
  EXPECT_DOUBLE_EQ(hour_of_day_utc(t), 6.0);
  EXPECT_DOUBLE_EQ(local_solar_hour(t, -15.0), 5.0);
  EXPECT_DOUBLE_EQ(local_solar_hour(t, -105.0), 23.0);
}

TEST(IsoTime, KnownInstants) {
  // Unix times from `date -u -d ... +%s`, independent of this code.
  EXPECT_EQ(parse_iso_utc("1970-01-01T00:00:00Z").value(), 0);
  EXPECT_EQ(parse_iso_utc("2030-01-01T00:00:00Z").value(), 1893456000);
  EXPECT_EQ(parse_iso_utc("2030-01-01").value(), 1893456000);
  EXPECT_EQ(parse_iso_utc("2030-07-01").value(), 1909094400);
  EXPECT_EQ(parse_iso_utc("2024-02-29T12:30:15Z").value(), 1709209815);
  EXPECT_EQ(parse_iso_utc("2000-02-29T00:00Z").value(), 951782400);
  EXPECT_EQ(format_iso_utc(1893456000), "2030-01-01T00:00:00Z");
  EXPECT_EQ(format_iso_utc(1709209815), "2024-02-29T12:30:15Z");
  EXPECT_EQ(format_iso_utc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(format_iso_utc(4107542399), "2100-02-28T23:59:59Z");
  EXPECT_EQ(format_iso_utc(4107542400), "2100-03-01T00:00:00Z");
}

TEST(IsoTime, YearBoundariesAndOffsets) {
  const int64_t y2030 = 1893456000;
  EXPECT_EQ(parse_iso_utc("2029-12-31T23:59:59Z").value(), y2030 - 1);
  EXPECT_EQ(parse_iso_utc("2029-12-31 23:59:59").value(), y2030 - 1);  // a space for the T, no zone = UTC
  // An offset moves the instant across the year boundary, both ways.
  EXPECT_EQ(parse_iso_utc("2030-01-01T01:00:00+01:00").value(), y2030);
  EXPECT_EQ(parse_iso_utc("2030-01-01T00:30:00+01:00").value(), y2030 - 1800);
  EXPECT_EQ(parse_iso_utc("2029-12-31 23:00-01:00").value(), y2030);
  EXPECT_EQ(parse_iso_utc("2029-12-31T23:00-0100").value(), y2030);  // basic-format offset
  EXPECT_EQ(parse_iso_utc("2030-01-01T05:45+05:45").value(), y2030);
  EXPECT_EQ(parse_iso_utc("2030-01-01+00:00").value(), y2030);
  EXPECT_EQ(parse_iso_utc("2029-12-31T10:00-14:00").value(), y2030);
}

TEST(IsoTime, RejectsImpossibleDatesAndMalformedText) {
  EXPECT_FALSE(parse_iso_utc("2023-02-29"));  // not a leap year
  EXPECT_FALSE(parse_iso_utc("2030-02-29"));
  EXPECT_FALSE(parse_iso_utc("2100-02-29"));  // century, not leap
  EXPECT_TRUE(parse_iso_utc("2000-02-29"));   // 400-year leap
  EXPECT_TRUE(parse_iso_utc("2024-02-29"));
  EXPECT_FALSE(parse_iso_utc("2030-02-30"));
  for (const char* bad : {"2030-13-01", "2030-00-10", "2030-04-31", "2030-01-00", "2030-01-01T24:00",
                          "2030-01-01T23:60", "2030-01-01T23:59:60Z", "2030-01-01T00:00:00Zjunk", "2030-01-01T00",
                          "2030-1-01", "30d", "", "yesterday", "2030-01-01T00:00+15:00", "2030-01-01T00:00+01:60",
                          "2030-01-01T00:00+1", "2030-01-01t00:00z", " 2030-01-01", "2030-01-01T00:00:00."})
    EXPECT_FALSE(parse_iso_utc(bad)) << bad;
}

TEST(IsoTime, FractionsOnlyInTheSecondsForm) {
  const double jan1 = 1893456000.0;
  EXPECT_FALSE(parse_iso_utc("2030-01-01T00:00:10.5Z"));  // whole seconds: a scenario start
  EXPECT_EQ(parse_iso_utc_s("2030-01-01T00:00:10.5Z").value(), jan1 + 10.5);
  EXPECT_EQ(parse_iso_utc_s("2030-01-01T00:00:10.25+00:00").value(), jan1 + 10.25);
  EXPECT_EQ(parse_iso_utc_s("2030-01-01T01:00:00.5+01:00").value(), jan1 + 0.5);
  EXPECT_EQ(parse_iso_utc_s("2030-01-01 01:30").value(), jan1 + 5400);
  EXPECT_FALSE(parse_iso_utc_s("2029-02-29T00:00Z"));
}

TEST(IsoTime, FormatAndParseAgreeWithGmtimeOverTwoCenturies) {
  // A prime step visits every second-of-minute, hour and day-of-month across 1901-2099.
  for (int64_t t = -2147483647; t < 4102444800; t += 7919 * 3607) {
    const std::string s = format_iso_utc(t);
    ASSERT_EQ(s, libc_iso(t)) << t;
    ASSERT_EQ(parse_iso_utc(s).value(), t) << s;
  }
}
