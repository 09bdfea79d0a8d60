#include "models/power/site_presets.hpp"

#include "models/power/grid.hpp"

namespace sovcap::power {

SitePowerParams dakhla_preset() {
  SitePowerParams p;
  p.location = {23.7148, -15.9368, 10};
  // Solar. Single-axis trackers are the utility-scale norm at low latitude.
  p.solar.single_axis_tracking = true;
  // Linke turbidity: SoDa/Meteotest climatology for the Saharan Atlantic coast
  // is about 3-5 (sea salt and dust); 3.5 as a yearly value (assumption).
  p.solar.linke_turbidity = 3.5;
  // Clear-sky index per month (assumption): calibrated so annual GHI is about
  // 2,100-2,200 kWh/m2, the Global Solar Atlas (World Bank/Solargis) range for
  // Dakhla; summer is lower for the marine stratus of the upwelling season.
  p.solar.clearness_monthly = {0.92, 0.92, 0.93, 0.94, 0.93, 0.90, 0.86, 0.87, 0.90, 0.91, 0.92, 0.92};
  p.solar.cloud_autocorrelation = 0.8;
  // Wind at 100 m: Global Wind Atlas (DTU) gives mean speeds of about 8-9 m/s
  // at 100 m on the Dakhla peninsula; trade winds are steady, so a high Weibull
  // k (about 3; assumption). Mean = c Gamma(1 + 1/k) = 9.8 x 0.893 = 8.75 m/s.
  p.wind.weibull_k = 3.0;
  p.wind.weibull_c_ms = 9.8;
  p.wind.autocorrelation = 0.9;
  // Trade winds peak in summer (Canary-current upwelling season) and in the
  // afternoon sea breeze (assumptions, shape only).
  p.wind.seasonal_amplitude = 0.12;
  p.wind.seasonal_peak_day = 190;
  p.wind.diurnal_amplitude = 0.08;
  p.wind.diurnal_peak_hour = 15;
  // Generic modern 4-6 MW turbine with a large rotor (low specific power, as
  // IEC class II/III machines of the 2020s): cut-in 3, rated 11, cut-out 25 m/s.
  p.wind.cut_in_ms = 3;
  p.wind.rated_ms = 11;
  p.wind.cut_out_ms = 25;
  p.wind.losses_fraction = 0.10;
  // Monthly mean temperatures, C: Dakhla climate normals (NOAA 1961-1990 as
  // quoted by Wikipedia's Dakhla climate table), rounded; mild all year.
  p.climate.monthly_mean_c = {17.4, 18.0, 19.0, 19.3, 20.3, 21.4, 22.6, 23.6, 23.8, 22.6, 20.6, 18.5};
  p.climate.diurnal_swing_c = 7;
  p.climate.peak_hour_local = 15;
  // Mild coast: free cooling most of the year.
  p.cooling.model = CoolingParams::Model::free_cooling;
  p.cooling.pue_min = 1.1;
  p.cooling.free_below_c = 20;
  p.cooling.pue_slope_per_c = 0.01;
  p.cooling.pue_max = 1.3;
  // Off-grid by design: its own sun and wind.
  p.grid.import_mw = 0;
  p.grid.carbon_gco2_per_kwh = kMoroccoGridGco2PerKwh;
  return p;
}

SitePowerParams benguerir_preset() {
  SitePowerParams p;
  p.location = {32.2196, -7.9360, 450};
  // Solar: fixed tilt near latitude - 5 for annual yield, facing south.
  p.solar.single_axis_tracking = false;
  p.solar.tilt_deg = 28;
  p.solar.azimuth_deg = 180;
  p.solar.linke_turbidity = 3.0;  // inland plateau, drier air than the coast (assumption)
  // Clear-sky index (assumption): winter Atlantic fronts, clear summers;
  // calibrated to an annual GHI of about 2,000-2,100 kWh/m2 (Global Solar Atlas,
  // Benguerir / Green Energy Park area).
  p.solar.clearness_monthly = {0.80, 0.82, 0.85, 0.88, 0.91, 0.95, 0.97, 0.96, 0.92, 0.87, 0.82, 0.79};
  // Wind: inland, modest: Global Wind Atlas about 5-6 m/s at 100 m (assumption).
  p.wind.weibull_k = 2.0;
  p.wind.weibull_c_ms = 6.2;
  p.wind.seasonal_amplitude = 0.1;
  p.wind.seasonal_peak_day = 120;
  p.wind.diurnal_amplitude = 0.15;
  p.wind.diurnal_peak_hour = 16;
  // The same generic turbine as Dakhla's (the table in docs/power-models.md).
  p.wind.cut_in_ms = 3;
  p.wind.rated_ms = 11;
  p.wind.cut_out_ms = 25;
  p.wind.losses_fraction = 0.10;
  // Monthly means, C: Benguerir/Marrakech-region normals (Climate-Data.org /
  // Wikipedia Marrakech table, adjusted a little cooler for 450 m), hot summers.
  p.climate.monthly_mean_c = {11.5, 13.0, 15.5, 17.5, 20.5, 24.0, 28.5, 28.5, 25.0, 21.0, 15.5, 12.5};
  p.climate.diurnal_swing_c = 15;
  p.climate.peak_hour_local = 15;
  p.cooling.model = CoolingParams::Model::free_cooling;
  p.cooling.pue_min = 1.15;
  p.cooling.free_below_c = 18;
  p.cooling.pue_slope_per_c = 0.012;
  p.cooling.pue_max = 1.45;
  // Grid-connected to ONEE's network.
  p.grid.carbon_gco2_per_kwh = kMoroccoGridGco2PerKwh;
  return p;
}

}  // namespace sovcap::power
