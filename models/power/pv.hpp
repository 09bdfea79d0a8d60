#pragma once
// A PV plant, PVWatts-style (Dobos 2014, "PVWatts Version 5 Manual",
// NREL/TP-6A20-62641): plane-of-array irradiance (isotropic sky, ground
// albedo), cell temperature, temperature derating, DC losses, inverter
// efficiency and AC clipping.
#include "models/power/clear_sky.hpp"
#include "models/power/params.hpp"
#include "models/power/solar_position.hpp"

namespace sovcap::power {

struct PlaneIrradiance {
  double poa_wm2 = 0;       // total on the module plane
  double beam_wm2 = 0;      // of which direct
  double aoi_deg = 90;      // angle of incidence of the beam
  double surface_tilt_deg = 0;
};

class PvPlant {
 public:
  static constexpr double kAlbedo = 0.2;            // generic ground (PVWatts default)
  static constexpr double kTrackerMaxAngleDeg = 60;  // typical single-axis range
  static constexpr double kNoctC = 45;               // nominal operating cell temperature
  static constexpr double kIamB0 = 0.05;             // ASHRAE incidence-angle modifier

  explicit PvPlant(const SolarParams& p);

  // Module-plane irradiance: fixed tilt/azimuth, or a horizontal N-S axis
  // tracking the sun east to west (no backtracking).
  PlaneIrradiance plane_irradiance(const Irradiance& horizontal, const SolarPosition& sun) const;
  // NOCT model: T_cell = T_amb + (NOCT - 20) / 800 * POA.
  static double cell_temperature_c(double poa_wm2, double ambient_c);
  // DC at the inverter input: capacity * G/1000 * (1 + gamma (T_cell - 25)) * (1 - losses).
  double dc_mw(double poa_wm2, double cell_c) const;
  // AC: min(DC * inverter efficiency, inverter limit).
  double ac_mw(double dc_mw) const;
  // The whole chain from horizontal irradiance to AC MW.
  double ac_mw(const Irradiance& horizontal, const SolarPosition& sun, double ambient_c) const;

  double capacity_mw() const { return capacity_mw_; }
  double inverter_mw() const;
  void set_capacity_mw(double mw) { capacity_mw_ = mw; }

 private:
  SolarParams p_;
  double capacity_mw_;
};

}  // namespace sovcap::power
