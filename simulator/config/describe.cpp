#include "simulator/config/describe.hpp"

#include <fmt/format.h>

#include <cmath>

#include "models/network/topology.hpp"
#include "models/workload/distribution.hpp"
#include "simulator/config/key_io.hpp"
#include "simulator/config/keys_network.hpp"
#include "simulator/config/keys_scenario.hpp"
#include "simulator/config/keys_sites.hpp"
#include "simulator/config/text_table.hpp"

namespace sovcap::config {
namespace {

std::string mw(double x) { return std::isinf(x) ? "unlimited" : fmt::format("{:.1f}", x); }
std::string g(double x) { return fmt::format("{:g}", x); }

std::string dist(const workload::DistributionSpec& d, bool duration) {
  using T = workload::DistributionSpec::Type;
  auto v = [&](double x) { return duration ? human_duration(x) : g(x); };
  std::string s;
  switch (d.type) {
    case T::constant: s = v(d.value); break;
    case T::exponential: s = "exp(mean " + v(d.mean) + ")"; break;
    case T::lognormal: s = "lognormal(median " + v(d.median) + ", sigma " + g(d.sigma) + ")"; break;
    case T::weibull: s = "weibull(shape " + g(d.shape) + ", scale " + v(d.scale) + ")"; break;
    case T::uniform: s = "uniform(" + v(d.min) + ".." + v(d.max) + ")"; break;
    case T::discrete: {
      s = "{";
      for (size_t i = 0; i < d.values.size(); ++i) s += (i ? "," : "") + v(d.values[i]);
      s += "}";
      break;
    }
    case T::empirical: s = "empirical(" + std::to_string(d.values.size()) + " values)"; break;
  }
  if (d.clamp_min != 0 || d.clamp_max != 0) s += " in [" + v(d.clamp_min) + ", " + (d.clamp_max != 0 ? v(d.clamp_max) : "inf") + "]";
  return s;
}

// A column heading: a label and the declared unit of the key its values come from.
template <class T>
std::string heading(const std::string& label, KeyTable<T> table, const char* key) {
  return label + " " + table.at(key).unit;
}
template <class T>
std::string spelled(KeyTable<T> table, const char* key, const T& x) {
  return value_text(table.at(key), x);
}

}  // namespace

std::string human_duration(double s) {
  struct U { double s; const char* name; };
  static const U units[] = {{365 * 86400.0, "y"}, {86400, "d"}, {3600, "h"}, {60, "min"}, {1, "s"}};
  if (s == 0) return "0 s";
  for (const auto& u : units)
    if (std::fabs(s) >= u.s && std::fmod(s, u.s) == 0) return fmt::format("{:g} {}", s / u.s, u.name);
  for (const auto& u : units)
    if (std::fabs(s) >= u.s) return fmt::format("{:.3g} {}", s / u.s, u.name);
  return fmt::format("{:g} s", s);
}

std::string describe(const Scenario& sc) {
  std::string out;
  out += fmt::format("scenario {} ({})\n", sc.name, sc.source_file);
  out += fmt::format("  start {}, duration {}, step {}, seed {}\n", sc.start_utc, human_duration(sc.duration_s),
                     human_duration(sc.step_s), sc.seed);
  out += fmt::format("  scheduling: queue {}, placement {}, latency targets {}\n",
                     spelled(scheduling_keys(), "policy", sc.scheduling),
                     spelled(scheduling_keys(), "placement", sc.scheduling),
                     sc.scheduling.latency == scheduling::LatencyRule::prefer ? "preferred" : "ignored");

  double total_gpus = 0;
  TextTable sites({"site", "name", "node", "lat", "lon", "sovereign", "pool", "kind", "nodes", "units",
                   heading("peak", pool_keys(), "node_peak") + "/node", "IT peak MW"});
  for (const auto& s : sc.sites) {
    bool first = true;
    for (const auto& p : s.pools) {
      double units = static_cast<double>(p.nodes) * p.units_per_node;
      if (p.gpu) total_gpus += units;
      sites.add({first ? s.id : "", first ? s.name : "", first ? s.node : "",
                 first ? fmt::format("{:.2f}", s.power.location.latitude_deg) : "",
                 first ? fmt::format("{:.2f}", s.power.location.longitude_deg) : "", first ? (s.sovereign ? "yes" : "no") : "",
                 p.id, spelled(pool_keys(), "kind", p), std::to_string(p.nodes), fmt::format("{:.0f}", units), g(p.node_peak_kw),
                 fmt::format("{:.1f}", p.nodes * p.node_peak_kw / 1000)});
      first = false;
    }
  }
  out += fmt::format("\nsites ({}, {:.0f} GPUs in all)\n", sc.sites.size(), total_gpus) + sites.render();

  TextTable power({"site", heading("solar", solar_keys(), "capacity"), heading("wind", wind_keys(), "capacity"),
                   heading("battery", battery_keys(), "energy"), heading("charge/discharge", battery_keys(), "charge"),
                   heading("grid import", grid_keys(), "import"), heading("export", grid_keys(), "export"),
                   grid_keys().at("carbon").unit, "cooling", "phases"});
  for (const auto& s : sc.sites) {
    const auto& p = s.power;
    std::string cooling = p.cooling.model == power::CoolingParams::Model::constant
                              ? "PUE " + g(p.cooling.pue)
                              : fmt::format("PUE {:g}-{:g} (free below {:g} C)", p.cooling.pue_min, p.cooling.pue_max, p.cooling.free_below_c);
    power.add({s.id, mw(p.solar.capacity_mw), mw(p.wind.capacity_mw), mw(p.battery.energy_mwh),
               mw(p.battery.charge_mw) + "/" + mw(p.battery.discharge_mw), mw(p.grid.import_mw), mw(p.grid.export_mw),
               g(p.grid.carbon_gco2_per_kwh), cooling, std::to_string(p.phases.size())});
  }
  out += "\npower\n" + power.render();

  double total_w = 0;
  for (const auto& r : sc.regions) total_w += r.weight;
  TextTable regions({"region", "name", "node", "lat", "lon", "weight", "share %"});
  for (const auto& r : sc.regions)
    regions.add({r.id, r.name, r.node, fmt::format("{:.2f}", r.latitude_deg), fmt::format("{:.2f}", r.longitude_deg), g(r.weight),
                 fmt::format("{:.1f}", total_w > 0 ? 100 * r.weight / total_w : 0)});
  out += fmt::format("\nregions ({})\n", sc.regions.size()) + regions.render();

  TextTable links({"link", "a", "b", link_keys().at("bandwidth").unit, "latency", "route factor", "outages", "mtbf", "mttr"});
  for (const auto& l : sc.topology.links)
    links.add({l.id, l.a, l.b, g(l.bandwidth_gbps), l.latency_s < 0 ? "auto" : human_duration(l.latency_s), g(l.route_factor),
               std::to_string(l.outages.size()), l.mtbf_s > 0 ? human_duration(l.mtbf_s) : "-",
               l.mtbf_s > 0 ? human_duration(l.mttr_s) : "-"});
  out += fmt::format("\nnetwork ({} nodes, {} links)\n", sc.topology.nodes.size(), sc.topology.links.size()) + links.render();
  try {  // single points of failure: links and nodes whose loss splits the backbone
    network::Topology topo(sc.topology);
    std::string bridges, cuts;
    for (int l : topo.bridges()) bridges += (bridges.empty() ? "" : ", ") + topo.link(l).id;
    for (int n : topo.articulation_points()) cuts += (cuts.empty() ? "" : ", ") + topo.node(n).id;
    out += "  single points of failure: links " + (bridges.empty() ? std::string("none") : bridges) + "; nodes " +
           (cuts.empty() ? std::string("none") : cuts) + "\n";
  } catch (const std::exception&) {
  }

  TextTable classes({"class", "pool", "rate/h", "growth/yr", "units", "runtime", heading("in", class_keys(), "input"),
                     heading("out", class_keys(), "output"), "prio", "flags", "sites"});
  for (const auto& c : sc.classes) {
    std::string flags;
    if (c.preemptible) flags += "preemptible ";
    if (c.kill_at_time_limit) flags += "killed-at-limit ";
    if (c.flexible) flags += "flexible(" + human_duration(c.deadline_s) + ") ";
    if (c.checkpoint_interval_s > 0) flags += "ckpt/" + human_duration(c.checkpoint_interval_s) + " ";
    if (!flags.empty()) flags.pop_back();
    std::string allowed;
    for (const auto& a : c.allowed_sites) allowed += (allowed.empty() ? "" : ",") + a;
    classes.add({c.id, spelled(class_keys(), "pool", c), g(c.rate_per_h), fmt::format("{:g}%", 100 * c.growth_per_year),
                 dist(c.units, false), dist(c.runtime_s, true), g(c.input_gb), g(c.output_gb), std::to_string(c.priority),
                 flags.empty() ? "-" : flags, allowed.empty() ? "all" : allowed});
  }
  out += fmt::format("\nclasses ({})\n", sc.classes.size()) + classes.render();
  if (sc.swf_trace) {
    auto rep = workload::select_swf(*sc.swf_trace, sc.swf, sc.duration_s).report;
    out += fmt::format("\nworkload: SWF trace {} ({} records, {} replayed as class {}; replaces the classes' synthetic arrivals)\n",
                       sc.trace_path, rep.records, rep.used, sc.classes.at(static_cast<size_t>(sc.swf.class_index)).id);
    if (rep.total_skipped() > 0) out += "  " + rep.text(sc.trace_path) + "\n";
  } else if (!sc.trace_path.empty()) {
    out += fmt::format("\nworkload: trace {} ({} rows; replaces the classes' synthetic arrivals)\n", sc.trace_path,
                       sc.trace ? sc.trace->jobs.size() : 0);
  }
  return out;
}

}  // namespace sovcap::config
