#include "models/water/psychrometrics.hpp"

#include <algorithm>
#include <cmath>

namespace sovcap::water {

double saturation_vapour_pressure_hpa(double t_c) { return 6.1094 * std::exp(17.625 * t_c / (t_c + 243.04)); }

double dew_point_c(double t_c, double rh_percent) {
  const double g = std::log(std::max(rh_percent, 1e-6) / 100.0) + 17.625 * t_c / (t_c + 243.04);
  return 243.04 * g / (17.625 - g);
}

double relative_humidity_percent(double t_c, double td_c) {
  return std::min(100.0, 100.0 * saturation_vapour_pressure_hpa(td_c) / saturation_vapour_pressure_hpa(t_c));
}

double wet_bulb_stull_c(double t_c, double rh) {
  return t_c * std::atan(0.151977 * std::sqrt(rh + 8.313659)) + std::atan(t_c + rh) - std::atan(rh - 1.676331) +
         0.00391838 * std::pow(rh, 1.5) * std::atan(0.023101 * rh) - 4.686035;
}

double wet_bulb_psychrometric_c(double t_c, double rh, double pressure_hpa) {
  const double e = saturation_vapour_pressure_hpa(t_c) * rh / 100.0;
  // f(Tw) = es(Tw) - gamma P (T - Tw) - e rises with Tw; the root lies between the dew point and T.
  auto f = [&](double tw) {
    return saturation_vapour_pressure_hpa(tw) - 6.53e-4 * (1 + 0.000944 * tw) * pressure_hpa * (t_c - tw) - e;
  };
  double lo = dew_point_c(t_c, rh) - 1, hi = t_c;
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    (f(mid) > 0 ? hi : lo) = mid;
  }
  return 0.5 * (lo + hi);
}

double latent_heat_j_per_kg(double t_c) { return 2.501e6 - 2361.0 * t_c; }

}  // namespace sovcap::water
