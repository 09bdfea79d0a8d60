#include "simulator/optimize/scoring.hpp"

#include <algorithm>
#include <cmath>

namespace sovcap::optimize {

double combine(const std::vector<double>& values, Combine how, double cvar_level, bool higher_is_worse) {
  if (values.empty()) return std::nan("");
  for (double v : values)
    if (std::isnan(v)) return std::nan("");
  std::vector<double> v = values;
  // Worst first.
  if (higher_is_worse)
    std::sort(v.begin(), v.end(), std::greater<>());
  else
    std::sort(v.begin(), v.end());
  size_t k = v.size();
  if (how == Combine::worst) k = 1;
  if (how == Combine::cvar)
    k = std::max<size_t>(1, static_cast<size_t>(std::ceil((1.0 - cvar_level) * static_cast<double>(v.size()) - 1e-9)));
  double sum = 0;
  for (size_t i = 0; i < k; ++i) sum += v[i];
  return sum / static_cast<double>(k);
}

double violation(const Constraint& c, double value) {
  if (std::isnan(value)) return kFailedViolation;
  double out = 0;
  if (c.max && value > *c.max) out += (value - *c.max) / std::max(std::fabs(*c.max), 1.0);
  if (c.min && value < *c.min) out += (*c.min - value) / std::max(std::fabs(*c.min), 1.0);
  return out;
}

std::vector<double> search_vector(const std::vector<Objective>& objectives, const std::vector<double>& values,
                                  double total_violation) {
  std::vector<double> f(objectives.size());
  for (size_t i = 0; i < objectives.size(); ++i)
    f[i] = total_violation > 0 ? kInfeasible * (1 + total_violation) : (objectives[i].maximize ? -values[i] : values[i]);
  return f;
}

}  // namespace sovcap::optimize
