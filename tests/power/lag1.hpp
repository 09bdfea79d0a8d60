#pragma once
// The sample lag-1 autocorrelation of a series (the estimator of Box and Jenkins):
// the tests of the hourly weather processes hold it to their AR(1) coefficient.
#include <cstddef>
#include <vector>

inline double lag1(const std::vector<double>& x) {
  double m = 0;
  for (double v : x) m += v;
  m /= static_cast<double>(x.size());
  double num = 0, den = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    den += (x[i] - m) * (x[i] - m);
    if (i + 1 < x.size()) num += (x[i] - m) * (x[i + 1] - m);
  }
  return num / den;
}
