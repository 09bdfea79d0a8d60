// The local calendar (simulator/engine/local_calendar.cpp) against the actors:
// the calendar runs arrivals, pools and transfers (fluid flows) from one loop;
// `--engine actors` runs the same scenario with one SimGrid actor per region
// and site, and SimGrid comms. The actors are the reference: both must give
// the same jobs (same ids, sizes and times), the same series and the same link
// events. The actors wake at SimGrid's clock, which can differ from an event's
// own time by a rounding (now + (t - now) != t; 1e-12 s seen on a pool trace),
// and throttled work may differ by ~1e-8 s: times are compared to 1e-6 s,
// energies to 1e-9 relative.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#include "tests/common/h5_probe.hpp"
#include "run_helpers.hpp"

using runtest::sh;

namespace {

// The data moves of morocco-2030.yaml, all set to zero.
std::string no_data_sets() {
  std::string s;
  for (const char* c : {"large_training", "fine_tuning", "inference", "public_service", "batch_analytics"})
    s += std::string(" --set classes.") + c + ".input=0GB --set classes." + c + ".output=0GB";
  return s + " --set classes.large_training.checkpoint_size=0GB --set network.replication.volume=0TB";
}

struct Run {
  std::string path;
  std::string output;  // what the binary printed
};

Run run(const runtest::TempDir& dir, const std::string& name, const std::string& args) {
  Run r{dir / (name + ".h5"), ""};
  auto res = sh(runtest::sovcap() + " run " + args + " -o " + r.path);
  EXPECT_EQ(res.exit_code, 0) << res.output;
  r.output = res.output;
  return r;
}

// Transfers the run reported ("... N transfers)").
long activities(const Run& r) {
  auto at = r.output.find(" transfers)");
  if (at == std::string::npos) return -1;
  auto from = r.output.rfind(' ', at - 1);
  return std::stol(r.output.substr(from + 1, at - from - 1));
}

// /jobs columns in id order.
std::vector<double> by_id(const probe::File& f, const std::string& field) {
  auto id = f.column("/jobs", "id");
  auto v = f.column("/jobs", field);
  std::vector<size_t> order(id.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return id[a] < id[b]; });
  std::vector<double> out;
  for (size_t i : order) out.push_back(v[i]);
  return out;
}

void expect_close(const std::vector<double>& a, const std::vector<double>& b, double abs_tol, double rel_tol,
                  const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  size_t bad = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(a[i]) && std::isnan(b[i])) continue;
    if (!(std::abs(a[i] - b[i]) <= abs_tol + rel_tol * std::abs(b[i]))) {
      if (bad++ < 3) ADD_FAILURE() << what << "[" << i << "]: " << a[i] << " vs " << b[i];
    }
  }
  EXPECT_EQ(bad, 0u) << what;
}

void expect_same_jobs(const std::string& calendar, const std::string& actors, double time_tol) {
  probe::File a(calendar), b(actors);
  for (const char* c : {"id", "units", "priority", "submit_s"})
    expect_close(by_id(a, c), by_id(b, c), 0, 0, c);
  for (const char* c : {"arrive_site_s", "start_s", "end_s", "wait_s", "runtime_s", "work_s"})
    expect_close(by_id(a, c), by_id(b, c), time_tol, 0, c);
  expect_close(by_id(a, "energy_kwh"), by_id(b, "energy_kwh"), time_tol, time_tol > 0 ? 1e-9 : 0, "energy_kwh");
  const std::vector<std::string> status = {"completed", "rejected", "killed", "unfinished"};
  auto sa = a.enum_column("/jobs", "status", status), sb = b.enum_column("/jobs", "status", status);
  std::sort(sa.begin(), sa.end());
  std::sort(sb.begin(), sb.end());
  EXPECT_EQ(sa, sb);
}

}  // namespace

TEST(LocalCalendar, APoolModelTraceAgreesWithTheActors) {
  // Uncapped FCFS pools fed by a trace with no data (its rows override the classes' data sizes).
  runtest::TempDir dir;
  {
    std::ofstream t(dir / "jobs.csv");
    t << "submit_s,class,region,units,runtime_s,input_gb,output_gb\n";
    for (int k = 0; k < 3000; ++k)  // overloaded: a queue forms and drains
      t << k * 20.5 + (k % 7) * 0.125 << "," << (k % 4 ? "training" : "analytics") << "," << (k % 3 ? "rabat" : "laayoune")
        << "," << (k % 4 ? 1 + (k * 7) % 16 : 8 + 8 * (k % 3)) << "," << 600 + (k * 37) % 7200 << ",0,0\n";
  }
  std::ofstream(dir / "s.yaml") << "extends: " << runtest::config("tiny.yaml")
                                << "\nscheduling: {policy: fcfs}\nworkload: {trace: jobs.csv}\n";
  std::string args = dir / "s.yaml";
  auto cal = run(dir, "calendar", args);
  auto act = run(dir, "actors", args + " --engine actors");
  EXPECT_EQ(activities(cal), 0) << "no data moves: no transfer\n" << cal.output;
  expect_same_jobs(cal.path, act.path, 1e-6);
  probe::File a(cal.path), b(act.path);
  EXPECT_GT(a.column("/jobs", "id").size(), 2900u);
  for (const char* s : {"benguerir", "dakhla"})
    for (const char* v : {"it_power_mw", "queued_jobs", "busy_gpus", "grid_import_mw", "battery_soc_mwh"}) {
      std::string p = std::string("/timeseries/sites/") + s + "/" + v;
      expect_close(a.doubles(p), b.doubles(p), 1e-9, 1e-9, p);
    }
}

TEST(LocalCalendar, CappedSitesFailuresAndACutLinkAgreeWithTheActors) {
  // The default year without its data moves, from 20 February to 20 March: Dakhla's power cap
  // throttles and suspends, nodes fail, and the week-long cut into Dakhla (1-8 March) runs as
  // link events placement must respect.
  runtest::TempDir dir;
  std::string args = runtest::config("dakhla-link-cut.yaml") + no_data_sets() +
                     " --set scenario.start=2030-02-20T00:00:00Z --duration 28d --quiet";
  auto cal = run(dir, "calendar", args);
  auto act = run(dir, "actors", args + " --engine actors");
  expect_same_jobs(cal.path, act.path, 1e-6);
  probe::File a(cal.path), b(act.path);
  for (const char* c : {"start_s", "end_s", "duration_s"}) expect_close(a.column("/events", c), b.column("/events", c), 0, 0, c);
  EXPECT_FALSE(a.column("/events", "start_s").empty()) << "the outage is an event";
  for (const char* v : {"it_power_mw", "battery_soc_mwh", "throttle_speed", "queued_jobs", "grid_import_mw"}) {
    std::string p = std::string("/timeseries/sites/dakhla/") + v;
    expect_close(a.doubles(p), b.doubles(p), 1e-6, 1e-9, p);
  }
  // The cap bound: otherwise this would compare nothing the calendar does differently.
  auto speed = a.doubles("/timeseries/sites/dakhla/throttle_speed");
  EXPECT_LT(*std::min_element(speed.begin(), speed.end()), 1.0);
  for (const char* k : {"node_failures", "job_restarts", "capping_episodes"})
    expect_close(a.column("/summary/sites", k), b.column("/summary/sites", k), 0, 0, k);
  EXPECT_GT(a.column("/summary/sites", "node_failures")[1], 0);
}

TEST(LocalCalendar, AScenarioThatMovesDataAgreesWithTheActorsComms) {
  // tiny.yaml moves inputs and outputs: the calendar's fluid flows against SimGrid's comms.
  runtest::TempDir dir;
  std::string args = runtest::config("tiny.yaml") + " --duration 3d";
  auto cal = run(dir, "auto", args);
  auto act = run(dir, "actors", args + " --engine actors");
  EXPECT_GT(activities(cal), 0) << cal.output;
  EXPECT_EQ(activities(cal), activities(act));
  expect_same_jobs(cal.path, act.path, 1e-6);
  probe::File a(cal.path), b(act.path);
  expect_close(by_id(a, "transfer_s"), by_id(b, "transfer_s"), 1e-6, 0, "transfer_s");
}

TEST(LocalCalendar, TheDefaultBackboneUnderLoadAgreesWithTheActorsComms) {
  // A week of the default scenario: thousands of inputs, outputs, checkpoints and replication
  // sharing the festoon and the Atlantic links (weighted by route latency). Every job's transfer
  // and start as with SimGrid's comms.
  runtest::TempDir dir;
  std::string args = runtest::config("morocco-2030.yaml") + " --duration 7d --quiet";
  auto cal = run(dir, "calendar", args);
  auto act = run(dir, "actors", args + " --engine actors");
  probe::File a(cal.path), b(act.path);
  EXPECT_GT(a.column("/jobs", "id").size(), 5000u);
  auto transfer = by_id(a, "transfer_s");
  EXPECT_GT(*std::max_element(transfer.begin(), transfer.end()), 60.0) << "transfers share the links";
  expect_same_jobs(cal.path, act.path, 1e-6);
  expect_close(transfer, by_id(b, "transfer_s"), 1e-6, 0, "transfer_s");
  for (const char* k : {"input_gb", "output_gb", "transfer_mean_s", "latency_misses", "rerouted_jobs"})
    expect_close(a.column("/summary/regions", k), b.column("/summary/regions", k), 1e-6, 1e-9, k);
  // Link loads: the same bytes but for a few 500 GB checkpoints. At a step instant that is also a
  // tick, a job the new cap lets resume restarts its checkpoint count; the actors' SimGrid order
  // sometimes ticks first (the checkpoint due is sent), the calendar resumes first (4 of about
  // 10,000 checkpoints in this week). Within 0.1 % of the week's bytes on each link.
  for (const char* l : {"dakhla-city-dakhla", "laayoune-boujdour", "casablanca-benguerir"}) {
    std::string p = std::string("/timeseries/links/") + l + "/throughput_gbps";
    auto x = a.doubles(p), y = b.doubles(p);
    ASSERT_EQ(x.size(), y.size()) << p;
    double sx = std::accumulate(x.begin(), x.end(), 0.0), sy = std::accumulate(y.begin(), y.end(), 0.0);
    EXPECT_GT(sy, 0) << p;
    EXPECT_NEAR(sx, sy, 1e-3 * sy) << p;
  }
}

TEST(LocalCalendar, TransfersStalledByACutAgreeWithTheActorsComms) {
  // The week-long cut into Dakhla starts on 1 March: the transfers over it (checkpoints and
  // replication to Dakhla, inputs of jobs placed there) are cancelled and stall without a route,
  // and placement sends the region's jobs elsewhere.
  runtest::TempDir dir;
  std::string args = runtest::config("dakhla-link-cut.yaml") + " --set scenario.start=2030-02-28T00:00:00Z --duration 3d";
  auto cal = run(dir, "calendar", args);
  auto act = run(dir, "actors", args + " --engine actors");
  probe::File a(cal.path), b(act.path);
  EXPECT_FALSE(a.column("/events", "start_s").empty()) << "the outage is an event";
  auto stalled = [](const ::Run& r) {  // the summary's count of transfers stalled without a route
    auto at = r.output.find("transfers stalled without a route");
    return at == std::string::npos ? -1L : std::stol(r.output.substr(at + 33));
  };
  EXPECT_GT(stalled(cal), 0) << cal.output;
  EXPECT_EQ(stalled(cal), stalled(act));
  expect_same_jobs(cal.path, act.path, 1e-6);
  expect_close(by_id(a, "transfer_s"), by_id(b, "transfer_s"), 1e-6, 0, "transfer_s");
  for (const char* k : {"rerouted_jobs", "stalled_jobs", "input_gb", "latency_misses"})
    expect_close(a.column("/summary/regions", k), b.column("/summary/regions", k), 0, 0, k);
}

TEST(LocalCalendar, OneTraceRowWithDataMovesIt) {
  runtest::TempDir dir;
  std::ofstream(dir / "jobs.csv") << "submit_s,class,region,units,runtime_s,input_gb,output_gb\n"
                                  << "10,training,laayoune,1,600,0,0\n20,training,rabat,1,600,0,0.5\n";
  std::ofstream(dir / "s.yaml") << "extends: " << runtest::config("tiny.yaml") << "\nworkload: {trace: jobs.csv}\n"
                                << "classes:\n  - {id: training, input: 0GB, output: 0GB}\n"
                                << "  - {id: analytics, input: 0GB, output: 0GB}\n";
  auto r = run(dir, "out", dir / "s.yaml");
  EXPECT_GT(activities(r), 0) << "the second row's output crosses the backbone\n" << r.output;
}

TEST(LocalCalendar, AnUnknownEngineIsABadInput) {
  runtest::TempDir dir;
  auto r = sh(runtest::sovcap() + " run " + runtest::config("tiny.yaml") + " --engine fast -o " + (dir / "x.h5"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("--engine"), std::string::npos) << r.output;
  EXPECT_FALSE(std::ifstream(dir / "x.h5").good());
}
