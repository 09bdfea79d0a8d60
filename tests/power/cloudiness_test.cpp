// The clear-sky index process: monthly means as configured, bounds, and the
// hour-to-hour autocorrelation of a Gaussian copula.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

#include "models/power/calendar.hpp"
#include "models/power/cloudiness.hpp"
#include "models/power/gaussian_ar1.hpp"
#include "tests/power/lag1.hpp"

using namespace sovcap::power;

TEST(GaussianAr1, StandardNormalWithLag1Phi) {
  GaussianAr1 z(0.8, 123);
  std::vector<double> x;
  double s = 0, s2 = 0;
  for (int h = 0; h < 100000; ++h) {
    x.push_back(z.at(h));
    s += x.back();
    s2 += x.back() * x.back();
  }
  // Effective sample size n (1 - phi) / (1 + phi) ~ 11,000: sd of the mean ~ 0.01.
  EXPECT_NEAR(s / 1e5, 0.0, 0.04);
  EXPECT_NEAR(s2 / 1e5, 1.0, 0.05);
  EXPECT_NEAR(lag1(x), 0.8, 0.01);
  EXPECT_EQ(z.at(5), x[5]);  // memoised: re-reading gives the same values
  EXPECT_NEAR(normal_cdf(0), 0.5, 1e-15);
  EXPECT_NEAR(normal_cdf(1.959963984540054), 0.975, 1e-12);
}

TEST(Cloudiness, MonthlyMeansAndBounds) {
  std::array<double, 12> means = {0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.7, 0.0, 0.5};
  const double start = static_cast<double>(days_from_civil(2030, 1, 1)) * 86400;
  Cloudiness kc(means, 0.8, 2024, start);
  std::array<double, 12> sum{}, n{};
  const int hours = 8 * 8760;  // eight years: sd of each monthly mean ~ 0.008
  for (int h = 0; h < hours; ++h) {
    double v = kc.at_hour(h);
    ASSERT_GE(v, 0.0);
    ASSERT_LE(v, Cloudiness::kMaxIndex);
    int m = month_index_utc(start + 3600.0 * h);
    sum[m] += v;
    n[m] += 1;
  }
  for (int m = 0; m < 12; ++m) {
    double want = means[m] == 0 ? Cloudiness::kDefaultMean : means[m];
    EXPECT_NEAR(sum[m] / n[m], want, 0.03) << "month " << m;
  }
}

TEST(Cloudiness, Lag1AutocorrelationNearTheLatentOne) {
  std::array<double, 12> means{};
  Cloudiness kc(means, 0.8, 99, 0.0);
  std::vector<double> x;
  for (int h = 0; h < 40000; ++h) x.push_back(kc.at_hour(h));
  // A monotone map of a Gaussian pair has correlation at most |phi|
  // (Lancaster 1957); the Beta map is close to linear, so nearly phi.
  double r = lag1(x);
  EXPECT_LE(r, 0.8 + 0.02);
  EXPECT_GE(r, 0.8 - 0.06);
  // With no correlation, none.
  Cloudiness white(means, 0.0, 99, 0.0);
  std::vector<double> w;
  for (int h = 0; h < 40000; ++h) w.push_back(white.at_hour(h));
  EXPECT_NEAR(lag1(w), 0.0, 0.02);
}

TEST(Cloudiness, InterpolatesBetweenHoursAndRejectsBadMeans) {
  std::array<double, 12> means{};
  Cloudiness kc(means, 0.5, 1, 1000.0);
  double a = kc.at_hour(3), b = kc.at_hour(4);
  EXPECT_DOUBLE_EQ(kc.clear_sky_index(1000.0 + 3 * 3600), a);
  EXPECT_NEAR(kc.clear_sky_index(1000.0 + 3.25 * 3600), a + 0.25 * (b - a), 1e-12);
  means[3] = 1.2;
  EXPECT_THROW(Cloudiness(means, 0.5, 1, 0.0), std::invalid_argument);
  EXPECT_THROW(Cloudiness(std::array<double, 12>{}, 1.0, 1, 0.0), std::invalid_argument);
}
