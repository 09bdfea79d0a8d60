#pragma once
// The clear-sky index kc = GHI / GHI_clear as a seeded hourly process: an
// hour-to-hour correlated Gaussian AR(1) mapped through the normal CDF into a
// Beta law on [0, kMaxIndex] whose mean is the month's configured value. The
// copula keeps the monthly mean exact (no bias from clipping) and the bounds
// hard; values between hours are interpolated linearly.
#include <array>
#include <cstdint>

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
  double at_hour(int64_t h);              // the process at start + h hours
  double monthly_mean(int month_index) const { return mean_[static_cast<size_t>(month_index)]; }

 private:
  std::array<double, 12> mean_;
  GaussianAr1 z_;
  double start_utc_s_;
  double concentration_;
};

}  // namespace sovcap::power
