#include "simulator/config/key_compare.hpp"

#include "simulator/config/keys_economics.hpp"
#include "simulator/config/keys_network.hpp"
#include "simulator/config/keys_scenario.hpp"
#include "simulator/config/keys_sites.hpp"

namespace sovcap::config {
namespace {

template <class T, class Each>
void items(KeyComparison& c, const std::string& path, const std::vector<T>& a, const std::vector<T>& b, Each each) {
  if (a.size() != b.size()) c.differences.push_back(path + ": " + std::to_string(a.size()) + " vs " + std::to_string(b.size()) + " items");
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) each(path + "." + std::to_string(i) + ".", a[i], b[i]);
}

void compare_site(KeyComparison& c, const std::string& p, const SiteSpec& a, const SiteSpec& b) {
  c.compare(site_keys(), p, a, b);
  items(c, p + "pools", a.pools, b.pools, [&](const std::string& q, const auto& x, const auto& y) { c.compare(pool_keys(), q, x, y); });
  c.compare(solar_keys(), p + "solar.", a.power.solar, b.power.solar);
  c.compare(wind_keys(), p + "wind.", a.power.wind, b.power.wind);
  c.compare(climate_keys(), p + "climate.", a.power.climate, b.power.climate);
  c.compare(cooling_keys(), p + "cooling.", a.power.cooling, b.power.cooling);
  c.compare(battery_keys(), p + "battery.", a.power.battery, b.power.battery);
  c.compare(grid_keys(), p + "grid.", a.power.grid, b.power.grid);
  items(c, p + "phases", a.power.phases, b.power.phases,
        [&](const std::string& q, const auto& x, const auto& y) { c.compare(phase_keys(), q, x, y); });
  for (size_t k = 0; k < economics::kAssetKinds; ++k) {
    auto kind = static_cast<economics::AssetKind>(k);
    if (kind != economics::AssetKind::link)
      c.compare(price_keys(kind), p + "costs." + economics::asset_info(kind).name + ".", a.prices[k], b.prices[k]);
  }
  c.compare(tariff_keys(), p + "tariff.", a.tariff, b.tariff);
  items(c, p + "tariff.periods", a.tariff.periods, b.tariff.periods,
        [&](const std::string& q, const auto& x, const auto& y) { c.compare(tariff_period_keys(), q, x, y); });
  c.compare(water_keys(), p + "water.", a.water, b.water);
  c.compare(desalination_keys(), p + "water.desalination.", a.water.desal, b.water.desal);
}

}  // namespace

KeyComparison compare_scenarios(const Scenario& a, const Scenario& b) {
  KeyComparison c;
  c.compare(scenario_keys(), "scenario.", a, b);
  c.compare(scheduling_keys(), "scheduling.", a.scheduling, b.scheduling);
  items(c, "regions", a.regions, b.regions, [&](const std::string& p, const auto& x, const auto& y) { c.compare(region_keys(), p, x, y); });
  items(c, "classes", a.classes, b.classes, [&](const std::string& p, const auto& x, const auto& y) {
    c.compare(class_keys(), p, x, y);
    c.compare(units_keys(), p + "units.", x.units, y.units);
    c.compare(runtime_keys(), p + "runtime.", x.runtime_s, y.runtime_s);
  });
  items(c, "sites", a.sites, b.sites, [&](const std::string& p, const SiteSpec& x, const SiteSpec& y) { compare_site(c, p, x, y); });
  c.compare(network_keys(), "network.", a, b);
  c.compare(workload_keys(), "workload.", a, b);
  c.compare(swf_keys(), "workload.swf.", a, b);
  c.compare(economics_keys(), "economics.", a.economics, b.economics);
  items(c, "economics.links", a.economics.links, b.economics.links, [&](const std::string& p, const auto& x, const auto& y) {
    if (x.id != y.id) c.differences.push_back(p + "id: " + x.id + " vs " + y.id);
    c.compare(price_keys(economics::AssetKind::link), p, x.price, y.price);
  });
  c.compare(replication_keys(), "network.replication.", a, b);
  items(c, "network.nodes", a.topology.nodes, b.topology.nodes,
        [&](const std::string& p, const auto& x, const auto& y) { c.compare(node_keys(), p, x, y); });
  items(c, "network.links", a.topology.links, b.topology.links, [&](const std::string& p, const auto& x, const auto& y) {
    c.compare(link_keys(), p, x, y);
    items(c, p + "outages", x.outages, y.outages,
          [&](const std::string& q, const auto& u, const auto& v) { c.compare(outage_keys(), q, u, v); });
  });
  return c;
}

}  // namespace sovcap::config
