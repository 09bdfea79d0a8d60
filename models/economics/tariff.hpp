#pragma once
// A grid import tariff of the kind ONEE sells at high voltage: an energy price
// that depends on the hour (time-of-use periods: peak, full, off-peak), a
// charge per MW of subscribed power per year, and optionally a demand charge
// per MW of each month's highest import.
#include <array>
#include <vector>

namespace sovcap::economics {

struct Tariff {
  std::array<double, 24> energy_usd_per_mwh{};  // by hour of the tariff's clock (UTC + utc_offset_h)
  double utc_offset_h = 0;
  double subscribed_mw = 0;                  // power subscribed (0: the site's highest import)
  double subscribed_usd_per_mw_year = 0;
  double demand_usd_per_mw_month = 0;        // on each calendar month's highest mean-step import
};

struct TariffBill {
  double energy_usd = 0, subscribed_usd = 0, demand_usd = 0;
  double total_usd() const { return energy_usd + subscribed_usd + demand_usd; }
};

// Meters a site's import step by step and bills it at the end.
class TariffMeter {
 public:
  explicit TariffMeter(const Tariff& t) : t_(t) {}
  // Mean import over [unix_s, unix_s + length_s); the hour's price applies to
  // the energy of each hour the interval covers.
  void add(double unix_s, double length_s, double import_mw);
  // Over a billed period of `years` (the run's length in years, for the subscription).
  TariffBill bill(double years) const;
  double peak_import_mw() const { return peak_mw_; }

 private:
  double price_at(double unix_s) const;
  Tariff t_;
  double energy_usd_ = 0, peak_mw_ = 0;
  std::vector<std::pair<long, double>> month_peaks_;  // (year*12+month, peak MW), in time order
};

}  // namespace sovcap::economics
