#include "models/power/gaussian_ar1.hpp"

#include <cmath>
#include <stdexcept>

namespace sovcap::power {

GaussianAr1::GaussianAr1(double phi, uint64_t seed) : phi_(phi), rng_(seed) {
  if (!(phi >= 0.0 && phi < 1.0)) throw std::invalid_argument("autocorrelation must be in [0, 1)");
}

double GaussianAr1::at(int64_t h) {
  if (h < 0) h = 0;
  if (z_.empty()) z_.push_back(normal_(rng_));  // start in the stationary law
  const double innovation = std::sqrt(1.0 - phi_ * phi_);
  while (static_cast<int64_t>(z_.size()) <= h) z_.push_back(phi_ * z_.back() + innovation * normal_(rng_));
  return z_[static_cast<size_t>(h)];
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

}  // namespace sovcap::power
