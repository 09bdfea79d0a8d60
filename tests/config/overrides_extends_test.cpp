// Command-line overrides and `extends`: merging rules, places of errors, cycles.
#include <gtest/gtest.h>

#include <cmath>

#include "temp_files.hpp"

using namespace sovcap::config;
using cfgtest::errors_of;
using cfgtest::kMinimal;

TEST(Overrides, ByIndexAndById) {
  auto tiny = cfgtest::config("tiny.yaml");
  auto sc = load_scenario(tiny, {"sites.0.pools.1.nodes=100", "sites.dakhla.battery.energy=2000MWh",
                                 "regions.laayoune.weight=5", "network.links.rabat-benguerir.bandwidth=1Tbps"});
  EXPECT_EQ(sc.sites[0].pools[1].nodes, 100);
  EXPECT_DOUBLE_EQ(sc.sites[1].power.battery.energy_mwh, 2000);
  EXPECT_DOUBLE_EQ(sc.regions[1].weight, 5);
  EXPECT_DOUBLE_EQ(sc.topology.links[0].bandwidth_gbps, 1000);
  // Untouched values keep the file's.
  auto base = load_scenario(tiny);
  EXPECT_EQ(sc.sites[0].pools[0].nodes, base.sites[0].pools[0].nodes);
  EXPECT_DOUBLE_EQ(sc.sites[1].power.battery.charge_mw, base.sites[1].power.battery.charge_mw);
}

TEST(Overrides, ValuesAreYamlAndMayAddKeysAndSections) {
  auto sc = load_scenario(cfgtest::config("tiny.yaml"),
                          {"classes.training.allowed_sites=[dakhla]", "sites.benguerir.wind={capacity: 3MW}",
                           "scheduling.policy=sjf"});
  EXPECT_EQ(sc.classes[0].allowed_sites, std::vector<std::string>{"dakhla"});
  EXPECT_DOUBLE_EQ(sc.sites[0].power.wind.capacity_mw, 3);
  EXPECT_EQ(sc.scheduling.policy, sovcap::scheduling::QueuePolicy::sjf);
}

TEST(Overrides, SeedAndDurationAreTopLevelShortcuts) {
  auto sc = load_scenario(cfgtest::config("tiny.yaml"), {"seed=7", "duration=30d"});
  EXPECT_EQ(sc.seed, 7u);
  EXPECT_DOUBLE_EQ(sc.duration_s, 30 * 86400.0);
  auto big = load_scenario(cfgtest::config("tiny.yaml"), {"seed=18446744073709551615"});
  EXPECT_EQ(big.seed, 18446744073709551615ull);
}

TEST(Overrides, UnknownKeyIsAnErrorAtSet) {
  auto diags = errors_of(cfgtest::config("tiny.yaml"), {"scenario.sed=3"});
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].file, "--set");
  EXPECT_EQ(diags[0].line, 1);
  EXPECT_EQ(diags[0].column, 10);  // where "sed" starts in the override
  EXPECT_EQ(diags[0].key_path, "scenario.sed");
  EXPECT_EQ(diags[0].message, "unknown key 'sed'; did you mean 'seed'?");
}

TEST(Overrides, BadValueMissingItemAndMalformed) {
  auto tiny = cfgtest::config("tiny.yaml");
  auto bad_value = errors_of(tiny, {"sites.dakhla.latitude=north"});
  ASSERT_EQ(bad_value.size(), 1u);
  EXPECT_EQ(bad_value[0].file, "--set");
  EXPECT_EQ(bad_value[0].column, 23);
  EXPECT_EQ(bad_value[0].key_path, "sites.dakhla.latitude");

  auto missing = errors_of(tiny, {"sites.tanger.solar.capacity=1MW"});
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].message, "no list item with index or id 'tanger'");
  EXPECT_EQ(missing[0].column, 7);
  auto index = errors_of(tiny, {"sites.5.solar.capacity=1MW"});
  ASSERT_EQ(index.size(), 1u);
  EXPECT_EQ(index[0].allowed, "an index from 0 to 2 (exclusive) or an item's id");

  auto malformed = errors_of(tiny, {"scenario.seed"});
  ASSERT_EQ(malformed.size(), 1u);
  EXPECT_EQ(malformed[0].message, "malformed override 'scenario.seed'");
  auto through = errors_of(tiny, {"scenario.seed.x=1"});
  ASSERT_EQ(through.size(), 1u);
  EXPECT_EQ(through[0].message, "'scenario.seed' is a single value; it has no key 'x'");
  auto syntax = errors_of(tiny, {"scenario.seed=[1"});
  ASSERT_EQ(syntax.size(), 1u);
  EXPECT_NE(syntax[0].message.find("YAML syntax"), std::string::npos);
}

TEST(Extends, MapsMergeListsWithIdsMergeByIdOtherListsReplace) {
  cfgtest::TempDir dir;
  dir.write("base.yaml", kMinimal);
  auto child = dir.write("child.yaml",
                         "extends: base.yaml\n"
                         "scenario: {seed: 9}\n"
                         "sites:\n"
                         "  - id: alpha\n"
                         "    battery: {energy: 40MWh}\n"
                         "  - id: beta\n"
                         "    latitude: 30\n"
                         "    longitude: -9\n"
                         "    pools: [{kind: gpu, nodes: 2}]\n"
                         "network:\n"
                         "  links:\n"
                         "    - {a: north, b: alpha}\n"
                         "    - {a: north, b: beta}\n"
                         "classes:\n"
                         "  - id: train\n"
                         "    allowed_sites: [beta]\n");
  auto sc = load_scenario(child);
  EXPECT_EQ(sc.name, "child");
  EXPECT_EQ(sc.seed, 9u);
  EXPECT_DOUBLE_EQ(sc.duration_s, 86400);  // from the base's scenario map
  ASSERT_EQ(sc.sites.size(), 2u);
  EXPECT_EQ(sc.sites[0].id, "alpha");
  EXPECT_DOUBLE_EQ(sc.sites[0].power.battery.energy_mwh, 40);   // merged into the base's alpha
  EXPECT_DOUBLE_EQ(sc.sites[0].power.location.latitude_deg, 32);  // kept from the base
  EXPECT_EQ(sc.sites[1].id, "beta");                            // appended
  // Links have no ids in the file: the list is replaced, not merged.
  ASSERT_EQ(sc.topology.links.size(), 2u);
  EXPECT_EQ(sc.topology.links[1].id, "north-beta");
  EXPECT_EQ(sc.classes[0].allowed_sites, std::vector<std::string>{"beta"});
  EXPECT_DOUBLE_EQ(sc.classes[0].rate_per_h, 2);  // kept from the base
}

TEST(Extends, ErrorsNameTheFileTheyAreIn) {
  cfgtest::TempDir dir;
  auto base = dir.write("base.yaml", std::string(kMinimal) + "colour: red\n");
  auto child = dir.write("child.yaml", "extends: base.yaml\nscenario:\n  duraton: 2d\n");
  auto diags = errors_of(child);
  ASSERT_EQ(diags.size(), 2u);
  EXPECT_EQ(diags[0].file, base);
  EXPECT_EQ(diags[0].line, 19);
  EXPECT_EQ(diags[1].file, child);
  EXPECT_EQ(diags[1].line, 3);
  EXPECT_EQ(diags[1].message, "unknown key 'duraton'; did you mean 'duration'?");
}

TEST(Extends, CyclesAreReported) {
  cfgtest::TempDir dir;
  auto a = dir.write("a.yaml", "extends: b.yaml\n");
  dir.write("b.yaml", "extends: a.yaml\n");
  auto diags = errors_of(a);
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags[0].file, dir.path("b.yaml"));
  EXPECT_EQ(diags[0].line, 1);
  EXPECT_EQ(diags[0].column, 10);
  EXPECT_EQ(diags[0].message, "a config that includes itself: a.yaml -> b.yaml -> a.yaml");

  auto self = dir.write("self.yaml", "extends: ./self.yaml\n");
  auto d2 = errors_of(self);
  ASSERT_FALSE(d2.empty());
  EXPECT_EQ(d2[0].message, "a config that includes itself: self.yaml -> self.yaml");
}

TEST(Extends, MissingBaseIsReportedAtTheExtendsKey) {
  cfgtest::TempDir dir;
  auto child = dir.write("child.yaml", "# comment\nextends: nowhere.yaml\n");
  auto diags = errors_of(child);
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags[0].file, child);
  EXPECT_EQ(diags[0].line, 2);
  EXPECT_EQ(diags[0].key_path, "extends");
  EXPECT_NE(diags[0].message.find("cannot read"), std::string::npos);
}

TEST(Extends, DakhlaOffgridChangesOnlyDakhlasImport) {
  auto off = load_scenario(cfgtest::config("dakhla-offgrid.yaml"));
  auto base = load_scenario(cfgtest::config("morocco-2030.yaml"));
  EXPECT_EQ(off.name, "dakhla-offgrid");
  ASSERT_EQ(off.sites.size(), base.sites.size());
  EXPECT_EQ(off.sites[1].id, "dakhla");
  EXPECT_EQ(off.sites[1].power.grid.import_mw, 0);
  EXPECT_EQ(off.sites[0].power.grid.import_mw, base.sites[0].power.grid.import_mw);
  EXPECT_EQ(off.sites[1].power.solar.capacity_mw, base.sites[1].power.solar.capacity_mw);
  EXPECT_EQ(off.classes.size(), base.classes.size());
}

TEST(Extends, AMapOfAnotherTypeOrModelReplacesTheBasesMap) {
  // tiny.yaml's training units are discrete and analytics' runtime exponential; Dakhla cools
  // freely and Benguerir at a constant PUE. A child that changes the kind writes only the new
  // kind's keys: the base's (values, weights, mean, pue) must not be merged into it.
  cfgtest::TempDir dir;
  auto child = dir.write("child.yaml", "extends: " + cfgtest::config("tiny.yaml") +
                                           "\nclasses:\n"
                                           "  - id: training\n    units: {type: constant, value: 4}\n"
                                           "  - id: analytics\n    runtime: {type: uniform, min: 10min, max: 1h}\n"
                                           "sites:\n"
                                           "  - id: benguerir\n    cooling: {model: free_cooling}\n"
                                           "  - id: dakhla\n    cooling: {model: constant, pue: 1.25}\n");
  auto sc = load_scenario(child);
  EXPECT_EQ(sc.classes[0].units.type, sovcap::workload::DistributionSpec::Type::constant);
  EXPECT_DOUBLE_EQ(sc.classes[0].units.value, 4);
  EXPECT_EQ(sc.classes[1].runtime_s.type, sovcap::workload::DistributionSpec::Type::uniform);
  EXPECT_DOUBLE_EQ(sc.classes[1].runtime_s.max, 3600);
  auto base = load_scenario(cfgtest::config("tiny.yaml"));
  EXPECT_NE(sc.sites[0].power.cooling.model, base.sites[0].power.cooling.model);
  EXPECT_NE(sc.sites[1].power.cooling.model, base.sites[1].power.cooling.model);
  // Same kind: still merged key by key (the base's clamp_max stays).
  auto same = dir.write("same.yaml", "extends: " + cfgtest::config("tiny.yaml") +
                                         "\nclasses:\n  - id: training\n    runtime: {type: lognormal, median: 2h}\n");
  auto sm = load_scenario(same);
  EXPECT_DOUBLE_EQ(sm.classes[0].runtime_s.median, 7200);
  EXPECT_DOUBLE_EQ(sm.classes[0].runtime_s.clamp_max, base.classes[0].runtime_s.clamp_max);
}
