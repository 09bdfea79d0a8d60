#include "models/power/cloudiness.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include <boost/math/distributions/beta.hpp>

#include "models/power/calendar.hpp"

namespace sovcap::power {

Cloudiness::Cloudiness(const std::array<double, 12>& monthly_mean, double autocorrelation, uint64_t seed,
                       double start_utc_s, double concentration)
    : z_(autocorrelation, seed), start_utc_s_(start_utc_s), concentration_(concentration) {
  for (size_t m = 0; m < 12; ++m) {
    double v = monthly_mean[m] == 0 ? kDefaultMean : monthly_mean[m];
    if (!(v > 0 && v < kMaxIndex))
      throw std::invalid_argument("clearness_monthly[" + std::to_string(m) + "] must be in (0, 1.1)");
    mean_[m] = v;
  }
  if (!(concentration > 0)) throw std::invalid_argument("cloudiness concentration must be > 0");
}

double Cloudiness::at_hour(int64_t h) {
  const double mu = mean_[static_cast<size_t>(month_index_utc(start_utc_s_ + 3600.0 * static_cast<double>(h)))] / kMaxIndex;
  const boost::math::beta_distribution<double> law(mu * concentration_, (1.0 - mu) * concentration_);
  // Keep u strictly inside (0, 1): the quantile is infinite-slope at the ends.
  const double u = std::fmin(std::fmax(normal_cdf(z_.at(h)), 1e-12), 1.0 - 1e-12);
  return kMaxIndex * boost::math::quantile(law, u);
}

double Cloudiness::clear_sky_index(double unix_s) {
  const double x = std::fmax(0.0, (unix_s - start_utc_s_) / 3600.0);
  const auto h = static_cast<int64_t>(std::floor(x));
  const double f = x - static_cast<double>(h);
  const double a = at_hour(h);
  return f == 0 ? a : a + f * (at_hour(h + 1) - a);
}

}  // namespace sovcap::power
