// Off-grid Dakhla through the real binary: with no grid import, the pools'
// power capping must hold the site to what sun, wind and battery give, so no
// sample has unserved energy; a bigger battery must delay less work.
// Shortened to the first 10 days of 2030 (January: long nights, the most
// capping); the mid-year wind phase is moved into the window, since a phase
// after the end is a config error.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "tests/common/h5_probe.hpp"
#include "run_helpers.hpp"

using runtest::sh;

namespace {

const char* kWindow = " --duration 10d --set sites.dakhla.phases.0.at=2030-01-10T00:00:00Z";

std::string run(const runtest::TempDir& dir, const std::string& config) {
  std::string out = dir / (config + ".h5");
  auto r = sh(runtest::sovcap() + " run " + runtest::config(config + ".yaml") + " -o " + out + " --quiet" + kWindow);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return out;
}

std::vector<double> series(const probe::File& f, const std::string& site, const std::string& metric) {
  return f.doubles("/timeseries/sites/" + site + "/" + metric);
}

// Dakhla's row in /summary/sites: the site with by far the most solar.
size_t dakhla_row(const probe::File& f) {
  auto solar = f.column("/summary/sites", "solar_mwh");
  return static_cast<size_t>(std::max_element(solar.begin(), solar.end()) - solar.begin());
}

struct Checked {
  double delayed_work_gpu_h = 0;
  double capped_samples = 0;
};

// Every invariant of an off-grid Dakhla run, checked against the series.
Checked check_offgrid(const std::string& path, double battery_mwh) {
  probe::File f(path);
  Checked out;
  auto solar = series(f, "dakhla", "solar_mw"), wind = series(f, "dakhla", "wind_mw");
  auto dis = series(f, "dakhla", "battery_discharge_mw"), chg = series(f, "dakhla", "battery_charge_mw");
  auto imp = series(f, "dakhla", "grid_import_mw"), exp = series(f, "dakhla", "grid_export_mw");
  auto fac = series(f, "dakhla", "facility_power_mw"), cur = series(f, "dakhla", "curtailed_mw");
  auto it = series(f, "dakhla", "it_power_mw"), cap = series(f, "dakhla", "power_cap_mw");
  auto pue = series(f, "dakhla", "pue"), soc = series(f, "dakhla", "battery_soc_mwh");
  auto unserved = series(f, "dakhla", "unserved_mw");
  EXPECT_EQ(solar.size(), 10u * 96u);
  for (size_t i = 0; i < solar.size(); ++i) {
    SCOPED_TRACE("sample " + std::to_string(i));
    EXPECT_EQ(unserved[i], 0.0);
    EXPECT_EQ(imp[i], 0.0);  // off-grid
    EXPECT_NEAR(solar[i] + wind[i] + dis[i] + imp[i], fac[i] + chg[i] + cur[i] + exp[i], 1e-6);
    // The facility runs on sun, wind and battery alone, IT within its cap.
    EXPECT_LE(fac[i], solar[i] + wind[i] + dis[i] + 1e-6);
    EXPECT_NEAR(fac[i], it[i] * pue[i], 1e-9 * std::max(1.0, fac[i]));
    EXPECT_GE(cap[i], 0.0) << "an off-grid site always has a finite cap";
    EXPECT_LE(it[i], cap[i] + 1e-6);
    EXPECT_GE(soc[i], 0.1 * battery_mwh - 1e-6);  // soc_min 0.1 (default)
    EXPECT_LE(soc[i], 0.95 * battery_mwh + 1e-6);  // soc_max 0.95
    if (it[i] >= cap[i] - 1e-3) ++out.capped_samples;
  }
  size_t row = dakhla_row(f);
  EXPECT_EQ(f.column("/summary/sites", "unserved_mwh")[row], 0.0);
  EXPECT_EQ(f.attr_double("/summary", "unserved_mwh"), 0.0);
  out.delayed_work_gpu_h = f.column("/summary/sites", "delayed_work_gpu_h")[row];
  return out;
}

}  // namespace

TEST(OffGridDakhla, ZeroUnservedAndABiggerBatteryDelaysLessWork) {
  runtest::TempDir dir;
  Checked small = check_offgrid(run(dir, "dakhla-offgrid"), 2000);
  Checked big = check_offgrid(run(dir, "dakhla-offgrid-big-battery"), 6000);
  // The 2,000 MWh battery cannot carry January nights: the cap binds and work is delayed.
  EXPECT_GT(small.capped_samples, 0);
  EXPECT_GT(small.delayed_work_gpu_h, 0);
  // Three times the storage and twice the power: strictly less delayed work.
  EXPECT_LT(big.delayed_work_gpu_h, small.delayed_work_gpu_h);
}

TEST(OffGridDakhla, SameSeedSameDelayedWork) {
  runtest::TempDir dir;
  std::string a = run(dir, "dakhla-offgrid");
  std::string b = dir / "again.h5";
  auto r = sh(runtest::sovcap() + " run " + runtest::config("dakhla-offgrid.yaml") + " -o " + b + " --quiet" + kWindow);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto same = sh("h5diff -q " + a + " " + b + " /timeseries /timeseries && h5diff -q " + a + " " + b + " /summary /summary");
  EXPECT_EQ(same.exit_code, 0) << same.output;
}
