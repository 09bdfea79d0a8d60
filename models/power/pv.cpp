#include "models/power/pv.hpp"

#include <algorithm>
#include <cmath>

namespace sovcap::power {
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kRad = kPi / 180.0;
}  // namespace

PvPlant::PvPlant(const SolarParams& p) : p_(p), capacity_mw_(p.capacity_mw) {}

double PvPlant::inverter_mw() const { return p_.inverter_mw > 0 ? p_.inverter_mw : capacity_mw_ / 1.2; }

PlaneIrradiance PvPlant::plane_irradiance(const Irradiance& h, const SolarPosition& sun) const {
  PlaneIrradiance out;
  if (sun.zenith_deg >= 90 || h.ghi_wm2 <= 0) return out;
  const double z = sun.zenith_deg * kRad, az = sun.azimuth_deg * kRad;
  // Sun unit vector: x east, y north, z up.
  const double sx = std::sin(z) * std::sin(az), sy = std::sin(z) * std::cos(az), sz = std::cos(z);
  double nx, ny, nz, tilt;
  if (p_.single_axis_tracking) {
    // Rotate about the N-S axis to face the sun's east-west component.
    double r = std::atan2(sx, sz);
    r = std::clamp(r, -kTrackerMaxAngleDeg * kRad, kTrackerMaxAngleDeg * kRad);
    nx = std::sin(r), ny = 0, nz = std::cos(r);
    tilt = std::fabs(r);
  } else {
    tilt = p_.tilt_deg * kRad;
    const double paz = p_.azimuth_deg * kRad;
    nx = std::sin(tilt) * std::sin(paz), ny = std::sin(tilt) * std::cos(paz), nz = std::cos(tilt);
  }
  const double cos_aoi = std::clamp(sx * nx + sy * ny + sz * nz, -1.0, 1.0);
  out.aoi_deg = std::acos(cos_aoi) / kRad;
  out.surface_tilt_deg = tilt / kRad;
  // ASHRAE incidence-angle modifier on the beam (glass reflection at grazing angles).
  const double iam = cos_aoi > 0 ? std::max(0.0, 1.0 - kIamB0 * (1.0 / cos_aoi - 1.0)) : 0.0;
  out.beam_wm2 = h.dni_wm2 * std::max(0.0, cos_aoi) * iam;
  const double sky = h.dhi_wm2 * (1.0 + std::cos(tilt)) / 2.0;          // isotropic (Liu & Jordan)
  const double ground = h.ghi_wm2 * kAlbedo * (1.0 - std::cos(tilt)) / 2.0;
  out.poa_wm2 = out.beam_wm2 + sky + ground;
  return out;
}

double PvPlant::cell_temperature_c(double poa_wm2, double ambient_c) {
  return ambient_c + (kNoctC - 20.0) / 800.0 * poa_wm2;
}

double PvPlant::dc_mw(double poa_wm2, double cell_c) const {
  if (poa_wm2 <= 0) return 0.0;
  const double derate = std::max(0.0, 1.0 + p_.temp_coeff_per_c * (cell_c - 25.0));
  return capacity_mw_ * poa_wm2 / 1000.0 * derate * (1.0 - p_.dc_loss_fraction);
}

double PvPlant::ac_mw(double dc) const { return std::min(dc * p_.inverter_efficiency, inverter_mw()); }

double PvPlant::ac_mw(const Irradiance& h, const SolarPosition& sun, double ambient_c) const {
  const double poa = plane_irradiance(h, sun).poa_wm2;
  return ac_mw(dc_mw(poa, cell_temperature_c(poa, ambient_c)));
}

}  // namespace sovcap::power
