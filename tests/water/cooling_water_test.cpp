// Water of each cooling mode from an energy balance, by hand.
#include <gtest/gtest.h>

#include "models/water/cooling_water.hpp"

using namespace sovcap::water;

namespace {
CoolingWaterParams tower() {
  CoolingWaterParams p;
  p.mode = CoolingMode::evaporative;
  p.approach_c = 4;
  p.range_c = 5.6;
  p.evaporated_fraction = 1;
  p.cycles_of_concentration = 4;
  p.drift_fraction = 0.0005;
  return p;
}
}  // namespace

TEST(CoolingWater, TowerEvaporationOfAStepFromTheEnergyBalance) {
  // 10 MW for one hour = 3.6e10 J, all evaporated at 24 C (wet bulb 20 + approach 4):
  // h_fg = 2.501e6 - 2361 x 24 = 2,444,336 J/kg -> 14,727.9 kg = 14.728 m3.
  StepWater w = water_use(tower(), 10, 30, 20, 3600);
  EXPECT_NEAR(w.evaporation_m3, 3.6e10 / 2444336.0 / 1000, 1e-9);
  EXPECT_NEAR(w.evaporation_m3, 14.728, 1e-3);
  // Blowdown at 4 cycles: a third of the evaporation.
  EXPECT_NEAR(w.blowdown_m3, w.evaporation_m3 / 3, 1e-12);
  // Circulating flow 3.6e10 / (4186 x 5.6) kg; drift 0.05 % of it.
  EXPECT_NEAR(w.drift_m3, 0.0005 * 3.6e10 / (4186 * 5.6) / 1000, 1e-12);
  EXPECT_NEAR(w.total_m3(), w.evaporation_m3 + w.blowdown_m3 + w.drift_m3, 1e-12);
}

TEST(CoolingWater, TheRuleOfThumbOnePercentPerFivePointSixDegrees) {
  // Evaporation over circulation = c_p range / h_fg: about 1 % per 5.6 C of range.
  CoolingWaterParams p = tower();
  StepWater w = water_use(p, 1, 25, 20, 3600);
  const double circulating_m3 = 3.6e9 / (4186 * 5.6) / 1000;
  EXPECT_NEAR(w.evaporation_m3 / circulating_m3, 0.01, 0.0005);
  // Evaporated share scales it; heat scales it; time scales it.
  p.evaporated_fraction = 0.85;
  EXPECT_NEAR(water_use(p, 1, 25, 20, 3600).evaporation_m3, 0.85 * w.evaporation_m3, 1e-12);
  EXPECT_NEAR(water_use(tower(), 2, 25, 20, 1800).evaporation_m3, w.evaporation_m3, 1e-12);
  EXPECT_DOUBLE_EQ(water_use(tower(), 0, 25, 20, 3600).total_m3(), 0);
}

TEST(CoolingWater, AdiabaticPadsOnlyWhenHot) {
  CoolingWaterParams p;
  p.mode = CoolingMode::adiabatic;
  p.adiabatic_above_c = 25;
  p.adiabatic_effectiveness = 0.8;
  p.coil_air_rise_c = 10;
  p.cycles_of_concentration = 5;
  EXPECT_DOUBLE_EQ(water_use(p, 10, 24, 15, 3600).total_m3(), 0);
  EXPECT_DOUBLE_EQ(water_use(p, 10, 25, 15, 3600).total_m3(), 0);  // at the threshold: off
  // 35 C dry, 20 C wet: pads take 0.8 x 15 = 12 C off air that the coil warms 10 C:
  // evaporated = Q x 12/10 / h_fg(20).
  StepWater w = water_use(p, 10, 35, 20, 3600);
  EXPECT_NEAR(w.evaporation_m3, 3.6e10 * 1.2 / (2.501e6 - 2361 * 20) / 1000, 1e-9);
  EXPECT_NEAR(w.blowdown_m3, w.evaporation_m3 / 4, 1e-12);
  EXPECT_DOUBLE_EQ(w.drift_m3, 0);
  EXPECT_DOUBLE_EQ(cooling_temperature_c(p, 35, 20), 35 - 12);
  EXPECT_DOUBLE_EQ(cooling_temperature_c(p, 20, 15), 20);
}

TEST(CoolingWater, DryAndLiquidUseNoWaterAndSeeTheDryBulb) {
  for (auto mode : {CoolingMode::dry, CoolingMode::liquid}) {
    CoolingWaterParams p;
    p.mode = mode;
    EXPECT_DOUBLE_EQ(water_use(p, 50, 40, 25, 3600).total_m3(), 0);
    EXPECT_DOUBLE_EQ(cooling_temperature_c(p, 40, 25), 40);
  }
  EXPECT_DOUBLE_EQ(cooling_temperature_c(tower(), 40, 25), 29);  // wet bulb + approach
}
