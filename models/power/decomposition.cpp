#include "models/power/decomposition.hpp"

#include <algorithm>
#include <cmath>

namespace sovcap::power {

double erbs_diffuse_fraction(double kt) {
  if (kt <= 0.22) return 1.0 - 0.09 * std::max(0.0, kt);
  if (kt <= 0.80) return 0.9511 - 0.1604 * kt + 4.388 * kt * kt - 16.638 * std::pow(kt, 3) + 12.336 * std::pow(kt, 4);
  return 0.165;
}

Irradiance split_erbs(double ghi_wm2, double zenith_deg, int day_of_year) {
  Irradiance out;
  const double cos_z = std::cos(zenith_deg * 3.14159265358979323846 / 180.0);
  if (!(zenith_deg < 90.0) || cos_z <= 0 || ghi_wm2 <= 0) return out;
  const double i0 = extraterrestrial_wm2(day_of_year);
  // pvlib limits kt to [0, 1] and uses a floor on cos z of 0.065 (about 86 deg).
  const double kt = std::clamp(ghi_wm2 / (i0 * std::max(cos_z, 0.065)), 0.0, 1.0);
  out.ghi_wm2 = ghi_wm2;
  out.dhi_wm2 = ghi_wm2 * erbs_diffuse_fraction(kt);
  out.dni_wm2 = std::min(i0, (ghi_wm2 - out.dhi_wm2) / cos_z);
  // Keep the closure GHI = DNI cos z + DHI when the cap bites.
  out.dhi_wm2 = ghi_wm2 - out.dni_wm2 * cos_z;
  return out;
}

}  // namespace sovcap::power
