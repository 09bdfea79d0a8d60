#include "simulator/engine/accounts.hpp"

#include <algorithm>
#include <cmath>

#include "models/economics/site_cost.hpp"
#include "models/water/cooling_water.hpp"

namespace sovcap::engine {
namespace {

using economics::AssetKind;

bool desalinated(const config::SiteSpec& s) { return s.water.source == config::WaterSpec::Source::desalination; }

double finite_or(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

// The size each asset is built to: the largest over the phases (what the plan ends with).
struct Sizes {
  double solar_mw, wind_mw, battery_mw, battery_mwh, grid_mw, it_mw, gpu_nodes, cpu_nodes, desal_m3h;
};

Sizes sizes_of(const config::SiteSpec& s, double peak_import_mw) {
  const auto& p = s.power;
  Sizes z{};
  z.solar_mw = p.solar.capacity_mw;
  z.wind_mw = p.wind.capacity_mw;
  z.battery_mwh = p.battery.energy_mwh;
  z.battery_mw = std::max(p.battery.charge_mw, p.battery.discharge_mw);
  // An unlimited connection is sized to the highest import the run needed.
  z.grid_mw = finite_or(p.grid.import_mw, peak_import_mw);
  for (const auto& ph : p.phases) {
    if (!std::isnan(ph.solar_mw)) z.solar_mw = std::max(z.solar_mw, ph.solar_mw);
    if (!std::isnan(ph.wind_mw)) z.wind_mw = std::max(z.wind_mw, ph.wind_mw);
    if (!std::isnan(ph.battery_mwh)) z.battery_mwh = std::max(z.battery_mwh, ph.battery_mwh);
    if (!std::isnan(ph.grid_import_mw)) z.grid_mw = std::max(z.grid_mw, finite_or(ph.grid_import_mw, peak_import_mw));
  }
  for (const auto& pool : s.pools) {
    z.it_mw += pool.nodes * pool.node_peak_kw / 1000.0;
    (pool.gpu ? z.gpu_nodes : z.cpu_nodes) += pool.nodes;
  }
  z.desal_m3h = desalinated(s) ? s.water.desal.capacity_m3_per_h : 0;
  return z;
}

std::vector<economics::SiteAsset> site_assets(const config::SiteSpec& s, const Sizes& z, double usd) {
  std::vector<economics::SiteAsset> out;
  auto add = [&](AssetKind k, double size, double mwh = 0) {
    out.push_back({economics::priced_asset(k, s.prices[static_cast<size_t>(k)], size, mwh, usd),
                   economics::asset_info(k).electricity_supply});
  };
  add(AssetKind::solar, z.solar_mw);
  add(AssetKind::wind, z.wind_mw);
  add(AssetKind::battery, z.battery_mwh > 0 ? z.battery_mw : 0, z.battery_mwh);
  add(AssetKind::grid, z.grid_mw);
  add(AssetKind::facility, z.it_mw);
  add(AssetKind::cooling, z.it_mw);
  add(AssetKind::gpu_servers, z.gpu_nodes);
  add(AssetKind::cpu_servers, z.cpu_nodes);
  add(AssetKind::desalination, z.desal_m3h);
  return out;
}

void put_costs(output::CostWater& out, const economics::SiteCost& c, double run_years) {
  out.capital_usd = c.capital_usd;
  out.npc_usd = c.npc_usd;
  out.annualised_cost_usd = c.annualised_usd;
  out.lcoe_usd_per_kwh = c.lcoe_usd_per_kwh;
  out.cost_per_gpu_hour_usd = c.cost_per_gpu_hour_usd;
  out.embodied_carbon_t = c.embodied_tco2_per_year * run_years;
  for (const auto& line : c.assets)
    for (size_t k = 0; k < economics::kAssetKinds; ++k)
      if (line.name == economics::asset_info(static_cast<AssetKind>(k)).name) out.capital_by_asset_usd[k] += line.cost.capital_usd;
}

}  // namespace

economics::Tariff usd_tariff(const config::SiteSpec& site, double usd) {
  const auto& t = site.tariff;
  economics::Tariff out;
  out.energy_usd_per_mwh.fill(t.energy_per_kwh * 1000.0 * usd);
  for (const auto& p : t.periods) {
    const int from = static_cast<int>(p.from_h), to = static_cast<int>(p.to_h) % 24;
    const int hours = from == to ? 24 : (to - from + 24) % 24;
    for (int k = 0; k < hours; ++k) out.energy_usd_per_mwh[static_cast<size_t>((from + k) % 24)] = p.price_per_kwh * 1000.0 * usd;
  }
  out.utc_offset_h = t.utc_offset_h;
  // Not given: the connection's limit when it has one, else the highest import (the meter's peak).
  out.subscribed_mw = t.subscribed_mw >= 0 ? t.subscribed_mw : finite_or(site.power.grid.import_mw, 0.0);
  out.subscribed_usd_per_mw_year = t.subscribed_per_kw_year * 1000.0 * usd;
  out.demand_usd_per_mw_month = t.demand_per_kw_month * 1000.0 * usd;
  return out;
}

void open_water(const config::SiteSpec& site, SiteAccounts& a, power::Conditions& c) {
  a.desal = desalinated(site) ? water::desalinate(site.water.desal, a.water_rate_m3_per_h) : water::DesalOperation{};
  c.desal_power_mw = a.desal.power_mw;
}

double close_accounts(const config::SiteSpec& site, SiteAccounts& a, const power::Conditions& c,
                      const power::Flows& f, double start_s, double length_s, int64_t start_utc_s) {
  const double hours = length_s / 3600.0;
  // The heat the cooling plant rejects: the IT load and the cooling plant's own power.
  const double heat_mw = f.it_power_mw + f.cooling_power_mw;
  const auto w = water::water_use(site.power.cooling.water, heat_mw, c.ambient_c, c.wet_bulb_c, length_s);
  const double rate = hours > 0 ? w.total_m3() / hours : 0;
  a.water_m3 += w.total_m3();
  a.evaporation_m3 += w.evaporation_m3;
  a.blowdown_m3 += w.blowdown_m3;
  a.drift_m3 += w.drift_m3;
  const auto day = static_cast<size_t>(std::max(0.0, std::floor(start_s / 86400.0)));
  if (a.daily_m3.size() <= day) a.daily_m3.resize(day + 1, 0.0);
  a.daily_m3[day] += w.total_m3();
  if (desalinated(site)) {
    a.desal_water_m3 += a.desal.product_m3_per_h * hours;
    a.desal_energy_mwh += f.desal_power_mw * hours;
    a.shortfall_m3 += water::desalinate(site.water.desal, rate).shortfall_m3_per_h * hours;
  }
  a.water_rate_m3_per_h = rate;
  a.it_mwh += f.it_power_mw * hours;
  a.served_mwh += f.facility_power_mw * hours;
  a.peak_import_mw = std::max(a.peak_import_mw, f.grid_import_mw);
  if (a.tariff) a.tariff->add(static_cast<double>(start_utc_s) + start_s, length_s, f.grid_import_mw);
  return rate;
}

output::CostWaterResults cost_water(const config::Scenario& sc, const std::vector<const SiteAccounts*>& sites,
                                    const std::vector<std::pair<std::string, double>>& link_km) {
  const auto& e = sc.economics;
  const double run_years = sc.duration_s / economics::kSecondsPerYear;
  output::CostWaterResults r;
  std::vector<economics::SiteCost> costs;
  std::vector<economics::Operating> ops;
  std::vector<double> daily_total;
  double gpu_hours = 0;
  for (size_t s = 0; s < sc.sites.size(); ++s) {
    const auto& spec = sc.sites[s];
    const SiteAccounts& a = *sites[s];
    economics::Operating op;
    op.run_years = run_years;
    op.grid = a.tariff ? a.tariff->bill(run_years) : economics::TariffBill{};
    op.water_usd = desalinated(spec) ? 0 : a.water_m3 * spec.water.price_per_m3 * e.usd_per_currency;
    op.energy_served_mwh = a.served_mwh;
    op.completed_gpu_hours = a.completed_gpu_hours;
    gpu_hours += a.completed_gpu_hours;
    const auto assets = site_assets(spec, sizes_of(spec, a.peak_import_mw), e.usd_per_currency);
    costs.push_back(economics::site_cost(assets, e.finance, op));
    ops.push_back(op);
    output::CostWater cw;
    put_costs(cw, costs.back(), run_years);
    cw.grid_cost_usd = op.grid.total_usd();
    cw.water_cost_usd = op.water_usd;
    cw.completed_gpu_hours = a.completed_gpu_hours;
    cw.water_m3 = a.water_m3;
    cw.evaporation_m3 = a.evaporation_m3;
    cw.blowdown_m3 = a.blowdown_m3;
    cw.drift_m3 = a.drift_m3;
    cw.desal_energy_mwh = a.desal_energy_mwh;
    cw.desal_water_m3 = a.desal_water_m3;
    cw.water_shortfall_m3 = a.shortfall_m3;
    cw.wue_l_per_kwh = a.it_mwh > 0 ? a.water_m3 / a.it_mwh : std::nan("");  // m3/MWh = L/kWh
    cw.water_peak_m3_per_day = a.daily_m3.empty() ? 0 : *std::max_element(a.daily_m3.begin(), a.daily_m3.end());
    if (daily_total.size() < a.daily_m3.size()) daily_total.resize(a.daily_m3.size(), 0.0);
    for (size_t d = 0; d < a.daily_m3.size(); ++d) daily_total[d] += a.daily_m3[d];
    r.sites.push_back(cw);
  }
  economics::SiteCost all = economics::combine(costs, ops, e.finance);
  std::vector<economics::SiteAsset> links;
  for (const auto& l : e.links)
    for (const auto& [id, km] : link_km)
      if (id == l.id) links.push_back({economics::priced_asset(AssetKind::link, l.price, km, 0, e.usd_per_currency), false});
  economics::add_assets(all, links, e.finance, gpu_hours / run_years);
  output::CostWater& t = r.total;
  put_costs(t, all, run_years);
  double it_mwh = 0;
  for (size_t s = 0; s < r.sites.size(); ++s) {
    const auto& c = r.sites[s];
    t.grid_cost_usd += c.grid_cost_usd;
    t.water_cost_usd += c.water_cost_usd;
    t.completed_gpu_hours += c.completed_gpu_hours;
    t.water_m3 += c.water_m3;
    t.evaporation_m3 += c.evaporation_m3;
    t.blowdown_m3 += c.blowdown_m3;
    t.drift_m3 += c.drift_m3;
    t.desal_energy_mwh += c.desal_energy_mwh;
    t.desal_water_m3 += c.desal_water_m3;
    t.water_shortfall_m3 += c.water_shortfall_m3;
    it_mwh += sites[s]->it_mwh;
  }
  t.wue_l_per_kwh = it_mwh > 0 ? t.water_m3 / it_mwh : std::nan("");
  t.water_peak_m3_per_day = daily_total.empty() ? 0 : *std::max_element(daily_total.begin(), daily_total.end());
  return r;
}

}  // namespace sovcap::engine
