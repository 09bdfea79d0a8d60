// Fronts, hypervolume (pagmo's, against areas and volumes computed by hand), near-optimal
// alternatives and Kendall's tau (against a textbook example).
#include <gtest/gtest.h>

#include <cmath>

#include "simulator/optimize/pareto.hpp"

namespace sovcap::optimize {
namespace {

TEST(Front, NonDominatedKeepsTiesAndDropsDominated) {
  std::vector<Vec> p = {{1, 5}, {2, 2}, {2, 2}, {3, 3}, {5, 1}, {1, 6}, {5, 1}};
  // {3,3} is dominated by {2,2}; {1,6} by {1,5}; duplicates stay.
  EXPECT_EQ(non_dominated(p), (std::vector<size_t>{0, 1, 2, 4, 6}));
  EXPECT_TRUE(non_dominated({}).empty());
  EXPECT_FALSE(dominates({1, 1}, {1, 1}));  // equal is not domination
}

TEST(Hypervolume, TwoDimensionsByStaircase) {
  // Staircase against (4, 4): (1,3): 3x1; (2,2): 2x1 more; (3,1): 1x1 more... computed as a union of boxes:
  // [1,4]x[3,4] = 3, [2,4]x[2,3] = 2, [3,4]x[1,2] = 1 -> 6.
  EXPECT_DOUBLE_EQ(hypervolume({{1, 3}, {2, 2}, {3, 1}}, {4, 4}), 6.0);
  // A dominated point adds nothing; a point outside the reference is left out.
  EXPECT_DOUBLE_EQ(hypervolume({{1, 3}, {2, 2}, {3, 1}, {3, 3}, {5, 0}}, {4, 4}), 6.0);
  // On the reference's boundary: no volume.
  EXPECT_DOUBLE_EQ(hypervolume({{4, 1}}, {4, 4}), 0.0);
  EXPECT_DOUBLE_EQ(hypervolume({}, {4, 4}), 0.0);
}

TEST(Hypervolume, ThreeDimensionsByInclusionExclusion) {
  // Two boxes to (2,2,2): from (0,0,1): 2*2*1 = 4; from (1,1,0): 1*1*2 = 2; overlap [1,2]^2 x [1,2] = 1.
  EXPECT_DOUBLE_EQ(hypervolume({{0, 0, 1}, {1, 1, 0}}, {2, 2, 2}), 5.0);
}

TEST(NearOptimal, WithinTheMarginOfTheBestOnEachObjective) {
  std::vector<Vec> p = {{100, 5}, {104, 1}, {106, 2}, {120, 1.04}};
  auto n = near_optimal(p, 0.05);
  ASSERT_EQ(n.size(), 2u);
  EXPECT_EQ(n[0], (std::vector<size_t>{0, 1}));  // <= 105
  EXPECT_EQ(n[1], (std::vector<size_t>{1, 3}));  // <= 1.05
  // A best of zero: only ties with it.
  EXPECT_EQ(near_optimal({{0, 1}, {1e-3, 1}}, 0.05)[0], (std::vector<size_t>{0}));
}

TEST(Kendall, TextbookValues) {
  EXPECT_DOUBLE_EQ(kendall_tau({1, 2, 3, 4}, {10, 20, 30, 40}), 1.0);
  EXPECT_DOUBLE_EQ(kendall_tau({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
  // 5 items, one swap of neighbours: 9 concordant, 1 discordant of 10 pairs -> 0.8.
  EXPECT_DOUBLE_EQ(kendall_tau({1, 2, 3, 4, 5}, {1, 3, 2, 4, 5}), 0.8);
  // tau-b with a tie in b: pairs (1,2) tied in b; C = 5, D = 0, n0 = 6, ties_b = 1 -> 5 / sqrt(6 * 5).
  EXPECT_NEAR(kendall_tau({1, 2, 3, 4}, {1, 1, 3, 4}), 5.0 / std::sqrt(30.0), 1e-15);
  EXPECT_TRUE(std::isnan(kendall_tau({1}, {1})));
}

}  // namespace
}  // namespace sovcap::optimize
