// Every declared key as plain text: what `sovcap schema --keys` prints and docs/config.md's key
// tables are made of.
#include <fmt/format.h>

#include <cmath>

#include "simulator/config/key_io.hpp"
#include "simulator/config/keys_economics.hpp"
#include "simulator/config/keys_network.hpp"
#include "simulator/config/keys_scenario.hpp"
#include "simulator/config/keys_sites.hpp"

namespace sovcap::config {
namespace {

const char* quantity_name(Quantity q) {
  switch (q) {
    case Quantity::duration: return "duration";
    case Quantity::power: return "power";
    case Quantity::energy: return "energy";
    case Quantity::data: return "data";
    case Quantity::bandwidth: return "bandwidth";
  }
  return "?";
}

template <class T>
std::string type_text(const Key<T>& k) {
  if (k.type == KeyType::quantity) return quantity_name(k.quantity);
  if (k.type == KeyType::numbers && !k.by_hand) return fmt::format("{} numbers", key_detail::list_values(k, T{}).size());
  return std::string(key_type_name(k.type));
}

// The model's default as a reader would write it: "25", "10.2 kW", "all 0", "none".
template <class T>
std::string default_text(const Key<T>& k) {
  if (k.def) return k.def;
  if (k.by_hand) return "none";
  if (k.type == KeyType::map) return "all defaults";
  if (k.type == KeyType::list) return "none";
  const T x{};
  if (k.type == KeyType::numbers) {
    auto v = key_detail::list_values(k, x);
    bool same = true;
    for (double e : v) same = same && e == v.front();
    if (same && !v.empty()) return "all " + key_detail::num(v.front());
  }
  if (k.type == KeyType::quantity) {
    std::string w = value_text(k, x);
    return k.word && w == k.word ? w : key_detail::num(k.real(const_cast<T&>(x))) + " " + k.unit;
  }
  if (k.type == KeyType::time) return key_detail::num(k.real(const_cast<T&>(x))) + " s";
  std::string v = value_text(k, x);
  return v.empty() ? "none" : v;
}

template <class T>
std::string allowed_text(const Key<T>& k) {
  std::string out;
  if (k.values_text) {
    out = k.values_text;
  } else {
    switch (k.type) {
      case KeyType::number:
      case KeyType::whole:
      case KeyType::quantity: out = k.range.text(); break;
      case KeyType::numbers: out = k.range.text().empty() ? "" : "each " + k.range.text(); break;
      case KeyType::flag: out = "true or false"; break;
      case KeyType::text: out = "any text"; break;
      case KeyType::id: out = "letters, digits, _ and -"; break;
      case KeyType::file: out = "a path, relative to the YAML file that names it"; break;
      case KeyType::time: out = "a duration since the start, or a date (ISO 8601)"; break;
      case KeyType::choice: {
        for (const auto& s : k.spellings()) out += (out.empty() ? "" : ", ") + s;
        break;
      }
      case KeyType::ids: out = "a list of ids"; break;
      case KeyType::map: out = k.section ? std::string("a map (") + k.section + ")" : "a map"; break;
      case KeyType::list: out = std::string("a list of maps (") + k.section + ")"; break;
    }
    if (k.type == KeyType::whole && out.empty()) out = "a whole number";
  }
  if (k.word) out += (out.empty() ? "" : ", or ") + std::string(k.word);
  return out.empty() ? "any" : out;
}

template <class T>
void add(std::vector<KeyView>& out, KeyTable<T> table) {
  for (const auto& k : table)
    out.push_back(KeyView{table.section, k.name, type_text(k), k.is_leaf() ? k.unit : "-", default_text(k), allowed_text(k),
                          k.meaning, k.section ? k.section : "", k.by_hand});
}

}  // namespace

std::string_view key_type_name(KeyType t) {
  switch (t) {
    case KeyType::number: return "number";
    case KeyType::whole: return "whole number";
    case KeyType::quantity: return "quantity";
    case KeyType::flag: return "flag";
    case KeyType::text: return "text";
    case KeyType::id: return "id";
    case KeyType::file: return "file";
    case KeyType::numbers: return "numbers";
    case KeyType::choice: return "choice";
    case KeyType::time: return "time";
    case KeyType::ids: return "ids";
    case KeyType::map: return "map";
    case KeyType::list: return "list";
  }
  return "?";
}

std::vector<KeyView> key_views() {
  std::vector<KeyView> out;
  add(out, top_keys());
  add(out, scenario_keys());
  add(out, scheduling_keys());
  add(out, site_keys());
  add(out, pool_keys());
  add(out, solar_keys());
  add(out, wind_keys());
  add(out, climate_keys());
  add(out, cooling_keys());
  add(out, battery_keys());
  add(out, grid_keys());
  add(out, phase_keys());
  add(out, cost_keys());
  add(out, tariff_keys());
  add(out, tariff_period_keys());
  add(out, water_keys());
  add(out, desalination_keys());
  add(out, network_keys());
  add(out, node_keys());
  add(out, link_keys());
  add(out, outage_keys());
  add(out, replication_keys());
  add(out, region_keys());
  add(out, class_keys());
  add(out, units_keys());
  add(out, runtime_keys());
  add(out, economics_keys());
  for (auto kind : {economics::AssetKind::solar, economics::AssetKind::battery, economics::AssetKind::gpu_servers,
                    economics::AssetKind::desalination, economics::AssetKind::link})
    add(out, price_keys(kind));
  add(out, workload_keys());
  add(out, swf_keys());
  return out;
}

std::vector<std::string> key_sections() {
  std::vector<std::string> out;
  for (const auto& v : key_views())
    if (out.empty() || out.back() != v.section) out.push_back(v.section);
  return out;
}

}  // namespace sovcap::config
