#pragma once
// A battery energy store. State of charge (SOC) is stored energy in MWh; power
// is measured at the grid side: charging P for dt stores P dt eta_c, and
// discharging P for dt draws P dt / eta_d, eta_c = eta_d = sqrt(round trip).
#include "models/power/params.hpp"

namespace sovcap::power {

class Battery {
 public:
  explicit Battery(const BatteryParams& p);

  double soc_mwh() const { return soc_mwh_; }
  double energy_mwh() const { return energy_mwh_; }
  double min_soc_mwh() const { return energy_mwh_ * p_.soc_min_fraction; }
  double max_soc_mwh() const { return energy_mwh_ * p_.soc_max_fraction; }
  double charge_efficiency() const { return eta_; }
  double discharge_efficiency() const { return eta_; }

  // Most power that can flow over step_s without crossing the power or SOC limits.
  double max_discharge_mw(double step_s) const;
  double max_charge_mw(double step_s) const;
  // Draw / store up to mw for step_s; returns the power actually accepted.
  double discharge(double mw, double step_s);
  double charge(double mw, double step_s);
  // Self-discharge over step_s (proportional to the stored energy; a BMS
  // stops it at the minimum SOC). Returns the MWh lost.
  double self_discharge(double step_s);

  // Resize (phased build-out): the power limits scale with the energy (same
  // C-rate); from zero, a 4-hour battery. SOC is clamped into the new limits.
  void set_energy_mwh(double mwh);

  // Running totals, for energy accounting.
  double charged_mwh() const { return charged_mwh_; }        // grid side, in
  double discharged_mwh() const { return discharged_mwh_; }  // grid side, out
  double self_discharged_mwh() const { return self_discharged_mwh_; }
  // Equivalent full cycles: the energy drawn from the store, each step divided by the usable
  // capacity (max - min SOC) it had then, so a resize by a build-out phase counts from its step on.
  // One discharge from the maximum to the minimum SOC is one cycle.
  double equivalent_cycles() const { return cycles_; }

 private:
  BatteryParams p_;
  double energy_mwh_, charge_mw_, discharge_mw_, eta_, soc_mwh_;
  double charged_mwh_ = 0, discharged_mwh_ = 0, self_discharged_mwh_ = 0, cycles_ = 0;
};

}  // namespace sovcap::power
