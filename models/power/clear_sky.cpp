#include "models/power/clear_sky.hpp"

#include <algorithm>
#include <cmath>

namespace sovcap::power {
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kRad = kPi / 180.0;
}  // namespace

double extraterrestrial_wm2(int day_of_year) {
  const double b = 2 * kPi * (day_of_year - 1) / 365.0;
  return 1367.0 * (1.00011 + 0.034221 * std::cos(b) + 0.00128 * std::sin(b) + 0.000719 * std::cos(2 * b) +
                   0.000077 * std::sin(2 * b));
}

double air_mass_kasten_young(double zenith_deg) {
  if (!(zenith_deg < 90.0)) return 0.0;
  return 1.0 / (std::cos(zenith_deg * kRad) + 0.50572 * std::pow(96.07995 - zenith_deg, -1.6364));
}

Irradiance clear_sky_ineichen(double zenith_deg, int day_of_year, double tl, double elevation_m) {
  Irradiance out;
  const double cos_z = std::cos(zenith_deg * kRad);
  if (!(zenith_deg < 90.0) || cos_z <= 0) return out;
  const double i0 = extraterrestrial_wm2(day_of_year);
  // Absolute air mass: relative air mass times the station pressure ratio
  // (standard atmosphere, as pvlib.atmosphere.alt2pres).
  const double pressure_ratio = std::pow(1.0 - 2.25577e-5 * elevation_m, 5.25588);
  const double am = air_mass_kasten_young(zenith_deg) * pressure_ratio;

  const double fh1 = std::exp(-elevation_m / 8000.0);
  const double fh2 = std::exp(-elevation_m / 1250.0);
  const double cg1 = 5.09e-5 * elevation_m + 0.868;
  const double cg2 = 3.92e-5 * elevation_m + 0.0387;

  out.ghi_wm2 = cg1 * i0 * cos_z * std::max(0.0, std::exp(-cg2 * am * (fh1 + fh2 * (tl - 1.0))));
  const double b = 0.664 + 0.163 / fh1;
  const double bnci = i0 * std::max(0.0, b * std::exp(-0.09 * am * (tl - 1.0)));
  // The beam cannot exceed what the global model leaves for it (Ineichen & Perez eq. 9).
  const double bnci_2 =
      out.ghi_wm2 * std::clamp((1.0 - (0.1 - 0.2 * std::exp(-tl)) / (0.1 + 0.882 / fh1)) / cos_z, 0.0, 1e20);
  out.dni_wm2 = std::min(bnci, bnci_2);
  out.dhi_wm2 = std::max(0.0, out.ghi_wm2 - out.dni_wm2 * cos_z);
  return out;
}

double clear_sky_haurwitz_ghi(double zenith_deg) {
  const double cos_z = std::cos(zenith_deg * kRad);
  if (!(zenith_deg < 90.0) || cos_z <= 0) return 0.0;
  return 1098.0 * cos_z * std::exp(-0.059 / cos_z);
}

}  // namespace sovcap::power
