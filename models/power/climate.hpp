#pragma once
// Ambient dry-bulb temperature: the daily mean follows the monthly means,
// interpolated linearly between mid-months (cyclic over the year), plus a
// sinusoidal day swing peaking at peak_hour_local (local mean solar time).
#include "models/power/params.hpp"

namespace sovcap::power {

class Climate {
 public:
  static constexpr double kUnsetMeanC = 20;  // all monthly means 0 = not configured
  static constexpr double kUnsetRhPercent = 60;  // all monthly humidities 0 = not configured (assumption)

  Climate(const ClimateParams& p, double longitude_deg);
  double daily_mean_c(double unix_s) const;
  double ambient_c(double unix_s) const;
  // The day's mean humidity follows the monthly means (interpolated as the
  // temperatures are); its dew point, at the day's mean temperature, holds all
  // day, and the humidity at air temperature t_c follows from it.
  double daily_mean_rh_percent(double unix_s) const;
  double relative_humidity_percent(double unix_s, double t_c) const;

 private:
  ClimateParams p_;
  double longitude_deg_;
  bool unset_, rh_unset_;
  double monthly_interpolated(const std::array<double, 12>& months, double unix_s) const;
};

}  // namespace sovcap::power
