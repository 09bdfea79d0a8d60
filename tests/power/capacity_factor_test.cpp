// Annual capacity factors and irradiation of the Moroccan presets over a
// simulated year (2030, hourly). Targets: Dakhla PV (AC energy / (DC capacity
// x 8760 h)) 19-25 % with trackers, wind 40-50 % (one of Morocco's best wind
// resources); annual GHI in the Global Solar Atlas range.
#include <gtest/gtest.h>

#include <cstdio>

#include "models/power/calendar.hpp"
#include "models/power/site_power.hpp"
#include "models/power/site_presets.hpp"

using namespace sovcap::power;

namespace {

struct Year {
  double pv_cf, wind_cf, ghi_kwh_m2, mean_speed_ms, mean_c, mean_pue;
};

Year simulate(SitePowerParams p, uint64_t seed) {
  p.solar.capacity_mw = 100;
  p.wind.capacity_mw = 100;
  const int64_t start = days_from_civil(2030, 1, 1) * 86400;
  SitePower site(p, seed, start, 3600);
  Year y{};
  for (int h = 0; h < 8760; ++h) {
    Conditions c = site.conditions(h * 3600.0);
    y.pv_cf += c.solar_mw;
    y.wind_cf += c.wind_mw;
    y.ghi_kwh_m2 += site.last_ghi_wm2() / 1000.0;
    y.mean_speed_ms += site.last_wind_speed_ms();
    y.mean_c += c.ambient_c;
    y.mean_pue += c.pue;
  }
  y.pv_cf /= 100 * 8760.0;
  y.wind_cf /= 100 * 8760.0;
  y.mean_speed_ms /= 8760;
  y.mean_c /= 8760;
  y.mean_pue /= 8760;
  std::printf("seed %llu: PV CF %.3f, wind CF %.3f, GHI %.0f kWh/m2, wind %.2f m/s, T %.1f C, PUE %.3f\n",
              static_cast<unsigned long long>(seed), y.pv_cf, y.wind_cf, y.ghi_kwh_m2, y.mean_speed_ms, y.mean_c,
              y.mean_pue);
  return y;
}

}  // namespace

TEST(CapacityFactor, DakhlaPvAndWindInTheirTargetRanges) {
  for (uint64_t seed : {1u, 2u, 3u}) {
    Year y = simulate(dakhla_preset(), seed);
    EXPECT_GE(y.pv_cf, 0.19);
    EXPECT_LE(y.pv_cf, 0.25);
    EXPECT_GE(y.wind_cf, 0.40);
    EXPECT_LE(y.wind_cf, 0.50);
    EXPECT_GE(y.ghi_kwh_m2, 2000);
    EXPECT_LE(y.ghi_kwh_m2, 2300);
    // Hub-height mean speed near 8-9 m/s.
    EXPECT_GE(y.mean_speed_ms, 8.0);
    EXPECT_LE(y.mean_speed_ms, 9.2);
    EXPECT_NEAR(y.mean_c, 20.6, 0.5);  // the mean of the monthly normals
  }
}

TEST(CapacityFactor, BenguerirIsPlausible) {
  Year y = simulate(benguerir_preset(), 1);
  // Fixed tilt inland: PVOUT about 1,700-1,900 kWh/kWp a year (19-22 %).
  EXPECT_GE(y.pv_cf, 0.17);
  EXPECT_LE(y.pv_cf, 0.23);
  EXPECT_GE(y.ghi_kwh_m2, 1900);
  EXPECT_LE(y.ghi_kwh_m2, 2200);
  // A poor wind site.
  EXPECT_LT(y.wind_cf, 0.25);
  EXPECT_NEAR(y.mean_c, 19.4, 0.6);
}
