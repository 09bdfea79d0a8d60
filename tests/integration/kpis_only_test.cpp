// `sovcap run --kpis-only` (the evaluation mode of searches) writes the same /summary as a
// full run, bit for bit (h5dump's text of the group with 17-digit floats), and nothing the
// search does not read: no /timeseries, no /jobs. The scenario moves data over the network
// (the actors, the backbone's comms) and has node failures, so every summary table is filled.
#include <gtest/gtest.h>

#include <string>

#include "run_helpers.hpp"

using runtest::sh;

namespace {

std::string summary_dump(const std::string& h5) {
  auto r = sh("h5dump -m %.17g -g /summary " + h5 + " | tail -n +2");
  EXPECT_EQ(r.exit_code, 0) << r.output.substr(0, 2000);
  return r.output;
}

TEST(KpisOnly, SameSummaryAsTheFullRunAndNoSeriesOrJobs) {
  runtest::TempDir tmp;
  std::string base = runtest::sovcap() + " run " + runtest::config("morocco-2030.yaml") +
                     " --duration 3d --set scenario.start=2030-06-29T00:00:00Z --seed 7 --quiet -o ";
  auto full = sh(base + tmp / "full.h5");
  ASSERT_EQ(full.exit_code, 0) << full.output;
  auto kpis = sh(base + tmp / "kpis.h5 --kpis-only");
  ASSERT_EQ(kpis.exit_code, 0) << kpis.output;

  std::string a = summary_dump(tmp / "full.h5"), b = summary_dump(tmp / "kpis.h5");
  ASSERT_GT(a.size(), 2000u);  // the attributes and the site, class and region tables are there
  EXPECT_NE(a.find("DATASET \"sites\""), std::string::npos);
  EXPECT_EQ(a, b);

  auto ls = sh("h5ls " + tmp / "kpis.h5");
  EXPECT_EQ(ls.output.find("timeseries"), std::string::npos) << ls.output;
  EXPECT_EQ(ls.output.find("jobs"), std::string::npos) << ls.output;
  EXPECT_NE(ls.output.find("summary"), std::string::npos) << ls.output;
  auto full_ls = sh("h5ls " + tmp / "full.h5");
  EXPECT_NE(full_ls.output.find("timeseries"), std::string::npos);
  EXPECT_NE(full_ls.output.find("jobs"), std::string::npos);

  auto attr = sh("h5dump -a /contents " + tmp / "kpis.h5");
  EXPECT_NE(attr.output.find("\"kpis\""), std::string::npos) << attr.output;
  attr = sh("h5dump -a /contents " + tmp / "full.h5");
  EXPECT_NE(attr.output.find("\"full\""), std::string::npos) << attr.output;

  // The KPI table reads from /summary alone.
  auto summary = sh(runtest::sovcap() + " summary " + tmp / "kpis.h5");
  EXPECT_EQ(summary.exit_code, 0) << summary.output;
}

}  // namespace
