// The resolved YAML loads back to the same Scenario; describe() shows what matters.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include <set>

#include "scenario_diff.hpp"
#include "simulator/config/keys.hpp"
#include "simulator/config/describe.hpp"
#include "temp_files.hpp"

using namespace sovcap::config;

namespace {

// Loads path, writes its resolved YAML, loads that, and expects the same scenario; returns the
// key-by-key comparison (which declared keys it compared).
KeyComparison expect_round_trip(const std::string& path, const std::vector<std::string>& overrides = {}) {
  cfgtest::TempDir dir;
  auto first = load_scenario(path, overrides);
  auto again_path = dir.write("resolved.yaml", first.resolved_yaml);
  Scenario again;
  try {
    again = load_scenario(again_path);
  } catch (const ConfigError& e) {
    ADD_FAILURE() << "the resolved YAML of " << path << " does not load:\n" << e.what() << "\n" << first.resolved_yaml;
    return {};
  }
  auto diffs = cfgtest::differences(first, again);
  std::string all;
  for (const auto& d : diffs) all += d + "\n";
  EXPECT_TRUE(diffs.empty()) << path << ": fields lost in the resolved YAML:\n" << all;
  EXPECT_EQ(again.resolved_yaml, first.resolved_yaml);
  return compare_scenarios(first, again);
}

// A scenario with values the shipped configs do not use (odd numbers, every distribution, phases,
// outages, a start with an offset).
std::string unusual_scenario(const cfgtest::TempDir& dir) {
  return dir.write("odd.yaml", std::string(cfgtest::kMinimal) +
                                   "    region_weights: {north: 0.1}\n"
                                   "    hourly: [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1.3]\n"
                                   "    deadline: 0.1s\n"
                                   "  - id: tail\n"
                                   "    pool: gpu\n"
                                   "    rate: 0.3333333333333333\n"
                                   "    units: {type: uniform, min: 1, max: 3}\n"
                                   "    runtime: {type: discrete, values: [1min, 2h], weights: [1, 3], clamp_min: 90s}\n"
                                   "  - id: emp\n"
                                   "    rate: 1e-3\n"
                                   "    units: {type: empirical, values: [1, 2.5]}\n"
                                   "    runtime: {type: weibull, shape: 0.7, scale: 3h}\n");
}
const std::vector<std::string> kUnusualOverrides = {
    "sites.alpha.grid.import=12.5MW", "sites.alpha.phases=[{at: 2030-03-01T12:00:00Z, solar: 3MW, grid_import: unlimited}]",
    "sites.alpha.pools.0.mtbf=30d", "sites.alpha.pools.0.mttr=12h", "sites.alpha.climate.monthly_rh=[50,50,50,50,50,50,50,50,50,50,50,42.5]",
    "sites.alpha.tariff.periods=[{name: peak, from: 18, to: 22, price: 0.21}, {from: 22, to: 2, price: 0.05}]",
    "sites.alpha.tariff.subscribed=40MW", "economics.links={north-alpha: {per_km: 25000.5, life: 30}}",
    "network.links.0.latency=3ms", "network.links.0.outages=[{start: 1h, duration: 30min}]",
    "scenario.start=2030-03-01T06:00:00+01:00"};

}  // namespace

TEST(Resolved, RoundTripOfEveryShippedConfig) {
  expect_round_trip(cfgtest::config("tiny.yaml"));
  expect_round_trip(cfgtest::config("morocco-2030.yaml"));
  expect_round_trip(cfgtest::config("dakhla-offgrid.yaml"));
}

TEST(Resolved, RoundTripOfUnusualValues) {
  cfgtest::TempDir dir;
  expect_round_trip(unusual_scenario(dir), kUnusualOverrides);
}

// The round trip compares every declared key (keys.hpp), walked from the declarations: a key declared
// but not reached by compare_scenarios (a new section not walked, a list never filled) fails here.
TEST(Resolved, EveryDeclaredKeyIsCompared) {
  std::set<std::string> compared;
  auto add = [&](const KeyComparison& c) { compared.insert(c.compared.begin(), c.compared.end()); };
  add(expect_round_trip(cfgtest::config("morocco-2030.yaml")));
  {
    cfgtest::TempDir dir;  // after the first round trip, which removes the test's directory when done
    add(expect_round_trip(unusual_scenario(dir), kUnusualOverrides));
  }
  std::string missing;
  size_t leaves = 0;
  for (const auto& k : key_views()) {
    if (k.type == "map" || k.type == "list" || k.by_hand) continue;
    ++leaves;
    if (!compared.count(k.section + "." + k.name)) missing += k.section + "." + k.name + "\n";
  }
  EXPECT_TRUE(missing.empty()) << "declared keys the round trip never compared:\n" << missing;
  EXPECT_GE(leaves, 80u);  // the sites' keys at least
}

TEST(Resolved, RoundTripWithOverridesChangesWhatTheyChange) {
  cfgtest::TempDir dir;
  auto sc = load_scenario(cfgtest::config("tiny.yaml"), {"sites.dakhla.battery.energy=7MWh", "seed=99"});
  auto again = load_scenario(dir.write("r.yaml", sc.resolved_yaml));
  EXPECT_DOUBLE_EQ(again.sites[1].power.battery.energy_mwh, 7);
  EXPECT_EQ(again.seed, 99u);
  EXPECT_TRUE(cfgtest::differences(sc, again).empty());
}

TEST(Morocco2030, TheDefaultScenarioAsDocumented) {
  auto sc = load_scenario(cfgtest::config("morocco-2030.yaml"));
  EXPECT_EQ(sc.start_utc_s, 1893456000);  // 2030-01-01T00:00:00Z (date -u -d 2030-01-01 +%s)
  EXPECT_DOUBLE_EQ(sc.duration_s, 365 * 86400.0);
  EXPECT_DOUBLE_EQ(sc.step_s, 900);
  ASSERT_EQ(sc.sites.size(), 2u);
  const auto& b = sc.sites[0];
  const auto& d = sc.sites[1];
  EXPECT_EQ(b.id, "benguerir");
  EXPECT_TRUE(b.sovereign);
  EXPECT_EQ(d.id, "dakhla");
  // Pool sizing: IT kW / 1.1 headroom / 10.2 kW per DGX node, rounded down.
  EXPECT_EQ(b.pools[0].nodes, static_cast<int>(std::floor(50000 / 1.1 / 10.2)));
  EXPECT_EQ(d.pools[0].nodes, static_cast<int>(std::floor(500000 / 1.1 / 10.2)));
  EXPECT_LE(b.pools[0].nodes * b.pools[0].node_peak_kw / 1000, 50.0);
  EXPECT_LE(d.pools[0].nodes * d.pools[0].node_peak_kw / 1000, 500.0);
  EXPECT_DOUBLE_EQ(b.pools[0].node_peak_kw, 10.2);
  EXPECT_EQ(b.pools[0].units_per_node, 8);
  EXPECT_GT(d.power.solar.capacity_mw, 0);
  EXPECT_GT(d.power.wind.capacity_mw, 0);
  EXPECT_GT(d.power.battery.energy_mwh, 0);
  EXPECT_TRUE(std::isinf(b.power.grid.import_mw) || b.power.grid.import_mw > 50);
  EXPECT_LT(d.power.grid.import_mw, 200);  // a limited link
  EXPECT_GE(b.power.grid.carbon_gco2_per_kwh, 610);
  EXPECT_LE(b.power.grid.carbon_gco2_per_kwh, 630);
  // 12 regions weighted by the RGPH 2024 legal population (thousands): total 36,828,330.
  ASSERT_EQ(sc.regions.size(), 12u);
  double total = 0;
  for (const auto& r : sc.regions) total += r.weight;
  EXPECT_NEAR(total, 36828.330, 1e-6);
  EXPECT_GE(sc.classes.size(), 5u);
  for (const auto& c : sc.classes)
    if (c.id == "public_service") {
      EXPECT_EQ(c.allowed_sites, std::vector<std::string>{"benguerir"});
    }
  // Capitals, the two sites and routers such as Nador.
  bool nador = false;
  for (const auto& n : sc.topology.nodes) nador = nador || n.id == "nador";
  EXPECT_TRUE(nador);
}

TEST(Describe, ShowsSitesPoolsRegionsLinksClassesAndPolicy) {
  auto sc = load_scenario(cfgtest::config("tiny.yaml"));
  auto text = describe(sc);
  for (const char* s : {"scenario tiny", "easy_backfill", "benguerir", "dakhla", "rabat", "laayoune", "rabat-benguerir",
                        "training", "analytics", "192 GPUs", "2 d", "15 min", "lognormal(median 1 h, sigma 0.8)"})
    EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
}

TEST(Describe, HumanDurations) {
  EXPECT_EQ(human_duration(900), "15 min");
  EXPECT_EQ(human_duration(365 * 86400.0), "1 y");
  EXPECT_EQ(human_duration(2 * 86400.0), "2 d");
  EXPECT_EQ(human_duration(90), "90 s");
  EXPECT_EQ(human_duration(5400), "90 min");
  EXPECT_EQ(human_duration(0), "0 s");
}
