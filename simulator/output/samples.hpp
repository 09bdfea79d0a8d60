#pragma once
// What the simulator hands the result writer: per-step samples of every site
// and link, the run's description, and per-site totals known only at the end.
#include <cstdint>
#include <string>
#include <optional>
#include <vector>

#include "simulator/output/figures.hpp"

namespace sovcap::output {

// One site, one step; power values are means over the step.
struct SiteSample {
  double it_power_mw = 0, cooling_power_mw = 0, facility_power_mw = 0, pue = 0, solar_mw = 0, wind_mw = 0,
         battery_charge_mw = 0, battery_discharge_mw = 0, battery_soc_mwh = 0, grid_import_mw = 0,
         grid_export_mw = 0, curtailed_mw = 0, unserved_mw = 0, power_cap_mw = 0, ambient_c = 0,
         carbon_kg_per_h = 0, carbon_gco2_per_kwh = 0, busy_gpus = 0, total_gpus = 0, busy_cpus = 0, total_cpus = 0,
         running_jobs = 0, queued_jobs = 0, throttle_speed = 1, relative_humidity = 0, wet_bulb_c = 0,
         water_m3_per_h = 0, desal_power_mw = 0;
};

// One link, one step.
struct LinkSample {
  double utilization = 0, throughput_gbps = 0, up = 1;
};

struct TopologyNodeRow {
  std::string id, kind;
  double latitude_deg = 0, longitude_deg = 0;
};

struct TopologyLinkRow {
  std::string id, a, b;
  double bandwidth_gbps = 0, latency_s = 0, length_km = 0;
};

// The replayed SWF trace's record accounting (docs/traces.md): written as the /trace group.
struct TraceInfo {
  std::string path;
  int64_t records = 0, used = 0;
  struct Skip {
    std::string reason;              // "no_run_time", ...
    int64_t records = 0;
    std::vector<int64_t> first_lines;  // the first few, in file order
  };
  std::vector<Skip> skipped;  // every reason, in a fixed order, zeros included
};

struct RunInfo {
  std::string scenario, start_utc, config_yaml, sovcap_version;
  uint64_t seed = 0;
  double duration_s = 0, step_s = 0;
  std::vector<std::string> sites, links, classes, regions;  // the order of samples and job indices
  std::optional<TraceInfo> trace;  // when the run replays an SWF trace
  std::vector<bool> class_gpu;  // per class: GPU pool (GPU-hours) or CPU pool (core-hours); empty = all GPU
  std::vector<TopologyNodeRow> nodes;
  std::vector<TopologyLinkRow> topology_links;
};

// Per site, from the simulator at the end of the run.
struct SiteExtras {
  double battery_cycles = 0, capping_episodes = 0, unserved_mwh = 0;
  double node_failures = 0, job_restarts = 0;
  // Size-weighted: GPU-hours on the GPU pools, core-hours on the CPU pools (units x hours).
  double lost_work_gpu_h = 0, lost_work_core_h = 0;        // redone after node failures
  double delayed_work_gpu_h = 0, delayed_work_core_h = 0;  // put off by power capping
};

// Per region, from the backbone (docs/network.md): data moved and the latency target.
struct RegionNetwork {
  double input_gb = 0, output_gb = 0;  // job inputs sent, results staged back
  int64_t latency_jobs = 0;            // jobs of classes with a latency target
  int64_t latency_misses = 0;          // ... whose round trip to their site exceeded it (or had no route)
  int64_t stalled_jobs = 0;            // inputs that waited for a route (cut off)
  int64_t rerouted_jobs = 0;           // inputs moved to another route by a failure
  int64_t cutoff_events = 0;           // times the region lost every route to every site
  double cutoff_s = 0;                 // for how long in all
};

// A network event with its duration: kind "link_down" (subject: link id) or
// "region_cutoff" (subject: region id); end_s = the horizon if still open.
struct NetworkEvent {
  std::string kind, subject;
  double start_s = 0, end_s = 0;
};

struct NetworkResults {
  std::vector<RegionNetwork> regions;  // by region, or empty
  std::vector<NetworkEvent> events;
  double rerouted_gb = 0;     // bytes left on a failed route and sent again on another
  int64_t reroutes = 0;       // transfers moved to another route
  int64_t stalls = 0;         // transfers left without any route, for a while
  double output_gb = 0, checkpoint_gb = 0, replication_gb = 0;
  double unsent_gb = 0;       // outputs, checkpoints, replication still queued or in flight at the end
};

// A time-series field: its dataset name, units (from its declaration in figures.cpp) and where it
// lives in the sample.
template <typename Sample>
struct Metric {
  const char* name;
  double Sample::*field;
  const char* units = nullptr;
};

// The units of each metric from the registry (throws std::logic_error for an undeclared one).
template <typename Sample>
std::vector<Metric<Sample>> declared_metrics(Table table, std::vector<Metric<Sample>> m) {
  for (auto& x : m) x.units = figure(table, x.name).unit;
  return m;
}

// Every SiteSample field, in storage order; names are the dataset names.
inline const std::vector<Metric<SiteSample>>& site_metrics() {
  using S = SiteSample;
  static const std::vector<Metric<S>> m = declared_metrics<S>(Table::site_series, {
      {"it_power_mw", &S::it_power_mw},
      {"cooling_power_mw", &S::cooling_power_mw},
      {"facility_power_mw", &S::facility_power_mw},
      {"pue", &S::pue},
      {"solar_mw", &S::solar_mw},
      {"wind_mw", &S::wind_mw},
      {"battery_charge_mw", &S::battery_charge_mw},
      {"battery_discharge_mw", &S::battery_discharge_mw},
      {"battery_soc_mwh", &S::battery_soc_mwh},
      {"grid_import_mw", &S::grid_import_mw},
      {"grid_export_mw", &S::grid_export_mw},
      {"curtailed_mw", &S::curtailed_mw},
      {"unserved_mw", &S::unserved_mw},
      {"power_cap_mw", &S::power_cap_mw},
      {"ambient_c", &S::ambient_c},
      {"carbon_kg_per_h", &S::carbon_kg_per_h},
      {"carbon_gco2_per_kwh", &S::carbon_gco2_per_kwh},
      {"busy_gpus", &S::busy_gpus},
      {"total_gpus", &S::total_gpus},
      {"busy_cpus", &S::busy_cpus},
      {"total_cpus", &S::total_cpus},
      {"running_jobs", &S::running_jobs},
      {"queued_jobs", &S::queued_jobs},
      {"throttle_speed", &S::throttle_speed},
      {"relative_humidity", &S::relative_humidity},
      {"wet_bulb_c", &S::wet_bulb_c},
      {"water_m3_per_h", &S::water_m3_per_h},
      {"desal_power_mw", &S::desal_power_mw},
  });
  return m;
}

inline const std::vector<Metric<LinkSample>>& link_metrics() {
  using L = LinkSample;
  static const std::vector<Metric<L>> m = declared_metrics<L>(Table::link_series, {
      {"utilization", &L::utilization},
      {"throughput_gbps", &L::throughput_gbps},
      {"up", &L::up},
  });
  return m;
}

}  // namespace sovcap::output
