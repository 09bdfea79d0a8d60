// The shipped default scenario's power side: configs/morocco-2030.yaml loaded
// as the simulator loads it, its sites' SitePower run hour by hour for the
// scenario's year. The same targets as tests/power/capacity_factor_test.cpp
// (which checks the presets): Dakhla PV 19-25 % (AC energy / (DC capacity x
// hours)), wind 40-50 %, annual GHI in the Global Solar Atlas range.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "models/power/site_power.hpp"
#include "models/power/site_presets.hpp"
#include "simulator/config/loader.hpp"

using namespace sovcap;

namespace {

const config::Scenario& scenario() {
  static const config::Scenario sc = config::load_scenario(std::string(SOVCAP_SOURCE_DIR) + "/configs/morocco-2030.yaml");
  return sc;
}

const config::SiteSpec& site(const std::string& id) {
  for (const auto& s : scenario().sites)
    if (s.id == id) return s;
  throw std::runtime_error("no site " + id);
}

struct Year {
  double pv_cf = 0, wind_cf = 0, ghi_kwh_m2 = 0;
};

// Capacity factors against the capacity installed step by step (the default
// scenario adds a second wind stage mid-year), at the scenario's own step.
Year simulate(const config::SiteSpec& s, uint64_t seed) {
  const double step = scenario().step_s;
  power::SitePower site(s.power, seed, scenario().start_utc_s, step);
  double pv = 0, pv_cap = 0, wind = 0, wind_cap = 0;
  Year y;
  const int steps = static_cast<int>(std::lround(scenario().duration_s / step));
  for (int i = 0; i < steps; ++i) {
    power::Conditions c = site.conditions(i * step);
    pv += c.solar_mw;
    pv_cap += site.solar_capacity_mw();
    wind += c.wind_mw;
    wind_cap += site.wind_capacity_mw();
    y.ghi_kwh_m2 += site.last_ghi_wm2() / 1000.0 * step / 3600.0;
  }
  y.pv_cf = pv_cap > 0 ? pv / pv_cap : 0;
  y.wind_cf = wind_cap > 0 ? wind / wind_cap : 0;
  std::printf("%s seed %llu: PV CF %.3f, wind CF %.3f, GHI %.0f kWh/m2\n", s.id.c_str(),
              static_cast<unsigned long long>(seed), y.pv_cf, y.wind_cf, y.ghi_kwh_m2);
  return y;
}

}  // namespace

TEST(DefaultConfigPower, DakhlaCapacityFactorsInTheirTargetRanges) {
  std::vector<uint64_t> seeds{scenario().seed};
  for (uint64_t s = 1; s <= 8; ++s) seeds.push_back(s);
  for (uint64_t seed : seeds) {
    Year y = simulate(site("dakhla"), seed);
    EXPECT_GE(y.pv_cf, 0.19) << seed;
    EXPECT_LE(y.pv_cf, 0.25) << seed;
    EXPECT_GE(y.wind_cf, 0.40) << seed;
    EXPECT_LE(y.wind_cf, 0.50) << seed;
    EXPECT_GE(y.ghi_kwh_m2, 2000) << seed;
    EXPECT_LE(y.ghi_kwh_m2, 2300) << seed;
  }
}

TEST(DefaultConfigPower, BenguerirPvIsPlausible) {
  Year y = simulate(site("benguerir"), scenario().seed);
  // Fixed tilt inland: PVOUT about 1,700-1,900 kWh/kWp a year.
  EXPECT_GE(y.pv_cf, 0.17);
  EXPECT_LE(y.pv_cf, 0.23);
  EXPECT_GE(y.ghi_kwh_m2, 1900);
  EXPECT_LE(y.ghi_kwh_m2, 2200);
}

// The default scenario's weather and plant parameters are the presets' (whose
// sources docs/power-models.md tabulates); only capacities, the battery and
// the grid link are the scenario's own.
TEST(DefaultConfigPower, SitesUseThePresetsWeatherAndPlant) {
  struct Case {
    const char* id;
    power::SitePowerParams preset;
  };
  for (const Case& c : {Case{"dakhla", power::dakhla_preset()}, Case{"benguerir", power::benguerir_preset()}}) {
    SCOPED_TRACE(c.id);
    const auto& p = site(c.id).power;
    const auto& q = c.preset;
    EXPECT_EQ(p.solar.single_axis_tracking, q.solar.single_axis_tracking);
    if (!q.solar.single_axis_tracking) {
      EXPECT_EQ(p.solar.tilt_deg, q.solar.tilt_deg);
      EXPECT_EQ(p.solar.azimuth_deg, q.solar.azimuth_deg);
    }
    EXPECT_EQ(p.solar.linke_turbidity, q.solar.linke_turbidity);
    EXPECT_EQ(p.solar.clearness_monthly, q.solar.clearness_monthly);
    EXPECT_EQ(p.solar.cloud_autocorrelation, q.solar.cloud_autocorrelation);
    EXPECT_EQ(p.wind.weibull_k, q.wind.weibull_k);
    EXPECT_EQ(p.wind.weibull_c_ms, q.wind.weibull_c_ms);
    EXPECT_EQ(p.wind.autocorrelation, q.wind.autocorrelation);
    EXPECT_EQ(p.wind.seasonal_amplitude, q.wind.seasonal_amplitude);
    EXPECT_EQ(p.wind.seasonal_peak_day, q.wind.seasonal_peak_day);
    EXPECT_EQ(p.wind.diurnal_amplitude, q.wind.diurnal_amplitude);
    EXPECT_EQ(p.wind.diurnal_peak_hour, q.wind.diurnal_peak_hour);
    EXPECT_EQ(p.wind.cut_in_ms, q.wind.cut_in_ms);
    EXPECT_EQ(p.wind.rated_ms, q.wind.rated_ms);
    EXPECT_EQ(p.wind.cut_out_ms, q.wind.cut_out_ms);
    EXPECT_EQ(p.wind.losses_fraction, q.wind.losses_fraction);
    EXPECT_EQ(p.climate.monthly_mean_c, q.climate.monthly_mean_c);
    EXPECT_EQ(p.climate.diurnal_swing_c, q.climate.diurnal_swing_c);
    EXPECT_EQ(p.climate.peak_hour_local, q.climate.peak_hour_local);
    EXPECT_EQ(p.cooling.model, q.cooling.model);
    EXPECT_EQ(p.cooling.pue_min, q.cooling.pue_min);
    EXPECT_EQ(p.cooling.free_below_c, q.cooling.free_below_c);
    EXPECT_EQ(p.cooling.pue_slope_per_c, q.cooling.pue_slope_per_c);
    EXPECT_EQ(p.cooling.pue_max, q.cooling.pue_max);
    EXPECT_EQ(p.grid.carbon_gco2_per_kwh, q.grid.carbon_gco2_per_kwh);
  }
}
