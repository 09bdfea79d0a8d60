#include "models/power/battery.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sovcap::power {

Battery::Battery(const BatteryParams& p)
    : p_(p), energy_mwh_(p.energy_mwh), charge_mw_(p.charge_mw), discharge_mw_(p.discharge_mw),
      eta_(std::sqrt(p.round_trip_efficiency)) {
  if (!(p.round_trip_efficiency > 0 && p.round_trip_efficiency <= 1))
    throw std::invalid_argument("battery: round_trip_efficiency must be in (0, 1]");
  if (!(p.soc_min_fraction >= 0 && p.soc_min_fraction <= p.soc_max_fraction && p.soc_max_fraction <= 1))
    throw std::invalid_argument("battery: need 0 <= soc_min_fraction <= soc_max_fraction <= 1");
  if (energy_mwh_ < 0 || charge_mw_ < 0 || discharge_mw_ < 0)
    throw std::invalid_argument("battery: energy and power must be >= 0");
  soc_mwh_ = std::clamp(energy_mwh_ * p.initial_soc_fraction, min_soc_mwh(), max_soc_mwh());
}

double Battery::max_discharge_mw(double step_s) const {
  const double h = step_s / 3600.0;
  if (h <= 0) return 0.0;
  return std::clamp((soc_mwh_ - min_soc_mwh()) * eta_ / h, 0.0, discharge_mw_);
}

double Battery::max_charge_mw(double step_s) const {
  const double h = step_s / 3600.0;
  if (h <= 0) return 0.0;
  return std::clamp((max_soc_mwh() - soc_mwh_) / eta_ / h, 0.0, charge_mw_);
}

double Battery::discharge(double mw, double step_s) {
  const double p = std::clamp(mw, 0.0, max_discharge_mw(step_s));
  const double h = step_s / 3600.0;
  const double drawn = std::min(p * h / eta_, soc_mwh_ - min_soc_mwh());
  soc_mwh_ = std::max(min_soc_mwh(), soc_mwh_ - p * h / eta_);  // max(): rounding only
  discharged_mwh_ += p * h;
  const double usable = max_soc_mwh() - min_soc_mwh();
  if (usable > 0 && drawn > 0) cycles_ += drawn / usable;
  return p;
}

double Battery::charge(double mw, double step_s) {
  const double p = std::clamp(mw, 0.0, max_charge_mw(step_s));
  const double h = step_s / 3600.0;
  soc_mwh_ = std::min(max_soc_mwh(), soc_mwh_ + p * h * eta_);
  charged_mwh_ += p * h;
  return p;
}

double Battery::self_discharge(double step_s) {
  const double lost = std::clamp(soc_mwh_ * p_.self_discharge_per_day * step_s / 86400.0, 0.0,
                                 std::max(0.0, soc_mwh_ - min_soc_mwh()));
  soc_mwh_ -= lost;
  self_discharged_mwh_ += lost;
  return lost;
}

void Battery::set_energy_mwh(double mwh) {
  if (mwh < 0) throw std::invalid_argument("battery: energy must be >= 0");
  if (energy_mwh_ > 0) {
    charge_mw_ *= mwh / energy_mwh_;
    discharge_mw_ *= mwh / energy_mwh_;
  } else {
    charge_mw_ = discharge_mw_ = mwh / 4.0;
  }
  energy_mwh_ = mwh;
  soc_mwh_ = std::clamp(soc_mwh_, min_soc_mwh(), max_soc_mwh());
}

}  // namespace sovcap::power
