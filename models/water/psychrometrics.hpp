#pragma once
// Moist-air relations the cooling and water models need.
namespace sovcap::water {

// Saturation vapour pressure over water, hPa: the Magnus form with the
// coefficients of Alduchov and Eskridge (1996), 6.1094 exp(17.625 T / (T + 243.04)).
double saturation_vapour_pressure_hpa(double t_c);
// Dew point of air at t_c and relative humidity rh_percent (inverse Magnus).
double dew_point_c(double t_c, double rh_percent);
// Relative humidity (%) of air at t_c with dew point td_c, capped at 100.
double relative_humidity_percent(double t_c, double td_c);
// Wet-bulb temperature from Stull (2011), "Wet-Bulb Temperature from Relative
// Humidity and Air Temperature", J. Appl. Meteor. Climatol. 50: 2267-2269. An
// empirical fit at sea-level pressure, valid for RH 5-99 % and T -20..50 C
// (except cold and dry air together), error -1..+0.65 C.
double wet_bulb_stull_c(double t_c, double rh_percent);
// Wet-bulb temperature from the psychrometer equation
// e = es(Tw) - gamma P (T - Tw) (WMO, gamma = 6.53e-4 (1 + 0.000944 Tw) per K
// for a ventilated psychrometer), solved by bisection: the reference that
// Stull's fit is checked against.
double wet_bulb_psychrometric_c(double t_c, double rh_percent, double pressure_hpa = 1013.25);
// Latent heat of vaporisation of water, J/kg: 2.501e6 - 2361 T (a linear fit
// to the steam tables, within 0.1 % over 0-50 C).
double latent_heat_j_per_kg(double t_c);

}  // namespace sovcap::water
