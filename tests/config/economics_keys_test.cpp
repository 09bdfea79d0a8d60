// The cost and water keys: defaults, the currency, round trips, and every error path
// (file, line, key path and what is allowed).
#include <gtest/gtest.h>

#include <algorithm>

#include "scenario_diff.hpp"
#include "temp_files.hpp"

using namespace sovcap::config;
using cfgtest::errors_of;
using cfgtest::kMinimal;

namespace {

// kMinimal with a site section appended to site alpha (after line 8) and top-level text at the end.
std::string with(const std::string& site_text, const std::string& top_text = "") {
  return cfgtest::replace_line(kMinimal, 8, "      - {kind: gpu, nodes: 4}\n" + site_text) + top_text;
}

// The one diagnostic at key_path; fails unless exactly one error was found.
Diagnostic only(const std::string& yaml, const std::string& key_path) {
  cfgtest::TempDir dir;
  auto path = dir.write("bad.yaml", yaml);
  auto diags = errors_of(path);
  std::string all;
  for (const auto& d : diags) all += d.format() + "\n";
  EXPECT_EQ(diags.size(), 1u) << all;
  if (diags.empty()) return {};
  EXPECT_EQ(diags[0].key_path, key_path) << all;
  EXPECT_EQ(diags[0].file, path);
  EXPECT_GT(diags[0].line, 0);
  return diags[0];
}

}  // namespace

TEST(EconomicsKeys, DefaultsArePublishedPricesInUsd) {
  cfgtest::TempDir dir;
  auto sc = load_scenario(dir.write("ok.yaml", kMinimal));
  EXPECT_EQ(sc.economics.currency, "USD");
  EXPECT_DOUBLE_EQ(sc.economics.usd_per_currency, 1);
  EXPECT_DOUBLE_EQ(sc.economics.finance.analysis_years, 20);
  const auto& prices = sc.sites[0].prices;
  EXPECT_DOUBLE_EQ(prices[static_cast<size_t>(sovcap::economics::AssetKind::facility)].per_size, 11.7e6);
  EXPECT_DOUBLE_EQ(prices[static_cast<size_t>(sovcap::economics::AssetKind::gpu_servers)].life_years, 5);
  EXPECT_EQ(sc.sites[0].water.source, WaterSpec::Source::municipal);
  EXPECT_EQ(sc.sites[0].power.cooling.water.mode, sovcap::water::CoolingMode::dry);
}

TEST(EconomicsKeys, EveryKeyReadsAndRoundTrips) {
  cfgtest::TempDir dir;
  auto path = dir.write("all.yaml", with("    climate: {monthly_rh: [50, 50, 50, 50, 50, 50, 40, 40, 50, 50, 50, 50]}\n"
                                         "    cooling: {mode: evaporative, approach: 5, range: 6, evaporated_fraction: 0.8,"
                                         " cycles: 5, drift: 0.0002, adiabatic_effectiveness: 0.7, adiabatic_above: 27,"
                                         " coil_air_rise: 12}\n"
                                         "    water:\n"
                                         "      source: desalination\n"
                                         "      price: 2\n"
                                         "      desalination: {capacity: 40, energy: 3.2, min_load: 0.4, recovery: 0.42}\n"
                                         "    tariff:\n"
                                         "      energy: 1.1\n"
                                         "      periods: [{name: peak, from: 18, to: 22, price: 1.5}, {from: 23, to: 6, price: 0.7}]\n"
                                         "      utc_offset: 1\n"
                                         "      subscribed: 3MW\n"
                                         "      subscribed_price: 400\n"
                                         "      demand_price: 30\n"
                                         "    costs:\n"
                                         "      battery: {fixed: 2e6, per_mw: 9e5, per_mwh: 2.5e6, life: 12, replacement: 0.6,"
                                         " om_fraction: 0.02, om_per_year: 1000, embodied_mw: 1, embodied_mwh: 70}\n"
                                         "      gpu_servers: {per_node: 3e6, life: 4, embodied_node: 2}\n"
                                         "      desalination: {per_m3h: 5e5}\n",
                                         "economics:\n"
                                         "  currency: MAD\n"
                                         "  usd_per_currency: 0.1\n"
                                         "  discount_rate: 0.05\n"
                                         "  analysis_years: 25\n"
                                         "  om_escalation: 0.01\n"
                                         "  electricity_escalation: 0.02\n"
                                         "  links: {north-alpha: {per_km: 3e5, life: 30}}\n"));
  auto sc = load_scenario(path);
  const auto& s = sc.sites[0];
  EXPECT_EQ(sc.economics.currency, "MAD");
  EXPECT_DOUBLE_EQ(sc.economics.usd_per_currency, 0.1);
  EXPECT_DOUBLE_EQ(sc.economics.finance.analysis_years, 25);
  ASSERT_EQ(sc.economics.links.size(), 1u);
  EXPECT_DOUBLE_EQ(sc.economics.links[0].price.per_size, 3e5);
  EXPECT_DOUBLE_EQ(s.prices[static_cast<size_t>(sovcap::economics::AssetKind::battery)].per_mwh, 2.5e6);
  EXPECT_DOUBLE_EQ(s.prices[static_cast<size_t>(sovcap::economics::AssetKind::battery)].replacement_fraction, 0.6);
  EXPECT_EQ(s.power.cooling.water.mode, sovcap::water::CoolingMode::evaporative);
  EXPECT_DOUBLE_EQ(s.power.climate.monthly_mean_rh_percent[6], 40);
  EXPECT_EQ(s.water.source, WaterSpec::Source::desalination);
  EXPECT_DOUBLE_EQ(s.water.desal.kwh_per_m3, 3.2);
  ASSERT_EQ(s.tariff.periods.size(), 2u);
  EXPECT_DOUBLE_EQ(s.tariff.periods[1].to_h, 6);
  EXPECT_DOUBLE_EQ(s.tariff.subscribed_mw, 3);
  // The resolved YAML loads back to the same scenario.
  auto again = load_scenario(dir.write("again.yaml", sc.resolved_yaml));
  auto diffs = cfgtest::differences(sc, again);
  EXPECT_TRUE(diffs.empty()) << diffs.front();
}

TEST(EconomicsKeys, ForeignCurrencyNeedsARate) {
  auto d = only(with("", "economics: {currency: MAD}\n"), "economics.usd_per_currency");
  EXPECT_NE(d.message.find("exchange rate"), std::string::npos);
  EXPECT_NE(d.allowed.find("US dollars per MAD"), std::string::npos);
  EXPECT_EQ(d.line, 20);  // the economics section, after the site's (empty) extra line
}

TEST(EconomicsKeys, DollarsAreWorthOneDollar) {
  auto d = only(with("", "economics: {usd_per_currency: 0.9}\n"), "economics.usd_per_currency");
  EXPECT_EQ(d.allowed, "from 1 to 1");
}

TEST(EconomicsKeys, UnknownCurrency) {
  auto d = only(with("", "economics: {currency: GBP}\n"), "economics.currency");
  EXPECT_EQ(d.allowed, "one of USD, MAD, EUR");
}

TEST(EconomicsKeys, FinanceRanges) {
  only(with("", "economics: {analysis_years: 0}\n"), "economics.analysis_years");
  only(with("", "economics: {discount_rate: 1.5}\n"), "economics.discount_rate");
  only(with("", "economics: {om_escalation: -0.9}\n"), "economics.om_escalation");
}

TEST(EconomicsKeys, LinksMustBeKnownAndAMap) {
  auto d = only(with("", "economics: {links: {south-beta: {per_km: 1}}}\n"), "economics.links.south-beta");
  EXPECT_NE(d.message.find("unknown link"), std::string::npos);
  only(with("", "economics: {links: [north-alpha]}\n"), "economics.links");
  only(with("", "economics: {links: {north-alpha: {per_mw: 1}}}\n"), "economics.links.north-alpha.per_mw");
}

TEST(EconomicsKeys, AssetPricesAndLives) {
  auto d = only(with("    costs: {solar: {per_mw: -1}}\n"), "sites.alpha.costs.solar.per_mw");
  EXPECT_EQ(d.line, 9);
  only(with("    costs: {wind: {life: 0}}\n"), "sites.alpha.costs.wind.life");
  only(with("    costs: {gpu_servers: {om_fraction: 2}}\n"), "sites.alpha.costs.gpu_servers.om_fraction");
  // A size key that is not this asset's.
  d = only(with("    costs: {gpu_servers: {per_mw: 1}}\n"), "sites.alpha.costs.gpu_servers.per_mw");
  EXPECT_NE(d.allowed.find("per_node"), std::string::npos);
  only(with("    costs: {solar: {per_mwh: 1}}\n"), "sites.alpha.costs.solar.per_mwh");
  // An asset that does not exist, with a suggestion.
  d = only(with("    costs: {gpu_server: {per_node: 1}}\n"), "sites.alpha.costs.gpu_server");
  EXPECT_NE(d.message.find("did you mean 'gpu_servers'"), std::string::npos);
}

TEST(EconomicsKeys, TariffPeriods) {
  auto d = only(with("    tariff: {periods: [{from: 7, to: 7, price: 1}]}\n"), "sites.alpha.tariff.periods.0.to");
  EXPECT_NE(d.message.find("empty period"), std::string::npos);
  d = only(with("    tariff: {periods: [{from: 22, to: 7, price: 1}, {from: 6, to: 9, price: 2}]}\n"),
           "sites.alpha.tariff.periods.1");
  EXPECT_NE(d.message.find("hour 6 is in two periods"), std::string::npos);
  only(with("    tariff: {periods: [{from: 24, to: 3, price: 1}]}\n"), "sites.alpha.tariff.periods.0.from");
  only(with("    tariff: {periods: [{from: 1, to: 3}]}\n"), "sites.alpha.tariff.periods.0.price");
  only(with("    tariff: {energy: -0.1}\n"), "sites.alpha.tariff.energy");
  only(with("    tariff: {utc_offset: 15}\n"), "sites.alpha.tariff.utc_offset");
  only(with("    tariff: {subscribed: -3MW}\n"), "sites.alpha.tariff.subscribed");
}

TEST(EconomicsKeys, WaterSources) {
  auto d = only(with("    water: {source: desalination}\n"), "sites.alpha.water.desalination.capacity");
  EXPECT_NE(d.message.find("needs a plant"), std::string::npos);
  only(with("    water: {source: well}\n"), "sites.alpha.water.source");
  only(with("    water: {price: -1}\n"), "sites.alpha.water.price");
  only(with("    water: {desalination: {capacity: 10, recovery: 0}}\n"), "sites.alpha.water.desalination.recovery");
  only(with("    water: {desalination: {capacity: 10, energy: 50}}\n"), "sites.alpha.water.desalination.energy");
  only(with("    water: {desalination: {capacity: 10, min_load: 1.5}}\n"), "sites.alpha.water.desalination.min_load");
}

TEST(EconomicsKeys, CoolingModesAndHumidity) {
  auto d = only(with("    cooling: {mode: seawater}\n"), "sites.alpha.cooling.mode");
  EXPECT_EQ(d.allowed, "one of dry, adiabatic, evaporative, liquid");
  only(with("    cooling: {mode: evaporative, cycles: 1}\n"), "sites.alpha.cooling.cycles");
  only(with("    cooling: {drift: 0.5}\n"), "sites.alpha.cooling.drift");
  only(with("    cooling: {range: 0}\n"), "sites.alpha.cooling.range");
  only(with("    climate: {monthly_rh: [50, 50]}\n"), "sites.alpha.climate.monthly_rh");
  only(with("    climate: {monthly_rh: [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 120]}\n"),
       "sites.alpha.climate.monthly_rh.11");
}
