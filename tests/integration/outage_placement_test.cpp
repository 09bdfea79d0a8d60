// Placement during a link outage, through the binary (docs/scheduling.md, "Placement across
// sites"). tiny.yaml's network: rabat -100G- benguerir (64 GPUs) -40G- laayoune -40G- dakhla
// (128 GPUs); the benguerir-laayoune link is down from 100 s to 1,100 s, cutting Rabat off from
// Dakhla. A CSV trace of four jobs from Rabat, 1 GB of input each:
//   J0 at 0 s: 64 GPUs for 5,000 s. Both sites can start it; equal backlog per unit (-1), so the
//      nearer, Benguerir, which it fills.
//   J1 at 0 s: 128 GPUs for 150 s: only Dakhla fits it.
//   J2 at 120 s: 8 GPUs. Rabat reaches only Benguerir (full); Dakhla is full too until 150 s, so
//      the rule's best site is Benguerir anyway (both must wait, backlog per unit 0 at both, then
//      latency): it queues there.
//   J3 at 200 s: 8 GPUs. Benguerir is full, Dakhla (cut off) has been free since 150 s: the job is
//      held in Rabat rather than queued behind J0.
// At 1,100 s Dakhla is reachable again: J2 (queued at Benguerir, where it would wait for J0 to end)
// moves to Dakhla, its input sent again, and J3 goes there too. Both start at 1,100 s plus their
// transfer (1 GB over 40 Gbps: 0.2 s, plus latency).
#include <gtest/gtest.h>

#include <fstream>
#include <numeric>
#include <string>

#include "tests/common/h5_probe.hpp"
#include "run_helpers.hpp"

namespace {

using runtest::TempDir;

TEST(OutagePlacement, HeldAndQueuedJobsGoWhereTheyStartSoonerWhenTheLinkReturns) {
  TempDir dir;
  std::ofstream(dir / "trace.csv") << "submit_s,class,region,units,runtime_s,requested_s,input_gb,output_gb\n"
                                      "0,training,rabat,64,5000,5000,1,0\n"
                                      "0,training,rabat,128,150,150,1,0\n"
                                      "120,training,rabat,8,600,600,1,0\n"
                                      "200,training,rabat,8,600,600,1,0\n";
  std::string cfg = dir / "outage.yaml";
  std::ofstream(cfg) << "extends: " << runtest::config("tiny.yaml")
                     << "\nscenario: {duration: 1h}\nscheduling: {placement: earliest_start}\nworkload: {trace: "
                     << (dir / "trace.csv")
                     << "}\nnetwork:\n  links:\n"
                        "    - {id: benguerir-laayoune, a: benguerir, b: laayoune, bandwidth: 40Gbps, outages: [{start: 100s, "
                        "duration: 1000s}]}\n";
  std::string out = dir / "out.h5";
  auto r = runtest::sh(runtest::sovcap() + " run " + cfg + " -o " + out + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  probe::File f(out);
  auto start = f.column("/jobs", "start_s");
  auto submit = f.column("/jobs", "submit_s");
  ASSERT_EQ(start.size(), 4u);
  int late = 0;
  for (size_t i = 0; i < start.size(); ++i) {
    if (submit[i] < 120) continue;
    ++late;  // J2 and J3: at Dakhla (Benguerir is full until 5,000 s) once it is reachable
    EXPECT_GE(start[i], 1100.0) << "submitted at " << submit[i];
    EXPECT_LT(start[i], 1101.0) << "submitted at " << submit[i];
  }
  EXPECT_EQ(late, 2);
  auto jobs = f.column("/summary/sites", "jobs_submitted");  // benguerir, dakhla
  ASSERT_EQ(jobs.size(), 2u);
  EXPECT_EQ(jobs[0], 1.0);
  EXPECT_EQ(jobs[1], 3.0);
  // Rabat sent 4 inputs, and J2's again when it moved.
  auto input = f.column("/summary/regions", "input_gb");
  EXPECT_DOUBLE_EQ(input[0], 5.0);
}

}  // namespace
