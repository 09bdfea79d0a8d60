#pragma once
// A wind farm: hub-height speed as a seeded hourly process with a Weibull
// marginal (a Gaussian AR(1) mapped through the normal CDF and the Weibull
// quantile), a Weibull scale modulated by season and hour of day, and a
// generic turbine power curve.
#include <cstdint>

#include "models/power/gaussian_ar1.hpp"
#include "models/power/params.hpp"

namespace sovcap::power {

class WindFarm {
 public:
  // longitude_deg sets local solar time for the diurnal modulation.
  WindFarm(const WindParams& p, uint64_t seed, double start_utc_s, double longitude_deg);

  // Weibull scale at a time: c (1 + a_s cos(2 pi (doy - peak_day) / 365.25))
  //                            (1 + a_d cos(2 pi (hour - peak_hour) / 24)).
  double scale_ms(double unix_s) const;
  double speed_at_hour(int64_t h);    // speed at start + h hours
  double speed_ms(double unix_s);     // interpolated between hours
  // Weibull quantile c (-ln(1 - u))^(1/k), with u = Phi(z) computed from the tail side.
  static double weibull_from_normal(double z, double k, double c);

  // Fraction of rated power: (v^3 - vci^3) / (vr^3 - vci^3) between cut-in and
  // rated, 1 up to cut-out, 0 beyond (storm shutdown) and below cut-in.
  static double power_curve_fraction(double v, double cut_in, double rated, double cut_out);
  // Farm output in MW after losses.
  double power_mw(double speed_ms) const;

  double capacity_mw() const { return capacity_mw_; }
  void set_capacity_mw(double mw) { capacity_mw_ = mw; }

 private:
  WindParams p_;
  GaussianAr1 z_;
  double start_utc_s_, longitude_deg_, capacity_mw_;
};

}  // namespace sovcap::power
