#pragma once
// The cost and water figures of a site or of the whole scenario, declared in
// figures.cpp (each once, written both as a /summary/sites column and a
// /summary KPI), read back by sweeps and `size` as KPIs.
#include <array>
#include <string>
#include <vector>

#include "models/economics/prices.hpp"
#include "simulator/output/samples.hpp"

namespace sovcap::output {

struct CostWater {
  // Costs: over the analysis, in US dollars of the base year.
  double capital_usd = 0;            // installed at year 0
  double npc_usd = 0;                // net present cost over the analysis
  double annualised_cost_usd = 0;    // npc x capital recovery factor
  double lcoe_usd_per_kwh = 0;       // the site's electricity (supply assets + grid bill) / energy served
  double cost_per_gpu_hour_usd = 0;  // annualised cost / GPU-hours of completed work a year
  double grid_cost_usd = 0;          // import bill over the run (energy + subscribed + demand)
  double water_cost_usd = 0;         // water bought over the run
  double embodied_carbon_t = 0;      // embodied carbon of the assets, amortised over their lives, for the run
  double completed_gpu_hours = 0;    // GPUs x work of the completed jobs, over the run
  // Water, over the run.
  double water_m3 = 0;               // evaporation + blowdown + drift
  double water_peak_m3_per_day = 0;  // the highest calendar day (UTC)
  double wue_l_per_kwh = 0;          // site water / IT energy (The Green Grid's WUE)
  double evaporation_m3 = 0, blowdown_m3 = 0, drift_m3 = 0;
  double desal_energy_mwh = 0;       // electricity of the desalination plant
  double desal_water_m3 = 0;         // its product water (>= use at minimum load)
  double water_shortfall_m3 = 0;     // use beyond the plant's capacity
  std::array<double, economics::kAssetKinds> capital_by_asset_usd{};  // capital_<asset>_usd
};

// Where each cost and water figure (declared in figures.cpp) lives in CostWater.
inline const std::vector<Metric<CostWater>>& cost_water_figures() {
  using C = CostWater;
  static const std::vector<Metric<C>> m = declared_metrics<C>(Table::sites, {
      {"capital_usd", &C::capital_usd},
      {"npc_usd", &C::npc_usd},
      {"annualised_cost_usd", &C::annualised_cost_usd},
      {"cost_per_gpu_hour_usd", &C::cost_per_gpu_hour_usd},
      {"lcoe_usd_per_kwh", &C::lcoe_usd_per_kwh},
      {"grid_cost_usd", &C::grid_cost_usd},
      {"water_cost_usd", &C::water_cost_usd},
      {"embodied_carbon_t", &C::embodied_carbon_t},
      {"completed_gpu_hours", &C::completed_gpu_hours},
      {"water_m3", &C::water_m3},
      {"water_peak_m3_per_day", &C::water_peak_m3_per_day},
      {"wue_l_per_kwh", &C::wue_l_per_kwh},
      {"evaporation_m3", &C::evaporation_m3},
      {"blowdown_m3", &C::blowdown_m3},
      {"drift_m3", &C::drift_m3},
      {"desal_energy_mwh", &C::desal_energy_mwh},
      {"desal_water_m3", &C::desal_water_m3},
      {"water_shortfall_m3", &C::water_shortfall_m3},
  });
  return m;
}

struct CostWaterResults {
  std::vector<CostWater> sites;  // in the run's site order
  CostWater total;               // the whole scenario (with the links built new)
};

// "capital_<asset>_usd", by AssetKind: the declared name (static storage), from the table that has it.
inline const char* capital_figure(Table table, size_t kind) {
  const std::string name =
      std::string("capital_") + economics::asset_info(static_cast<economics::AssetKind>(kind)).name + "_usd";
  const Figure* f = find_figure(table, name);
  return f ? f->name : nullptr;  // links: no site column
}

}  // namespace sovcap::output
