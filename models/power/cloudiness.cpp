#include "models/power/cloudiness.hpp"

#include <algorithm>
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
  for (size_t m = 0; m < 12; ++m) {
    size_t t = 0;
    while (t < table_means_.size() && table_means_[t] != mean_[m]) ++t;
    if (t == table_means_.size()) {
      table_means_.push_back(mean_[m]);
      tables_.emplace_back();  // filled on first use: a month-long run pays for one or two months, not twelve
    }
    table_of_month_[m] = t;
  }
}

double Cloudiness::entry(size_t t, size_t i) {
  double& q = tables_[t][i];
  if (std::isnan(q)) {  // first use of this entry
    const double mu = table_means_[t] / kMaxIndex;
    const boost::math::beta_distribution<double> law(mu * concentration_, (1.0 - mu) * concentration_);
    const double z = -kTableZ + 2.0 * kTableZ * static_cast<int>(i) / (kTableSize - 1);
    q = kMaxIndex * boost::math::quantile(law, normal_cdf(z));
  }
  return q;
}

double Cloudiness::quantile(size_t table, double z) {
  const double x = (std::clamp(z, -kTableZ, kTableZ) + kTableZ) / (2.0 * kTableZ) * (kTableSize - 1);
  const auto i = std::min(static_cast<size_t>(x), static_cast<size_t>(kTableSize - 2));
  const double f = x - static_cast<double>(i);
  const double lo = entry(table, i), hi = entry(table, i + 1);
  return lo + f * (hi - lo);
}

double Cloudiness::at_hour(int64_t h) {
  if (h < 0) h = 0;
  while (static_cast<int64_t>(kc_.size()) <= h) {
    const auto k = static_cast<int64_t>(kc_.size());
    const int month = month_index_utc(start_utc_s_ + 3600.0 * static_cast<double>(k));
    const size_t t = table_of_month_[static_cast<size_t>(month)];
    if (tables_[t].empty()) tables_[t].assign(kTableSize, std::nan(""));
    kc_.push_back(quantile(t, z_.at(k)));
  }
  return kc_[static_cast<size_t>(h)];
}

double Cloudiness::clear_sky_index(double unix_s) {
  const double x = std::fmax(0.0, (unix_s - start_utc_s_) / 3600.0);
  const auto h = static_cast<int64_t>(std::floor(x));
  const double f = x - static_cast<double>(h);
  const double a = at_hour(h);
  return f == 0 ? a : a + f * (at_hour(h + 1) - a);
}

}  // namespace sovcap::power
