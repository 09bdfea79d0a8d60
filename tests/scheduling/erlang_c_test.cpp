#include <gtest/gtest.h>

#include <cmath>

#include "models/scheduling/erlang_c.hpp"

namespace sovcap::scheduling {
namespace {

// C(c, a) straight from its definition:
//   (a^c / c!) (c / (c - a)) / (sum_{k<c} a^k / k! + (a^c / c!) (c / (c - a))).
double erlang_c_by_definition(int c, double a) {
  double term = 1.0, sum = 0.0;
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  double tail = term * c / (c - a);
  return tail / (sum + tail);
}

TEST(ErlangC, TwoServersByHand) {
  // c = 2, lambda = 1, mu = 0.75: a = 4/3. Sum = 1 + 4/3 = 7/3, tail = (16/9)/2 * 2/(2/3) = 8/3,
  // so C = (8/3) / 5 = 8/15 and Wq = C / (2 * 0.75 - 1) = 16/15.
  EXPECT_NEAR(erlang_c_wait_probability(2, 4.0 / 3.0), 8.0 / 15.0, 1e-14);
  EXPECT_NEAR(erlang_c_mean_wait_s(2, 1.0, 0.75), 16.0 / 15.0, 1e-14);
  EXPECT_NEAR(erlang_c_mean_queue_length(2, 1.0, 0.75), 16.0 / 15.0, 1e-14);
}

TEST(ErlangC, SingleServerIsMM1) {
  // M/M/1: P(wait) = rho, Wq = rho / (mu - lambda).
  EXPECT_NEAR(erlang_c_wait_probability(1, 0.7), 0.7, 1e-14);
  EXPECT_NEAR(erlang_c_mean_wait_s(1, 0.7, 1.0), 0.7 / 0.3, 1e-12);
}

TEST(ErlangC, MatchesTheDefinitionOverManyCases) {
  for (int c : {1, 2, 5, 10, 50, 120})
    for (double rho : {0.1, 0.5, 0.8, 0.95, 0.99}) {
      double a = rho * c;
      EXPECT_NEAR(erlang_c_wait_probability(c, a), erlang_c_by_definition(c, a), 1e-11) << c << " " << rho;
    }
}

TEST(ErlangC, RejectsAnUnstableQueue) {
  EXPECT_THROW(erlang_c_wait_probability(2, 2.0), std::invalid_argument);
  EXPECT_THROW(erlang_c_wait_probability(0, 0.5), std::invalid_argument);
  EXPECT_THROW(erlang_c_mean_wait_s(2, 1.0, 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace sovcap::scheduling
