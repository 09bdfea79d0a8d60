#pragma once
// Plain parameters of the power models of one site. Units are in the names.
// The config loader fills these; the models read them; neither knows the other.
#include <array>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "models/water/cooling_water.hpp"

namespace sovcap::power {

struct Location {
  double latitude_deg = 0;
  double longitude_deg = 0;  // east positive
  double elevation_m = 0;
};

struct SolarParams {
  double capacity_mw = 0;            // DC nameplate at STC (1000 W/m2, 25 C)
  double inverter_mw = 0;            // AC limit; 0 = capacity_mw / 1.2 (DC/AC ratio)
  double tilt_deg = 25;              // ignored with tracking
  double azimuth_deg = 180;          // 180 = facing south
  bool single_axis_tracking = false; // N-S axis, east-west tracking
  double temp_coeff_per_c = -0.0035; // PVWatts: -0.37 %/C for standard modules
  double dc_loss_fraction = 0.14;    // PVWatts default system losses
  double inverter_efficiency = 0.96; // PVWatts nominal
  double linke_turbidity = 3.0;      // Ineichen-Perez clear-sky input
  std::array<double, 12> clearness_monthly{};  // mean clear-sky index per month (0..1); 0 = all 0.75
  double cloud_autocorrelation = 0.8;          // AR(1) coefficient, hour to hour
  std::string profile_csv;           // if set: AC MW per unit capacity or W/m2 GHI from CSV
};

struct WindParams {
  double capacity_mw = 0;
  double weibull_k = 2.0;
  double weibull_c_ms = 8.0;              // scale at hub height
  double autocorrelation = 0.9;           // hour-to-hour
  double seasonal_amplitude = 0.1;        // fraction of c, peak at seasonal_peak_day
  int seasonal_peak_day = 180;
  double diurnal_amplitude = 0.05;        // fraction of c, peak at diurnal_peak_hour (local solar)
  double diurnal_peak_hour = 15;
  double cut_in_ms = 3.0, rated_ms = 12.0, cut_out_ms = 25.0;
  double losses_fraction = 0.10;          // availability + wake + electrical
  std::string profile_csv;
};

struct ClimateParams {
  std::array<double, 12> monthly_mean_c{};  // mean daily temperature per month
  double diurnal_swing_c = 10;              // peak-to-peak
  double peak_hour_local = 15;
  std::string profile_csv;
  // Mean relative humidity per month (%); all 0 = not configured (60 %).
  // The day's dew point is held, so humidity falls as the day warms.
  std::array<double, 12> monthly_mean_rh_percent{};
};

struct CoolingParams {
  enum class Model { constant, free_cooling } model = Model::constant;
  // Each model with its name in scenarios.
  static constexpr std::pair<Model, const char*> kModelNames[] = {{Model::constant, "constant"},
                                                                  {Model::free_cooling, "free_cooling"}};
  double pue = 1.3;              // constant model
  double pue_min = 1.1;          // free-cooling model: PUE below free_below_c
  double free_below_c = 18;
  double pue_slope_per_c = 0.01; // rise per degree above free_below_c
  double pue_max = 1.5;
  // How heat leaves the site: sets the temperature the PUE curve sees and the water used.
  water::CoolingWaterParams water;
};

struct BatteryParams {
  double energy_mwh = 0;
  double charge_mw = 0;
  double discharge_mw = 0;
  double round_trip_efficiency = 0.88;   // split as sqrt over charge and discharge
  double soc_min_fraction = 0.1;
  double soc_max_fraction = 0.95;
  double self_discharge_per_day = 0.001;
  double initial_soc_fraction = 0.5;
  double grid_charge_below_gco2_per_kwh = 0;  // 0 = never charge from the grid
};

struct GridParams {
  double import_mw = std::numeric_limits<double>::infinity();  // 0 = off-grid
  double export_mw = 0;
  double carbon_gco2_per_kwh = 600;       // constant intensity when no profile
  std::array<double, 24> carbon_hourly_factor{};  // multiplies the constant; 0s = flat
  std::string carbon_csv;
};

// A capacity change at a date (phased build-out). NaN = unchanged.
struct PowerPhase {
  double at_s = 0;  // seconds since scenario start
  double solar_mw = std::numeric_limits<double>::quiet_NaN();
  double wind_mw = std::numeric_limits<double>::quiet_NaN();
  double battery_mwh = std::numeric_limits<double>::quiet_NaN();
  double grid_import_mw = std::numeric_limits<double>::quiet_NaN();
};

struct SitePowerParams {
  Location location;
  SolarParams solar;
  WindParams wind;
  ClimateParams climate;
  CoolingParams cooling;
  BatteryParams battery;
  GridParams grid;
  std::vector<PowerPhase> phases;
};

}  // namespace sovcap::power
