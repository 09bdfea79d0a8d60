#pragma once
// Ambient dry-bulb temperature: the daily mean follows the monthly means,
// interpolated linearly between mid-months (cyclic over the year), plus a
// sinusoidal day swing peaking at peak_hour_local (local mean solar time).
#include "models/power/params.hpp"

namespace sovcap::power {

class Climate {
 public:
  static constexpr double kUnsetMeanC = 20;  // all monthly means 0 = not configured

  Climate(const ClimateParams& p, double longitude_deg);
  double daily_mean_c(double unix_s) const;
  double ambient_c(double unix_s) const;

 private:
  ClimateParams p_;
  double longitude_deg_;
  bool unset_;
};

}  // namespace sovcap::power
