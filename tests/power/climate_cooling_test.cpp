// Ambient temperature from monthly means and a day swing; PUE from it.
#include <gtest/gtest.h>

#include "models/power/calendar.hpp"
#include "models/power/climate.hpp"
#include "models/power/cooling.hpp"

using namespace sovcap::power;

namespace {
ClimateParams months() {
  ClimateParams p;
  p.monthly_mean_c = {10, 12, 14, 16, 18, 20, 22, 24, 22, 20, 16, 12};
  p.diurnal_swing_c = 12;
  p.peak_hour_local = 15;
  return p;
}
double utc(int y, int m, int d, double h) { return days_from_civil(y, m, d) * 86400.0 + h * 3600.0; }
}  // namespace

TEST(Climate, DailyMeanIsTheMonthlyMeanAtMidMonthAndInterpolatesBetween) {
  Climate c(months(), 0);
  // January has 31 days: its middle is 16 Jan 12:00.
  EXPECT_NEAR(c.daily_mean_c(utc(2030, 1, 16, 12)), 10, 1e-9);
  // July's middle is 16 Jul 12:00; August's 16 Aug 12:00.
  EXPECT_NEAR(c.daily_mean_c(utc(2030, 7, 16, 12)), 22, 1e-9);
  // 1 Aug 00:00 is 15.5 of 31 days past mid-July: exactly halfway.
  EXPECT_NEAR(c.daily_mean_c(utc(2030, 8, 1, 0)), 23, 1e-9);
  // Across the year end: 1 Jan 00:00 is halfway between December and January.
  EXPECT_NEAR(c.daily_mean_c(utc(2031, 1, 1, 0)), 11, 1e-9);
}

TEST(Climate, DiurnalSwingPeaksAtLocalSolarPeakHour) {
  const double lon = -15;  // local solar time = UTC - 1 h
  Climate c(months(), lon);
  double day = utc(2030, 1, 16, 0);
  // Peak at 15:00 local = 16:00 UTC; trough 12 h later. Same day: mean ~ 10.
  EXPECT_NEAR(c.ambient_c(day + 16 * 3600) - c.daily_mean_c(day + 16 * 3600), 6, 1e-9);
  EXPECT_NEAR(c.ambient_c(day + 4 * 3600) - c.daily_mean_c(day + 4 * 3600), -6, 1e-9);
  EXPECT_NEAR(c.ambient_c(day + 10 * 3600) - c.daily_mean_c(day + 10 * 3600), 0, 1e-9);
}

TEST(Climate, UnsetMeansGiveTheDocumentedDefault) {
  ClimateParams p;
  p.diurnal_swing_c = 0;
  EXPECT_EQ(Climate(p, 0).ambient_c(utc(2030, 5, 5, 5)), Climate::kUnsetMeanC);
}

TEST(Cooling, ConstantAndFreeCooling) {
  CoolingParams p;
  EXPECT_EQ(pue_at(p, -10), 1.3);
  EXPECT_EQ(pue_at(p, 45), 1.3);
  p.model = CoolingParams::Model::free_cooling;
  p.pue_min = 1.1;
  p.free_below_c = 18;
  p.pue_slope_per_c = 0.01;
  p.pue_max = 1.3;
  EXPECT_DOUBLE_EQ(pue_at(p, 5), 1.1);
  EXPECT_DOUBLE_EQ(pue_at(p, 18), 1.1);
  EXPECT_NEAR(pue_at(p, 28), 1.2, 1e-12);
  EXPECT_DOUBLE_EQ(pue_at(p, 50), 1.3);  // 1.42 capped
}

TEST(Climate, HumidityFollowsTheMonthsAndFallsAsTheDayWarms) {
  ClimateParams p = months();
  p.monthly_mean_rh_percent = {70, 70, 70, 70, 70, 70, 50, 50, 70, 70, 70, 70};
  Climate c(p, 0);
  const double mid_july = utc(2030, 7, 16, 12);
  // At the day's mean temperature the humidity is the day's mean humidity.
  EXPECT_NEAR(c.relative_humidity_percent(mid_july, c.daily_mean_c(mid_july)), 50, 1e-9);
  EXPECT_NEAR(c.daily_mean_rh_percent(utc(2030, 1, 16, 12)), 70, 1e-9);
  // The same dew point all day: warmer air is drier, cooler air damper.
  const double hot = c.relative_humidity_percent(mid_july, c.daily_mean_c(mid_july) + 6);
  const double cool = c.relative_humidity_percent(mid_july, c.daily_mean_c(mid_july) - 6);
  EXPECT_LT(hot, 50);
  EXPECT_GT(cool, 50);
  // Not configured: 60 %.
  Climate unset(months(), 0);
  EXPECT_NEAR(unset.relative_humidity_percent(mid_july, unset.daily_mean_c(mid_july)), 60, 1e-9);
}
