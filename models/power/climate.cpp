#include "models/power/climate.hpp"

#include <cmath>

#include "models/power/calendar.hpp"
#include "models/water/psychrometrics.hpp"

namespace sovcap::power {
namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

Climate::Climate(const ClimateParams& p, double longitude_deg) : p_(p), longitude_deg_(longitude_deg) {
  unset_ = true;
  for (double v : p.monthly_mean_c) unset_ = unset_ && v == 0;
  rh_unset_ = true;
  for (double v : p.monthly_mean_rh_percent) rh_unset_ = rh_unset_ && v == 0;
}

double Climate::daily_mean_c(double unix_s) const {
  if (unset_) return kUnsetMeanC;
  return monthly_interpolated(p_.monthly_mean_c, unix_s);
}

double Climate::daily_mean_rh_percent(double unix_s) const {
  if (rh_unset_) return kUnsetRhPercent;
  return monthly_interpolated(p_.monthly_mean_rh_percent, unix_s);
}

double Climate::relative_humidity_percent(double unix_s, double t_c) const {
  const double td = water::dew_point_c(daily_mean_c(unix_s), daily_mean_rh_percent(unix_s));
  return water::relative_humidity_percent(t_c, td);
}

double Climate::monthly_interpolated(const std::array<double, 12>& months, double unix_s) const {
  const auto day = static_cast<int64_t>(std::floor(unix_s / 86400.0));
  const CivilDate d = civil_from_days(day);
  const double day_fraction = (unix_s - 86400.0 * static_cast<double>(day)) / 86400.0;
  // Position in months, 0.0 = the middle of January.
  const double x = (d.month - 1) + (d.day - 1 + day_fraction) / days_in_month(d.year, d.month) - 0.5;
  const double fl = std::floor(x);
  const int a = (static_cast<int>(fl) + 12) % 12, b = (a + 1) % 12;
  const double f = x - fl;
  return months[static_cast<size_t>(a)] * (1 - f) + months[static_cast<size_t>(b)] * f;
}

double Climate::ambient_c(double unix_s) const {
  const double h = local_solar_hour(unix_s, longitude_deg_);
  return daily_mean_c(unix_s) + p_.diurnal_swing_c / 2.0 * std::cos(2 * kPi * (h - p_.peak_hour_local) / 24.0);
}

}  // namespace sovcap::power
