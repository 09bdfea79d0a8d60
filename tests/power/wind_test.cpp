// Wind farm: power curve corners, Weibull marginal, autocorrelation, modulation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "models/power/calendar.hpp"
#include "models/power/wind.hpp"
#include "tests/power/lag1.hpp"

using namespace sovcap::power;

namespace {
WindParams flat_params(double k, double c) {
  WindParams p;
  p.capacity_mw = 100;
  p.weibull_k = k;
  p.weibull_c_ms = c;
  p.seasonal_amplitude = 0;
  p.diurnal_amplitude = 0;
  return p;
}
}  // namespace

TEST(Wind, PowerCurveCorners) {
  auto f = [](double v) { return WindFarm::power_curve_fraction(v, 3, 12, 25); };
  EXPECT_EQ(f(0), 0);
  EXPECT_EQ(f(2.99), 0);
  EXPECT_EQ(f(3), 0);
  EXPECT_NEAR(f(7.5), (7.5 * 7.5 * 7.5 - 27) / (1728 - 27), 1e-12);
  EXPECT_EQ(f(12), 1);
  EXPECT_EQ(f(20), 1);
  EXPECT_EQ(f(25), 1);
  EXPECT_EQ(f(25.01), 0);
  // Monotone between cut-in and rated.
  for (double v = 3; v < 12; v += 0.25) EXPECT_LE(f(v), f(v + 0.25));
  WindFarm farm(flat_params(2, 8), 1, 0, 0);
  EXPECT_NEAR(farm.power_mw(15), 100 * (1 - 0.10), 1e-12);  // losses
}

TEST(Wind, WeibullQuantileMap) {
  // z = 0 is the median: c (ln 2)^(1/k).
  EXPECT_NEAR(WindFarm::weibull_from_normal(0, 2, 8), 8 * std::sqrt(std::log(2.0)), 1e-12);
  // P(V < c) = 1 - 1/e: z = Phi^-1(0.6321206) = 0.33747.
  EXPECT_NEAR(WindFarm::weibull_from_normal(0.3374746, 3, 9), 9, 1e-4);
  EXPECT_TRUE(std::isfinite(WindFarm::weibull_from_normal(40, 2, 8)));
}

TEST(Wind, SampleMeanMatchesWeibullMean) {
  for (double k : {1.8, 2.5, 3.2}) {
    WindFarm farm(flat_params(k, 9), 77, 0, 0);
    double sum = 0, below_c = 0;
    const int n = 200000;
    for (int h = 0; h < n; ++h) {
      double v = farm.speed_at_hour(h);
      sum += v;
      below_c += v < 9;
    }
    EXPECT_NEAR(sum / n / (9 * std::tgamma(1 + 1 / k)), 1.0, 0.02) << "k " << k;
    EXPECT_NEAR(below_c / n, 1 - std::exp(-1.0), 0.02) << "k " << k;
  }
}

TEST(Wind, HourToHourAutocorrelation) {
  WindParams p = flat_params(2.2, 8);
  p.autocorrelation = 0.9;
  WindFarm farm(p, 5, 0, 0);
  std::vector<double> v;
  for (int h = 0; h < 100000; ++h) v.push_back(farm.speed_at_hour(h));
  // Monotone maps of a Gaussian pair cannot exceed its correlation (Lancaster 1957).
  EXPECT_LE(lag1(v), 0.9 + 0.01);
  EXPECT_GE(lag1(v), 0.9 - 0.05);
}

TEST(Wind, SeasonalAndDiurnalModulationOfScale) {
  WindParams p = flat_params(2, 10);
  p.seasonal_amplitude = 0.1;
  p.seasonal_peak_day = 180;
  p.diurnal_amplitude = 0.05;
  p.diurnal_peak_hour = 15;
  const double lon = -15;  // local solar = UTC - 1 h
  WindFarm farm(p, 1, 0, lon);
  const double jan1 = days_from_civil(2030, 1, 1) * 86400.0;
  const double peak_day = jan1 + 179 * 86400.0;  // day of year 180
  EXPECT_NEAR(farm.scale_ms(peak_day + 16 * 3600), 10 * 1.1 * 1.05, 1e-9);
  EXPECT_NEAR(farm.scale_ms(peak_day + 4 * 3600), 10 * 1.1 * 0.95, 1e-9);
  // Half a year later, the seasonal trough (to within a day of 365.25 / 2).
  EXPECT_NEAR(farm.scale_ms(peak_day + 182 * 86400.0 + 16 * 3600), 10 * 0.9 * 1.05, 0.01);
}

TEST(Wind, SpeedInterpolatesBetweenHours) {
  WindFarm farm(flat_params(2, 8), 3, 1000, 0);
  double a = farm.speed_at_hour(7), b = farm.speed_at_hour(8);
  EXPECT_NEAR(farm.speed_ms(1000 + 7.5 * 3600), (a + b) / 2, 1e-12);
  WindParams bad = flat_params(2, 8);
  bad.rated_ms = 2;
  EXPECT_THROW(WindFarm(bad, 1, 0, 0), std::invalid_argument);
}
