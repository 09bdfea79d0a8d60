#pragma once
// From the KPIs of a design's runs to what the search compares: each KPI combined over the
// seeds (mean, worst, CVaR), the constraints' violation, and the objective vector handed to
// pagmo, in which constraints are handled explicitly by Deb's constrained-domination rule
// (Deb 2000): every feasible design dominates every infeasible one, and infeasible designs
// are ranked by their total violation alone.
#include <vector>

#include "simulator/optimize/spec.hpp"

namespace sovcap::optimize {

// Combine one KPI over seeds. `higher_is_worse`: which side `worst` and CVaR take.
// cvar: the mean of the worst ceil((1 - level) * n) values (at least one); level 0 = the mean.
// NaN if values is empty or holds a NaN.
double combine(const std::vector<double>& values, Combine how, double cvar_level, bool higher_is_worse);

// The violation of a constraint by a value: 0 when it holds, else the distance to the bound
// over max(|bound|, 1) (so constraints of different units add up). NaN value: 1e3.
double violation(const Constraint& c, double value);

// A large constant above any objective the search will see: infeasible designs sit beyond it.
inline constexpr double kInfeasible = 1e12;
// The violation given to a design whose runs failed (worse than any measured violation).
inline constexpr double kFailedViolation = 1e3;

// The vector pagmo minimises: for a feasible design, each objective (negated when maximised);
// for an infeasible one, kInfeasible * (1 + violation) in every component.
std::vector<double> search_vector(const std::vector<Objective>& objectives, const std::vector<double>& values,
                                  double total_violation);

}  // namespace sovcap::optimize
