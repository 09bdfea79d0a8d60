// End to end: `workload.trace` replays a CSV job trace through the real binary.
// The reference is the file itself: /jobs must hold one row per trace row
// submitted before the horizon, with exactly the file's submit times.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "tests/common/h5_probe.hpp"
#include "run_helpers.hpp"

using runtest::sh;

namespace {

// A trace over tiny.yaml's classes and regions, in the given order, with the submit times as
// written (the test's own strtod of the text is the reference).
std::vector<double> write_trace(const std::string& path, int rows, double horizon_s) {
  std::ofstream f(path);
  f << "# a generated trace\nsubmit_s,class,region,units,runtime_s,requested_s,input_gb,output_gb\n";
  std::vector<double> expected;
  const char* regions[] = {"rabat", "laayoune", ""};
  for (int i = 0; i < rows; ++i) {
    // Not sorted: every block of 10 rows is written backwards.
    int k = (i / 10) * 10 + 9 - i % 10;
    char t[64];
    std::snprintf(t, sizeof t, "%.3f", k * 7.125 + (k % 7) * 0.001);
    bool gpu = k % 3 != 0;
    f << t << "," << (gpu ? "training" : "analytics") << "," << regions[k % 3] << "," << (gpu ? 1 + k % 4 : 8) << ","
      << 30 + k % 50 << ",," << (k % 100 == 0 ? "2" : "0") << ",0\n";
    double s = std::strtod(t, nullptr);
    if (s < horizon_s) expected.push_back(s);
  }
  // Rows at and after the horizon are not replayed.
  f << horizon_s << ",training,rabat,1,60,,0,0\n" << horizon_s + 10 << ",analytics,,8,60,,0,0\n";
  std::sort(expected.begin(), expected.end());
  return expected;
}

std::vector<double> replay(const runtest::TempDir& dir, const std::string& trace_line, const std::string& extra = "") {
  std::ofstream(dir / "s.yaml") << "extends: " << runtest::config("tiny.yaml") << "\nworkload:\n  trace: " << trace_line
                                << "\n";
  std::string out = dir / "out.h5";
  auto r = sh(runtest::sovcap() + " run " + (dir / "s.yaml") + " -o " + out + " --quiet " + extra);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  if (r.exit_code != 0) return {};
  probe::File f(out);
  auto submit = f.column("/jobs", "submit_s");
  std::sort(submit.begin(), submit.end());
  return submit;
}

}  // namespace

TEST(TraceReplay, JobCountAndSubmitTimesAreTheFiles) {
  runtest::TempDir dir;
  auto expected = write_trace(dir / "jobs.csv", 300, 2 * 86400.0);
  auto submit = replay(dir, "jobs.csv");  // relative to the config file
  ASSERT_EQ(submit.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(submit[i], expected[i]) << "row " << i;
}

TEST(TraceReplay, ManyRowsAcrossJobTableChunks) {
  // 20,000 jobs: more than one /jobs buffer (16,384 rows), so whole chunks take the
  // compressed direct-write path and the tail the library's own filters.
  runtest::TempDir dir;
  auto expected = write_trace(dir / "jobs.csv", 20000, 2 * 86400.0);
  ASSERT_GT(expected.size(), 16384u);
  auto submit = replay(dir, dir / "jobs.csv");
  ASSERT_EQ(submit.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(submit[i], expected[i]) << "row " << i;
}

TEST(TraceReplay, ABadTraceIsExit2WithThePlace) {
  runtest::TempDir dir;
  std::ofstream(dir / "jobs.csv") << "submit_s,class,region,units,runtime_s\n0,training,rabat,1,60\n1,rendering,rabat,1,60\n";
  std::ofstream(dir / "s.yaml") << "extends: " << runtest::config("tiny.yaml") << "\nworkload:\n  trace: jobs.csv\n";
  auto r = sh(runtest::sovcap() + " run " + (dir / "s.yaml") + " -o " + (dir / "out.h5"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("s.yaml:3:10: error: workload.trace: " + (dir / "jobs.csv") + ":3: unknown class 'rendering'"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(std::ifstream(dir / "out.h5").good());
}

// A job killed at its time limit stops checkpointing: its checkpoints end with it (they went on to the
// horizon while only completed jobs left the checkpoint schedule). One SWF record on tiny.yaml: 8 GPUs
// that would run 2 h against a 1 h request, killed after 1 h; 1 GB every 10 min -> at most 6 GB,
// where a checkpoint schedule that outlives the job sends 144 over the day.
TEST(TraceReplay, AJobKilledAtItsLimitStopsCheckpointing) {
  runtest::TempDir dir;
  // job, submit, wait, run, procs, cpu, mem, req procs, req time, req mem, status, uid, gid, exe, queue, partition, prev, think
  std::ofstream(dir / "one.swf") << "; one record\n1 0 0 7200 8 -1 -1 8 3600 -1 1 1 1 1 1 1 -1 -1\n";
  std::ofstream(dir / "s.yaml") << "extends: " << runtest::config("tiny.yaml") << "\n"
                                << "scenario: {duration: 1d}\n"
                                << "classes:\n  - id: training\n    kill_at_time_limit: true\n"
                                << "    checkpoint_interval: 10min\n    checkpoint_size: 1GB\n"
                                << "workload:\n  trace: one.swf\n  swf: {class: training}\n";
  for (const char* kill : {"true", "false"}) {
    std::string out = dir / (std::string("out-") + kill + ".h5");
    auto r = sh(runtest::sovcap() + " run " + (dir / "s.yaml") + " -o " + out +
                " --quiet --set classes.training.kill_at_time_limit=" + kill);
    ASSERT_EQ(r.exit_code, 0) << r.output;
    probe::File f(out);
    const double gb = f.attr_double("/summary", "checkpoint_gb");
    if (std::string(kill) == "true") {
      EXPECT_EQ(f.attr_double("/summary", "jobs_killed"), 1) << kill;
      EXPECT_GE(gb, 5);
      EXPECT_LE(gb, 6);
    } else {  // runs its 2 h: 11 or 12 checkpoints, then none
      EXPECT_EQ(f.attr_double("/summary", "jobs_completed"), 1) << kill;
      EXPECT_GE(gb, 11);
      EXPECT_LE(gb, 12);
    }
  }
}
