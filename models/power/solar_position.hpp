#pragma once
// Sun position by the PSA algorithm (Blanco-Muriel, Alarcon-Padilla,
// Lopez-Moratalla, Lara-Coira, "Computing the solar vector", Solar Energy 70(5),
// 431-441, 2001): about 0.01 degree over 1999-2015, far cheaper than NREL's SPA.

namespace sovcap::power {

struct SolarPosition {
  double zenith_deg = 90;   // from the vertical, with parallax
  double azimuth_deg = 0;   // from north, clockwise (east = 90)
  double elevation_deg() const { return 90.0 - zenith_deg; }
};

// Topocentric position (geometric, no refraction) at a Julian day (UT).
SolarPosition solar_position_psa(double julian_day, double latitude_deg, double longitude_deg);
// The same from Unix seconds (UTC).
SolarPosition solar_position_unix(double unix_s, double latitude_deg, double longitude_deg);

// Atmospheric refraction lift of the sun in degrees at a true elevation, as in
// NREL's SPA (Reda & Andreas 2008, eq. 42, Bennett's formula); 0 below the
// horizon's refraction limit.
double refraction_deg(double true_elevation_deg, double pressure_hpa = 1010.0, double temperature_c = 10.0);

// The apparent position (refraction applied to the zenith).
SolarPosition apparent(SolarPosition p, double pressure_hpa = 1010.0, double temperature_c = 10.0);

// Standard-atmosphere pressure at an elevation (hPa), as SPA and pvlib use.
double pressure_hpa_at(double elevation_m);

}  // namespace sovcap::power
