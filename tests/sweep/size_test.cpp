#include <gtest/gtest.h>

#include <cmath>

#include "simulator/sweep/size.hpp"
#include "sweep_test_util.hpp"

namespace sovcap::sweep {
namespace {

TEST(SweepSize, TargetsParseWithUnits) {
  auto t = parse_target("wait_p95_s<=2h");
  EXPECT_EQ(t.kpi, "wait_p95_s");
  EXPECT_EQ(t.op, Target::Op::le);
  EXPECT_DOUBLE_EQ(t.value, 7200);
  EXPECT_TRUE(t.holds(7200));
  EXPECT_FALSE(t.holds(7200.5));
  EXPECT_FALSE(t.holds(std::nan("")));
  t = parse_target(" renewable_fraction >= 0.9 ");
  EXPECT_EQ(t.kpi, "renewable_fraction");
  EXPECT_EQ(t.op, Target::Op::ge);
  EXPECT_TRUE(parse_target("x>1").holds(1.5));
  EXPECT_FALSE(parse_target("x<1").holds(1));
  EXPECT_THROW(parse_target("wait_p95_s=7200"), std::invalid_argument);
  EXPECT_THROW(parse_target("<=3"), std::invalid_argument);
  EXPECT_THROW(parse_target("x<=lots"), std::invalid_argument);
}

TEST(SweepSize, BisectionFindsTheThresholdWithinTol) {
  const double threshold = 613.7;
  int probes = 0;
  auto s = bisect(0, 2000, 1.0, [&](double v) {
    ++probes;
    return Probe{v, {}, v >= threshold};
  });
  EXPECT_EQ(s.outcome, Sizing::Outcome::found);
  EXPECT_GE(s.answer, threshold);
  EXPECT_LE(s.answer - threshold, 1.0);
  EXPECT_EQ(probes, 2 + 11);  // lo, hi, then ceil(log2(2000 / 1)) halvings
  EXPECT_EQ(bisect(0, 10, 1, [](double v) { return Probe{v, {}, true}; }).outcome, Sizing::Outcome::met_at_lo);
  EXPECT_EQ(bisect(0, 10, 1, [](double v) { return Probe{v, {}, false}; }).outcome, Sizing::Outcome::not_met_at_hi);
}

// The fake runner's renewable_fraction is x/1000 +- 0.01 (odd/even seed):
// the mean over seeds 1 and 2 is x/1000, so ">= 0.9" first holds at x = 900 MWh.
TEST(SweepSize, SizingOnAMonotoneToyFindsTheKnownAnswer) {
  test::TempDir s;
  std::string base = s.write("base.yaml", "scenario: {name: fake}\n");
  std::string out;
  int code = test::run_self({"size", base, "--param", "x", "--lo", "0", "--hi", "2000", "--unit", "MWh", "--target",
                             "renewable_fraction>=0.9", "--target", "wait_p95_s<=6000", "--seeds", "2", "--tol", "20", "-j",
                             "2"},
                            s.path("size.log"), &out);
  ASSERT_EQ(code, 0) << out;
  auto at = out.find("answer: x = ");
  ASSERT_NE(at, std::string::npos) << out;
  double answer = std::stod(out.substr(at + 12));
  EXPECT_GE(answer, 900);
  EXPECT_LE(answer, 920);
  EXPECT_NE(out.find("probe 1: x = 0 MWh: renewable_fraction = 0, wait_p95_s = 10000 -> fail"), std::string::npos) << out;
}

TEST(SweepSize, SaysWhenTargetsAreNotMetOrAlreadyMet) {
  test::TempDir s;
  std::string base = s.write("base.yaml", "scenario: {name: fake}\n");
  std::string out;
  EXPECT_EQ(test::run_self({"size", base, "--param", "x", "--lo", "0", "--hi", "500", "--target", "renewable_fraction>=0.9",
                            "--seeds", "1"},
                           s.path("a.log"), &out),
            1);
  EXPECT_NE(out.find("not met even at hi"), std::string::npos) << out;
  EXPECT_EQ(test::run_self({"size", base, "--param", "x", "--lo", "0", "--hi", "500", "--target", "wait_p95_s<=20000",
                            "--seeds", "1"},
                           s.path("b.log"), &out),
            0);
  EXPECT_NE(out.find("already met at lo"), std::string::npos) << out;
  EXPECT_EQ(test::run_self({"size", base, "--param", "x", "--lo", "0", "--hi", "500", "--target", "no_such_kpi<=1",
                            "--seeds", "1"},
                           s.path("c.log"), &out),
            2);
  EXPECT_NE(out.find("no KPI 'no_such_kpi'"), std::string::npos) << out;
}

}  // namespace
}  // namespace sovcap::sweep
