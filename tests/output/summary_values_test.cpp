// The summaries hold what their definitions (docs/results.md) say, computed by
// hand from the fixture's known samples and jobs.
#include <gtest/gtest.h>

#include "tests/common/h5_probe.hpp"
#include "result_fixture.hpp"
#include "simulator/output/summary_tables.hpp"

namespace {

class SummaryValues : public ::testing::Test {
 protected:
  void SetUp() override { fixture::write_small(path); }
  fixture::TempDir dir;
  std::string path = dir / "small.h5";
};

constexpr double kJobKwhPerS = 8 * 0.7 / 3600.0;  // the fixture's job energy per second of run

}  // namespace

TEST_F(SummaryValues, SiteEnergiesAreIntegralsOfTheSeries) {
  probe::File f(path);
  // benguerir: k = 1..4, each sample 900 s = 0.25 h, so sum(k) * 0.25 h = 2.5 h of the unit sample.
  // dakhla: k = 0.5 for the whole hour.
  auto col = [&](const char* c) { return f.column("/summary/sites", c); };
  EXPECT_DOUBLE_EQ(col("energy_it_mwh")[0], 10 * 2.5);
  EXPECT_DOUBLE_EQ(col("energy_it_mwh")[1], 10 * 0.5);
  EXPECT_DOUBLE_EQ(col("energy_facility_mwh")[0], 12 * 2.5);
  EXPECT_DOUBLE_EQ(col("energy_cooling_mwh")[0], 2 * 2.5);
  EXPECT_DOUBLE_EQ(col("solar_mwh")[0], 8 * 2.5);
  EXPECT_DOUBLE_EQ(col("wind_mwh")[0], 3 * 2.5);
  EXPECT_DOUBLE_EQ(col("grid_import_mwh")[0], 2.5 * 2.5);
  EXPECT_DOUBLE_EQ(col("curtailed_mwh")[0], 0.5 * 2.5);
  EXPECT_DOUBLE_EQ(col("battery_charge_mwh")[0], 1 * 2.5);
  // Renewable share of what the site absorbed: (8 + 3 - 0.5) / (8 + 3 - 0.5 + 2.5), the same at any k.
  EXPECT_NEAR(col("renewable_fraction")[0], 10.5 / 13.0, 1e-12);
  EXPECT_NEAR(col("renewable_fraction")[1], 10.5 / 13.0, 1e-12);
  EXPECT_NEAR(col("mean_pue")[0], 1.2, 1e-12);
  EXPECT_NEAR(col("carbon_t")[0], 2.5 * 600 * 2.5 / 1000.0, 1e-12);  // kg/h x h -> t
  EXPECT_NEAR(col("gpu_utilization")[0], 64 * 2.5 / (256 * 1.0), 1e-12);
  EXPECT_NEAR(col("cpu_utilization")[1], 0.1, 1e-12);
  // IT energy splits into the jobs' energy at the site and idle energy.
  double jobs_kwh = kJobKwhPerS * (1000 + 5 + 60);  // jobs 1, 3, 6 ran at benguerir
  EXPECT_NEAR(col("energy_jobs_mwh")[0], jobs_kwh / 1000.0, 1e-12);
  EXPECT_NEAR(col("energy_idle_mwh")[0] + col("energy_jobs_mwh")[0], col("energy_it_mwh")[0], 1e-12);
  // From the simulator's extras.
  EXPECT_EQ(col("battery_cycles")[0], 2.5);
  EXPECT_EQ(col("delayed_work_gpu_h")[0], 1.0);
  EXPECT_EQ(col("delayed_work_core_h")[0], 0.5);
  EXPECT_EQ(col("lost_work_gpu_h")[0], 4.0);
  EXPECT_EQ(col("lost_work_core_h")[0], 2.0);
  EXPECT_EQ(col("capping_episodes")[0], 3);
  EXPECT_EQ(col("unserved_mwh")[0], 0.25);
}

TEST_F(SummaryValues, WholeScenarioKpisAddUpTheSites) {
  probe::File f(path);
  EXPECT_DOUBLE_EQ(f.attr_double("/summary", "energy_it_mwh"), 10 * 3.0);
  EXPECT_DOUBLE_EQ(f.attr_double("/summary", "energy_facility_mwh"), 12 * 3.0);
  EXPECT_NEAR(f.attr_double("/summary", "renewable_fraction"), 10.5 / 13.0, 1e-12);
  EXPECT_NEAR(f.attr_double("/summary", "carbon_t"), 2.5 * 600 * 3.0 / 1000.0, 1e-12);
  EXPECT_NEAR(f.attr_double("/summary", "gpu_utilization"), 64 * 3.0 / (256 * 2.0), 1e-12);
  EXPECT_EQ(f.attr_double("/summary", "unserved_mwh"), 0.25);
  EXPECT_EQ(f.attr_double("/summary", "jobs_submitted"), 6);
  EXPECT_EQ(f.attr_double("/summary", "jobs_completed"), 3);
  EXPECT_EQ(f.attr_double("/summary", "jobs_rejected"), 1);
  EXPECT_EQ(f.attr_double("/summary", "jobs_killed"), 1);
  EXPECT_EQ(f.attr_double("/summary", "jobs_unfinished"), 1);
  // Waits of the five jobs that started: 100, 300, 0, 50, 20.
  EXPECT_DOUBLE_EQ(f.attr_double("/summary", "wait_mean_s"), 94);
  EXPECT_DOUBLE_EQ(f.attr_double("/summary", "wait_p50_s"), 50);
}

TEST_F(SummaryValues, PerClassWaitsAndBoundedSlowdown) {
  probe::File f(path);
  auto col = [&](const char* c) { return f.column("/summary/classes", c); };
  EXPECT_EQ(col("jobs_submitted"), (std::vector<double>{3, 3}));
  EXPECT_EQ(col("jobs_completed"), (std::vector<double>{2, 1}));
  EXPECT_EQ(col("jobs_rejected"), (std::vector<double>{0, 1}));
  EXPECT_EQ(col("jobs_killed"), (std::vector<double>{0, 1}));
  // training waits {100, 300, 50}: mean 150, median 100, p95 at rank 1.9 -> 100 + 0.9 * 200.
  EXPECT_DOUBLE_EQ(col("wait_mean_s")[0], 150);
  EXPECT_DOUBLE_EQ(col("wait_p50_s")[0], 100);
  EXPECT_NEAR(col("wait_p95_s")[0], 280, 1e-9);
  EXPECT_NEAR(col("wait_p99_s")[0], 100 + 0.98 * 200, 1e-9);
  // Completed training jobs: (100 + 1000) / 1000 and (300 + 2000) / 2000.
  EXPECT_NEAR(col("mean_slowdown")[0], (1.1 + 1.15) / 2, 1e-12);
  // The one completed inference job ran 5 s < tau = 10 s without waiting: bounded to 1.
  EXPECT_DOUBLE_EQ(col("mean_slowdown")[1], 1.0);
  // inference waits {0, 20} (job 3 and the killed job 6; job 4 was rejected).
  EXPECT_DOUBLE_EQ(col("wait_mean_s")[1], 10);
  EXPECT_DOUBLE_EQ(col("wait_p50_s")[1], 10);
}

TEST_F(SummaryValues, PerSiteAndPerRegionCounts) {
  probe::File f(path);
  EXPECT_EQ(f.column("/summary/sites", "jobs_submitted"), (std::vector<double>{3, 2}));
  EXPECT_EQ(f.column("/summary/sites", "jobs_completed"), (std::vector<double>{2, 1}));
  EXPECT_EQ(f.column("/summary/sites", "jobs_rejected"), (std::vector<double>{0, 0}));
  EXPECT_EQ(f.column("/summary/sites", "wait_p50_s"), (std::vector<double>{20, 175}));
  EXPECT_EQ(f.column("/summary/regions", "jobs_submitted"), (std::vector<double>{2, 2, 2}));
  EXPECT_EQ(f.column("/summary/regions", "jobs_rejected"), (std::vector<double>{1, 0, 0}));
  EXPECT_EQ(f.column("/summary/regions", "data_gb"), (std::vector<double>{22, 22, 22}));
  EXPECT_EQ(f.column("/summary/regions", "wait_mean_s"), (std::vector<double>{100, 160, 25}));
}

TEST(RenewableFraction, ClosedForms) {
  using sovcap::output::renewable_fraction;
  EXPECT_DOUBLE_EQ(renewable_fraction(10, 0, 0, 0, 0), 1.0);
  EXPECT_DOUBLE_EQ(renewable_fraction(0, 0, 0, 0, 5), 0.0);
  EXPECT_DOUBLE_EQ(renewable_fraction(6, 2, 1, 1, 6), 0.5);  // 6 used on site, 6 imported
  EXPECT_TRUE(std::isnan(renewable_fraction(0, 0, 0, 0, 0)));
}
