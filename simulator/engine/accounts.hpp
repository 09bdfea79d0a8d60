#pragma once
// A site's water and money, step by step: the controller hands each closed
// interval's flows here (water from the heat rejected, the desalination plant,
// the grid bill), and at the end the totals become the cost and water figures.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/economics/tariff.hpp"
#include "models/power/site_power.hpp"
#include "models/water/desalination.hpp"
#include "simulator/config/scenario.hpp"
#include "simulator/output/cost_water.hpp"

namespace sovcap::engine {

struct SiteAccounts {
  std::unique_ptr<economics::TariffMeter> tariff;
  double water_rate_m3_per_h = 0;  // the last step's use: what the plant makes during the next
  water::DesalOperation desal{};   // the plant during the current step
  double water_m3 = 0, evaporation_m3 = 0, blowdown_m3 = 0, drift_m3 = 0;
  double desal_energy_mwh = 0, desal_water_m3 = 0, shortfall_m3 = 0;
  double it_mwh = 0, served_mwh = 0, peak_import_mw = 0;
  std::vector<double> daily_m3;    // by UTC day since the start
  double completed_gpu_hours = 0;
};

// The site's tariff in US dollars per MWh and per MW.
economics::Tariff usd_tariff(const config::SiteSpec& site, double usd_per_currency);

// Opens a step: the desalination plant runs at the last step's water use (its
// tank absorbs the difference); its load joins the conditions.
void open_water(const config::SiteSpec& site, SiteAccounts& a, power::Conditions& c);

// Closes [start_s, start_s + length_s): water used for the heat rejected, the
// plant's product and energy, the grid bill. Returns the water use in m3/h.
double close_accounts(const config::SiteSpec& site, SiteAccounts& a, const power::Conditions& c,
                      const power::Flows& f, double start_s, double length_s, int64_t start_utc_s);

// The figures per site and in all (links built new included).
output::CostWaterResults cost_water(const config::Scenario& sc, const std::vector<const SiteAccounts*>& sites,
                                    const std::vector<std::pair<std::string, double>>& link_km);

}  // namespace sovcap::engine
