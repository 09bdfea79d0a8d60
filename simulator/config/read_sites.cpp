// The `sites` section: compute pools and the power system of each site.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "models/power/profile_csv.hpp"
#include "simulator/config/enum_names.hpp"
#include "simulator/config/draft.hpp"

namespace sovcap::config {
namespace {

constexpr double kKw = 1e-3;  // node powers: a plain number is kW

const Range kLatitude = between(-90, 90), kLongitude = between(-180, 180);
const Range kHour = Range{0, 24, false, true};
const Range kAutocorrelation = Range{0, 1, false, true};

// What each profile's quantity can physically be (docs/power-profiles.md).
const power::ProfileBounds kSolarProfile{0, 1.361, "AC MW per MW of panels from 0 to 1.361: the solar constant, 1361 W/m2, "
                                                   "over the 1000 W/m2 of a panel's rating"};
const power::ProfileBounds kWindProfile{0, 113, "wind speed from 0 to 113 m/s, the strongest gust measured (1996)"};
const power::ProfileBounds kClimateProfile{-90, 60, "ambient temperature from -90 to 60 C, beyond the extremes measured on Earth"};
const power::ProfileBounds kCarbonProfile{0, 2000, "grid carbon intensity from 0 to 2000 gCO2/kWh (lignite plants emit about 1,100-1,200)"};

// A profile CSV named by the scenario is read now, so that an empty, truncated
// or garbled file is bad input at its key (exit 2), not a run that fails later.
std::string profile_path(Ctx& ctx, MapReader& m, const std::string& key, const power::ProfileBounds& bounds) {
  std::string p = m.file_path(key);
  if (p.empty()) return p;  // no key, or a path that is not a regular file (reported)
  try {
    (void)power::Profile::read(p, bounds);
  } catch (const power::ProfileError& e) {
    std::string at = e.file() + (e.line() > 0 ? ":" + std::to_string(e.line()) : "");
    ctx.error(m.place(key), m.path(key), at + ": " + e.message(), "a CSV of timestamp,value rows");
  }
  return p;
}

ItemRef ref_of(MapReader& m, const Node& item) {
  ItemRef r;
  r.path = m.path();
  r.place = item.place;
  r.id_place = m.place("id");
  r.node_given = m.has("node");
  r.node_place = m.place("node");
  return r;
}

scheduling::PoolSpec read_pool(Ctx& ctx, const Node& item, const std::string& path, ItemRef& ref) {
  MapReader m(ctx, &item, path, {"id", "kind", "nodes", "units_per_node", "node_peak", "node_idle", "min_speed", "mtbf", "mttr"},
              item.place);
  scheduling::PoolSpec p;
  p.gpu = choose(m, "kind", workload::kPoolKindNames, workload::PoolKind::gpu) == workload::PoolKind::gpu;
  p.id = m.id("id", std::string(spelling(p.gpu ? workload::PoolKind::gpu : workload::PoolKind::cpu, workload::kPoolKindNames)));
  p.nodes = static_cast<int>(m.integer("nodes", std::nullopt, between(1, 1e7)));
  // CPU defaults: a two-socket server of 128 cores, about 1 kW at full load
  // and 0.3 kW idle (assumption: typical of current 2U dual-socket servers).
  p.units_per_node = static_cast<int>(m.integer("units_per_node", p.gpu ? 8 : 128, between(1, 1e6)));
  p.node_peak_kw = m.quantity("node_peak", Quantity::power, (p.gpu ? 10.2 : 1.0) * kKw, positive(), kKw) / kKw;
  p.node_idle_kw = m.quantity("node_idle", Quantity::power, (p.gpu ? 2.5 : 0.3) * kKw, non_negative(), kKw) / kKw;
  if (p.node_idle_kw > p.node_peak_kw)
    ctx.error(m.place("node_idle"), m.path("node_idle"), "idle power is above the peak power", "<= node_peak");
  p.min_speed = m.number("min_speed", 0.5, between(0.01, 1.0));
  p.node_mtbf_s = m.quantity("mtbf", Quantity::duration, 0.0, non_negative());
  p.node_mttr_s = m.quantity("mttr", Quantity::duration, 0.0, non_negative());
  if (p.node_mtbf_s > 0 && !(p.node_mttr_s > 0))
    ctx.error(m.has("mttr") ? m.place("mttr") : item.place, m.path("mttr"), "nodes that fail need a repair time",
              "a duration > 0 with mtbf, e.g. mttr: 12h");
  ref = ref_of(m, item);
  return p;
}

void read_solar(Ctx& ctx, const MapReader& site, power::SolarParams& s) {
  MapReader m(ctx, site.get("solar"), site.path("solar"),
              {"capacity", "inverter", "tilt", "azimuth", "tracking", "temp_coeff", "dc_loss", "inverter_efficiency",
               "linke_turbidity", "clearness_monthly", "cloud_autocorrelation", "profile_csv"},
              site.place());
  s.capacity_mw = m.quantity("capacity", Quantity::power, s.capacity_mw, non_negative());
  s.inverter_mw = m.quantity("inverter", Quantity::power, s.inverter_mw, non_negative());
  s.tilt_deg = m.number("tilt", s.tilt_deg, between(0, 90));
  s.azimuth_deg = m.number("azimuth", s.azimuth_deg, between(0, 360));
  s.single_axis_tracking = m.flag("tracking", s.single_axis_tracking);
  s.temp_coeff_per_c = m.number("temp_coeff", s.temp_coeff_per_c, between(-0.02, 0));
  s.dc_loss_fraction = m.number("dc_loss", s.dc_loss_fraction, Range{0, 1, false, true});
  s.inverter_efficiency = m.number("inverter_efficiency", s.inverter_efficiency, efficiency());
  s.linke_turbidity = m.number("linke_turbidity", s.linke_turbidity, between(1, 10));
  m.fixed("clearness_monthly", s.clearness_monthly, fraction());
  s.cloud_autocorrelation = m.number("cloud_autocorrelation", s.cloud_autocorrelation, kAutocorrelation);
  s.profile_csv = profile_path(ctx, m, "profile_csv", kSolarProfile);
}

void read_wind(Ctx& ctx, const MapReader& site, power::WindParams& w) {
  MapReader m(ctx, site.get("wind"), site.path("wind"),
              {"capacity", "weibull_k", "weibull_c", "autocorrelation", "seasonal_amplitude", "seasonal_peak_day",
               "diurnal_amplitude", "diurnal_peak_hour", "cut_in", "rated", "cut_out", "losses", "profile_csv"},
              site.place());
  w.capacity_mw = m.quantity("capacity", Quantity::power, w.capacity_mw, non_negative());
  // Physically possible winds: the Weibull scale (about the mean speed) below the strongest gust measured.
  w.weibull_k = m.number("weibull_k", w.weibull_k, Range{0, 20, true, false});
  w.weibull_c_ms = m.number("weibull_c", w.weibull_c_ms, Range{0, 113, true, false});
  w.autocorrelation = m.number("autocorrelation", w.autocorrelation, kAutocorrelation);
  w.seasonal_amplitude = m.number("seasonal_amplitude", w.seasonal_amplitude, fraction());
  w.seasonal_peak_day = static_cast<int>(m.integer("seasonal_peak_day", w.seasonal_peak_day, between(1, 366)));
  w.diurnal_amplitude = m.number("diurnal_amplitude", w.diurnal_amplitude, fraction());
  w.diurnal_peak_hour = m.number("diurnal_peak_hour", w.diurnal_peak_hour, kHour);
  w.cut_in_ms = m.number("cut_in", w.cut_in_ms, positive());
  w.rated_ms = m.number("rated", w.rated_ms, positive());
  w.cut_out_ms = m.number("cut_out", w.cut_out_ms, positive());
  if (!(w.cut_in_ms < w.rated_ms && w.rated_ms < w.cut_out_ms))
    ctx.error(m.place("rated"), m.path("rated"), "wind speeds out of order", "cut_in < rated < cut_out");
  w.losses_fraction = m.number("losses", w.losses_fraction, Range{0, 1, false, true});
  w.profile_csv = profile_path(ctx, m, "profile_csv", kWindProfile);
}

void read_climate(Ctx& ctx, const MapReader& site, power::ClimateParams& c) {
  MapReader m(ctx, site.get("climate"), site.path("climate"),
              {"monthly_mean", "diurnal_swing", "peak_hour", "profile_csv", "monthly_rh"}, site.place());
  m.fixed("monthly_mean", c.monthly_mean_c, between(-60, 60));
  m.fixed("monthly_rh", c.monthly_mean_rh_percent, between(1, 100));
  c.diurnal_swing_c = m.number("diurnal_swing", c.diurnal_swing_c, between(0, 40));
  c.peak_hour_local = m.number("peak_hour", c.peak_hour_local, kHour);
  c.profile_csv = profile_path(ctx, m, "profile_csv", kClimateProfile);
}

void read_cooling(Ctx& ctx, const MapReader& site, power::CoolingParams& c) {
  MapReader m(ctx, site.get("cooling"), site.path("cooling"),
              {"model", "pue", "pue_min", "free_below", "pue_slope", "pue_max", "mode", "approach", "range",
               "evaporated_fraction", "cycles", "drift", "adiabatic_effectiveness", "adiabatic_above", "coil_air_rise"},
              site.place());
  c.model = choose(m, "model", power::CoolingParams::kModelNames, power::CoolingParams::Model::constant);
  c.pue = m.number("pue", c.pue, between(1, 5));
  c.pue_min = m.number("pue_min", c.pue_min, between(1, 5));
  c.free_below_c = m.number("free_below", c.free_below_c, between(-60, 60));
  c.pue_slope_per_c = m.number("pue_slope", c.pue_slope_per_c, between(0, 1));
  c.pue_max = m.number("pue_max", c.pue_max, between(1, 5));
  if (c.pue_max < c.pue_min) ctx.error(m.place("pue_max"), m.path("pue_max"), "pue_max is below pue_min", ">= pue_min");
  auto& w = c.water;
  w.mode = choose(m, "mode", water::kCoolingModeNames, water::CoolingMode::dry);
  w.approach_c = m.number("approach", w.approach_c, between(0, 20));
  w.range_c = m.number("range", w.range_c, Range{0, 30, true, false});
  w.evaporated_fraction = m.number("evaporated_fraction", w.evaporated_fraction, fraction());
  w.cycles_of_concentration = m.number("cycles", w.cycles_of_concentration, Range{1, 50, true, false});
  w.drift_fraction = m.number("drift", w.drift_fraction, between(0, 0.01));
  w.adiabatic_effectiveness = m.number("adiabatic_effectiveness", w.adiabatic_effectiveness, fraction());
  w.adiabatic_above_c = m.number("adiabatic_above", w.adiabatic_above_c, between(-60, 60));
  w.coil_air_rise_c = m.number("coil_air_rise", w.coil_air_rise_c, Range{0, 40, true, false});
}

void read_battery(Ctx& ctx, const MapReader& site, power::BatteryParams& b) {
  MapReader m(ctx, site.get("battery"), site.path("battery"),
              {"energy", "charge", "discharge", "round_trip_efficiency", "soc_min", "soc_max", "self_discharge_per_day",
               "initial_soc", "grid_charge_below"},
              site.place());
  b.energy_mwh = m.quantity("energy", Quantity::energy, b.energy_mwh, non_negative());
  // A 4-hour battery unless told otherwise (assumption: the common utility-scale duration).
  b.charge_mw = m.quantity("charge", Quantity::power, b.energy_mwh / 4, non_negative());
  b.discharge_mw = m.quantity("discharge", Quantity::power, b.energy_mwh / 4, non_negative());
  b.round_trip_efficiency = m.number("round_trip_efficiency", b.round_trip_efficiency, efficiency());
  b.soc_min_fraction = m.number("soc_min", b.soc_min_fraction, fraction());
  b.soc_max_fraction = m.number("soc_max", b.soc_max_fraction, fraction());
  if (b.soc_min_fraction >= b.soc_max_fraction)
    ctx.error(m.place("soc_max"), m.path("soc_max"), "soc_max is not above soc_min", "soc_min < soc_max");
  b.self_discharge_per_day = m.number("self_discharge_per_day", b.self_discharge_per_day, fraction());
  b.initial_soc_fraction = m.number("initial_soc", b.initial_soc_fraction, fraction());
  if (b.initial_soc_fraction < b.soc_min_fraction || b.initial_soc_fraction > b.soc_max_fraction)
    ctx.error(m.place("initial_soc"), m.path("initial_soc"), "initial_soc is outside [soc_min, soc_max]",
              "soc_min <= initial_soc <= soc_max");
  b.grid_charge_below_gco2_per_kwh = m.number("grid_charge_below", b.grid_charge_below_gco2_per_kwh, non_negative());
}

// A grid import limit: a power, or "unlimited".
double read_import(Ctx& ctx, MapReader& m, const std::string& key, double def) {
  const Node* n = m.get(key);
  if (n && n->is_scalar() && n->scalar == "unlimited") return std::numeric_limits<double>::infinity();
  if (!n) return def;
  auto v = read_quantity(ctx, *n, m.path(key), Quantity::power, non_negative());
  if (!v) ctx.diags.back().allowed += ", or unlimited";
  return v.value_or(def);
}

void read_grid(Ctx& ctx, const MapReader& site, power::GridParams& g) {
  MapReader m(ctx, site.get("grid"), site.path("grid"), {"import", "export", "carbon", "carbon_hourly", "carbon_csv"},
              site.place());
  g.import_mw = read_import(ctx, m, "import", g.import_mw);
  g.export_mw = m.quantity("export", Quantity::power, g.export_mw, non_negative());
  g.carbon_gco2_per_kwh = m.number("carbon", g.carbon_gco2_per_kwh, between(0, 2000));
  m.fixed("carbon_hourly", g.carbon_hourly_factor, non_negative());
  if (double peak = g.carbon_gco2_per_kwh * *std::max_element(g.carbon_hourly_factor.begin(), g.carbon_hourly_factor.end());
      !(peak <= 2000))
    ctx.error(m.place("carbon_hourly"), m.path("carbon_hourly"),
              fmt::format("carbon x the largest hourly factor is {:.4g} gCO2/kWh, physically impossible", peak),
              "a grid carbon intensity from 0 to 2000 gCO2/kWh at every hour");
  g.carbon_csv = profile_path(ctx, m, "carbon_csv", kCarbonProfile);
}

void read_phases(Ctx& ctx, MapReader& site, int64_t start_utc_s, double duration_s, std::vector<power::PowerPhase>& out) {
  const Node* list = site.list("phases");
  if (!list) return;
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& item = list->items[i];
    MapReader m(ctx, &item, site.path("phases") + "." + std::to_string(i),
                {"at", "solar", "wind", "battery", "grid_import"}, item.place);
    power::PowerPhase p;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // A phase dated before the start is already built: in service from the start.
    p.at_s = read_time_since_start(ctx, m, "at", start_utc_s, std::nullopt, true);
    (void)duration_s;  // a phase after the end is never reached: shortened runs of a phased plan stay valid
    p.solar_mw = m.quantity("solar", Quantity::power, nan, non_negative());
    p.wind_mw = m.quantity("wind", Quantity::power, nan, non_negative());
    p.battery_mwh = m.quantity("battery", Quantity::energy, nan, non_negative());
    p.grid_import_mw = read_import(ctx, m, "grid_import", nan);
    if (!out.empty() && p.at_s < out.back().at_s)
      ctx.error(m.place("at"), m.path("at"), "phases are not in time order", "phases listed by increasing 'at'");
    out.push_back(p);
  }
}

}  // namespace

void read_sites(Ctx& ctx, MapReader& root, Draft& d) {
  const Node* list = root.list("sites");
  if (!list || list->items.empty()) {
    ctx.error(root.place("sites"), "sites", "a scenario needs at least one site", "a list of sites with id, latitude, longitude, pools");
    return;
  }
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& item = list->items[i];
    MapReader m(ctx, &item, item_path("sites", item, i),
                {"id", "name", "node", "sovereign", "latitude", "longitude", "elevation", "pools", "solar", "wind",
                 "climate", "cooling", "battery", "grid", "phases", "costs", "tariff", "water"},
                item.place);
    SiteSpec s;
    s.id = m.id("id", std::nullopt);
    s.name = m.text("name", s.id);
    s.node = m.id("node", s.id);
    s.sovereign = m.flag("sovereign", false);
    auto& loc = s.power.location;
    loc.latitude_deg = m.number("latitude", std::nullopt, kLatitude);
    loc.longitude_deg = m.number("longitude", std::nullopt, kLongitude);
    loc.elevation_m = m.number("elevation", 0, between(-500, 9000));
    std::vector<ItemRef> pool_refs;
    const Node* pools = m.list("pools");
    if (!pools || pools->items.empty()) {
      if (m.is_map()) ctx.error(m.place("pools"), m.path("pools"), "a site needs at least one pool", "a list of pools: {kind: gpu, nodes: N}");
    } else {
      int gpu = 0, cpu = 0;
      for (size_t p = 0; p < pools->items.size(); ++p) {
        const Node& pn = pools->items[p];
        pool_refs.emplace_back();
        s.pools.push_back(read_pool(ctx, pn, item_path(m.path("pools"), pn, p), pool_refs.back()));
        int& count = s.pools.back().gpu ? gpu : cpu;
        if (++count == 2)
          ctx.error(pn.place, pool_refs.back().path, std::string("a second ") + (s.pools.back().gpu ? "gpu" : "cpu") + " pool",
                    "at most one gpu pool and one cpu pool per site");
      }
    }
    read_solar(ctx, m, s.power.solar);
    read_wind(ctx, m, s.power.wind);
    read_climate(ctx, m, s.power.climate);
    read_cooling(ctx, m, s.power.cooling);
    read_battery(ctx, m, s.power.battery);
    read_grid(ctx, m, s.power.grid);
    read_phases(ctx, m, d.sc.start_utc_s, d.sc.duration_s, s.power.phases);
    read_site_economics(ctx, m, s);
    d.sites.push_back(ref_of(m, item));
    d.pools.push_back(std::move(pool_refs));
    d.sc.sites.push_back(std::move(s));
  }
}

}  // namespace sovcap::config
