#include "models/economics/finance.hpp"

#include <cmath>
#include <stdexcept>

namespace sovcap::economics {

double capital_recovery_factor(double rate, double years) {
  if (!(years > 0)) throw std::invalid_argument("capital recovery factor: years must be > 0");
  if (rate == 0) return 1.0 / years;
  const double g = std::pow(1 + rate, years);
  return rate * g / (g - 1);
}

double discount_factor(double rate, double years) { return std::pow(1 + rate, -years); }

double escalated_annuity_factor(double rate, double escalation, double years) {
  const double q = (1 + escalation) / (1 + rate);
  const int n = static_cast<int>(std::floor(years));
  if (q == 1) return n;
  return q * (1 - std::pow(q, n)) / (1 - q);  // the geometric series q + q^2 + ... + q^n
}

AssetCost lifecycle(const Asset& a, const Finance& f) {
  if (!(a.lifetime_years > 0)) throw std::invalid_argument("asset " + a.name + ": lifetime must be > 0");
  const double n = f.analysis_years, r = f.discount_rate, life = a.lifetime_years;
  AssetCost c;
  c.capital_usd = a.capital_usd;
  double installed_at = 0;  // year of the last installation
  // k * life computed afresh each time (not summed) so that exact multiples stay exact.
  for (int k = 1; k * life < n - 1e-9; ++k) {
    installed_at = k * life;
    c.replacements_pv_usd += a.replacement_usd * discount_factor(r, installed_at);
    ++c.replacements;
  }
  const double remaining = std::max(0.0, installed_at + life - n);
  c.salvage_usd = a.replacement_usd * remaining / life;
  c.salvage_pv_usd = c.salvage_usd * discount_factor(r, n);
  c.om_pv_usd = recurring_pv_usd(a.om_usd_per_year, f.om_escalation_rate, f);
  c.npc_usd = c.capital_usd + c.replacements_pv_usd + c.om_pv_usd - c.salvage_pv_usd;
  c.annualised_usd = c.npc_usd * capital_recovery_factor(r, n);
  c.embodied_tco2_per_year = a.embodied_tco2 / life;
  return c;
}

double recurring_pv_usd(double usd_per_year, double escalation, const Finance& f) {
  return usd_per_year * escalated_annuity_factor(f.discount_rate, escalation, f.analysis_years);
}

}  // namespace sovcap::economics
