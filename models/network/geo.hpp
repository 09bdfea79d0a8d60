#pragma once
// Distances on the Earth and the propagation delay of light in fibre.

namespace sovcap::network {

// Mean Earth radius (IUGG R1), km.
constexpr double earth_radius_km = 6371.0088;
// Speed of light in vacuum, km/s.
constexpr double light_speed_km_per_s = 299792.458;
// Group index of standard single-mode fibre (ITU-T G.652, ~1550 nm): light in
// the glass travels at c / 1.4682, about 204,190 km/s.
constexpr double fibre_refractive_index = 1.4682;

// Great-circle distance by the haversine formula (well conditioned for short
// distances, unlike the spherical law of cosines).
double great_circle_km(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg);

// One-way propagation delay over a fibre route route_factor times longer than
// the great-circle distance km.
double fibre_latency_s(double km, double route_factor);

}  // namespace sovcap::network
