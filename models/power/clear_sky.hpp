#pragma once
// Clear-sky irradiance on a horizontal plane, W/m2.

namespace sovcap::power {

struct Irradiance {
  double ghi_wm2 = 0;  // global horizontal
  double dni_wm2 = 0;  // direct normal
  double dhi_wm2 = 0;  // diffuse horizontal
};

// Extraterrestrial normal irradiance on a day of the year (Spencer 1971,
// solar constant 1367 W/m2).
double extraterrestrial_wm2(int day_of_year);

// Relative optical air mass at an (apparent) zenith (Kasten & Young 1989,
// Applied Optics 28(22)); 0 at or beyond 90 degrees (no sun).
double air_mass_kasten_young(double zenith_deg);

// Ineichen & Perez 2002 ("A new airmass independent formulation for the Linke
// turbidity coefficient", Solar Energy 73(3)), as in pvlib.clearsky.ineichen,
// without the optional Perez enhancement. Zero with the sun below the horizon.
Irradiance clear_sky_ineichen(double apparent_zenith_deg, int day_of_year, double linke_turbidity,
                              double elevation_m);

// Haurwitz 1945 GHI: 1098 cos z exp(-0.059 / cos z); fallback with no turbidity data.
double clear_sky_haurwitz_ghi(double zenith_deg);

}  // namespace sovcap::power
