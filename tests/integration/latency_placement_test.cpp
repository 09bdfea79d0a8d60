// scheduling.latency: prefer, through the binary. tiny.yaml with a 10 ms round-trip target on
// training: Rabat meets it only at Benguerir, Laayoune only at Dakhla. Earliest-start placement
// alone sends jobs wherever the queue is shortest and misses the target; preferring it must miss
// it less, and never by leaving a job unplaced (same jobs, none rejected).
#include <gtest/gtest.h>

#include <numeric>
#include <string>

#include "tests/common/h5_probe.hpp"
#include "run_helpers.hpp"

using runtest::sh;

namespace {

struct Outcome {
  double misses = 0, jobs = 0, rejected = 0;
};

Outcome run(const runtest::TempDir& dir, const std::string& rule) {
  std::string out = dir / (rule + ".h5");
  auto r = sh(runtest::sovcap() + " run " + runtest::config("tiny.yaml") +
              " --set classes.training.latency_target=10ms --set scheduling.placement=earliest_start"
              " --set scheduling.latency=" + rule + " --quiet -o " + out);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  probe::File f(out);
  Outcome o;
  auto m = f.column("/summary/regions", "latency_misses");
  o.misses = std::accumulate(m.begin(), m.end(), 0.0);
  o.jobs = f.column("/jobs", "id").size();
  auto rej = f.column("/summary/regions", "jobs_rejected");
  o.rejected = std::accumulate(rej.begin(), rej.end(), 0.0);
  return o;
}

}  // namespace

TEST(LatencyPlacement, PreferringTargetsMissesThemLess) {
  runtest::TempDir dir;
  auto ignore = run(dir, "ignore");
  auto prefer = run(dir, "prefer");
  EXPECT_GT(ignore.misses, 0) << "the target must bind for the comparison to mean anything";
  EXPECT_LT(prefer.misses, ignore.misses);
  EXPECT_EQ(prefer.jobs, ignore.jobs);
  EXPECT_EQ(prefer.rejected, 0);
}

TEST(LatencyPlacement, AnUnknownRuleIsAnErrorAtItsKey) {
  runtest::TempDir dir;
  auto r = sh(runtest::sovcap() + " check " + runtest::config("tiny.yaml") + " --set scheduling.latency=always");
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("scheduling.latency"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("prefer"), std::string::npos) << r.output;
}
