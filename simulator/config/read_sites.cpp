// The `sites` section: compute pools and the power system of each site.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

#include "models/power/profile_csv.hpp"
#include "simulator/config/enum_names.hpp"
#include "simulator/config/draft.hpp"
#include "simulator/config/key_io.hpp"
#include "simulator/config/keys_sites.hpp"

namespace sovcap::config {
namespace {

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
  const auto keys = pool_keys();
  MapReader m(ctx, &item, path, key_names(keys), item.place);
  scheduling::PoolSpec p;
  const ReadEnv env;
  read_key(ctx, m, keys.at("kind"), p, env);  // the other keys' defaults depend on it
  read_keys(ctx, m, keys, p, env, {"kind"});
  if (p.node_idle_kw > p.node_peak_kw)
    ctx.error(m.place("node_idle"), m.path("node_idle"), "idle power is above the peak power", "<= node_peak");
  if (p.node_mtbf_s > 0 && !(p.node_mttr_s > 0))
    ctx.error(m.has("mttr") ? m.place("mttr") : item.place, m.path("mttr"), "nodes that fail need a repair time",
              "a duration > 0 with mtbf, e.g. mttr: 12h");
  ref = ref_of(m, item);
  return p;
}

// A map of the site read through its declared keys.
template <class T>
MapReader read_part(Ctx& ctx, const MapReader& site, KeyTable<T> keys, T& x) {
  const std::string name = std::string(keys.section).substr(std::string("sites.").size());
  MapReader m(ctx, site.get(name), site.path(name), key_names(keys), site.place());
  read_keys(ctx, m, keys, x, ReadEnv{});
  return m;
}

void read_power(Ctx& ctx, const MapReader& site, power::SitePowerParams& p) {
  read_part(ctx, site, solar_keys(), p.solar);
  {
    auto m = read_part(ctx, site, wind_keys(), p.wind);
    const auto& w = p.wind;
    if (!(w.cut_in_ms < w.rated_ms && w.rated_ms < w.cut_out_ms))
      ctx.error(m.place("rated"), m.path("rated"), "wind speeds out of order", "cut_in < rated < cut_out");
  }
  read_part(ctx, site, climate_keys(), p.climate);
  {
    auto m = read_part(ctx, site, cooling_keys(), p.cooling);
    if (p.cooling.pue_max < p.cooling.pue_min)
      ctx.error(m.place("pue_max"), m.path("pue_max"), "pue_max is below pue_min", ">= pue_min");
  }
  {
    auto m = read_part(ctx, site, battery_keys(), p.battery);
    const auto& b = p.battery;
    if (b.soc_min_fraction >= b.soc_max_fraction)
      ctx.error(m.place("soc_max"), m.path("soc_max"), "soc_max is not above soc_min", "soc_min < soc_max");
    if (b.initial_soc_fraction < b.soc_min_fraction || b.initial_soc_fraction > b.soc_max_fraction)
      ctx.error(m.place("initial_soc"), m.path("initial_soc"), "initial_soc is outside [soc_min, soc_max]",
                "soc_min <= initial_soc <= soc_max");
  }
  {
    auto m = read_part(ctx, site, grid_keys(), p.grid);
    const auto& g = p.grid;
    if (double peak = g.carbon_gco2_per_kwh * *std::max_element(g.carbon_hourly_factor.begin(), g.carbon_hourly_factor.end());
        !(peak <= 2000))
      ctx.error(m.place("carbon_hourly"), m.path("carbon_hourly"),
                fmt::format("carbon x the largest hourly factor is {:.4g} gCO2/kWh, physically impossible", peak),
                "a grid carbon intensity from 0 to 2000 gCO2/kWh at every hour");
  }
}

void read_phases(Ctx& ctx, MapReader& site, int64_t start_utc_s, std::vector<power::PowerPhase>& out) {
  const Node* list = site.list("phases");
  if (!list) return;
  const auto keys = phase_keys();
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& item = list->items[i];
    MapReader m(ctx, &item, site.path("phases") + "." + std::to_string(i), key_names(keys), item.place);
    power::PowerPhase p;
    // A phase after the end is never reached: shortened runs of a phased plan stay valid.
    read_keys(ctx, m, keys, p, ReadEnv{start_utc_s});
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
    MapReader m(ctx, &item, item_path("sites", item, i), key_names(site_keys()), item.place);
    SiteSpec s;
    read_keys(ctx, m, site_keys(), s, ReadEnv{});
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
    read_power(ctx, m, s.power);
    read_phases(ctx, m, d.sc.start_utc_s, s.power.phases);
    read_site_economics(ctx, m, s);
    d.sites.push_back(ref_of(m, item));
    d.pools.push_back(std::move(pool_refs));
    d.sc.sites.push_back(std::move(s));
  }
}

}  // namespace sovcap::config
