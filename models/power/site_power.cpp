#include "models/power/site_power.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "models/power/calendar.hpp"
#include "models/power/clear_sky.hpp"
#include "models/power/cooling.hpp"
#include "models/power/decomposition.hpp"
#include "models/power/solar_position.hpp"
#include "models/seeds/streams.hpp"
#include "models/water/cooling_water.hpp"
#include "models/water/psychrometrics.hpp"

namespace sovcap::power {
namespace {

std::shared_ptr<const Profile> maybe_read(const std::string& path) {
  return path.empty() ? nullptr : std::make_shared<const Profile>(Profile::read(path));
}

}  // namespace

SitePower::SitePower(const SitePowerParams& p, uint64_t seed, int64_t start_utc_s, double step_s)
    : p_(p), start_utc_s_(static_cast<double>(start_utc_s)), step_s_(step_s), phases_(p.phases), pv_(p.solar),
      clouds_(p.solar.clearness_monthly, p.solar.cloud_autocorrelation, seeds::site_clouds(seed), start_utc_s_),
      wind_(p.wind, seeds::site_wind(seed), start_utc_s_, p.location.longitude_deg),
      climate_(p.climate, p.location.longitude_deg), battery_(p.battery), grid_(p.grid, p.location.longitude_deg),
      solar_profile_(maybe_read(p.solar.profile_csv)), wind_profile_(maybe_read(p.wind.profile_csv)),
      temperature_profile_(maybe_read(p.climate.profile_csv)) {
  if (!(step_s > 0)) throw std::invalid_argument("site power: step_s must be > 0");
  std::stable_sort(phases_.begin(), phases_.end(),
                   [](const PowerPhase& a, const PowerPhase& b) { return a.at_s < b.at_s; });
}

void SitePower::apply_phases(double t_s) {
  for (; next_phase_ < phases_.size() && phases_[next_phase_].at_s <= t_s; ++next_phase_) {
    const PowerPhase& ph = phases_[next_phase_];
    if (!std::isnan(ph.solar_mw)) pv_.set_capacity_mw(ph.solar_mw);
    if (!std::isnan(ph.wind_mw)) wind_.set_capacity_mw(ph.wind_mw);
    if (!std::isnan(ph.battery_mwh)) battery_.set_energy_mwh(ph.battery_mwh);
    if (!std::isnan(ph.grid_import_mw)) grid_.set_import_limit_mw(ph.grid_import_mw);
  }
}

double SitePower::solar_mw_at(double unix_s, double ambient_c) {
  if (solar_profile_) return pv_.capacity_mw() * std::max(0.0, solar_profile_->at(unix_s));
  if (pv_.capacity_mw() <= 0) return 0.0;
  const auto& loc = p_.location;
  const SolarPosition sun =
      apparent(solar_position_unix(unix_s, loc.latitude_deg, loc.longitude_deg), pressure_hpa_at(loc.elevation_m),
               ambient_c);
  if (sun.zenith_deg >= 90) {
    last_ghi_wm2_ = 0;
    return 0.0;
  }
  const int doy = day_of_year_utc(unix_s);
  const double clear_ghi = p_.solar.linke_turbidity > 0
                               ? clear_sky_ineichen(sun.zenith_deg, doy, p_.solar.linke_turbidity, loc.elevation_m).ghi_wm2
                               : clear_sky_haurwitz_ghi(sun.zenith_deg);
  last_ghi_wm2_ = clear_ghi * clouds_.clear_sky_index(unix_s);
  return pv_.ac_mw(split_erbs(last_ghi_wm2_, sun.zenith_deg, doy), sun, ambient_c);
}

Conditions SitePower::conditions(double t_s) {
  apply_phases(t_s);
  const double start = start_utc_s_ + t_s;
  // The sun and the weather at mid-interval stand for the interval; profiles
  // are read at its start (a sample labels the interval it begins).
  const double mid = start + step_s_ / 2.0;
  Conditions c{};
  c.ambient_c = temperature_profile_ ? temperature_profile_->at(start) : climate_.ambient_c(mid);
  c.solar_mw = solar_mw_at(solar_profile_ ? start : mid, c.ambient_c);
  last_wind_ms_ = wind_profile_ ? wind_profile_->at(start) : wind_.speed_ms(mid);
  c.wind_mw = wind_.power_mw(last_wind_ms_);
  const double unix_rh = temperature_profile_ ? start : mid;
  c.relative_humidity_percent = climate_.relative_humidity_percent(unix_rh, c.ambient_c);
  c.wet_bulb_c = water::wet_bulb_stull_c(c.ambient_c, c.relative_humidity_percent);
  c.cooling_c = water::cooling_temperature_c(p_.cooling.water, c.ambient_c, c.wet_bulb_c);
  c.pue = pue_at(p_.cooling, c.cooling_c);
  c.carbon_gco2_per_kwh = grid_.carbon_gco2_per_kwh(start);
  c.grid_import_limit_mw = grid_.import_limit_mw();
  return c;
}

double SitePower::max_facility_mw(const Conditions& c) const {
  return c.solar_mw + c.wind_mw + battery_.max_discharge_mw(step_s_) + c.grid_import_limit_mw;
}

Flows SitePower::dispatch(const Conditions& c, double it_mw) { return dispatch(c, it_mw, step_s_); }

Flows SitePower::dispatch(const Conditions& c, double it_mw, double length_s) {
  if (std::isnan(it_mw)) throw std::invalid_argument("site power: IT load is NaN");
  Flows f;
  f.it_power_mw = std::max(0.0, it_mw);  // metering noise can give -1e-12
  f.desal_power_mw = std::max(0.0, c.desal_power_mw);
  f.cooling_power_mw = f.it_power_mw * c.pue - f.it_power_mw;
  f.facility_power_mw = f.it_power_mw * c.pue + f.desal_power_mw;
  f.solar_mw = c.solar_mw;
  f.wind_mw = c.wind_mw;

  const double renewable = c.solar_mw + c.wind_mw;
  const double deficit = std::max(0.0, f.facility_power_mw - renewable);
  double surplus = std::max(0.0, renewable - f.facility_power_mw);
  if (length_s > 0) {
    if (deficit > 0) {
      f.battery_discharge_mw = battery_.discharge(deficit, length_s);
      f.grid_import_mw = std::min(deficit - f.battery_discharge_mw, c.grid_import_limit_mw);
      f.unserved_mw = deficit - f.battery_discharge_mw - f.grid_import_mw;
    }
    // Charge from surplus renewables and, when the grid is clean enough, from
    // spare import capacity; never while discharging in the same interval.
    double grid_room = 0;
    if (f.battery_discharge_mw == 0 && p_.battery.grid_charge_below_gco2_per_kwh > 0 &&
        c.carbon_gco2_per_kwh < p_.battery.grid_charge_below_gco2_per_kwh)
      grid_room = std::max(0.0, c.grid_import_limit_mw - f.grid_import_mw);
    if (f.battery_discharge_mw == 0 && surplus + grid_room > 0) {
      const double room = battery_.max_charge_mw(length_s);
      f.battery_charge_mw = battery_.charge(std::min(room, surplus + grid_room), length_s);
      const double from_surplus = std::min(f.battery_charge_mw, surplus);
      f.grid_charge_mw = f.battery_charge_mw - from_surplus;
      surplus -= from_surplus;
      f.grid_import_mw += f.grid_charge_mw;
    }
    battery_.self_discharge(length_s);
  } else {
    f.grid_import_mw = std::min(deficit, c.grid_import_limit_mw);
    f.unserved_mw = deficit - f.grid_import_mw;
  }
  f.grid_export_mw = std::min(surplus, grid_.export_limit_mw());
  f.curtailed_mw = surplus - f.grid_export_mw;
  f.battery_soc_mwh = battery_.soc_mwh();
  // MW x gCO2/kWh = 1000 kWh/h x g/kWh = kg/h.
  f.carbon_kg_per_h = f.grid_import_mw * c.carbon_gco2_per_kwh;
  return f;
}

}  // namespace sovcap::power
