#include "models/power/wind.hpp"

#include <cmath>
#include <stdexcept>

#include "models/power/calendar.hpp"

namespace sovcap::power {
namespace {
constexpr double kPi = 3.14159265358979323846;
}

WindFarm::WindFarm(const WindParams& p, uint64_t seed, double start_utc_s, double longitude_deg)
    : p_(p), z_(p.autocorrelation, seed), start_utc_s_(start_utc_s), longitude_deg_(longitude_deg),
      capacity_mw_(p.capacity_mw) {
  if (!(p.weibull_k > 0 && p.weibull_c_ms > 0)) throw std::invalid_argument("wind: Weibull k and c must be > 0");
  if (!(p.cut_in_ms < p.rated_ms && p.rated_ms <= p.cut_out_ms))
    throw std::invalid_argument("wind: need cut_in < rated <= cut_out");
}

double WindFarm::scale_ms(double unix_s) const {
  const double season = std::cos(2 * kPi * (day_of_year_utc(unix_s) - p_.seasonal_peak_day) / 365.25);
  const double day = std::cos(2 * kPi * (local_solar_hour(unix_s, longitude_deg_) - p_.diurnal_peak_hour) / 24.0);
  return p_.weibull_c_ms * (1.0 + p_.seasonal_amplitude * season) * (1.0 + p_.diurnal_amplitude * day);
}

double WindFarm::weibull_from_normal(double z, double k, double c) {
  // 1 - Phi(z) = erfc(z / sqrt 2) / 2 keeps precision in the upper tail.
  const double survival = 0.5 * std::erfc(z / std::sqrt(2.0));
  return c * std::pow(-std::log(std::fmax(survival, 1e-300)), 1.0 / k);
}

double WindFarm::speed_at_hour(int64_t h) {
  return weibull_from_normal(z_.at(h), p_.weibull_k, scale_ms(start_utc_s_ + 3600.0 * static_cast<double>(h)));
}

double WindFarm::speed_ms(double unix_s) {
  const double x = std::fmax(0.0, (unix_s - start_utc_s_) / 3600.0);
  const auto h = static_cast<int64_t>(std::floor(x));
  const double f = x - static_cast<double>(h);
  const double a = speed_at_hour(h);
  return f == 0 ? a : a + f * (speed_at_hour(h + 1) - a);
}

double WindFarm::power_curve_fraction(double v, double cut_in, double rated, double cut_out) {
  if (v < cut_in || v > cut_out) return 0.0;
  if (v >= rated) return 1.0;
  const double ci3 = cut_in * cut_in * cut_in;
  return (v * v * v - ci3) / (rated * rated * rated - ci3);
}

double WindFarm::power_mw(double v) const {
  return capacity_mw_ * (1.0 - p_.losses_fraction) * power_curve_fraction(v, p_.cut_in_ms, p_.rated_ms, p_.cut_out_ms);
}

}  // namespace sovcap::power
