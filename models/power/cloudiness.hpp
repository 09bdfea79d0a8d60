#pragma once
// The clear-sky index kc = GHI / GHI_clear as a seeded hourly process: an
// hour-to-hour correlated Gaussian AR(1) mapped through the normal CDF into a
// Beta law on [0, kMaxIndex] whose mean is the month's configured value. The
// copula keeps the monthly mean exact (no bias from clipping) and the bounds
// hard; values between hours are interpolated linearly. The Beta quantile is
// tabulated once per distinct monthly mean over the latent z (Boost's
// iterative quantile costs tens of microseconds a call).
#include <array>
#include <cstdint>
#include <vector>

#include "models/power/gaussian_ar1.hpp"

namespace sovcap::power {

class Cloudiness {
 public:
  static constexpr double kMaxIndex = 1.1;  // cloud-edge enhancement above clear sky
  static constexpr double kDefaultMean = 0.75;
  // Beta concentration alpha + beta: 5 gives an hourly spread of about 0.2
  // around a 0.75 mean, the order seen in hourly kc of semi-arid sites.
  static constexpr double kDefaultConcentration = 5.0;

  // monthly_mean[m] in (0, kMaxIndex); 0 = kDefaultMean. start_utc_s anchors
  // hour 0 of the process.
  Cloudiness(const std::array<double, 12>& monthly_mean, double autocorrelation, uint64_t seed,
             double start_utc_s, double concentration = kDefaultConcentration);

  double clear_sky_index(double unix_s);  // interpolated between hours
  double at_hour(int64_t h);              // the process at start + h hours (memoised)
  double monthly_mean(int month_index) const { return mean_[static_cast<size_t>(month_index)]; }

 private:
  static constexpr double kTableZ = 6.0;  // |z| beyond: the end values
  static constexpr int kTableSize = 1025;
  // kc at the latent z, interpolated in the table; each entry is computed on its first use
  // (an hourly year reads about a third of the 1,025 entries of each month's table).
  double quantile(size_t table, double z);
  double entry(size_t table, size_t i);

  std::array<double, 12> mean_;
  std::array<size_t, 12> table_of_month_{};
  std::vector<double> table_means_;          // the distinct monthly means, one table each
  std::vector<std::vector<double>> tables_;  // kc at z = -kTableZ .. kTableZ; NaN until first used
  std::vector<double> kc_;                   // memoised hourly values
  GaussianAr1 z_;
  double start_utc_s_;
  double concentration_;
};

}  // namespace sovcap::power
