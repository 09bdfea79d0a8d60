// End to end: the tiny scenario through the real binary, its HDF5 read back
// independently, and the invariants of docs/architecture.md checked on it.
#include <cstring>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "tests/common/h5_probe.hpp"
#include "run_helpers.hpp"

using runtest::sh;

namespace {

const std::vector<std::string> kStatus = {"completed", "rejected", "killed", "unfinished"};

std::string run_tiny(const runtest::TempDir& dir, const std::string& name, const std::string& extra = "") {
  std::string out = dir / name;
  auto r = sh(runtest::sovcap() + " run " + runtest::config("tiny.yaml") + " -o " + out + " --quiet " + extra);
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return out;
}

std::vector<std::string> site_ids(const probe::File& f) {
  std::vector<std::string> ids;
  hid_t g = H5Gopen2(f.id(), "/timeseries/sites", H5P_DEFAULT);
  hsize_t n = 0;
  H5Gget_num_objs(g, &n);
  for (hsize_t i = 0; i < n; ++i) {
    char name[256];
    H5Gget_objname_by_idx(g, i, name, sizeof name);
    ids.push_back(name);
  }
  H5Gclose(g);
  return ids;
}

}  // namespace

TEST(RunTiny, EveryJobOnceWithConsistentTimes) {
  runtest::TempDir dir;
  probe::File f(run_tiny(dir, "a.h5"));
  auto id = f.column("/jobs", "id");
  auto submit = f.column("/jobs", "submit_s");
  auto start = f.column("/jobs", "start_s");
  auto end = f.column("/jobs", "end_s");
  auto wait = f.column("/jobs", "wait_s");
  auto status = f.enum_column("/jobs", "status", kStatus);
  ASSERT_GT(id.size(), 100u) << "the tiny scenario should make a few hundred jobs";
  EXPECT_EQ(id.size(), static_cast<size_t>(f.attr_double("/summary", "jobs_submitted")));
  std::set<double> unique(id.begin(), id.end());
  EXPECT_EQ(unique.size(), id.size()) << "a job appears twice";
  EXPECT_EQ(*unique.begin(), 1.0);
  EXPECT_EQ(*unique.rbegin(), static_cast<double>(id.size())) << "a submitted job is missing";
  size_t completed = 0;
  for (size_t i = 0; i < id.size(); ++i) {
    if (status[i] != 0) continue;
    ++completed;
    EXPECT_LE(submit[i], start[i]) << "job " << id[i];
    EXPECT_LE(start[i], end[i]) << "job " << id[i];
    EXPECT_NEAR(wait[i], start[i] - submit[i], 1e-9) << "job " << id[i];
  }
  EXPECT_GT(completed, id.size() / 2);
}

TEST(RunTiny, BusyGpusNeverExceedThePool) {
  runtest::TempDir dir;
  probe::File f(run_tiny(dir, "a.h5"));
  for (const auto& s : site_ids(f)) {
    auto busy = f.doubles("/timeseries/sites/" + s + "/busy_gpus");
    auto total = f.doubles("/timeseries/sites/" + s + "/total_gpus");
    ASSERT_EQ(busy.size(), total.size());
    double peak = 0;
    for (size_t i = 0; i < busy.size(); ++i) {
      EXPECT_LE(busy[i], total[i]) << s << " sample " << i;
      EXPECT_GE(busy[i], 0) << s << " sample " << i;
      peak = std::max(peak, busy[i]);
    }
    EXPECT_GT(peak, 0) << s << " never ran anything";
  }
}

TEST(RunTiny, PowerBalanceAtEverySample) {
  runtest::TempDir dir;
  probe::File f(run_tiny(dir, "a.h5"));
  for (const auto& s : site_ids(f)) {
    auto get = [&](const char* m) { return f.doubles("/timeseries/sites/" + s + "/" + m); };
    auto solar = get("solar_mw"), wind = get("wind_mw"), dis = get("battery_discharge_mw"), imp = get("grid_import_mw");
    auto fac = get("facility_power_mw"), chg = get("battery_charge_mw"), cur = get("curtailed_mw"), exp = get("grid_export_mw");
    for (size_t i = 0; i < solar.size(); ++i)
      EXPECT_NEAR(solar[i] + wind[i] + dis[i] + imp[i], fac[i] + chg[i] + cur[i] + exp[i], 1e-6) << s << " sample " << i;
  }
}

TEST(RunTiny, ItEnergyIsTheIntegralOfItPowerAndTheSumOfJobsPlusIdle) {
  runtest::TempDir dir;
  probe::File f(run_tiny(dir, "a.h5"));
  auto time = f.doubles("/timeseries/time_s");
  double duration = f.attr_double("/", "duration_s");
  auto sites = site_ids(f);
  double integral_mwh = 0;
  for (const auto& s : sites) {
    auto it = f.doubles("/timeseries/sites/" + s + "/it_power_mw");
    for (size_t i = 0; i < it.size(); ++i) {
      double next = i + 1 < time.size() ? time[i + 1] : duration;
      integral_mwh += it[i] * (next - time[i]) / 3600.0;
    }
  }
  auto energy_it = f.column("/summary/sites", "energy_it_mwh");
  auto energy_idle = f.column("/summary/sites", "energy_idle_mwh");
  double summary_mwh = 0, idle_mwh = 0;
  for (double e : energy_it) summary_mwh += e;
  for (double e : energy_idle) idle_mwh += e;
  EXPECT_NEAR(integral_mwh, summary_mwh, 1e-9 * summary_mwh);
  double jobs_mwh = 0;
  for (double e : f.column("/jobs", "energy_kwh")) jobs_mwh += e / 1000.0;
  EXPECT_GT(jobs_mwh, 0);
  EXPECT_GT(idle_mwh, 0);
  EXPECT_NEAR(integral_mwh, jobs_mwh + idle_mwh, 1e-6 * integral_mwh);
}

TEST(RunTiny, SameSeedSameDatasetsOtherSeedDifferent) {
  runtest::TempDir dir;
  auto a = run_tiny(dir, "a.h5", "--seed 7");
  auto b = run_tiny(dir, "b.h5", "--seed 7");
  auto c = run_tiny(dir, "c.h5", "--seed 8");
  // h5diff compares every dataset (and attribute) value; exit 0 means identical. It also says 0
  // for tables it cannot compare (different lengths), so the lengths and times are checked here too.
  auto same = sh("h5diff -q " + a + " " + b + " /jobs /jobs && h5diff -q " + a + " " + b + " /timeseries /timeseries && h5diff -q " + a + " " + b + " /summary /summary");
  EXPECT_EQ(same.exit_code, 0) << same.output;
  probe::File fa(a), fb(b), fc(c);
  for (const char* col : {"submit_s", "start_s", "end_s", "energy_kwh"}) {
    auto x = fa.column("/jobs", col), y = fb.column("/jobs", col);  // bit for bit (NaN marks "never")
    ASSERT_EQ(x.size(), y.size()) << col;
    EXPECT_EQ(std::memcmp(x.data(), y.data(), x.size() * sizeof(double)), 0) << col;
  }
  EXPECT_NE(fa.column("/jobs", "submit_s"), fc.column("/jobs", "submit_s")) << "another seed should give other jobs";
}
