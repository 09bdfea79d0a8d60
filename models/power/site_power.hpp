#pragma once
// The power side of one site, as the simulator drives it: each step it asks
// for the conditions of the coming interval (what sun and wind give, the
// weather, PUE, grid carbon and import limit), caps IT load to what the site
// can supply, and at the end dispatches the IT energy actually drawn.
#include <cstdint>
#include <memory>
#include <vector>

#include "models/power/battery.hpp"
#include "models/power/cloudiness.hpp"
#include "models/power/grid.hpp"
#include "models/power/climate.hpp"
#include "models/power/params.hpp"
#include "models/power/profile_csv.hpp"
#include "models/power/pv.hpp"
#include "models/power/wind.hpp"

namespace sovcap::power {

// Over the interval [t_s, t_s + step_s).
struct Conditions {
  double solar_mw;             // AC available from PV (before curtailment)
  double wind_mw;              // available from the wind farm
  double ambient_c;
  double relative_humidity_percent;
  double wet_bulb_c;           // Stull (2011) from ambient_c and the humidity
  double cooling_c;            // what the cooling plant works against (by cooling mode); drives pue
  double pue;
  double carbon_gco2_per_kwh;  // of grid imports
  double grid_import_limit_mw; // +inf = unlimited, 0 = off-grid
  double desal_power_mw = 0;   // the desalination plant's load, set by its operator before dispatch
};

// Mean flows over the interval. Balance:
//   solar + wind + battery_discharge + grid_import + unserved
//     == facility + battery_charge + curtailed + grid_export
// (unserved is 0 whenever the IT load respects max_facility_mw / pue).
struct Flows {
  double solar_mw = 0, wind_mw = 0;  // generated and used, exported or curtailed
  double battery_charge_mw = 0, battery_discharge_mw = 0;
  double grid_import_mw = 0, grid_export_mw = 0;
  double curtailed_mw = 0;
  double battery_soc_mwh = 0;  // at the end of the interval
  double carbon_kg_per_h = 0;  // of grid imports
  double it_power_mw = 0, cooling_power_mw = 0, facility_power_mw = 0;  // facility = it x pue + desal
  double desal_power_mw = 0;
  double unserved_mw = 0;      // facility demand no source could meet
  double grid_charge_mw = 0;   // part of battery_charge_mw (and grid_import_mw) for low-carbon grid charging
};

class SitePower {
 public:
  SitePower(const SitePowerParams& p, uint64_t seed, int64_t start_utc_s, double step_s);

  // Called with t_s (seconds since start) increasing by one step each time.
  Conditions conditions(double t_s);
  // Renewables + battery discharge over a step + grid import limit (may be +inf).
  double max_facility_mw(const Conditions& c) const;
  // Serve a mean IT load over the interval: facility = it * pue + desal; renewables
  // first, then battery, then grid; surplus charges the battery, then is
  // exported, then curtailed. Advances the battery by step_s.
  Flows dispatch(const Conditions& c, double it_mw);
  // The same over an interval of length_s (e.g. a shorter last step).
  Flows dispatch(const Conditions& c, double it_mw, double length_s);

  const Battery& battery() const { return battery_; }
  double solar_capacity_mw() const { return pv_.capacity_mw(); }
  double wind_capacity_mw() const { return wind_.capacity_mw(); }
  // Weather behind the last conditions() (for diagnostics and tests).
  double last_ghi_wm2() const { return last_ghi_wm2_; }
  double last_wind_speed_ms() const { return last_wind_ms_; }

 private:
  void apply_phases(double t_s);
  double solar_mw_at(double unix_mid_s, double ambient_c);

  SitePowerParams p_;
  double start_utc_s_, step_s_;
  std::vector<PowerPhase> phases_;
  size_t next_phase_ = 0;
  PvPlant pv_;
  Cloudiness clouds_;
  WindFarm wind_;
  Climate climate_;
  Battery battery_;
  Grid grid_;
  std::shared_ptr<const Profile> solar_profile_, wind_profile_, temperature_profile_;
  double last_ghi_wm2_ = 0, last_wind_ms_ = 0;
};

}  // namespace sovcap::power
