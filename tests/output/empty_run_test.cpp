// A run with nothing in it (no links, no topology, no jobs) still writes a
// complete, readable result: empty tables, NaN where a value is undefined.
#include <gtest/gtest.h>

#include <sstream>

#include "tests/common/h5_probe.hpp"
#include "result_fixture.hpp"
#include "simulator/output/summary_printer.hpp"

TEST(EmptyRun, NoLinksNoJobsStillACompleteResult) {
  namespace out = sovcap::output;
  fixture::TempDir dir;
  std::string path = dir / "empty.h5";
  auto info = fixture::run_info();
  info.links.clear();
  info.nodes.clear();
  info.topology_links.clear();
  {
    out::ResultWriter w(path, info);
    out::SiteSample idle;  // everything zero
    w.add_sample(0, {idle, idle}, {});
    w.finish(0, {});
  }
  probe::File f(path);
  EXPECT_TRUE(f.exists("/timeseries/links"));
  EXPECT_EQ(f.column("/jobs", "id").size(), 0u);
  EXPECT_EQ(f.column("/topology/links", "bandwidth_gbps").size(), 0u);
  EXPECT_EQ(f.attr_double("/summary", "jobs_submitted"), 0);
  EXPECT_TRUE(std::isnan(f.attr_double("/summary", "wait_p95_s")));
  EXPECT_TRUE(std::isnan(f.column("/summary/sites", "mean_pue")[0]));
  EXPECT_TRUE(std::isnan(f.column("/summary/sites", "gpu_utilization")[0]));
  EXPECT_EQ(f.column("/summary/classes", "jobs_submitted"), (std::vector<double>{0, 0}));
  std::ostringstream o, e;
  EXPECT_EQ(out::print_summary(path, false, o, e), 0) << e.str();
  EXPECT_NE(o.str().find("wait, 95th percentile"), std::string::npos);
  EXPECT_EQ(out::print_summary(path, true, o, e), 0) << e.str();
  EXPECT_NE(o.str().find("\"wait_p95_s\": null"), std::string::npos) << o.str();
}
