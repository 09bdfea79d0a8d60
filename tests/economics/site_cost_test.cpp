// A site's NPC, LCOE and cost per GPU-hour from its assets and a run, by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "models/economics/site_cost.hpp"

using namespace sovcap::economics;

namespace {
Finance undiscounted() {
  Finance f;
  f.discount_rate = 0;
  f.analysis_years = 10;
  return f;
}
}  // namespace

TEST(SiteCost, HandComputedSite) {
  // PV 1,000 (life 10): annualised 100. Servers 500 (life 5, replaced once):
  // NPC 1,000, annualised 100. Half a year run: grid bill 30 -> 60 a year,
  // 600 over 10 years. NPC 2,600, annualised 260.
  std::vector<SiteAsset> assets = {{{"pv", 1000, 1000, 10, 0, 0}, true}, {{"gpu", 500, 500, 5, 0, 0}, false}};
  Operating op;
  op.run_years = 0.5;
  op.grid.energy_usd = 30;
  op.energy_served_mwh = 500;
  op.completed_gpu_hours = 1000;
  SiteCost c = site_cost(assets, undiscounted(), op);
  EXPECT_DOUBLE_EQ(c.capital_usd, 1500);
  EXPECT_DOUBLE_EQ(c.grid_usd_per_year, 60);
  EXPECT_NEAR(c.npc_usd, 2600, 1e-9);
  EXPECT_NEAR(c.annualised_usd, 260, 1e-9);
  // LCOE: (PV 100 + grid 60) / 1,000,000 kWh a year.
  EXPECT_NEAR(c.lcoe_usd_per_kwh, 160.0 / 1e6, 1e-15);
  // 260 a year over 2,000 GPU-hours a year.
  EXPECT_NEAR(c.cost_per_gpu_hour_usd, 0.13, 1e-12);
  ASSERT_EQ(c.assets.size(), 2u);
  EXPECT_EQ(c.assets[1].name, "gpu");
  EXPECT_EQ(c.assets[1].cost.replacements, 1);
}

TEST(SiteCost, NoWorkNoEnergyGivesNaNNotInfinity) {
  SiteCost c = site_cost({{{"pv", 1000, 1000, 10, 0, 0}, true}}, undiscounted(), Operating{});
  EXPECT_TRUE(std::isnan(c.lcoe_usd_per_kwh));
  EXPECT_TRUE(std::isnan(c.cost_per_gpu_hour_usd));
  Operating none;
  none.run_years = 0;
  EXPECT_THROW(site_cost({}, undiscounted(), none), std::invalid_argument);
}

TEST(SiteCost, CombinedSitesAddUpAndLeveliseOverTheirSums) {
  Operating a, b;
  a.energy_served_mwh = 1000;
  a.completed_gpu_hours = 100;
  a.grid.energy_usd = 10;
  b.energy_served_mwh = 3000;
  b.completed_gpu_hours = 300;
  b.water_usd = 5;
  Finance f = undiscounted();
  SiteCost ca = site_cost({{{"pv", 100, 100, 10, 0, 0}, true}}, f, a);
  SiteCost cb = site_cost({{{"gpu", 300, 300, 10, 0, 0}, false}}, f, b);
  SiteCost all = combine({ca, cb}, {a, b}, f);
  EXPECT_DOUBLE_EQ(all.npc_usd, ca.npc_usd + cb.npc_usd);
  EXPECT_DOUBLE_EQ(all.npc_usd, 100 + 100 + 300 + 50);
  EXPECT_NEAR(all.cost_per_gpu_hour_usd, 55.0 / 400, 1e-12);
  EXPECT_NEAR(all.lcoe_usd_per_kwh, (10 + 10) / 4e6, 1e-15);  // PV 10/y + grid 10/y over 4 GWh
  add_assets(all, {{{"fibre", 40, 40, 20, 0, 2}, false}}, f, 400);
  EXPECT_NEAR(all.npc_usd, 590 - 20, 1e-9);  // 40, salvaged half at year 10
  EXPECT_NEAR(all.cost_per_gpu_hour_usd, 57.0 / 400, 1e-12);
  EXPECT_NEAR(all.embodied_tco2_per_year, 0.1, 1e-12);
}

#include "models/economics/prices.hpp"

TEST(Prices, AnAssetFromItsPricesAndSize) {
  AssetPrice p;
  p.fixed = 100;
  p.per_size = 10;
  p.per_mwh = 2;
  p.replacement_fraction = 0.5;
  p.om_fraction = 0.1;
  p.om_per_year = 5;
  p.embodied_t_per_size = 3;
  p.embodied_t_per_mwh = 1;
  // 4 MW, 8 MWh, prices in a currency worth 0.1 USD.
  Asset a = priced_asset(AssetKind::battery, p, 4, 8, 0.1);
  EXPECT_EQ(a.name, "battery");
  EXPECT_NEAR(a.capital_usd, (100 + 40 + 16) * 0.1, 1e-12);
  EXPECT_NEAR(a.replacement_usd, 7.8, 1e-12);
  EXPECT_NEAR(a.om_usd_per_year, 1.56 + 0.5, 1e-12);
  EXPECT_DOUBLE_EQ(a.embodied_tco2, 12 + 8);
  // Nothing built: no fixed cost either.
  Asset none = priced_asset(AssetKind::battery, p, 0, 0, 1);
  EXPECT_DOUBLE_EQ(none.capital_usd, 0);
  EXPECT_DOUBLE_EQ(none.om_usd_per_year, 0);
  EXPECT_STREQ(asset_info(AssetKind::gpu_servers).size_unit, "node");
  EXPECT_TRUE(asset_info(AssetKind::wind).electricity_supply);
  EXPECT_FALSE(asset_info(AssetKind::facility).electricity_supply);
}
