// The facade: power balance, caps, off-grid, phases, grid charging.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "models/power/calendar.hpp"
#include "models/power/site_power.hpp"

using namespace sovcap::power;

namespace {

const int64_t kStart2030 = days_from_civil(2030, 1, 1) * 86400;

SitePowerParams mixed_site() {
  SitePowerParams p;
  p.location = {23.7148, -15.9368, 10};
  p.solar.capacity_mw = 100;
  p.solar.single_axis_tracking = true;
  p.wind.capacity_mw = 60;
  p.battery.energy_mwh = 200;
  p.battery.charge_mw = p.battery.discharge_mw = 50;
  p.grid.import_mw = 30;
  p.grid.export_mw = 10;
  p.cooling.model = CoolingParams::Model::free_cooling;
  p.climate.monthly_mean_c = {17, 18, 19, 19, 20, 21, 22, 23, 23, 22, 20, 18};
  return p;
}

double imbalance(const Flows& f) {
  return f.solar_mw + f.wind_mw + f.battery_discharge_mw + f.grid_import_mw + f.unserved_mw -
         (f.facility_power_mw + f.battery_charge_mw + f.curtailed_mw + f.grid_export_mw);
}

}  // namespace

TEST(SitePower, BalanceHoldsOverAYearOfRandomLoadsWithinTheCap) {
  const double step = 3600;
  SitePower site(mixed_site(), 42, kStart2030, step);
  boost::random::mt19937_64 rng(7);
  boost::random::uniform_real_distribution<double> u(0.0, 1.0);
  double min_soc = 200 * 0.1, max_soc = 200 * 0.95;
  double import_h = 0, charge_h = 0, discharge_h = 0, curtailed_h = 0;
  for (int k = 0; k < 8760; ++k) {
    Conditions c = site.conditions(k * step);
    ASSERT_GE(c.solar_mw, 0);
    ASSERT_LE(c.solar_mw, 100 / 1.2 + 1e-9);  // AC clipping at capacity / 1.2
    ASSERT_GE(c.wind_mw, 0);
    ASSERT_LE(c.wind_mw, 60 + 1e-9);
    double cap_it = site.max_facility_mw(c) / c.pue;
    // Random load up to the cap, sometimes exactly at it.
    double it = u(rng) < 0.1 ? cap_it : u(rng) * cap_it;
    Flows f = site.dispatch(c, it);
    ASSERT_NEAR(imbalance(f), 0.0, 1e-9) << "step " << k;
    ASSERT_NEAR(f.unserved_mw, 0.0, 1e-9) << "step " << k;
    ASSERT_NEAR(f.facility_power_mw, it * c.pue, 1e-9);
    ASSERT_NEAR(f.cooling_power_mw + f.it_power_mw, f.facility_power_mw, 1e-9);
    ASSERT_LE(f.grid_import_mw, 30 + 1e-9);
    ASSERT_LE(f.grid_export_mw, 10 + 1e-9);
    ASSERT_GE(f.curtailed_mw, -1e-12);
    ASSERT_FALSE(f.battery_charge_mw > 0 && f.battery_discharge_mw > 0);
    ASSERT_GE(f.battery_soc_mwh, min_soc - 1e-9);
    ASSERT_LE(f.battery_soc_mwh, max_soc + 1e-9);
    ASSERT_NEAR(f.carbon_kg_per_h, f.grid_import_mw * c.carbon_gco2_per_kwh, 1e-9);
    import_h += f.grid_import_mw > 0;
    charge_h += f.battery_charge_mw > 0;
    discharge_h += f.battery_discharge_mw > 0;
    curtailed_h += f.curtailed_mw > 0;
  }
  // The random loads exercised every branch of the dispatch.
  EXPECT_GT(import_h, 100);
  EXPECT_GT(charge_h, 100);
  EXPECT_GT(discharge_h, 100);
  EXPECT_GT(curtailed_h, 10);
}

TEST(SitePower, OffGridNeverImports) {
  SitePowerParams p = mixed_site();
  p.grid.import_mw = 0;
  SitePower site(p, 3, kStart2030, 900);
  boost::random::mt19937_64 rng(11);
  boost::random::uniform_real_distribution<double> u(0.0, 1.0);
  for (int k = 0; k < 4 * 24 * 60; ++k) {
    Conditions c = site.conditions(k * 900.0);
    ASSERT_EQ(c.grid_import_limit_mw, 0);
    double cap = site.max_facility_mw(c);
    ASSERT_TRUE(std::isfinite(cap));
    Flows f = site.dispatch(c, u(rng) * cap / c.pue);
    ASSERT_EQ(f.grid_import_mw, 0);
    ASSERT_EQ(f.carbon_kg_per_h, 0);
    ASSERT_NEAR(f.unserved_mw, 0, 1e-9);
    ASSERT_NEAR(imbalance(f), 0, 1e-9);
  }
}

TEST(SitePower, OverloadIsReportedAsUnservedNotHidden) {
  SitePowerParams p = mixed_site();
  p.grid.import_mw = 0;
  SitePower site(p, 3, kStart2030, 3600);
  Conditions c = site.conditions(0);  // midnight UTC: no sun
  EXPECT_EQ(c.solar_mw, 0);
  double cap = site.max_facility_mw(c);
  Flows f = site.dispatch(c, (cap + 25.0) / c.pue);
  EXPECT_NEAR(f.unserved_mw, 25.0, 1e-9);
  EXPECT_NEAR(imbalance(f), 0, 1e-9);
}

TEST(SitePower, UnlimitedGridGivesInfiniteCapAndCarbonFollowsImports) {
  SitePowerParams p;
  p.location = {32.2196, -7.9360, 450};
  p.grid.carbon_gco2_per_kwh = 620;
  SitePower site(p, 1, kStart2030, 3600);
  Conditions c = site.conditions(0);
  EXPECT_TRUE(std::isinf(site.max_facility_mw(c)));
  EXPECT_DOUBLE_EQ(c.pue, 1.3);
  Flows f = site.dispatch(c, 40);
  EXPECT_NEAR(f.grid_import_mw, 52, 1e-9);
  EXPECT_NEAR(f.carbon_kg_per_h, 52 * 620, 1e-6);  // 52 MWh/h * 620 kg/MWh
  EXPECT_NEAR(f.cooling_power_mw, 12, 1e-9);
}

TEST(SitePower, PhasesChangeCapacitiesFromTheirDate) {
  SitePowerParams p = mixed_site();
  PowerPhase later;
  later.at_s = 10 * 86400;
  later.solar_mw = 300;
  later.grid_import_mw = 0;
  PowerPhase earlier;
  earlier.at_s = 86400;
  earlier.wind_mw = 0;
  p.phases = {later, earlier};  // unsorted on purpose
  SitePower site(p, 5, kStart2030, 3600);
  site.conditions(0);
  EXPECT_EQ(site.wind_capacity_mw(), 60);
  Conditions c = site.conditions(86400);
  EXPECT_EQ(site.wind_capacity_mw(), 0);
  EXPECT_EQ(c.wind_mw, 0);
  EXPECT_EQ(site.solar_capacity_mw(), 100);  // NaN left it unchanged
  EXPECT_EQ(c.grid_import_limit_mw, 30);
  c = site.conditions(10 * 86400);
  EXPECT_EQ(site.solar_capacity_mw(), 300);
  EXPECT_EQ(c.grid_import_limit_mw, 0);
}

TEST(SitePower, ChargesFromACleanGridOnly) {
  SitePowerParams p;
  p.battery.energy_mwh = 100;
  p.battery.charge_mw = p.battery.discharge_mw = 20;
  p.battery.initial_soc_fraction = 0.2;
  p.battery.grid_charge_below_gco2_per_kwh = 300;
  p.grid.carbon_gco2_per_kwh = 600;
  p.grid.carbon_hourly_factor.fill(1.0);
  p.grid.carbon_hourly_factor[12] = 0.25;  // 150 g/kWh around local noon
  SitePower site(p, 1, kStart2030, 3600);
  double noon = 12 * 3600.0, night = 2 * 3600.0;  // longitude 0: solar = UTC
  Conditions dirty = site.conditions(night);
  Flows f = site.dispatch(dirty, 10);
  EXPECT_EQ(f.battery_charge_mw, 0);
  EXPECT_GT(f.battery_discharge_mw, 0);  // the battery serves load before the grid
  Conditions clean = site.conditions(noon);
  EXPECT_DOUBLE_EQ(clean.carbon_gco2_per_kwh, 150);
  f = site.dispatch(clean, 10);
  EXPECT_NEAR(f.battery_charge_mw, 20, 1e-9);
  EXPECT_NEAR(f.grid_charge_mw, 20, 1e-9);
  EXPECT_NEAR(f.grid_import_mw, 13 + 20, 1e-9);
  EXPECT_NEAR(imbalance(f), 0, 1e-9);
}

TEST(SitePower, SameSeedSameConditions) {
  SitePower a(mixed_site(), 9, kStart2030, 3600), b(mixed_site(), 9, kStart2030, 3600),
      c(mixed_site(), 10, kStart2030, 3600);
  bool differs = false;
  for (int k = 0; k < 200; ++k) {
    Conditions x = a.conditions(k * 3600.0), y = b.conditions(k * 3600.0), z = c.conditions(k * 3600.0);
    ASSERT_EQ(x.solar_mw, y.solar_mw);
    ASSERT_EQ(x.wind_mw, y.wind_mw);
    differs = differs || x.wind_mw != z.wind_mw;
  }
  EXPECT_TRUE(differs);
}

TEST(SitePower, ABatteryAddedByAPhaseReportsItsCyclesFromItsThroughput) {
  // Off-grid, no wind, no battery until a phase adds 400 MWh on day 2: its nights' discharges are
  // cycles, counted from the store's own draw over its usable capacity.
  SitePowerParams p = mixed_site();
  p.grid.import_mw = 0;
  p.grid.export_mw = 0;
  p.wind.capacity_mw = 0;
  p.battery.energy_mwh = 0;
  p.battery.charge_mw = p.battery.discharge_mw = 0;
  PowerPhase add;
  add.at_s = 86400;
  add.battery_mwh = 400;
  p.phases = {add};
  SitePower site(p, 5, kStart2030, 900);
  double drawn_mwh = 0;  // store side: grid-side discharge / sqrt(round trip)
  const double eta = std::sqrt(p.battery.round_trip_efficiency);
  for (int k = 0; k < 4 * 24 * 5; ++k) {
    Conditions c = site.conditions(k * 900.0);
    Flows f = site.dispatch(c, std::min(20.0, site.max_facility_mw(c) / c.pue));
    if (k < 4 * 24) {
      ASSERT_EQ(f.battery_discharge_mw, 0);
    }
    drawn_mwh += f.battery_discharge_mw * 0.25 / eta;
  }
  const double usable = 400 * (p.battery.soc_max_fraction - p.battery.soc_min_fraction);
  ASSERT_GT(drawn_mwh, 100);  // the nights ran on it
  EXPECT_GT(site.battery().equivalent_cycles(), 0.25);
  EXPECT_NEAR(site.battery().equivalent_cycles(), drawn_mwh / usable, 1e-6 * drawn_mwh / usable);
}
