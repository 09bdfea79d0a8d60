#include "models/economics/tariff.hpp"

#include <algorithm>
#include <cmath>

#include "models/power/calendar.hpp"

namespace sovcap::economics {

double TariffMeter::price_at(double unix_s) const {
  const double local_h = std::fmod(unix_s / 3600.0 + t_.utc_offset_h, 24.0);
  const int h = static_cast<int>(std::floor(local_h < 0 ? local_h + 24 : local_h)) % 24;
  return t_.energy_usd_per_mwh[static_cast<size_t>(h)];
}

void TariffMeter::add(double unix_s, double length_s, double import_mw) {
  if (!(length_s > 0)) return;
  // Split at the tariff clock's hour boundaries (steps are usually inside one hour).
  const double offset_s = t_.utc_offset_h * 3600.0;
  double t = unix_s;
  const double end = unix_s + length_s;
  while (t < end) {
    const double next_hour = (std::floor((t + offset_s) / 3600.0) + 1) * 3600.0 - offset_s;
    const double until = std::min(end, next_hour);
    energy_usd_ += import_mw * (until - t) / 3600.0 * price_at(t);
    t = until;
  }
  peak_mw_ = std::max(peak_mw_, import_mw);
  const auto day = static_cast<int64_t>(std::floor((unix_s + offset_s) / 86400.0));
  const auto d = power::civil_from_days(day);
  const long month = static_cast<long>(d.year) * 12 + (d.month - 1);
  if (month_peaks_.empty() || month_peaks_.back().first != month) month_peaks_.emplace_back(month, 0.0);
  month_peaks_.back().second = std::max(month_peaks_.back().second, import_mw);
}

TariffBill TariffMeter::bill(double years) const {
  TariffBill b;
  b.energy_usd = energy_usd_;
  const double subscribed = t_.subscribed_mw > 0 ? t_.subscribed_mw : peak_mw_;
  b.subscribed_usd = subscribed * t_.subscribed_usd_per_mw_year * years;
  for (const auto& [m, peak] : month_peaks_) b.demand_usd += peak * t_.demand_usd_per_mw_month;
  return b;
}

}  // namespace sovcap::economics
