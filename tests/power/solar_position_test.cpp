// PSA against NREL SPA's published reference case (Reda & Andreas, "Solar
// position algorithm for solar radiation applications", NREL/TP-560-34302,
// 2008, Table A4.1): 2003-10-17 12:30:30 local time (UTC-7), latitude
// 39.742476, longitude -105.1786, 1830.14 m, 820 mbar, 11 C.
#include <gtest/gtest.h>

#include <cmath>

#include "models/power/calendar.hpp"
#include "models/power/solar_position.hpp"

using namespace sovcap::power;

namespace {
constexpr double kLat = 39.742476, kLon = -105.1786;
double spa_case_unix() { return days_from_civil(2003, 10, 17) * 86400.0 + (19 * 3600 + 30 * 60 + 30); }
}  // namespace

TEST(SolarPosition, MatchesSpaReferenceWithoutRefraction) {
  auto p = solar_position_unix(spa_case_unix(), kLat, kLon);
  // SPA topocentric zenith before refraction: 90 - 39.872046 (e0 of Table A4.1).
  EXPECT_NEAR(p.zenith_deg, 50.12795, 0.02);
  EXPECT_NEAR(p.azimuth_deg, 194.34024, 0.02);
}

TEST(SolarPosition, ApparentZenithWithSpaRefractionMatchesSpa) {
  auto p = apparent(solar_position_unix(spa_case_unix(), kLat, kLon), 820.0, 11.0);
  EXPECT_NEAR(p.zenith_deg, 50.11162, 0.02);
  EXPECT_NEAR(p.azimuth_deg, 194.34024, 0.02);
}

TEST(SolarPosition, JulianDayAndUnixAgree) {
  // J2000.0 is 2000-01-01 12:00 TT; as UT here, Unix 946728000.
  EXPECT_DOUBLE_EQ(julian_day_from_unix(946728000.0), 2451545.0);
  auto a = solar_position_psa(julian_day_from_unix(spa_case_unix()), kLat, kLon);
  auto b = solar_position_unix(spa_case_unix(), kLat, kLon);
  EXPECT_DOUBLE_EQ(a.zenith_deg, b.zenith_deg);
}

TEST(SolarPosition, RefractionFormulaByHand) {
  // Bennett's formula at the horizon with standard conditions: about 0.48 deg
  // (34' mean horizon refraction, 1010 hPa, 10 C).
  EXPECT_NEAR(refraction_deg(0.0), 1.02 / (60.0 * std::tan((10.3 / 5.11) * 3.14159265358979323846 / 180.0)), 1e-12);
  EXPECT_NEAR(refraction_deg(0.0), 0.48, 0.02);
  EXPECT_EQ(refraction_deg(-5.0), 0.0);
  EXPECT_LT(refraction_deg(60.0), 0.01);
}

TEST(SolarPosition, EquinoxNoonAtEquatorIsOverhead) {
  // 2030-03-20 near 12:00 UTC at longitude 0: the sun is within the
  // declination-plus-equation-of-time error (< 2 deg) of the zenith.
  double t = days_from_civil(2030, 3, 20) * 86400.0 + 12 * 3600;
  auto p = solar_position_unix(t, 0.0, 0.0);
  EXPECT_LT(p.zenith_deg, 2.0);
  // Midnight: below the horizon by about the same.
  EXPECT_GT(solar_position_unix(t - 12 * 3600, 0.0, 0.0).zenith_deg, 178.0);
}
