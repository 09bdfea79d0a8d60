// Battery: efficiency split, limits, and energy conservation over random dispatch.
#include <gtest/gtest.h>

#include <cmath>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include "models/power/battery.hpp"

using namespace sovcap::power;

namespace {
BatteryParams params() {
  BatteryParams p;
  p.energy_mwh = 100;
  p.charge_mw = 25;
  p.discharge_mw = 40;
  p.round_trip_efficiency = 0.81;  // 0.9 each way
  p.soc_min_fraction = 0.1;
  p.soc_max_fraction = 0.9;
  p.self_discharge_per_day = 0.01;
  p.initial_soc_fraction = 0.5;
  return p;
}
}  // namespace

TEST(Battery, EfficiencySplitsAsSquareRoot) {
  BatteryParams p = params();
  p.self_discharge_per_day = 0;
  Battery b(p);
  EXPECT_NEAR(b.charge_efficiency(), 0.9, 1e-12);
  EXPECT_NEAR(b.charge(10, 3600), 10, 1e-12);
  EXPECT_NEAR(b.soc_mwh(), 50 + 9, 1e-12);  // 10 MWh in, 9 stored
  EXPECT_NEAR(b.discharge(9, 3600), 9, 1e-12);
  EXPECT_NEAR(b.soc_mwh(), 59 - 10, 1e-12);  // 9 out draws 10
}

TEST(Battery, PowerAndSocLimits) {
  Battery b(params());
  EXPECT_NEAR(b.max_charge_mw(3600), 25, 1e-12);
  EXPECT_NEAR(b.max_discharge_mw(900), 40, 1e-12);
  // SOC 50, floor 10: 36 MWh deliverable, so 36 MW over 1 h.
  EXPECT_NEAR(b.max_discharge_mw(3600), 36, 1e-12);
  // SOC 50, floor 10: at most 40 * 0.9 = 36 MWh deliverable, over 2 h 18 MW.
  EXPECT_NEAR(b.max_discharge_mw(7200), 18, 1e-12);
  // Room to 90: 40 MWh stored needs 44.4 MWh in; over 4 h, 11.1 MW.
  EXPECT_NEAR(b.max_charge_mw(4 * 3600), 40 / 0.9 / 4, 1e-12);
  EXPECT_NEAR(b.discharge(1000, 7200), 18, 1e-12);
  EXPECT_NEAR(b.soc_mwh(), 10, 1e-9);
  EXPECT_NEAR(b.max_discharge_mw(3600), 0, 1e-9);
  EXPECT_EQ(b.discharge(-5, 3600), 0);
  // Self-discharge stops at the floor.
  EXPECT_NEAR(b.self_discharge(86400), 0, 1e-9);
}

TEST(Battery, EnergyConservedOverRandomDispatch) {
  Battery b(params());
  boost::random::mt19937_64 rng(2030);
  boost::random::uniform_real_distribution<double> u(-60.0, 60.0), steps(60.0, 7200.0);
  const double soc0 = b.soc_mwh();
  double in = 0, out = 0, lost = 0;
  for (int i = 0; i < 20000; ++i) {
    double step = steps(rng), mw = u(rng);
    double accepted = mw >= 0 ? b.charge(mw, step) : b.discharge(-mw, step);
    double before = b.soc_mwh();
    ASSERT_LE(accepted, std::fabs(mw) + 1e-12);
    ASSERT_LE(accepted, (mw >= 0 ? 25 : 40) + 1e-12);
    (mw >= 0 ? in : out) += accepted * step / 3600;
    double sd = b.self_discharge(step);
    ASSERT_LE(sd, before * 0.01 * step / 86400 + 1e-12);
    lost += sd;
    ASSERT_GE(b.soc_mwh(), 10 - 1e-9);
    ASSERT_LE(b.soc_mwh(), 90 + 1e-9);
  }
  EXPECT_GT(in, 1000);
  EXPECT_GT(out, 1000);
  EXPECT_NEAR(b.soc_mwh() - soc0, in * 0.9 - out / 0.9 - lost, 1e-6);
  EXPECT_NEAR(b.charged_mwh(), in, 1e-6);
  EXPECT_NEAR(b.discharged_mwh(), out, 1e-6);
  EXPECT_NEAR(b.self_discharged_mwh(), lost, 1e-9);
}

TEST(Battery, ResizeKeepsCRateAndClampsSoc) {
  Battery b(params());
  b.set_energy_mwh(200);
  EXPECT_NEAR(b.max_charge_mw(60), 50, 1e-12);
  b.set_energy_mwh(20);  // SOC 50 -> clamped to 18
  EXPECT_NEAR(b.soc_mwh(), 18, 1e-12);
  BatteryParams none;
  Battery c(none);
  EXPECT_EQ(c.max_discharge_mw(3600), 0);
  c.set_energy_mwh(400);  // from nothing: a 4-hour battery
  EXPECT_NEAR(c.max_charge_mw(60), 100, 1e-9);
  EXPECT_NEAR(c.soc_mwh(), 40, 1e-9);  // delivered at its floor
}

TEST(Battery, RejectsBadParameters) {
  BatteryParams p = params();
  p.round_trip_efficiency = 1.2;
  EXPECT_THROW(Battery{p}, std::invalid_argument);
  p = params();
  p.soc_min_fraction = 0.95;
  EXPECT_THROW(Battery{p}, std::invalid_argument);
}

TEST(Battery, OneFullDischargeIsOneEquivalentCycle) {
  BatteryParams p = params();
  p.self_discharge_per_day = 0;
  p.initial_soc_fraction = 0.9;  // full: 90 MWh, usable 80 MWh (10-90 MWh)
  p.charge_mw = p.discharge_mw = 1000;
  Battery b(p);
  // Grid side 72 MWh = 80 MWh drawn from the store at 0.9: max to min SOC, one cycle.
  EXPECT_NEAR(b.discharge(1000, 3600), 72, 1e-9);
  EXPECT_NEAR(b.soc_mwh(), 10, 1e-9);
  EXPECT_NEAR(b.equivalent_cycles(), 1.0, 1e-12);
  // Charging counts nothing; half a discharge after is half a cycle more.
  b.charge(1000, 3600);
  EXPECT_NEAR(b.equivalent_cycles(), 1.0, 1e-12);
  b.discharge(36, 3600);  // draws 40 MWh
  EXPECT_NEAR(b.equivalent_cycles(), 1.5, 1e-12);
}

TEST(Battery, CyclesOfABatteryAddedByAResizeCountFromItsOwnCapacity) {
  BatteryParams p = params();
  p.energy_mwh = 0;  // none at first (a build-out phase adds it)
  p.charge_mw = p.discharge_mw = 0;
  p.self_discharge_per_day = 0;
  Battery b(p);
  EXPECT_EQ(b.discharge(10, 3600), 0);
  b.set_energy_mwh(200);  // a 4-hour battery: 50 MW; usable 20-180 MWh = 160 MWh
  for (int h = 0; h < 8; ++h) b.charge(50, 3600);
  EXPECT_NEAR(b.soc_mwh(), 180, 1e-9);
  // Draw 80 MWh from the store (72 MWh grid side): half of the usable 160 MWh.
  b.discharge(36, 3600);
  b.discharge(36, 3600);
  EXPECT_NEAR(b.equivalent_cycles(), 0.5, 1e-12);
  // Doubled (100 MWh stored, usable 40-360 MWh = 320 MWh): drawing 60 MWh is 60/320 of a cycle.
  b.set_energy_mwh(400);
  EXPECT_NEAR(b.discharge(54, 3600), 54, 1e-9);
  EXPECT_NEAR(b.equivalent_cycles(), 0.5 + 60.0 / 320.0, 1e-12);
}
