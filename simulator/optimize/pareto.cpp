#include "simulator/optimize/pareto.hpp"

#include <pagmo/utils/hypervolume.hpp>

#include <algorithm>
#include <cmath>

namespace sovcap::optimize {

bool dominates(const Vec& a, const Vec& b) {
  bool better = false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i] > b[i]) return false;
    if (a[i] < b[i]) better = true;
  }
  return better;
}

std::vector<size_t> non_dominated(const std::vector<Vec>& points) {
  std::vector<size_t> out;
  for (size_t i = 0; i < points.size(); ++i) {
    bool dominated = false;
    for (size_t j = 0; j < points.size() && !dominated; ++j) dominated = j != i && dominates(points[j], points[i]);
    if (!dominated) out.push_back(i);
  }
  return out;
}

double hypervolume(const std::vector<Vec>& points, const Vec& ref) {
  std::vector<Vec> in;
  for (const auto& p : points) {
    bool inside = true;
    for (size_t i = 0; i < p.size(); ++i) inside = inside && p[i] < ref[i];
    if (inside) in.push_back(p);
  }
  if (in.empty()) return 0;
  pagmo::hypervolume hv(in, true);
  return hv.compute(ref);
}

std::vector<std::vector<size_t>> near_optimal(const std::vector<Vec>& points, double margin) {
  std::vector<std::vector<size_t>> out;
  if (points.empty()) return out;
  for (size_t k = 0; k < points.front().size(); ++k) {
    double best = INFINITY;
    for (const auto& p : points) best = std::min(best, p[k]);
    double slack = margin * std::max(std::fabs(best), 1e-12);
    std::vector<size_t> near;
    for (size_t i = 0; i < points.size(); ++i)
      if (points[i][k] <= best + slack) near.push_back(i);
    out.push_back(near);
  }
  return out;
}

double kendall_tau(const std::vector<double>& a, const std::vector<double>& b) {
  size_t n = std::min(a.size(), b.size());
  if (n < 2) return std::nan("");
  double concordant = 0, discordant = 0, ties_a = 0, ties_b = 0;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j) {
      double da = a[i] - a[j], db = b[i] - b[j];
      if (da == 0 && db == 0) continue;
      if (da == 0) {
        ++ties_a;
      } else if (db == 0) {
        ++ties_b;
      } else if ((da > 0) == (db > 0)) {
        ++concordant;
      } else {
        ++discordant;
      }
    }
  double denom = std::sqrt((concordant + discordant + ties_a) * (concordant + discordant + ties_b));
  return denom > 0 ? (concordant - discordant) / denom : std::nan("");
}

}  // namespace sovcap::optimize
