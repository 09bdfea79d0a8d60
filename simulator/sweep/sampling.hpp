#pragma once
// Random designs for sweeps, with Boost.Random so a seed gives the same
// points on every platform.
#include <boost/random/mersenne_twister.hpp>
#include <vector>

namespace sovcap::sweep {

// n independent uniform draws in [lo, hi).
std::vector<double> uniform_samples(boost::random::mt19937_64& rng, long n, double lo, double hi);

// One dimension of a Latin hypercube: n draws in [lo, hi), exactly one in each
// of the n equal strata, in a random order (independent per call, so the
// dimensions of a design are decorrelated).
std::vector<double> latin_hypercube_column(boost::random::mt19937_64& rng, long n, double lo, double hi);

}  // namespace sovcap::sweep
