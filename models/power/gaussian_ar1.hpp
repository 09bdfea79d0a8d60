#pragma once
// A standard-normal AR(1) sequence on an hourly grid, z[h+1] = phi z[h] +
// sqrt(1 - phi^2) e[h]: stationary N(0, 1) with lag-1 autocorrelation phi.
// Cloud and wind models map it through the normal CDF and a quantile function
// (a Gaussian copula), which keeps the wanted marginal law exactly.
#include <cstdint>
#include <vector>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/normal_distribution.hpp>

namespace sovcap::power {

class GaussianAr1 {
 public:
  GaussianAr1(double phi, uint64_t seed);
  // Value at hour index h >= 0; generated on demand, kept so any order of
  // queries gives the same sequence.
  double at(int64_t h);
  double phi() const { return phi_; }

 private:
  double phi_;
  boost::random::mt19937_64 rng_;
  boost::random::normal_distribution<double> normal_{0.0, 1.0};
  std::vector<double> z_;
};

// Standard normal CDF.
double normal_cdf(double z);

}  // namespace sovcap::power
