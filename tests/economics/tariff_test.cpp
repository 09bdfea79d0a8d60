// Time-of-use energy, subscribed power and demand charges, by hand.
#include <gtest/gtest.h>

#include "models/economics/tariff.hpp"
#include "models/power/calendar.hpp"

using namespace sovcap::economics;

namespace {
// Off-peak 50 (22:00-07:00), full 80 (07:00-17:00), peak 120 (17:00-22:00), on UTC+1.
Tariff three_periods() {
  Tariff t;
  for (int h = 0; h < 24; ++h)
    t.energy_usd_per_mwh[static_cast<size_t>(h)] = h < 7 || h >= 22 ? 50 : h < 17 ? 80 : 120;
  t.utc_offset_h = 1;
  return t;
}
double utc(int y, int m, int d, double h) { return sovcap::power::days_from_civil(y, m, d) * 86400.0 + h * 3600.0; }
}  // namespace

TEST(Tariff, AFlatDayPaysEveryPeriodForItsHours) {
  TariffMeter m(three_periods());
  for (int k = 0; k < 96; ++k) m.add(utc(2030, 3, 10, 0) + k * 900.0, 900, 10);
  // 10 MWh an hour: 9 h x 50 + 10 h x 80 + 5 h x 120 = 1850 per MW.
  EXPECT_NEAR(m.bill(1.0 / 365).energy_usd, 18500, 1e-6);
}

TEST(Tariff, AStepAcrossAnHourBoundaryIsSplit) {
  TariffMeter m(three_periods());
  // 05:30-06:30 UTC = 06:30-07:30 on the tariff's clock: half off-peak, half full.
  m.add(utc(2030, 3, 10, 5.5), 3600, 1);
  EXPECT_NEAR(m.bill(0).energy_usd, 0.5 * 50 + 0.5 * 80, 1e-9);
}

TEST(Tariff, DemandChargeOnEachMonthsPeakAndSubscriptionOnTheHighestImport) {
  Tariff t = three_periods();
  t.demand_usd_per_mw_month = 1000;
  t.subscribed_usd_per_mw_year = 500;
  TariffMeter m(t);
  m.add(utc(2030, 1, 31, 10), 900, 10);
  m.add(utc(2030, 1, 31, 11), 900, 4);
  m.add(utc(2030, 2, 1, 10), 900, 20);
  m.add(utc(2030, 2, 2, 10), 900, 0);
  TariffBill b = m.bill(0.5);
  EXPECT_DOUBLE_EQ(b.demand_usd, (10 + 20) * 1000.0);
  EXPECT_DOUBLE_EQ(b.subscribed_usd, 20 * 500 * 0.5);  // no subscription given: the peak
  EXPECT_DOUBLE_EQ(m.peak_import_mw(), 20);
  t.subscribed_mw = 25;
  TariffMeter fixed(t);
  fixed.add(utc(2030, 1, 1, 0), 900, 3);
  EXPECT_DOUBLE_EQ(fixed.bill(1).subscribed_usd, 25 * 500.0);
}

TEST(Tariff, TheMonthFollowsTheTariffsClock) {
  // 31 Jan 23:30 UTC is already 1 Feb on UTC+1: two monthly peaks.
  Tariff t = three_periods();
  t.demand_usd_per_mw_month = 1;
  TariffMeter m(t);
  m.add(utc(2030, 1, 31, 22.0), 900, 5);
  m.add(utc(2030, 1, 31, 23.5), 900, 7);
  EXPECT_DOUBLE_EQ(m.bill(0).demand_usd, 12);
}
