#include "models/economics/site_cost.hpp"

#include <limits>
#include <stdexcept>

namespace sovcap::economics {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// LCOE and cost per GPU-hour from the annual figures (HOMER's COE: annualised cost / load served).
void levelise(SiteCost& c, double supply_annualised_usd, double energy_mwh_per_year, double gpu_hours_per_year) {
  c.lcoe_usd_per_kwh = energy_mwh_per_year > 0 ? supply_annualised_usd / (energy_mwh_per_year * 1000.0) : nan;
  c.cost_per_gpu_hour_usd = gpu_hours_per_year > 0 ? c.annualised_usd / gpu_hours_per_year : nan;
}

}  // namespace

SiteCost site_cost(const std::vector<SiteAsset>& assets, const Finance& f, const Operating& op) {
  if (!(op.run_years > 0)) throw std::invalid_argument("site cost: the run must have a length");
  const double crf = capital_recovery_factor(f.discount_rate, f.analysis_years);
  SiteCost c;
  double supply_annualised = 0;
  for (const auto& sa : assets) {
    AssetCost ac = lifecycle(sa.asset, f);
    c.capital_usd += ac.capital_usd;
    c.asset_annualised_usd += ac.annualised_usd;
    c.npc_usd += ac.npc_usd;
    c.embodied_tco2_per_year += ac.embodied_tco2_per_year;
    if (sa.electricity_supply) supply_annualised += ac.annualised_usd;
    c.assets.push_back({sa.asset.name, ac});
  }
  c.grid_usd_per_year = op.grid.total_usd() / op.run_years;
  c.water_usd_per_year = op.water_usd / op.run_years;
  const double grid_pv = recurring_pv_usd(c.grid_usd_per_year, f.electricity_escalation_rate, f);
  const double water_pv = recurring_pv_usd(c.water_usd_per_year, f.om_escalation_rate, f);
  c.operating_pv_usd = grid_pv + water_pv;
  c.npc_usd += c.operating_pv_usd;
  c.annualised_usd = c.npc_usd * crf;
  c.supply_annualised_usd = supply_annualised + grid_pv * crf;
  levelise(c, c.supply_annualised_usd, op.energy_served_mwh / op.run_years,
           op.completed_gpu_hours / op.run_years);
  return c;
}

SiteCost combine(const std::vector<SiteCost>& parts, const std::vector<Operating>& ops, const Finance& f) {
  const double crf = capital_recovery_factor(f.discount_rate, f.analysis_years);
  SiteCost c;
  double energy_per_year = 0, gpu_hours_per_year = 0;
  for (const auto& p : parts) {
    c.capital_usd += p.capital_usd;
    c.asset_annualised_usd += p.asset_annualised_usd;
    c.grid_usd_per_year += p.grid_usd_per_year;
    c.water_usd_per_year += p.water_usd_per_year;
    c.operating_pv_usd += p.operating_pv_usd;
    c.npc_usd += p.npc_usd;
    c.embodied_tco2_per_year += p.embodied_tco2_per_year;
    c.supply_annualised_usd += p.supply_annualised_usd;
    for (const auto& a : p.assets) c.assets.push_back(a);
  }
  for (const auto& op : ops) {
    energy_per_year += op.energy_served_mwh / op.run_years;
    gpu_hours_per_year += op.completed_gpu_hours / op.run_years;
  }
  c.annualised_usd = c.npc_usd * crf;
  levelise(c, c.supply_annualised_usd, energy_per_year, gpu_hours_per_year);
  return c;
}

void add_assets(SiteCost& c, const std::vector<SiteAsset>& assets, const Finance& f, double gpu_hours_per_year) {
  const double crf = capital_recovery_factor(f.discount_rate, f.analysis_years);
  for (const auto& sa : assets) {
    AssetCost ac = lifecycle(sa.asset, f);
    c.capital_usd += ac.capital_usd;
    c.asset_annualised_usd += ac.annualised_usd;
    c.npc_usd += ac.npc_usd;
    c.embodied_tco2_per_year += ac.embodied_tco2_per_year;
    c.assets.push_back({sa.asset.name, ac});
  }
  c.annualised_usd = c.npc_usd * crf;
  c.cost_per_gpu_hour_usd = gpu_hours_per_year > 0 ? c.annualised_usd / gpu_hours_per_year : nan;
}

}  // namespace sovcap::economics
