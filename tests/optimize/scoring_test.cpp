// Combining seeds, constraint violations and the vector pagmo minimises, checked by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "simulator/optimize/pareto.hpp"
#include "simulator/optimize/scoring.hpp"

namespace sovcap::optimize {
namespace {

TEST(Combine, MeanWorstAndCvarByHand) {
  std::vector<double> v = {4, 1, 3, 2, 10};
  EXPECT_DOUBLE_EQ(combine(v, Combine::mean, 0, true), 4.0);
  EXPECT_DOUBLE_EQ(combine(v, Combine::worst, 0, true), 10.0);   // higher is worse: the maximum
  EXPECT_DOUBLE_EQ(combine(v, Combine::worst, 0, false), 1.0);   // lower is worse (a maximised KPI)
  // CVaR 0.6 of 5 values: the worst ceil(0.4 * 5) = 2: (10 + 4) / 2.
  EXPECT_DOUBLE_EQ(combine(v, Combine::cvar, 0.6, true), 7.0);
  EXPECT_DOUBLE_EQ(combine(v, Combine::cvar, 0.6, false), 1.5);  // (1 + 2) / 2
  // Level 0 is the mean; a level close to 1 keeps at least the worst value.
  EXPECT_DOUBLE_EQ(combine(v, Combine::cvar, 0.0, true), 4.0);
  EXPECT_DOUBLE_EQ(combine(v, Combine::cvar, 0.99, true), 10.0);
  // 0.8 of 5 values is exactly one value (no rounding up to two).
  EXPECT_DOUBLE_EQ(combine(v, Combine::cvar, 0.8, true), 10.0);
  EXPECT_TRUE(std::isnan(combine({}, Combine::mean, 0, true)));
  EXPECT_TRUE(std::isnan(combine({1, std::nan("")}, Combine::worst, 0, true)));
}

TEST(Violation, ZeroWhenHeldScaledDistanceOtherwise) {
  Constraint le{"wait_p99_s", std::nullopt, 900.0, {}};
  EXPECT_EQ(violation(le, 900), 0);  // the bound itself holds
  EXPECT_DOUBLE_EQ(violation(le, 1800), 1.0);
  Constraint zero{"unserved_mwh", std::nullopt, 0.0, {}};
  EXPECT_DOUBLE_EQ(violation(zero, 0.5), 0.5);  // |bound| < 1 scales by 1
  Constraint band{"renewable_fraction", 0.8, 0.95, {}};
  EXPECT_NEAR(violation(band, 0.7), 0.1, 1e-15);
  EXPECT_DOUBLE_EQ(violation(band, 0.9), 0);
  EXPECT_EQ(violation(band, std::nan("")), kFailedViolation);
}

TEST(SearchVector, FeasibleDominatesInfeasibleWhichRankByViolation) {
  std::vector<Objective> obj = {{"carbon_t", false, {}, {}}, {"renewable_fraction", true, {}, {}}};
  auto good = search_vector(obj, {1e6, 0.2}, 0);
  EXPECT_EQ(good, (std::vector<double>{1e6, -0.2}));  // maximised: negated
  auto slightly = search_vector(obj, {1, 0.99}, 0.01);
  auto badly = search_vector(obj, {1, 0.99}, 2.0);
  EXPECT_TRUE(dominates(good, slightly));  // a poor feasible design beats an excellent infeasible one
  EXPECT_TRUE(dominates(slightly, badly));
  EXPECT_FALSE(dominates(badly, slightly));
}

}  // namespace
}  // namespace sovcap::optimize
