// Node failures through the binary: failures happen at the configured rate,
// killed jobs are rerun (each job still recorded once) and run longer than
// their work by at least the lost part, and the rest of the books still balance.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <set>

#include "tests/common/h5_probe.hpp"
#include "run_helpers.hpp"

using runtest::sh;

namespace {

std::string run(const runtest::TempDir& dir, const std::string& name, const std::string& extra) {
  std::string out = dir / name;
  auto r = sh(runtest::sovcap() + " run " + runtest::config("tiny.yaml") + " -o " + out + " --quiet " + extra);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return out;
}

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(NodeFailuresRun, FailuresAtTheirRateAndKilledJobsRerunOnce) {
  runtest::TempDir dir;
  // tiny.yaml: 8 GPU nodes at each site. mtbf 1 d, mttr 2 h over 2 days: about
  // 2 sites x 8 nodes x 2 d x 1/(1 d + 2 h) = 29.5 failures expected (Poisson: +-3 sigma ~ 16).
  const std::string fail = " --set sites.dakhla.pools.0.mtbf=1d --set sites.dakhla.pools.0.mttr=2h"
                           " --set sites.benguerir.pools.0.mtbf=1d --set sites.benguerir.pools.0.mttr=2h";
  auto base = run(dir, "base.h5", "");
  auto failing = run(dir, "fail.h5", fail);
  probe::File b(base), f(failing);
  double failures = sum(f.column("/summary/sites", "node_failures"));
  EXPECT_GT(failures, 29.5 - 16);
  EXPECT_LT(failures, 29.5 + 16);
  EXPECT_EQ(sum(b.column("/summary/sites", "node_failures")), 0.0);
  double restarts = sum(f.column("/summary/sites", "job_restarts"));
  EXPECT_GT(restarts, 0) << "with tiny's busy GPUs some failure hits a job";
  EXPECT_LE(restarts, failures);
  EXPECT_GT(sum(f.column("/summary/sites", "lost_work_gpu_h")), 0);
  // Each job once; the same arrivals as without failures.
  auto ids = f.column("/jobs", "id");
  EXPECT_EQ(std::set<double>(ids.begin(), ids.end()).size(), ids.size());
  auto fs = f.column("/jobs", "submit_s"), bs = b.column("/jobs", "submit_s");  // rows are in end order
  std::sort(fs.begin(), fs.end());
  std::sort(bs.begin(), bs.end());
  EXPECT_EQ(fs, bs);
  // A completed job spans at least its work (reruns only add to it).
  auto start = f.column("/jobs", "start_s"), end = f.column("/jobs", "end_s"), work = f.column("/jobs", "work_s");
  auto status = f.enum_column("/jobs", "status", {"completed", "rejected", "killed", "unfinished"});
  double extra_s = 0;
  for (size_t i = 0; i < ids.size(); ++i)
    if (status[i] == 0) {
      EXPECT_GE(end[i] - start[i], work[i] * (1 - 1e-12)) << "job " << ids[i];
      extra_s += end[i] - start[i] - work[i];
    }
  EXPECT_GT(extra_s, 0) << "reruns make some jobs take longer than their work";
}

}  // namespace
