#include "simulator/output/percentiles.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sovcap::output {

std::pair<size_t, size_t> percentile_ranks(size_t n, double p) {
  double h = (static_cast<double>(n) - 1.0) * p / 100.0;
  auto i = static_cast<size_t>(std::floor(h));
  if (i + 1 >= n) return {n - 1, n - 1};
  return {i, i + 1};
}

double percentile_from(size_t n, double a, double b, double p) {
  double h = (static_cast<double>(n) - 1.0) * p / 100.0;
  double lo = std::floor(h);
  auto i = static_cast<size_t>(lo);
  if (i + 1 >= n) return a;  // the last value
  double t = h - lo;
  // numpy's _lerp: interpolate from the nearer end, for the same rounding.
  return t >= 0.5 ? b - (b - a) * (1.0 - t) : a + (b - a) * t;
}

double percentile_sorted(const std::vector<double>& v, double p) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  auto [lo, hi] = percentile_ranks(v.size(), p);
  return percentile_from(v.size(), v[lo], v[hi], p);
}

double percentile_linear(std::vector<double>& values, double p) {
  std::sort(values.begin(), values.end());
  return percentile_sorted(values, p);
}

WaitStats wait_stats(std::vector<double>& values) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  if (values.empty()) return {nan, nan, nan, nan};
  std::sort(values.begin(), values.end());
  double sum = 0;
  for (double v : values) sum += v;
  return {sum / static_cast<double>(values.size()), percentile_sorted(values, 50), percentile_sorted(values, 95),
          percentile_sorted(values, 99)};
}

}  // namespace sovcap::output
