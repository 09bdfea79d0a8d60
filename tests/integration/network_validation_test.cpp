// The backbone in the engine against closed forms (docs/network.md, "Validation"):
// a transfer alone takes latency + size / bandwidth; two sharing a bottleneck
// get half each; a link failure moves a transfer to the backup route with its
// remaining bytes; a region that cannot reach any site is bad input.
// Jobs come from a CSV trace on configs/tiny.yaml's network (rabat -100G-
// benguerir -40G- laayoune -40G- dakhla), so only the test's transfers move.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>

#include "tests/common/h5_probe.hpp"
#include "run_helpers.hpp"

namespace {

using runtest::TempDir;

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// A scenario extending tiny.yaml with `extra` YAML appended and the trace rows given.
std::string scenario(const TempDir& dir, const std::string& rows, const std::string& extra = "") {
  write(dir / "trace.csv", "submit_s,class,region,units,runtime_s,requested_s,input_gb,output_gb\n" + rows);
  std::string cfg = dir / "net.yaml";
  write(cfg, "extends: " + runtest::config("tiny.yaml") + "\nscenario: {duration: 1h}\nworkload: {trace: " +
                 (dir / "trace.csv") + "}\n" + extra);
  return cfg;
}

std::string run(const TempDir& dir, const std::string& cfg) {
  std::string out = dir / "out.h5";
  auto r = runtest::sh(runtest::sovcap() + " run " + cfg + " -o " + out + " --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return out;
}

// One-way latency of a topology link, from /topology/links (row by link order in the config).
double link_latency(probe::File& f, size_t row) { return f.column("/topology/links", "latency_s").at(row); }

constexpr double GB = 1e9;

TEST(NetworkValidation, TransferAloneTakesLatencyPlusSizeOverBandwidth) {
  TempDir dir;
  probe::File f(run(dir, scenario(dir, "0,training,rabat,1,600,,10,0\n")));
  auto transfer = f.column("/jobs", "transfer_s");
  ASSERT_EQ(transfer.size(), 1u);
  double expected = link_latency(f, 0) + 10 * GB * 8 / 100e9;  // rabat-benguerir, 100 Gbps
  EXPECT_NEAR(transfer[0], expected, 0.01 * expected);
}

TEST(NetworkValidation, TwoTransfersShareTheBottleneckFairly) {
  TempDir dir;
  probe::File f(run(dir, scenario(dir, "0,training,rabat,1,600,,10,0\n0,training,rabat,1,600,,10,0\n")));
  auto transfer = f.column("/jobs", "transfer_s");
  ASSERT_EQ(transfer.size(), 2u);
  double expected = link_latency(f, 0) + 2 * 10 * GB * 8 / 100e9;  // each at half of 100 Gbps
  for (double t : transfer) EXPECT_NEAR(t, expected, 0.01 * expected);
}

TEST(NetworkValidation, FailedLinkReroutesTheRemainingBytes) {
  TempDir dir;
  // A backup from rabat to laayoune; rabat-benguerir fails 2 s into a 100 GB transfer.
  std::string extra =
      "network:\n  links:\n"
      "    - {id: rabat-benguerir, a: rabat, b: benguerir, bandwidth: 100Gbps, outages: [{start: 2s, duration: 1h}]}\n"
      "    - {id: rabat-laayoune, a: rabat, b: laayoune, bandwidth: 100Gbps}\n";
  probe::File f(run(dir, scenario(dir, "0,training,rabat,1,600,,100,0\n", extra)));
  auto transfer = f.column("/jobs", "transfer_s");
  ASSERT_EQ(transfer.size(), 1u);
  // Links in config order: 0 rabat-benguerir, 1 benguerir-laayoune, 2 laayoune-dakhla, 3 rabat-laayoune.
  double l0 = link_latency(f, 0), l1 = link_latency(f, 1), l3 = link_latency(f, 3);
  const double t_fail = 2.0;
  double remaining = 100 * GB - (t_fail - l0) * 100e9 / 8;       // sent at 100 Gbps after the latency
  double expected = t_fail + l3 + l1 + remaining / (40e9 / 8);   // backup: rabat-laayoune-benguerir, 40 Gbps
  double unharmed = l0 + 100 * GB * 8 / 100e9;
  EXPECT_NEAR(transfer[0], expected, 0.01 * expected);
  // Later than without the failure by the remaining bytes' slower crossing and the longer route.
  double delay = remaining / (40e9 / 8) - remaining / (100e9 / 8) + l3 + l1 - l0;
  EXPECT_NEAR(transfer[0] - unharmed, delay, 0.01 * delay);
  // The outage is in the up series and in /events.
  auto up = f.doubles("/timeseries/links/rabat-benguerir/up");
  ASSERT_FALSE(up.empty());
  EXPECT_EQ(up[0], 0.0);
  auto start = f.column("/events", "start_s");
  ASSERT_EQ(start.size(), 1u);
  EXPECT_DOUBLE_EQ(start[0], t_fail);
}

TEST(NetworkValidation, UnreachableRegionIsRejectedWithItsPlace) {
  TempDir dir;
  std::string cfg = dir / "island.yaml";
  write(cfg, "extends: " + runtest::config("tiny.yaml") +
                 "\nregions:\n  - {id: island, name: Island, latitude: 30, longitude: -12}\n");
  auto r = runtest::sh(runtest::sovcap() + " check " + cfg);
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_NE(r.output.find("island.yaml:3:5: error: regions.island"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("cannot reach any site"), std::string::npos) << r.output;
}

TEST(NetworkValidation, CutOffRegionStallsAndResumesWithItsRemainingBytes) {
  TempDir dir;
  // Both of laayoune's links down from 2 s for 100 s: the region reaches no site.
  std::string extra =
      "network:\n  links:\n"
      "    - {id: benguerir-laayoune, a: benguerir, b: laayoune, bandwidth: 40Gbps, outages: [{start: 2s, duration: 100s}]}\n"
      "    - {id: laayoune-dakhla, a: laayoune, b: dakhla, bandwidth: 40Gbps, outages: [{start: 2s, duration: 100s}]}\n";
  probe::File f(run(dir, scenario(dir, "0,training,laayoune,1,600,,100,0\n", extra)));
  auto transfer = f.column("/jobs", "transfer_s");
  ASSERT_EQ(transfer.size(), 1u);
  // Nearest site of laayoune: whichever of its two links is shorter.
  double l1 = link_latency(f, 1), l2 = link_latency(f, 2);
  double lat = std::min(l1, l2);
  double remaining = 100 * GB - (2.0 - lat) * 40e9 / 8;
  double expected = 102.0 + lat + remaining / (40e9 / 8);  // stalled 100 s, then the rest on the same route
  EXPECT_NEAR(transfer[0], expected, 0.01 * expected);
  auto cutoff = f.column("/summary/regions", "cutoff_s");
  ASSERT_EQ(cutoff.size(), 2u);  // rabat, laayoune
  EXPECT_DOUBLE_EQ(cutoff[0], 0.0);
  EXPECT_NEAR(cutoff[1], 100.0, 1e-6);
  auto stalled = f.column("/summary/regions", "stalled_jobs");
  EXPECT_EQ(stalled[1], 1.0);
}

}  // namespace

TEST(NetworkValidation, TransfersInFlightAtTheHorizonEndQuietlyAsUnfinished) {
  // 40 transfers of 2 TB from Rabat to Dakhla in a 1 h run: 16 in flight share the 40 Gbps links
  // (2.5 Gbps each: 6,400 s for 2 TB), so none lands and the 16 are cancelled at the horizon. Their
  // waiters must not restart them (SimGrid then printed a backtrace for each comm destroyed while
  // running), and every job is unfinished.
  TempDir dir;
  std::string rows;
  for (int i = 0; i < 40; ++i) rows += std::to_string(i) + ",training,rabat,1,60,,2000,0\n";
  auto cfg = scenario(dir, rows, "classes:\n  - {id: training, allowed_sites: [dakhla]}\n");
  std::string out = dir / "out.h5";
  auto r = runtest::sh(runtest::sovcap() + " run " + cfg + " -o " + out + " --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  // Nothing from SimGrid.
  EXPECT_EQ(r.output.find("Backtrace"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("Comm"), std::string::npos) << r.output;
  probe::File f(out);
  auto status = f.enum_column("/jobs", "status", {"completed", "rejected", "killed", "unfinished"});
  ASSERT_EQ(status.size(), 40u);
  EXPECT_EQ(std::count(status.begin(), status.end(), 3), 40);
}
