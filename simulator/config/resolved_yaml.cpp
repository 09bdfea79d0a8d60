#include "simulator/config/resolved_yaml.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include "models/workload/distribution.hpp"
#include "simulator/config/enum_names.hpp"
#include "simulator/config/key_io.hpp"
#include "simulator/config/keys_economics.hpp"
#include "simulator/config/keys_network.hpp"
#include "simulator/config/keys_scenario.hpp"
#include "simulator/config/keys_sites.hpp"

namespace sovcap::config {
namespace {

// fmt's shortest representation reads back to the same double.
std::string num(double x) { return fmt::format("{}", x); }
std::string with(double x, const char* unit) { return fmt::format("{}{}", x, unit); }

template <class T>
void kv(YAML::Emitter& out, const char* key, const T& value) {
  out << YAML::Key << key << YAML::Value << value;
}

template <class Seq>
void flow_numbers(YAML::Emitter& out, const char* key, const Seq& values, const char* unit = "") {
  out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (double v : values) out << with(v, unit);
  out << YAML::EndSeq;
}


// A distribution through its declared keys: type, the type's parameters, then the clamps.
void distribution(YAML::Emitter& out, const char* key, KeyTable<workload::DistributionSpec> keys,
                  const workload::DistributionSpec& d, const char* unit) {
  using T = workload::DistributionSpec::Type;
  const std::string type = spelling(d.type, workload::DistributionSpec::kTypeNames);
  auto write = [&](const Key<workload::DistributionSpec>& k) {
    out << YAML::Key << k.name << YAML::Value << value_text(k, d);
  };
  out << YAML::Key << key << YAML::Value << YAML::BeginMap;
  for (const auto& k : keys) {
    const std::string name = k.name;
    if (!applies(k, type) || name == "clamp_min" || name == "clamp_max") continue;
    if (k.is_leaf()) {
      write(k);
    } else if (name == "values") {  // by hand: empirical values from a file are written as values
      flow_numbers(out, "values", d.values, unit);
    } else if (name == "weights" && d.type == T::discrete) {
      flow_numbers(out, "weights", d.weights);
    }
  }
  write(keys.at("clamp_min"));
  write(keys.at("clamp_max"));
  out << YAML::EndMap;
}

void price(YAML::Emitter& out, const std::string& name, economics::AssetKind k, const economics::AssetPrice& p) {
  out << YAML::Key << name << YAML::Value << YAML::Flow << YAML::BeginMap;
  write_keys(out, price_keys(k), p);
  out << YAML::EndMap;
}

void site_costs(YAML::Emitter& out, const SiteSpec& s) {
  out << YAML::Key << "costs" << YAML::Value << YAML::BeginMap;
  for (size_t k = 0; k < economics::kAssetKinds; ++k) {
    auto kind = static_cast<economics::AssetKind>(k);
    if (kind != economics::AssetKind::link) price(out, economics::asset_info(kind).name, kind, s.prices[k]);
  }
  out << YAML::EndMap;
}

void site_tariff(YAML::Emitter& out, const SiteSpec& s) {
  out << YAML::Key << "tariff" << YAML::Value << YAML::BeginMap;
  write_keys(out, tariff_keys(), s.tariff, [&](const Key<TariffSpec>&) {  // periods
    out << YAML::Key << "periods" << YAML::Value << YAML::BeginSeq;
    for (const auto& p : s.tariff.periods) {
      out << YAML::Flow << YAML::BeginMap;
      write_keys(out, tariff_period_keys(), p);
      out << YAML::EndMap;
    }
    out << YAML::EndSeq;
  });
  out << YAML::EndMap;
}

void site_water(YAML::Emitter& out, const SiteSpec& s) {
  out << YAML::Key << "water" << YAML::Value << YAML::BeginMap;
  write_keys(out, water_keys(), s.water, [&](const Key<WaterSpec>&) {  // desalination
    out << YAML::Key << "desalination" << YAML::Value << YAML::Flow << YAML::BeginMap;
    write_keys(out, desalination_keys(), s.water.desal);
    out << YAML::EndMap;
  });
  out << YAML::EndMap;
}

// A nested map of the site, through its declared keys.
template <class T>
void part(YAML::Emitter& out, const char* name, KeyTable<T> keys, const T& x) {
  out << YAML::Key << name << YAML::Value << YAML::BeginMap;
  write_keys(out, keys, x);
  out << YAML::EndMap;
}

void site(YAML::Emitter& out, const SiteSpec& s) {
  const auto& p = s.power;
  out << YAML::BeginMap;
  write_keys(out, site_keys(), s, [&](const Key<SiteSpec>& k) {
    const std::string name = k.name;
    if (name == "pools") {
      out << YAML::Key << "pools" << YAML::Value << YAML::BeginSeq;
      for (const auto& pool : s.pools) {
        out << YAML::BeginMap;
        write_keys(out, pool_keys(), pool);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    } else if (name == "solar") {
      part(out, k.name, solar_keys(), p.solar);
    } else if (name == "wind") {
      part(out, k.name, wind_keys(), p.wind);
    } else if (name == "climate") {
      part(out, k.name, climate_keys(), p.climate);
    } else if (name == "cooling") {
      part(out, k.name, cooling_keys(), p.cooling);
    } else if (name == "battery") {
      part(out, k.name, battery_keys(), p.battery);
    } else if (name == "grid") {
      part(out, k.name, grid_keys(), p.grid);
    } else if (name == "phases") {
      out << YAML::Key << "phases" << YAML::Value << YAML::BeginSeq;
      for (const auto& ph : p.phases) {
        out << YAML::BeginMap;
        write_keys(out, phase_keys(), ph);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    } else if (name == "costs") {
      site_costs(out, s);
    } else if (name == "tariff") {
      site_tariff(out, s);
    } else if (name == "water") {
      site_water(out, s);
    } else {
      throw std::logic_error("resolved YAML: no writer for sites." + name);
    }
  });
  out << YAML::EndMap;
}


}  // namespace

std::string resolved_yaml(const Scenario& sc) {
  YAML::Emitter out;
  out << YAML::BeginMap;
  // The sections in declared order (top_keys); extends was consumed when the file was read.
  write_keys(out, top_keys(), sc, [&](const Key<Scenario>& top) {
    const std::string section = top.name;
    if (section == "scenario") {
      out << YAML::Key << "scenario" << YAML::Value << YAML::BeginMap;
      write_keys(out, scenario_keys(), sc);
      out << YAML::EndMap;
    } else if (section == "scheduling") {
      out << YAML::Key << "scheduling" << YAML::Value << YAML::BeginMap;
      write_keys(out, scheduling_keys(), sc.scheduling);
      out << YAML::EndMap;
    } else if (section == "sites") {
      out << YAML::Key << "sites" << YAML::Value << YAML::BeginSeq;
      for (const auto& s : sc.sites) site(out, s);
      out << YAML::EndSeq;
    } else if (section == "regions") {
      out << YAML::Key << "regions" << YAML::Value << YAML::BeginSeq;
      for (const auto& r : sc.regions) {
        out << YAML::BeginMap;
        write_keys(out, region_keys(), r);
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    } else if (section == "network") {
      out << YAML::Key << "network" << YAML::Value << YAML::BeginMap;
      write_keys(out, network_keys(), sc, [&](const Key<Scenario>& k) {
        const std::string name = k.name;
        out << YAML::Key << k.name << YAML::Value;
        if (name == "nodes") {  // every node of the topology, with its coordinates
          out << YAML::BeginSeq;
          for (const auto& n : sc.topology.nodes) {
            out << YAML::Flow << YAML::BeginMap;
            write_keys(out, node_keys(), n);
            out << YAML::EndMap;
          }
          out << YAML::EndSeq;
        } else if (name == "links") {
          out << YAML::BeginSeq;
          for (const auto& l : sc.topology.links) {
            out << YAML::BeginMap;
            write_keys(out, link_keys(), l, [&](const Key<network::LinkSpec>&) {  // outages
              out << YAML::Key << "outages" << YAML::Value << YAML::BeginSeq;
              for (const auto& o : l.outages) {
                out << YAML::Flow << YAML::BeginMap;
                write_keys(out, outage_keys(), o);
                out << YAML::EndMap;
              }
              out << YAML::EndSeq;
            });
            out << YAML::EndMap;
          }
          out << YAML::EndSeq;
        } else if (name == "replication") {
          out << YAML::BeginMap;
          write_keys(out, replication_keys(), sc);
          out << YAML::EndMap;
        } else {
          throw std::logic_error("resolved YAML: no writer for network." + name);
        }
      });
      out << YAML::EndMap;
    } else if (section == "classes") {
      out << YAML::Key << "classes" << YAML::Value << YAML::BeginSeq;
      for (const auto& c : sc.classes) {
        out << YAML::BeginMap;
        write_keys(out, class_keys(), c, [&](const Key<workload::JobClassSpec>& k) {
          const std::string name = k.name;
          if (name == "region_weights") {
            if (c.region_weights.empty()) return;  // the regions' own weights
            out << YAML::Key << "region_weights" << YAML::Value << YAML::Flow << YAML::BeginMap;
            for (size_t i = 0; i < c.region_weights.size() && i < sc.regions.size(); ++i)
              out << YAML::Key << sc.regions[i].id << YAML::Value << num(c.region_weights[i]);
            out << YAML::EndMap;
          } else if (name == "units") {
            distribution(out, "units", units_keys(), c.units, "");
          } else if (name == "runtime") {
            distribution(out, "runtime", runtime_keys(), c.runtime_s, "s");
          } else {
            throw std::logic_error("resolved YAML: no writer for classes." + name);
          }
        });
        out << YAML::EndMap;
      }
      out << YAML::EndSeq;
    } else if (section == "economics") {
      const auto& e = sc.economics;
      out << YAML::Key << "economics" << YAML::Value << YAML::BeginMap;
      write_keys(out, economics_keys(), e, [&](const Key<EconomicsSpec>&) {  // links
        out << YAML::Key << "links" << YAML::Value << YAML::BeginMap;
        for (const auto& l : e.links) price(out, l.id, economics::AssetKind::link, l.price);
        out << YAML::EndMap;
      });
      out << YAML::EndMap;
    } else if (section == "workload") {
      if (!sc.trace_path.empty()) {  // absent when the arrivals are synthetic, as before the key existed
        out << YAML::Key << "workload" << YAML::Value << YAML::BeginMap;
        write_keys(out, workload_keys(), sc, [&](const Key<Scenario>& k) {
          if (std::string(k.name) == "trace") {
            kv(out, "trace", sc.trace_path);
          } else if (sc.swf_trace) {  // swf
            out << YAML::Key << "swf" << YAML::Value << YAML::BeginMap;
            write_keys(out, swf_keys(), sc, [&](const Key<Scenario>&) {  // class
              kv(out, "class", sc.classes.at(static_cast<size_t>(sc.swf.class_index)).id);
            });
            out << YAML::EndMap;
          }
        });
        out << YAML::EndMap;
      }
    } else if (section != "extends") {
      throw std::logic_error("resolved YAML: no writer for " + section);
    }
  });
  out << YAML::EndMap;
  return std::string(out.c_str()) + "\n";
}

}  // namespace sovcap::config
