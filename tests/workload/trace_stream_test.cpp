// TraceStream: SWF and CSV records become each region's jobs in submit order;
// every usable record goes to exactly one region, in the regions' proportions.
#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include <gtest/gtest.h>

#include "models/workload/arrival_stream.hpp"
#include "models/workload/trace_stream.hpp"

using namespace sovcap::workload;

namespace {

const std::string dir = SOVCAP_SOURCE_DIR "/tests/data/traces/";

JobClassSpec job_class(const std::string& id, double input_gb = 0) {
  JobClassSpec c;
  c.id = id;
  c.input_gb = input_gb;
  c.output_gb = input_gb / 10;
  c.units.type = DistributionSpec::Type::constant;
  c.units.value = 1;
  c.runtime_s.type = DistributionSpec::Type::constant;
  c.runtime_s.value = 1;
  return c;
}

std::vector<RegionSpec> regions(const std::vector<std::pair<std::string, double>>& idw) {
  std::vector<RegionSpec> out;
  for (const auto& [id, w] : idw) {
    RegionSpec r;
    r.id = id;
    r.weight = w;
    out.push_back(r);
  }
  return out;
}

std::vector<Job> drain(JobSource& s) {
  std::vector<Job> jobs;
  while (!s.done()) {
    double t = s.peek_s();
    jobs.push_back(s.next());
    EXPECT_EQ(jobs.back().submit_s, t);
    if (jobs.size() > 1) {
      EXPECT_LE(jobs[jobs.size() - 2].submit_s, t);
    }
  }
  return jobs;
}

// All regions' jobs of one trace, keyed by submit time.
std::map<double, Job> all_regions_swf(const SwfTrace& t, const SwfMapping& m, const std::vector<JobClassSpec>& classes,
                                      const std::vector<RegionSpec>& regs, uint64_t seed, double horizon) {
  std::map<double, Job> out;
  for (int r = 0; r < static_cast<int>(regs.size()); ++r) {
    TraceStream s(t, m, classes, regs, r, seed, horizon);
    for (const auto& j : drain(s)) {
      EXPECT_EQ(j.origin_region, r);
      EXPECT_TRUE(out.emplace(j.submit_s, j).second) << "a job in two regions at " << j.submit_s;
    }
  }
  return out;
}

// n SWF jobs, one every 10 s, with p processors.
SwfTrace synthetic_swf(int n) {
  std::ostringstream os;
  for (int i = 0; i < n; ++i)
    os << i + 1 << ' ' << 10 * i << " 0 100 " << (i % 4 + 1) << " -1 -1 -1 -1 -1 1 1 1 1 1 1 -1 -1\n";
  std::istringstream in(os.str());
  return parse_swf(in, "synthetic.swf");
}

}  // namespace

TEST(TraceStream, SwfJobsMappedOnceEach) {
  auto trace = read_swf(dir + "sample.swf");
  std::vector<JobClassSpec> classes{job_class("other"), job_class("hpc", 20)};
  auto regs = regions({{"a", 1}, {"b", 1}});
  SwfMapping m;
  m.class_index = 1;
  auto jobs = all_regions_swf(trace, m, classes, regs, 1, 1e9);
  // Job 4 never ran (run time 0): skipped. The other five, each once.
  ASSERT_EQ(jobs.size(), 5u);
  const Job& j1 = jobs.at(0);
  EXPECT_EQ(j1.class_index, 1);
  EXPECT_EQ(j1.units, 8);
  EXPECT_EQ(j1.runtime_s, 3600);
  EXPECT_EQ(j1.requested_s, 7200);
  EXPECT_EQ(j1.input_gb, 20);
  EXPECT_EQ(j1.output_gb, 2);
  EXPECT_EQ(j1.id, 0u);
  EXPECT_EQ(jobs.at(30).runtime_s, 120.25);
  EXPECT_EQ(jobs.at(45).units, 64);         // status 0 (failed) still ran
  EXPECT_EQ(jobs.at(100).units, 16);        // allocated processors win
  EXPECT_EQ(jobs.at(100).requested_s, 7000 * 1.5);  // unknown estimate: the class's factor
  EXPECT_EQ(jobs.at(4000).units, 1);
  TraceStream s(trace, m, classes, regs, 0, 1, 1e9);
  EXPECT_EQ(s.skipped(), 1u);
}

TEST(TraceStream, SwfMappingOptions) {
  auto trace = read_swf(dir + "sample.swf");
  std::vector<JobClassSpec> classes{job_class("gpu")};
  auto regs = regions({{"only", 1}});
  SwfMapping m;
  m.units_per_processor = 0.125;  // 8 CPU cores per GPU
  m.time_scale = 0.5;
  m.offset_s = -20;               // the first 20 s of the (halved) trace fall before the start
  m.completed_only = true;        // drops job 3 (failed) and job 4 (cancelled)
  TraceStream s(trace, m, classes, regs, 0, 1, 1e9);
  auto jobs = drain(s);
  ASSERT_EQ(jobs.size(), 2u);  // job 1 at -20 and job 2 at -5 dropped
  EXPECT_EQ(jobs[0].submit_s, 100 * 0.5 - 20);
  EXPECT_EQ(jobs[0].units, 2);    // 16 / 8
  EXPECT_EQ(jobs[0].runtime_s, 7000);  // run times are not scaled
  EXPECT_EQ(jobs[1].submit_s, 4000 * 0.5 - 20);
  EXPECT_EQ(jobs[1].units, 1);    // ceil(1/8)
  EXPECT_EQ(s.skipped(), 4u);

  TraceStream cut(trace, SwfMapping{}, classes, regs, 0, 1, 100);  // horizon: submit < 100
  EXPECT_EQ(drain(cut).size(), 3u);
}

TEST(TraceStream, SwfRebaseMovesFirstJobToZero) {
  std::istringstream in("1 500 0 60 1 -1 -1 1 60 -1 1 1 1 1 1 1 -1 -1\n2 800 0 60 1 -1 -1 1 60 -1 1 1 1 1 1 1 -1 -1\n");
  auto trace = parse_swf(in, "late.swf");
  std::vector<JobClassSpec> classes{job_class("gpu")};
  auto regs = regions({{"only", 1}});
  TraceStream rebased(trace, SwfMapping{}, classes, regs, 0, 1, 1e9);
  EXPECT_EQ(drain(rebased)[1].submit_s, 300);
  SwfMapping keep;
  keep.rebase = false;
  TraceStream as_is(trace, keep, classes, regs, 0, 1, 1e9);
  EXPECT_EQ(drain(as_is)[0].submit_s, 500);
}

TEST(TraceStream, RegionsDealtByWeightDeterministically) {
  auto trace = synthetic_swf(4000);
  std::vector<JobClassSpec> classes{job_class("gpu")};
  auto regs = regions({{"a", 1}, {"b", 2}, {"c", 1}, {"none", 0}});
  auto jobs = all_regions_swf(trace, SwfMapping{}, classes, regs, 7, 1e9);
  ASSERT_EQ(jobs.size(), 4000u);
  std::vector<int> count(4, 0);
  for (const auto& [t, j] : jobs) ++count[j.origin_region];
  // Round-robin, not random: within a couple of jobs of the exact shares.
  EXPECT_NEAR(count[0], 1000, 2);
  EXPECT_NEAR(count[1], 2000, 2);
  EXPECT_NEAR(count[2], 1000, 2);
  EXPECT_EQ(count[3], 0);
  // Interleaved, not in blocks: every run of 8 consecutive jobs hits region b 3-5 times.
  std::vector<int> seq;
  for (const auto& [t, j] : jobs) seq.push_back(j.origin_region);
  for (size_t i = 0; i + 8 <= seq.size(); i += 8)
    ASSERT_NEAR(std::count(seq.begin() + i, seq.begin() + i + 8, 1), 4, 1) << "at " << i;

  auto again = all_regions_swf(trace, SwfMapping{}, classes, regs, 7, 1e9);
  auto other = all_regions_swf(trace, SwfMapping{}, classes, regs, 8, 1e9);
  int same = 0, differ = 0;
  for (const auto& [t, j] : jobs) {
    same += again.at(t).origin_region == j.origin_region;
    differ += other.at(t).origin_region != j.origin_region;
  }
  EXPECT_EQ(same, 4000);
  EXPECT_GT(differ, 0);

  // The class's own region weights take precedence.
  classes[0].region_weights = {0, 0, 0, 1};
  TraceStream only(trace, SwfMapping{}, classes, regs, 3, 7, 1e9);
  EXPECT_EQ(only.size(), 4000u);
}

TEST(TraceStream, WeightedRoundRobinShares) {
  WeightedRoundRobin rr({3, 1, 0.5}, 42);
  std::vector<int> count(3, 0);
  for (int i = 0; i < 9000; ++i) ++count[rr.next()];
  EXPECT_NEAR(count[0], 6000, 2);
  EXPECT_NEAR(count[1], 2000, 2);
  EXPECT_NEAR(count[2], 1000, 2);
  EXPECT_THROW(WeightedRoundRobin({0, 0}, 1), std::invalid_argument);
  EXPECT_THROW(WeightedRoundRobin({1, -1}, 1), std::invalid_argument);
}

TEST(TraceStream, CsvRowsToRegionsAndClasses) {
  auto trace = read_csv_trace(dir + "sample.csv");
  std::vector<JobClassSpec> classes{job_class("training", 1000), job_class("finetune", 40), job_class("inference", 1),
                                    job_class("batch", 5)};
  classes[1].estimate_factor = 3;
  auto regs = regions({{"rabat", 2}, {"nador", 1}, {"guelmim", 1}});
  std::map<std::pair<double, int>, Job> all;  // (submit, class) is unique in sample.csv
  std::vector<std::vector<Job>> per(3);
  for (int r = 0; r < 3; ++r) {
    TraceStream s(trace, classes, regs, r, 1, 1e9);
    per[r] = drain(s);
    for (const auto& j : per[r]) {
      EXPECT_EQ(j.origin_region, r);
      all.emplace(std::make_pair(j.submit_s, j.class_index), j);
    }
  }
  ASSERT_EQ(all.size(), 5u);  // the region-less row went to exactly one region
  const Job& training = all.at({0, 0});
  EXPECT_EQ(training.origin_region, 0);
  EXPECT_EQ(training.units, 64);
  EXPECT_EQ(training.requested_s, 172800);
  EXPECT_EQ(training.input_gb, 2000);  // the row's value
  EXPECT_EQ(training.output_gb, 200);
  const Job& inference = all.at({30, 2});
  EXPECT_EQ(inference.origin_region, 0);
  EXPECT_EQ(inference.input_gb, 1);    // empty cell: the class's
  const Job& ft = all.at({30, 1});
  EXPECT_EQ(ft.origin_region, 1);
  EXPECT_EQ(ft.requested_s, 7200 * 3); // empty requested_s: runtime * the class's factor
  EXPECT_EQ(ft.input_gb, 50);
  EXPECT_EQ(ft.output_gb, 4);          // empty output_gb: the class's (40 / 10)
  const Job& dealt = all.at({45.5, 1});
  EXPECT_EQ(dealt.requested_s, 7200);
  const Job& batch = all.at({10, 3});
  EXPECT_EQ(batch.origin_region, 2);
  EXPECT_EQ(batch.units, 32);
  EXPECT_EQ(batch.input_gb, 0);        // an explicit 0 is not "empty"
  EXPECT_EQ(per[2].front().submit_s, 10);  // sorted within the region
  EXPECT_EQ(per[0].size() + per[1].size() + per[2].size(), 5u);
}

TEST(TraceStream, CsvUnknownIdsNameTheLine) {
  auto trace = read_csv_trace(dir + "bad_unknown_class.csv");
  std::vector<JobClassSpec> classes{job_class("batch")};
  auto regs = regions({{"rabat", 1}});
  try {
    TraceStream s(trace, classes, regs, 0, 1, 1e9);
    FAIL();
  } catch (const TraceError& e) {
    EXPECT_EQ(e.line(), 3);
    EXPECT_EQ(e.message(), "unknown class 'rendering' (classes: batch)");
  }
  std::istringstream in("submit_s,class,region,units,runtime_s\n0,batch,fes,1,60\n");
  auto t2 = parse_csv_trace(in, "mem.csv");
  try {
    TraceStream s(t2, classes, regs, 0, 1, 1e9);
    FAIL();
  } catch (const TraceError& e) {
    EXPECT_STREQ(e.what(), "mem.csv:2: error: unknown region 'fes' (regions: rabat)");
  }
}

TEST(TraceStream, ArrivalAndTraceStreamsShareAnInterface) {
  std::vector<JobClassSpec> classes{job_class("gpu")};
  classes[0].rate_per_h = 10;
  auto regs = regions({{"only", 1}});
  ArrivalStream synthetic(classes, regs, 0, 1, 0, 86400);
  TraceStream recorded(synthetic_swf(10), SwfMapping{}, classes, regs, 0, 1, 86400);
  std::vector<JobSource*> sources{&synthetic, &recorded};
  EXPECT_GT(drain(*sources[0]).size(), 100u);
  EXPECT_EQ(drain(*sources[1]).size(), 10u);
  EXPECT_TRUE(sources[1]->done());
  EXPECT_THROW(sources[1]->next(), std::logic_error);
}
