// The scenario keys' declarations (simulator/config/keys_*.cpp): well formed, the readers' allowed
// keys and defaults taken from them, and docs/config.md's key tables equal to what they generate.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "simulator/config/key_io.hpp"
#include "simulator/config/key_printer.hpp"
#include "simulator/config/keys_economics.hpp"
#include "simulator/config/keys_network.hpp"
#include "simulator/config/keys_scenario.hpp"
#include "simulator/config/keys_sites.hpp"
#include "simulator/config/loader.hpp"
#include "temp_files.hpp"

using namespace sovcap::config;

namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Sections that maps or lists name but whose keys are still read by hand.
const std::set<std::string> kHandRead = {};

// Every key left out of a map takes the model's default (the field of a default-made struct),
// unless its declaration says otherwise.
template <class T>
void expect_model_defaults(KeyTable<T> table, const T& loaded) {
  T model;  // default-made
  for (const auto& k : table)
    if (k.is_leaf() && k.def == nullptr) {
      EXPECT_EQ(value_text(k, loaded), value_text(k, model)) << table.section << "." << k.name;
    }
}

}  // namespace

TEST(KeyDeclarations, NamesAreUniqueAndEveryKeyIsDescribed) {
  std::set<std::string> seen, sections;
  for (const auto& s : key_sections()) sections.insert(s);
  for (const auto& k : key_views()) {
    EXPECT_TRUE(seen.insert(k.section + "." + k.name).second) << k.section << "." << k.name << " declared twice";
    EXPECT_FALSE(k.meaning.empty()) << k.section << "." << k.name;
    EXPECT_FALSE(k.unit.empty()) << k.section << "." << k.name;
    EXPECT_FALSE(k.def.empty()) << k.section << "." << k.name;
    if (!k.nested.empty()) {
      EXPECT_TRUE(sections.count(k.nested) || kHandRead.count(k.nested)) << k.nested << " names a section no table declares";
    }
  }
}

TEST(KeyDeclarations, ConfigDocTablesAreTheDeclarations) {
  std::string doc = read_all(std::string(SOVCAP_SOURCE_DIR) + "/docs/config.md");
  ASSERT_FALSE(doc.empty()) << "docs/config.md";
  for (const auto& s : key_sections()) {
    std::string open = "<!-- keys:" + s + " -->\n", close = "<!-- /keys:" + s + " -->";
    auto a = doc.find(open), b = doc.find(close);
    ASSERT_NE(a, std::string::npos) << "docs/config.md has no table for " << s << " (run tools/update-config-doc)";
    ASSERT_NE(b, std::string::npos) << s;
    EXPECT_EQ(doc.substr(a + open.size(), b - a - open.size()), format_keys_markdown(s))
        << "docs/config.md's table of " << s << " differs from the declarations: run tools/update-config-doc";
  }
}

TEST(KeyDeclarations, SchemaJsonListsEveryKey) {
  std::string json = format_keys_json();
  for (const auto& k : key_views())
    EXPECT_NE(json.find("\"section\": \"" + k.section + "\", \"name\": \"" + k.name + "\""), std::string::npos)
        << k.section << "." << k.name;
}

TEST(KeyDeclarations, KeysLeftOutTakeTheModelsDefaults) {
  cfgtest::TempDir dir;
  auto sc = load_scenario(dir.write("s.yaml", cfgtest::kMinimal));
  const auto& s = sc.sites.at(0);
  expect_model_defaults(site_keys(), s);
  expect_model_defaults(solar_keys(), s.power.solar);
  expect_model_defaults(wind_keys(), s.power.wind);
  expect_model_defaults(climate_keys(), s.power.climate);
  expect_model_defaults(cooling_keys(), s.power.cooling);
  expect_model_defaults(battery_keys(), s.power.battery);
  expect_model_defaults(grid_keys(), s.power.grid);
  expect_model_defaults(pool_keys(), s.pools.at(0));
  expect_model_defaults(tariff_keys(), s.tariff);
  expect_model_defaults(water_keys(), s.water);
  expect_model_defaults(desalination_keys(), s.water.desal);
  expect_model_defaults(scheduling_keys(), sc.scheduling);
  expect_model_defaults(network_keys(), sc);
  expect_model_defaults(replication_keys(), sc);
  expect_model_defaults(swf_keys(), sc);
  expect_model_defaults(economics_keys(), sc.economics);
  expect_model_defaults(region_keys(), sc.regions.at(0));
  expect_model_defaults(class_keys(), sc.classes.at(0));
  expect_model_defaults(link_keys(), sc.topology.links.at(0));
  // The derived defaults, as the declarations say them.
  EXPECT_EQ(s.name, s.id);
  EXPECT_EQ(s.pools.at(0).id, "gpu");
  EXPECT_EQ(s.pools.at(0).units_per_node, 8);
  auto cpu = load_scenario(dir.write("c.yaml", cfgtest::kMinimal),
                           {"sites.alpha.pools=[{kind: gpu, nodes: 4}, {kind: cpu, nodes: 2}]", "sites.alpha.battery.energy=8MWh"});
  EXPECT_EQ(cpu.sites[0].pools.at(1).id, "cpu");
  EXPECT_EQ(cpu.sites[0].pools[1].units_per_node, 128);
  EXPECT_DOUBLE_EQ(cpu.sites[0].pools[1].node_peak_kw, 1.0);
  EXPECT_DOUBLE_EQ(cpu.sites[0].pools[1].node_idle_kw, 0.3);
  EXPECT_DOUBLE_EQ(cpu.sites[0].power.battery.charge_mw, 2);
}

// The reader's allowed keys are the declared ones, in declared order.
TEST(KeyDeclarations, AnUnknownKeyListsTheDeclaredKeys) {
  cfgtest::TempDir dir;
  auto diags = cfgtest::errors_of(dir.write("s.yaml", cfgtest::kMinimal), {"sites.alpha.wind.cutin=2"});
  ASSERT_EQ(diags.size(), 1u);
  std::string keys;
  for (const auto& k : wind_keys()) keys += (keys.empty() ? "" : ", ") + std::string(k.name);
  EXPECT_EQ(diags[0].allowed, "keys here: " + keys);
  EXPECT_NE(diags[0].message.find("did you mean 'cut_in'"), std::string::npos) << diags[0].message;
}

// A number declared with a bounded range is checked against it, and the message says the declared
// range: every such key of a site's maps, one past its upper end.
template <class T>
void expect_declared_ranges(const std::string& part, KeyTable<T> table) {
  cfgtest::TempDir dir;
  for (const auto& k : table) {
    if (k.type != KeyType::number || !std::isfinite(k.range.hi)) continue;
    const std::string path = "sites.alpha." + part + "." + k.name;
    auto diags = cfgtest::errors_of(dir.write("s.yaml", cfgtest::kMinimal), {path + "=" + std::to_string(k.range.hi + 1)});
    ASSERT_EQ(diags.size(), 1u) << path;
    EXPECT_EQ(diags[0].key_path, path);
    EXPECT_EQ(diags[0].allowed, k.range.text()) << path;
  }
}

TEST(KeyDeclarations, RangesComeFromTheDeclarations) {
  expect_declared_ranges("solar", solar_keys());
  expect_declared_ranges("wind", wind_keys());
  expect_declared_ranges("climate", climate_keys());
  expect_declared_ranges("cooling", cooling_keys());
  expect_declared_ranges("battery", battery_keys());
  expect_declared_ranges("grid", grid_keys());
  expect_declared_ranges("tariff", tariff_keys());
  expect_declared_ranges("water.desalination", desalination_keys());
}

// The price tables are chosen by the asset's unit of size: their key names are the asset's.
TEST(KeyDeclarations, EachAssetIsPricedWithItsOwnKeys) {
  std::vector<std::string> assets;
  for (size_t k = 0; k < sovcap::economics::kAssetKinds; ++k) {
    auto kind = static_cast<sovcap::economics::AssetKind>(k);
    const auto& info = sovcap::economics::asset_info(kind);
    if (kind != sovcap::economics::AssetKind::link) assets.emplace_back(info.name);
    auto keys = price_keys(kind);
    EXPECT_NE(keys.find(info.price_key), nullptr) << info.name;
    EXPECT_NE(keys.find(info.embodied_key), nullptr) << info.name;
    EXPECT_EQ(keys.find("per_mwh") != nullptr, kind == sovcap::economics::AssetKind::battery) << info.name;
  }
  EXPECT_EQ(key_names(cost_keys()), assets);
}
