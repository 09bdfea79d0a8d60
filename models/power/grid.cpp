#include "models/power/grid.hpp"

#include <cmath>
#include <stdexcept>

#include "models/power/calendar.hpp"

namespace sovcap::power {

Grid::Grid(const GridParams& p, double longitude_deg) : p_(p), longitude_deg_(longitude_deg), import_mw_(p.import_mw) {
  if (!(p.import_mw >= 0) || !(p.export_mw >= 0)) throw std::invalid_argument("grid: import/export must be >= 0");
  flat_ = true;
  for (double f : p.carbon_hourly_factor) flat_ = flat_ && f == 0;
  if (!p.carbon_csv.empty()) carbon_ = std::make_shared<const Profile>(Profile::read(p.carbon_csv));
}

double Grid::carbon_gco2_per_kwh(double unix_s) const {
  if (carbon_) return carbon_->at(unix_s);
  if (flat_) return p_.carbon_gco2_per_kwh;
  const int h = static_cast<int>(std::floor(local_solar_hour(unix_s, longitude_deg_))) % 24;
  return p_.carbon_gco2_per_kwh * p_.carbon_hourly_factor[static_cast<size_t>(h)];
}

}  // namespace sovcap::power
