#include "models/network/geo.hpp"

#include <algorithm>
#include <cmath>

namespace sovcap::network {

namespace {
constexpr double pi = 3.14159265358979323846;
double radians(double deg) { return deg * pi / 180.0; }
}  // namespace

double great_circle_km(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
  const double phi1 = radians(lat1_deg), phi2 = radians(lat2_deg);
  const double dphi = phi2 - phi1, dlambda = radians(lon2_deg - lon1_deg);
  const double s1 = std::sin(dphi / 2), s2 = std::sin(dlambda / 2);
  const double h = s1 * s1 + std::cos(phi1) * std::cos(phi2) * s2 * s2;
  // Clamp: rounding can push h a hair above 1 for antipodal points.
  return 2.0 * earth_radius_km * std::asin(std::sqrt(std::min(1.0, h)));
}

double fibre_latency_s(double km, double route_factor) {
  return km * route_factor / (light_speed_km_per_s / fibre_refractive_index);
}

}  // namespace sovcap::network
