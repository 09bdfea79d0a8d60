#pragma once
// A site's (or a whole scenario's) cost over the analysis: its assets'
// lifecycle costs plus the operating costs the simulation measured (grid
// import, purchased water), scaled from the simulated period to a year and
// discounted over the analysis; then the figures planners compare: net present
// cost, annualised cost, the levelised cost of the site's electricity and the
// cost per delivered GPU-hour.
#include <string>
#include <vector>

#include "models/economics/finance.hpp"
#include "models/economics/tariff.hpp"

namespace sovcap::economics {

constexpr double kSecondsPerYear = 365.0 * 86400.0;

struct SiteAsset {
  Asset asset;
  bool electricity_supply = false;  // PV, wind, battery, grid connection: part of the LCOE
};

// What the run measured, over its own length.
struct Operating {
  double run_years = 1;                 // simulated length / 365 days
  TariffBill grid;                      // import bill over the run
  double water_usd = 0;                 // water bought over the run
  double energy_served_mwh = 0;         // facility (incl. desalination) energy over the run
  double completed_gpu_hours = 0;       // GPU-hours of completed jobs over the run
};

struct CostLine {
  std::string name;
  AssetCost cost;
};

struct SiteCost {
  std::vector<CostLine> assets;
  double capital_usd = 0;
  double asset_annualised_usd = 0;       // assets only
  double supply_annualised_usd = 0;      // electricity supply assets and the grid bill (the LCOE's numerator)
  double grid_usd_per_year = 0;          // first-year bill (energy + subscribed + demand)
  double water_usd_per_year = 0;
  double operating_pv_usd = 0;           // grid and water over the analysis, escalated and discounted
  double npc_usd = 0;
  double annualised_usd = 0;             // npc x CRF
  double lcoe_usd_per_kwh = 0;           // NaN when no energy was served
  double cost_per_gpu_hour_usd = 0;      // NaN when no GPU work completed
  double embodied_tco2_per_year = 0;
};

SiteCost site_cost(const std::vector<SiteAsset>& assets, const Finance& f, const Operating& op);

// Sum of several sites' costs (and extra assets such as links), with the
// levelised figures recomputed from the sums.
SiteCost combine(const std::vector<SiteCost>& parts, const std::vector<Operating>& ops, const Finance& f);
// Extra assets (links) added to a combined cost; the levelised figures are kept per GPU-hour.
void add_assets(SiteCost& c, const std::vector<SiteAsset>& assets, const Finance& f, double gpu_hours_per_year);

}  // namespace sovcap::economics
