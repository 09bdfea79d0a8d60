// /jobs grows a buffer at a time into a chunked, extendible dataset, and every
// row comes back in order with its values.
#include <gtest/gtest.h>

#include "tests/common/h5_probe.hpp"
#include "result_fixture.hpp"
#include "simulator/output/job_table.hpp"

TEST(JobStreaming, FiftyThousandJobsOverSeveralChunks) {
  fixture::TempDir dir;
  std::string path = dir / "jobs.h5";
  const size_t extra = 50000;
  fixture::write_small(path, extra);
  probe::File f(path);
  bool unlimited = false;
  EXPECT_EQ(f.chunk("/jobs", &unlimited), sovcap::output::JobTable::chunk_rows);
  EXPECT_TRUE(unlimited);
  EXPECT_GT(extra, 3 * sovcap::output::JobTable::buffer_rows);
  auto id = f.column("/jobs", "id");
  auto submit = f.column("/jobs", "submit_s");
  auto wait = f.column("/jobs", "wait_s");
  auto start = f.column("/jobs", "start_s");
  auto cls = f.strings("/jobs", "class");
  ASSERT_EQ(id.size(), extra + 6);
  for (size_t i = 0; i < id.size(); ++i) ASSERT_EQ(id[i], static_cast<double>(i + 1)) << "row " << i;
  for (size_t i = 6; i < id.size(); ++i) {
    size_t k = i - 6;
    ASSERT_EQ(submit[i], 60.0 + k) << "row " << i;
    ASSERT_EQ(wait[i], static_cast<double>(k % 97)) << "row " << i;
    ASSERT_EQ(start[i], submit[i] + wait[i]) << "row " << i;
    ASSERT_EQ(cls[i], k % 2 ? "inference" : "training") << "row " << i;
  }
  EXPECT_EQ(f.attr_double("/summary", "jobs_submitted"), static_cast<double>(extra + 6));
}

TEST(JobStreaming, SeriesAreChunkedAndExtendible) {
  fixture::TempDir dir;
  std::string path = dir / "s.h5";
  fixture::write_small(path);
  probe::File f(path);
  bool unlimited = false;
  EXPECT_GT(f.chunk("/timeseries/sites/dakhla/solar_mw", &unlimited), 0u);
  EXPECT_TRUE(unlimited);
}

TEST(JobStreaming, SeriesLongerThanABlockComeBackWhole) {
  fixture::TempDir dir;
  std::string path = dir / "long.h5";
  const int samples = 10000;  // more than two flush blocks
  {
    namespace out = sovcap::output;
    auto info = fixture::run_info();
    info.duration_s = samples * 900.0;
    out::ResultWriter w(path, info);
    for (int i = 0; i < samples; ++i) {
      auto s = fixture::site_sample(1);
      s.ambient_c = i;
      w.add_sample(900.0 * i, {s, s}, {{}, {}});
    }
    w.finish(0, {});
  }
  probe::File f(path);
  auto t = f.doubles("/timeseries/time_s");
  auto c = f.doubles("/timeseries/sites/dakhla/ambient_c");
  ASSERT_EQ(t.size(), static_cast<size_t>(samples));
  ASSERT_EQ(c.size(), static_cast<size_t>(samples));
  for (int i = 0; i < samples; ++i) {
    ASSERT_EQ(t[i], 900.0 * i);
    ASSERT_EQ(c[i], i);
  }
  EXPECT_DOUBLE_EQ(f.column("/summary/sites", "energy_it_mwh")[0], 10 * samples * 0.25);
}
