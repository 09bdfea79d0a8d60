#pragma once
// Sampling the named distributions of a DistributionSpec (Boost.Random only, so
// one seed gives the same numbers on every platform).
#include <string>
#include <vector>

#include <boost/random/discrete_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include "models/workload/params.hpp"

namespace sovcap::workload {

// "" when the spec can be sampled, else what is wrong with it (one message per
// problem, joined by "; ").
std::string validate(const DistributionSpec& spec);

// The distribution's name as configs spell it ("lognormal", ...).
const char* type_name(DistributionSpec::Type type);

class Sampler {
 public:
  // Throws std::invalid_argument with validate()'s message when the spec is bad.
  explicit Sampler(const DistributionSpec& spec);

  // One draw, clamped to [clamp_min, clamp_max] when a clamp is set: the clamp is
  // on when either bound is non-zero; clamp_max == 0 then means no upper bound.
  double operator()(boost::random::mt19937_64& rng) const;

  // The closed-form mean of the unclamped distribution.
  double mean() const;

  const DistributionSpec& spec() const { return spec_; }

 private:
  DistributionSpec spec_;
  boost::random::discrete_distribution<int, double> discrete_;  // discrete only
};

// Values for an empirical distribution: one number per line; '#' starts a
// comment; blank lines are skipped. Throws TraceError naming file and line.
std::vector<double> read_empirical_values(const std::string& path);

}  // namespace sovcap::workload
