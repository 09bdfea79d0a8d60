#include "simulator/sweep/sampling.hpp"

#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <numeric>
#include <utility>

namespace sovcap::sweep {

std::vector<double> uniform_samples(boost::random::mt19937_64& rng, long n, double lo, double hi) {
  boost::random::uniform_01<double> u;
  std::vector<double> out;
  for (long i = 0; i < n; ++i) out.push_back(lo + u(rng) * (hi - lo));
  return out;
}

std::vector<double> latin_hypercube_column(boost::random::mt19937_64& rng, long n, double lo, double hi) {
  // Fisher-Yates by hand: std::shuffle's algorithm differs between libraries.
  std::vector<long> stratum(static_cast<size_t>(n));
  std::iota(stratum.begin(), stratum.end(), 0L);
  for (long i = n - 1; i > 0; --i) {
    boost::random::uniform_int_distribution<long> pick(0, i);
    std::swap(stratum[static_cast<size_t>(i)], stratum[static_cast<size_t>(pick(rng))]);
  }
  boost::random::uniform_01<double> u;
  std::vector<double> out;
  for (long i = 0; i < n; ++i) {
    double x = (static_cast<double>(stratum[static_cast<size_t>(i)]) + u(rng)) / static_cast<double>(n);
    out.push_back(lo + x * (hi - lo));
  }
  return out;
}

}  // namespace sovcap::sweep
