#pragma once
// Pareto fronts of minimised vectors: the non-dominated subset, its hypervolume against a
// reference point (pagmo's exact algorithms), near-optimal alternatives, and Kendall's tau
// between two rankings (how far a screening horizon orders designs as the full year does).
#include <cstddef>
#include <vector>

namespace sovcap::optimize {

using Vec = std::vector<double>;

// a dominates b: no worse in every component and better in one.
bool dominates(const Vec& a, const Vec& b);

// Indices of the non-dominated points, in input order; duplicates are all kept.
std::vector<size_t> non_dominated(const std::vector<Vec>& points);

// The volume dominated by the points and bounded by ref (points not strictly better than ref
// in every component are left out); 0 for none.
double hypervolume(const std::vector<Vec>& points, const Vec& ref);

// For each objective k, the points whose value is within `margin` of the best on k:
// v <= best + margin * max(|best|, tiny) (minimised). Returned per objective, in input order.
std::vector<std::vector<size_t>> near_optimal(const std::vector<Vec>& points, double margin);

// Kendall's tau-b of two equally long lists (ties counted as neither); NaN for fewer than 2.
double kendall_tau(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace sovcap::optimize
