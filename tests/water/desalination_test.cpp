// Seawater RO: energy = volume x kWh/m3; minimum load; capacity; recovery.
#include <gtest/gtest.h>

#include "models/water/desalination.hpp"

using namespace sovcap::water;

namespace {
DesalParams plant() { return DesalParams{1000, 3.5, 0.5, 0.4}; }
}  // namespace

TEST(Desalination, EnergyIsVolumeTimesEnergyPerCubicMetre) {
  DesalOperation o = desalinate(plant(), 800);
  EXPECT_DOUBLE_EQ(o.product_m3_per_h, 800);
  EXPECT_DOUBLE_EQ(o.power_mw, 800 * 3.5 / 1000);  // 2.8 MW: 2.8 MWh each hour
  EXPECT_DOUBLE_EQ(o.intake_m3_per_h, 2000);       // recovery 40 %
  EXPECT_DOUBLE_EQ(o.brine_m3_per_h, 1200);
  EXPECT_DOUBLE_EQ(o.shortfall_m3_per_h, 0);
}

TEST(Desalination, MinimumLoadAndCapacity) {
  DesalOperation low = desalinate(plant(), 100);
  EXPECT_DOUBLE_EQ(low.product_m3_per_h, 500);  // cannot turn down below half
  EXPECT_DOUBLE_EQ(low.power_mw, 1.75);
  DesalOperation high = desalinate(plant(), 1300);
  EXPECT_DOUBLE_EQ(high.product_m3_per_h, 1000);
  EXPECT_DOUBLE_EQ(high.shortfall_m3_per_h, 300);
  DesalOperation none = desalinate(plant(), 0);
  EXPECT_DOUBLE_EQ(none.power_mw, 0);  // no demand: off, not at minimum load
  DesalOperation no_plant = desalinate(DesalParams{0, 3.5, 0.5, 0.4}, 10);
  EXPECT_DOUBLE_EQ(no_plant.shortfall_m3_per_h, 10);
  EXPECT_DOUBLE_EQ(no_plant.power_mw, 0);
}
