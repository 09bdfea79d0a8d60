// Every error path of the loader: message, file, line, column, key path; all errors listed.
#include <gtest/gtest.h>

#include <algorithm>

#include "temp_files.hpp"

using namespace sovcap::config;
using cfgtest::errors_of;
using cfgtest::kMinimal;

namespace {

// kMinimal with line n (1-based) replaced by text (which may hold several lines).
std::string replace_line(int n, const std::string& text) { return cfgtest::replace_line(kMinimal, n, text); }

const Diagnostic* find(const std::vector<Diagnostic>& diags, const std::string& key_path) {
  auto it = std::find_if(diags.begin(), diags.end(), [&](const Diagnostic& d) { return d.key_path == key_path; });
  return it == diags.end() ? nullptr : &*it;
}

std::string all(const std::vector<Diagnostic>& diags) {
  std::string s;
  for (const auto& d : diags) s += d.format() + "\n";
  return s;
}

}  // namespace

TEST(LoaderErrors, MinimalScenarioLoads) {
  cfgtest::TempDir dir;
  auto sc = load_scenario(dir.write("ok.yaml", kMinimal));
  EXPECT_EQ(sc.name, "ok");  // the file's stem by default
  EXPECT_DOUBLE_EQ(sc.duration_s, 86400);
  EXPECT_EQ(sc.sites[0].pools[0].id, "gpu");
  EXPECT_EQ(sc.sites[0].pools[0].units_per_node, 8);
  EXPECT_DOUBLE_EQ(sc.sites[0].pools[0].node_peak_kw, 10.2);
  EXPECT_EQ(sc.topology.links[0].id, "north-alpha");
  EXPECT_DOUBLE_EQ(sc.step_s, 900);
  EXPECT_EQ(sc.start_utc, "2030-01-01T00:00:00Z");
}

TEST(LoaderErrors, UnknownKeyWithSuggestionAtItsPlace) {
  cfgtest::TempDir dir;
  auto path = dir.write("bad.yaml", replace_line(2, "  duraton: 1d"));
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].file, path);
  EXPECT_EQ(diags[0].line, 2);
  EXPECT_EQ(diags[0].column, 3);
  EXPECT_EQ(diags[0].key_path, "scenario.duraton");
  EXPECT_EQ(diags[0].message, "unknown key 'duraton'; did you mean 'duration'?");
  EXPECT_EQ(diags[0].allowed, "keys here: name, start, duration, step, seed");
  EXPECT_EQ(diags[0].format(), path + ":2:3: error: scenario.duraton: unknown key 'duraton'; did you mean 'duration'? "
                                      "(keys here: name, start, duration, step, seed)");
}

TEST(LoaderErrors, UnknownKeyFarFromAnyHasNoSuggestion) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("bad.yaml", std::string(kMinimal) + "colour: blue\n"));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].message, "unknown key 'colour'");
  EXPECT_EQ(diags[0].line, 19);
  EXPECT_EQ(diags[0].column, 1);
}

TEST(LoaderErrors, WrongTypeAndUnitAndRange) {
  cfgtest::TempDir dir;
  auto path = dir.write("bad.yaml", replace_line(5, "    latitude: 95\n    elevation: high"));
  auto diags = errors_of(path);
  auto* lat = find(diags, "sites.alpha.latitude");
  ASSERT_NE(lat, nullptr) << all(diags);
  EXPECT_EQ(lat->line, 5);
  EXPECT_EQ(lat->column, 15);
  EXPECT_EQ(lat->message, "95 is out of range");
  EXPECT_EQ(lat->allowed, "from -90 to 90");
  auto* elev = find(diags, "sites.alpha.elevation");
  ASSERT_NE(elev, nullptr) << all(diags);
  EXPECT_EQ(elev->message, "'high' is not a number");
  EXPECT_EQ(elev->line, 6);

  auto p2 = dir.write("unit.yaml", replace_line(2, "  duration: 2MWh"));
  auto d2 = errors_of(p2);
  ASSERT_EQ(d2.size(), 1u) << all(d2);
  EXPECT_EQ(d2[0].key_path, "scenario.duration");
  EXPECT_EQ(d2[0].message, "'2MWh' is an energy, not a duration");
  EXPECT_EQ(d2[0].allowed, "a duration: a number with ms, s, min, h, d, y; 1y = 365 d");

  auto p3 = dir.write("map.yaml", replace_line(16, "    rate: {per: hour}"));
  auto d3 = errors_of(p3);
  ASSERT_EQ(d3.size(), 1u) << all(d3);
  EXPECT_EQ(d3[0].key_path, "classes.train.rate");
  EXPECT_EQ(d3[0].message, "expected a number, found a map");
  EXPECT_EQ(d3[0].line, 16);
  EXPECT_EQ(d3[0].column, 11);
}

TEST(LoaderErrors, RangesOfFractionsEfficienciesAndCapacities) {
  cfgtest::TempDir dir;
  auto path = dir.write("bad.yaml", std::string(kMinimal) +
                                        "scheduling: {policy: fifo}\n");
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "scheduling.policy");
  EXPECT_EQ(diags[0].message, "unknown value 'fifo'; did you mean 'fcfs'?");
  EXPECT_EQ(diags[0].allowed, "one of fcfs, easy_backfill, easy_backfill_fifo, priority, sjf, carbon_aware");

  auto p2 = dir.write("power.yaml", replace_line(8, "      - {kind: gpu, nodes: 0}\n"
                                                    "    battery: {energy: 10MWh, round_trip_efficiency: 0, soc_min: 1.5}\n"
                                                    "    solar: {capacity: -5MW}\n"
                                                    "    grid: {import: lots}"));
  auto d2 = errors_of(p2);
  auto* nodes = find(d2, "sites.alpha.pools.0.nodes");
  ASSERT_NE(nodes, nullptr) << all(d2);
  EXPECT_EQ(nodes->allowed, "from 1 to 10000000");
  auto* eff = find(d2, "sites.alpha.battery.round_trip_efficiency");
  ASSERT_NE(eff, nullptr) << all(d2);
  EXPECT_EQ(eff->allowed, "> 0 and <= 1");
  auto* soc = find(d2, "sites.alpha.battery.soc_min");
  ASSERT_NE(soc, nullptr) << all(d2);
  EXPECT_EQ(soc->allowed, "from 0 to 1");
  auto* solar = find(d2, "sites.alpha.solar.capacity");
  ASSERT_NE(solar, nullptr) << all(d2);
  EXPECT_EQ(solar->message, "-5MW is out of range");
  EXPECT_EQ(solar->allowed, ">= 0");
  auto* grid = find(d2, "sites.alpha.grid.import");
  ASSERT_NE(grid, nullptr) << all(d2);
  EXPECT_NE(grid->allowed.find("or unlimited"), std::string::npos);
}

TEST(LoaderErrors, EveryErrorIsListedNotOnlyTheFirst) {
  cfgtest::TempDir dir;
  std::string text = replace_line(2, "  duraton: 1d\n  step: -5min");
  text += "classes_x: 1\n";
  auto diags = errors_of(dir.write("bad.yaml", text));
  ASSERT_EQ(diags.size(), 3u) << all(diags);
  // In file order.
  EXPECT_EQ(diags[0].key_path, "scenario.duraton");
  EXPECT_EQ(diags[1].key_path, "scenario.step");
  EXPECT_EQ(diags[1].line, 3);
  EXPECT_EQ(diags[1].message, "-5min is out of range");
  EXPECT_EQ(diags[1].allowed, "> 0");
  EXPECT_EQ(diags[2].key_path, "classes_x");
  EXPECT_EQ(diags[2].message, "unknown key 'classes_x'; did you mean 'classes'?");
}

TEST(LoaderErrors, MissingRequiredKeys) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("bad.yaml", replace_line(5, "    name: no latitude")));
  auto* lat = find(diags, "sites.alpha.latitude");
  ASSERT_NE(lat, nullptr) << all(diags);
  EXPECT_EQ(lat->message, "missing required key 'latitude'");
  EXPECT_EQ(lat->line, 4);  // the site's map starts at its first key
  EXPECT_EQ(lat->column, 5);
}

TEST(LoaderErrors, YamlSyntaxErrorNamesItsPlace) {
  cfgtest::TempDir dir;
  auto path = dir.write("bad.yaml", "scenario:\n  duration: [1d\nsites: x\n");
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].file, path);
  EXPECT_GE(diags[0].line, 2);
  EXPECT_NE(diags[0].message.find("YAML syntax"), std::string::npos);
}

TEST(LoaderErrors, UnreadableFileIsADiagnostic) {
  cfgtest::TempDir dir;
  auto path = dir.path("nope.yaml");
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].file, path);
  EXPECT_EQ(diags[0].line, 0);
  EXPECT_EQ(diags[0].format(), path + ": error: cannot read the file: No such file or directory");
  auto dir_diags = errors_of(cfgtest::config(""));
  ASSERT_EQ(dir_diags.size(), 1u);
  EXPECT_EQ(dir_diags[0].message, "cannot read the file: it is a directory");
}

TEST(LoaderErrors, DuplicateIdsAndDuplicateKeys) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("bad.yaml", replace_line(10, "  - {id: north, latitude: 34, longitude: -6}\n"
                                                                "  - {id: north, latitude: 33, longitude: -7}")));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].message, "duplicate region id 'north'");
  EXPECT_EQ(diags[0].line, 11);
  EXPECT_EQ(diags[0].column, 10);
  EXPECT_EQ(diags[0].allowed, "each region id once; the first is regions.north");

  auto d2 = errors_of(dir.write("dupkey.yaml", replace_line(6, "    longitude: -7\n    longitude: -8")));
  ASSERT_EQ(d2.size(), 1u) << all(d2);
  EXPECT_EQ(d2[0].message, "duplicate key");
  EXPECT_EQ(d2[0].line, 7);
}

TEST(LoaderErrors, ReferencesToUnknownIds) {
  cfgtest::TempDir dir;
  std::string text = replace_line(13, "    - {a: nort, b: alpha}");
  text = text.substr(0, text.find("classes:")) + "classes:\n  - id: train\n    rate: 2\n    allowed_sites: [alpah]\n"
         "    units: {type: constant, value: 8}\n    runtime: {type: exponential, mean: 1h}\n";
  text += "    region_weights: {north: 1, sahara: 2}\n";
  auto path = dir.write("bad.yaml", text);
  auto diags = errors_of(path);
  auto* link = find(diags, "network.links.0.a");
  ASSERT_NE(link, nullptr) << all(diags);
  EXPECT_EQ(link->message, "unknown node 'nort'; did you mean 'north'?");
  EXPECT_EQ(link->line, 13);
  EXPECT_EQ(link->column, 11);
  auto* site = find(diags, "classes.train.allowed_sites.0");
  ASSERT_NE(site, nullptr) << all(diags);
  EXPECT_EQ(site->message, "unknown site 'alpah'; did you mean 'alpha'?");
  EXPECT_EQ(site->line, 17);
  auto* region = find(diags, "classes.train.region_weights.sahara");
  ASSERT_NE(region, nullptr) << all(diags);
  EXPECT_EQ(region->message, "unknown region 'sahara'");

  auto d2 = errors_of(dir.write("node.yaml", replace_line(10, "  - {id: north, latitude: 34, longitude: -6, node: alpah}")));
  auto* node = find(d2, "regions.north.node");
  ASSERT_NE(node, nullptr) << all(d2);
  EXPECT_EQ(node->message, "unknown node 'alpah'; did you mean 'alpha'?");
  EXPECT_EQ(node->line, 10);

  auto d3 = errors_of(dir.write("sitenode.yaml", replace_line(4, "  - id: alpha\n    node: hub")));
  auto* sn = find(d3, "sites.alpha.node");
  ASSERT_NE(sn, nullptr) << all(d3);
  EXPECT_EQ(sn->message, "unknown node 'hub'");
}

TEST(LoaderErrors, RegionThatCannotReachAnySite) {
  cfgtest::TempDir dir;
  std::string text = replace_line(10, "  - {id: north, latitude: 34, longitude: -6}\n"
                                      "  - {id: island, latitude: 28, longitude: -16}");
  auto diags = errors_of(dir.write("bad.yaml", text));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "regions.island");
  EXPECT_EQ(diags[0].message, "region 'island' (node 'island') cannot reach any site over network.links");
  EXPECT_EQ(diags[0].line, 11);
}

TEST(LoaderErrors, ClassWithoutAPoolToRunOn) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("bad.yaml", std::string(kMinimal) + "    pool: cpu\n"));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "classes.train.pool");
  EXPECT_EQ(diags[0].message, "no site has a cpu pool");
}

TEST(LoaderErrors, DistributionParametersByType) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("bad.yaml", replace_line(18, "    runtime: {type: lognormal, mean: 1h, sigma: 1}")));
  auto* mean = find(diags, "classes.train.runtime.mean");
  ASSERT_NE(mean, nullptr) << all(diags);
  EXPECT_EQ(mean->message, "unknown key 'mean'; did you mean 'median'?");
  auto* median = find(diags, "classes.train.runtime.median");
  ASSERT_NE(median, nullptr) << all(diags);
  EXPECT_EQ(median->message, "missing required key 'median'");

  auto d2 = errors_of(dir.write("disc.yaml", replace_line(17, "    units: {type: discrete, values: [1, 2], weights: [1]}")));
  ASSERT_EQ(d2.size(), 1u) << all(d2);
  EXPECT_EQ(d2[0].message, "1 weights for 2 values");
}

TEST(LoaderErrors, FlexibleClassNeedsADeadline) {
  cfgtest::TempDir dir;
  auto diags = errors_of(dir.write("bad.yaml", std::string(kMinimal) + "    flexible: true\n"));
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "classes.train.deadline");
}

TEST(LoaderErrors, NodeFailuresNeedARepairTimeAndMinSpeedIsAFraction) {
  cfgtest::TempDir dir;
  auto path = dir.write("fail.yaml", replace_line(8, "      - {kind: gpu, nodes: 4, mtbf: 100d}"));
  auto diags = errors_of(path);
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].line, 8);
  EXPECT_EQ(diags[0].key_path, "sites.alpha.pools.0.mttr");
  EXPECT_EQ(diags[0].message, "nodes that fail need a repair time");
  auto slow = dir.write("slow.yaml", replace_line(8, "      - {kind: gpu, nodes: 4, min_speed: 0}"));
  diags = errors_of(slow);
  ASSERT_EQ(diags.size(), 1u) << all(diags);
  EXPECT_EQ(diags[0].key_path, "sites.alpha.pools.0.min_speed");
  auto ok = load_scenario(dir.write("ok.yaml", replace_line(8, "      - {kind: gpu, nodes: 4, mtbf: 100d, mttr: 6h, min_speed: 0.3}")));
  EXPECT_DOUBLE_EQ(ok.sites[0].pools[0].node_mtbf_s, 100 * 86400.0);
  EXPECT_DOUBLE_EQ(ok.sites[0].pools[0].node_mttr_s, 6 * 3600.0);
  EXPECT_DOUBLE_EQ(ok.sites[0].pools[0].min_speed, 0.3);
}
