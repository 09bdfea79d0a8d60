#pragma once
// Discounted lifecycle cost of an asset, in the vocabulary of REopt, HOMER and
// PyPSA: capital at year 0, replacements when its life runs out, fixed O&M
// every year (escalating), linear salvage of the remaining life at the end of
// the analysis. Money is in US dollars (the config converts its currency once).
#include <string>

namespace sovcap::economics {

struct Finance {
  double discount_rate = 0.07;             // real, per year
  double analysis_years = 20;              // whole years
  double om_escalation_rate = 0;           // per year, applied to O&M (and water) from year 1
  double electricity_escalation_rate = 0;  // per year, applied to grid energy and demand charges
};

// Capital recovery factor: r (1+r)^n / ((1+r)^n - 1); 1/n at r = 0.
double capital_recovery_factor(double rate, double years);
// 1 / (1+r)^t: the present value of one dollar paid at year t (t may be fractional).
double discount_factor(double rate, double years);
// Present value of a cost of one dollar a year at today's prices, paid at the end
// of years 1..n and escalating by e a year: sum ((1+e)/(1+r))^y.
double escalated_annuity_factor(double rate, double escalation, double years);

struct Asset {
  std::string name;
  double capital_usd = 0;          // installed at year 0
  double replacement_usd = 0;      // each time its life runs out within the analysis
  double lifetime_years = 25;      // > 0
  double om_usd_per_year = 0;      // fixed O&M at today's prices
  double embodied_tco2 = 0;        // manufacture and build, once per installation
};

struct AssetCost {
  double capital_usd = 0;
  double replacements_pv_usd = 0;  // present value of all replacements
  int replacements = 0;            // how many
  double om_pv_usd = 0;
  double salvage_usd = 0;          // at the end of the analysis, undiscounted
  double salvage_pv_usd = 0;
  double npc_usd = 0;              // capital + replacements + O&M - salvage (present values)
  double annualised_usd = 0;       // npc x CRF
  double embodied_tco2_per_year = 0;  // embodied carbon spread evenly over the asset's life
};

// HOMER's convention: replaced at L, 2L, ... while kL < N (none at N itself);
// salvage = replacement cost x the unused share of the last installation's
// life; salvage is 0 when the life divides the analysis.
AssetCost lifecycle(const Asset& a, const Finance& f);

// Present value over the analysis of an operating cost that recurs every year
// at this year's value (escalating at `escalation`).
double recurring_pv_usd(double usd_per_year, double escalation, const Finance& f);

}  // namespace sovcap::economics
