#pragma once
// The public-grid connection: an import limit (infinite, a number of MW, or 0
// for an off-grid site), an optional export limit, and the carbon intensity of
// imported energy, constant times an hour-of-day factor or from a CSV profile.
#include <memory>

#include "models/power/params.hpp"
#include "models/power/profile_csv.hpp"

namespace sovcap::power {

// Morocco's grid average, an assumption for defaults: about 610-630 gCO2/kWh
// (Ember, "Electricity Data Explorer", Morocco 2023: coal about 60-70 % of
// generation; IEA country profile gives a similar figure). 620 is used.
constexpr double kMoroccoGridGco2PerKwh = 620;

class Grid {
 public:
  // longitude_deg: hour-of-day factors index local mean solar time.
  Grid(const GridParams& p, double longitude_deg);

  double carbon_gco2_per_kwh(double unix_s) const;
  double import_limit_mw() const { return import_mw_; }
  double export_limit_mw() const { return p_.export_mw; }
  bool off_grid() const { return import_mw_ == 0; }
  void set_import_limit_mw(double mw) { import_mw_ = mw; }

 private:
  GridParams p_;
  double longitude_deg_, import_mw_;
  bool flat_;
  std::shared_ptr<const Profile> carbon_;
};

}  // namespace sovcap::power
