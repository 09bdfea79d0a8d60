#pragma once
// Order statistics of job waits, computed the way numpy computes them by
// default (method="linear"), so Python checks agree with the file.
#include <cstddef>
#include <utility>
#include <vector>

namespace sovcap::output {

// The p-th percentile (0..100) of `values` by linear interpolation between
// closest ranks: position h = (n - 1) * p / 100 in the sorted values.
// NaN for an empty set. Sorts `values` in place.
double percentile_linear(std::vector<double>& values, double p);

// The two ranks (0-based, in ascending order) the p-th percentile of n values interpolates
// between (equal when it needs one); n > 0.
std::pair<size_t, size_t> percentile_ranks(size_t n, double p);
// The p-th percentile of n > 0 values given the values at percentile_ranks(n, p).
double percentile_from(size_t n, double at_lo, double at_hi, double p);

// Percentile of already sorted values.
double percentile_sorted(const std::vector<double>& sorted, double p);

struct WaitStats {
  double mean_s, p50_s, p95_s, p99_s;  // NaN when there are no values
};
// Sorts `values` in place.
WaitStats wait_stats(std::vector<double>& values);

}  // namespace sovcap::output
