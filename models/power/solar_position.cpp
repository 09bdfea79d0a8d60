#include "models/power/solar_position.hpp"

#include <cmath>

#include "models/power/calendar.hpp"

namespace sovcap::power {
namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kRad = kPi / 180.0;
constexpr double kEarthMeanRadiusKm = 6371.01;
constexpr double kAstronomicalUnitKm = 149597890;
}  // namespace

SolarPosition solar_position_psa(double julian_day, double latitude_deg, double longitude_deg) {
  // Time since J2000.0 and the UT hour of the day, as in the paper's code.
  const double n = julian_day - 2451545.0;
  double decimal_hours = std::fmod(julian_day + 0.5, 1.0) * 24.0;
  if (decimal_hours < 0) decimal_hours += 24.0;

  // Ecliptic coordinates.
  const double omega = 2.1429 - 0.0010394594 * n;
  const double mean_longitude = 4.8950630 + 0.017202791698 * n;
  const double mean_anomaly = 6.2400600 + 0.0172019699 * n;
  const double ecliptic_longitude = mean_longitude + 0.03341607 * std::sin(mean_anomaly) +
                                    0.00034894 * std::sin(2 * mean_anomaly) - 0.0001134 -
                                    0.0000203 * std::sin(omega);
  const double obliquity = 0.4090928 - 6.2140e-9 * n + 0.0000396 * std::cos(omega);

  // Celestial coordinates.
  const double sin_lambda = std::sin(ecliptic_longitude);
  double right_ascension = std::atan2(std::cos(obliquity) * sin_lambda, std::cos(ecliptic_longitude));
  if (right_ascension < 0) right_ascension += 2 * kPi;
  const double declination = std::asin(std::sin(obliquity) * sin_lambda);

  // Local coordinates.
  const double gmst_h = 6.6974243242 + 0.0657098283 * n + decimal_hours;
  const double lmst = (gmst_h * 15.0 + longitude_deg) * kRad;
  const double hour_angle = lmst - right_ascension;
  const double lat = latitude_deg * kRad;
  const double cos_lat = std::cos(lat), sin_lat = std::sin(lat);
  const double cos_ha = std::cos(hour_angle);
  double cos_zenith = cos_lat * cos_ha * std::cos(declination) + std::sin(declination) * sin_lat;
  cos_zenith = std::fmax(-1.0, std::fmin(1.0, cos_zenith));
  double zenith = std::acos(cos_zenith);
  double azimuth = std::atan2(-std::sin(hour_angle), std::tan(declination) * cos_lat - sin_lat * cos_ha);
  if (azimuth < 0) azimuth += 2 * kPi;
  // Parallax: the observer sits on the surface, not at the Earth's centre.
  zenith += kEarthMeanRadiusKm / kAstronomicalUnitKm * std::sin(zenith);

  return {zenith / kRad, azimuth / kRad};
}

SolarPosition solar_position_unix(double unix_s, double latitude_deg, double longitude_deg) {
  return solar_position_psa(julian_day_from_unix(unix_s), latitude_deg, longitude_deg);
}

double refraction_deg(double e, double pressure_hpa, double temperature_c) {
  // SPA applies it only while the sun is above the refracted horizon
  // (sun radius 0.26667 deg + mean refraction at the horizon 0.5667 deg).
  if (e < -(0.26667 + 0.5667)) return 0.0;
  return (pressure_hpa / 1010.0) * (283.0 / (273.0 + temperature_c)) * 1.02 /
         (60.0 * std::tan((e + 10.3 / (e + 5.11)) * kRad));
}

SolarPosition apparent(SolarPosition p, double pressure_hpa, double temperature_c) {
  p.zenith_deg -= refraction_deg(p.elevation_deg(), pressure_hpa, temperature_c);
  return p;
}

double pressure_hpa_at(double elevation_m) {
  return 1013.25 * std::pow(1.0 - 2.25577e-5 * elevation_m, 5.25588);
}

}  // namespace sovcap::power
