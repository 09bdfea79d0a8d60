#include "simulator/engine/run.hpp"

#include <xbt/log.h>

#include <memory>

#include "sovcap_version.hpp"
#include "models/network/geo.hpp"
#include "models/seeds/streams.hpp"
#include "simulator/engine/job_source.hpp"
#include "simulator/engine/progress.hpp"
#include "simulator/engine/signals.hpp"
#include "simulator/engine/world.hpp"

namespace sg4 = simgrid::s4u;

namespace sovcap::engine {
namespace {

output::RunInfo run_info(const config::Scenario& sc, const network::Topology& topo) {
  output::RunInfo info;
  info.scenario = sc.name;
  info.start_utc = sc.start_utc;
  info.config_yaml = sc.resolved_yaml;
  info.sovcap_version = SOVCAP_VERSION;
  info.seed = sc.seed;
  info.duration_s = sc.duration_s;
  info.step_s = sc.step_s;
  for (const auto& s : sc.sites) info.sites.push_back(s.id);
  for (const auto& l : sc.topology.links) info.links.push_back(l.id);
  for (const auto& c : sc.classes) {
    info.classes.push_back(c.id);
    info.class_gpu.push_back(c.pool == workload::PoolKind::gpu);
  }
  for (const auto& r : sc.regions) info.regions.push_back(r.id);
  if (sc.swf_trace) {
    const auto rep = workload::select_swf(*sc.swf_trace, sc.swf, sc.duration_s).report;
    output::TraceInfo t;
    t.path = sc.trace_path;
    t.records = static_cast<int64_t>(rep.records);
    t.used = static_cast<int64_t>(rep.used);
    for (size_t k = 0; k < workload::swf_skip_reasons; ++k) {
      output::TraceInfo::Skip skip;
      skip.reason = workload::swf_skip_name(static_cast<workload::SwfSkip>(k));
      skip.records = static_cast<int64_t>(rep.skipped[k]);
      skip.first_lines.assign(rep.first_lines[k].begin(), rep.first_lines[k].end());
      t.skipped.push_back(std::move(skip));
    }
    info.trace = std::move(t);
  }
  static const char* kinds[] = {"region", "site", "router"};
  for (const auto& n : sc.topology.nodes)
    info.nodes.push_back({n.id, kinds[static_cast<int>(n.kind)], n.latitude_deg, n.longitude_deg});
  for (size_t l = 0; l < topo.link_count(); ++l) {
    const auto& spec = topo.link(static_cast<int>(l));
    const auto& a = topo.node(topo.node_index(spec.a));
    const auto& b = topo.node(topo.node_index(spec.b));
    info.topology_links.push_back({spec.id, spec.a, spec.b, spec.bandwidth_gbps, topo.link_latency_s(static_cast<int>(l)),
                                   network::great_circle_km(a.latitude_deg, a.longitude_deg, b.latitude_deg, b.longitude_deg)});
  }
  return info;
}

}  // namespace

void fail(World& w, std::exception_ptr e) {
  if (!w.error) w.error = e;
  w.stopping = true;
  // No wake-up: the controller sees the error at its next step and returns; the
  // engine then ends the daemons where they sleep.
}

RunStats run_scenario(const config::Scenario& sc, const RunOptions& opt) {
  double wall_start = wall_clock_s();
  xbt_log_control_set("root.thres:critical");
  int argc = 1;
  char name[] = "sovcap";
  char* argv[] = {name, nullptr};
  sg4::Engine engine(&argc, argv);
  configure_network_model();
  install_signal_handlers();  // again: SimGrid's engine installs its own SIGINT handler

  network::Topology topo(sc.topology);
  std::vector<int> site_node, region_node;
  for (const auto& s : sc.sites) site_node.push_back(topo.node_index(s.node));
  for (const auto& r : sc.regions) region_node.push_back(topo.node_index(r.node));
  BackboneConfig bc;
  bc.region_node = region_node;
  bc.site_node = site_node;
  for (const auto& c : sc.classes) {
    bc.latency_target_s.push_back(c.latency_target_s);
    bc.checkpoint_interval_s.push_back(c.checkpoint_interval_s);
    bc.checkpoint_gb.push_back(c.checkpoint_gb);
  }
  bc.replication_gb = sc.replication_gb;
  bc.replication_every_s = sc.replication_every_s;
  bc.horizon_s = sc.duration_s;
  bc.max_inputs_in_flight = static_cast<size_t>(sc.inputs_in_flight);
  bc.failure_seed = seeds::link_failures(sc.seed);
  bc.fluid = opt.local_calendar;  // the calendar times transfers itself; the actors wait on SimGrid comms
  auto net = std::make_unique<Backbone>(topo, bc);

  output::ResultWriter writer(opt.output_path, run_info(sc, topo),
                              opt.kpis_only ? output::Contents::kpis : output::Contents::full);
  World w(sc, topo, build_platform(topo, net->route_decls()), writer);
  w.region_node = region_node;
  w.net = std::move(net);
  w.net->attach(&w.platform);

  w.sites.resize(sc.sites.size());
  for (size_t s = 0; s < sc.sites.size(); ++s) {
    auto& site = w.sites[s];
    site.spec = &sc.sites[s];
    site.node = site_node[s];
    for (size_t p = 0; p < site.spec->pools.size(); ++p) {
      const auto& ps = site.spec->pools[p];
      site.pools.emplace_back(ps, sc.scheduling.policy);
      site.failures.emplace_back(ps.nodes, ps.node_mtbf_s, ps.node_mttr_s, seeds::node_failures(sc.seed, s, p));
      int& slot = ps.gpu ? site.gpu_pool : site.cpu_pool;
      if (slot < 0) slot = static_cast<int>(p);
    }
    site.power = std::make_unique<power::SitePower>(site.spec->power, seeds::site_power(sc.seed, s), sc.start_utc_s, sc.step_s);
    site.accounts.tariff = std::make_unique<economics::TariffMeter>(usd_tariff(*site.spec, sc.economics.usd_per_currency));
    site.mutex = sg4::Mutex::create();
    site.wake = sg4::ConditionVariable::create();
  }

  auto* ctl_host = w.platform.hosts[site_node.empty() ? 0 : site_node[0]];
  w.local = opt.local_calendar;
  w.ticks = !w.local || !moves_no_data(sc);
  if (w.local) {  // one calendar for arrivals, pools and transfers, advanced by the controller (local_calendar.cpp)
    for (size_t r = 0; r < sc.regions.size(); ++r) w.sources.push_back(make_job_source(sc, static_cast<int>(r)));
  } else {
    for (size_t r = 0; r < sc.regions.size(); ++r)
      sg4::Actor::create("region-" + sc.regions[r].id, w.platform.hosts[region_node[r]],
                         [&w, r] { region_actor(w, static_cast<int>(r)); })->daemonize();
    for (size_t s = 0; s < sc.sites.size(); ++s)
      sg4::Actor::create("site-" + sc.sites[s].id, w.platform.hosts[site_node[s]],
                         [&w, s] { site_actor(w, static_cast<int>(s)); })->daemonize();
  }
  sg4::Actor::create("network", ctl_host, [&w] { network_actor(w); })->daemonize();
  sg4::Actor::create("controller", ctl_host, [&w, wall_start, &opt] { controller_actor(w, wall_start, opt.progress); });
  engine.run();
  if (w.error) std::rethrow_exception(w.error);
  writer.set_network(w.net->results());
  {
    std::vector<const SiteAccounts*> accounts;
    for (const auto& site : w.sites) accounts.push_back(&site.accounts);
    std::vector<std::pair<std::string, double>> link_km;  // fibre route length: great circle x the route factor
    for (size_t l = 0; l < topo.link_count(); ++l) {
      const auto& spec = topo.link(static_cast<int>(l));
      const auto& a = topo.node(topo.node_index(spec.a));
      const auto& b = topo.node(topo.node_index(spec.b));
      link_km.emplace_back(spec.id, network::great_circle_km(a.latitude_deg, a.longitude_deg, b.latitude_deg,
                                                             b.longitude_deg) * spec.route_factor);
    }
    writer.set_cost_water(cost_water(sc, accounts, link_km));
  }

  std::vector<output::SiteExtras> extras;
  for (auto& site : w.sites) {
    output::SiteExtras e;
    e.battery_cycles = site.power->battery().equivalent_cycles();  // counts a battery a phase added or resized
    e.capping_episodes = site.capping_episodes;
    e.unserved_mwh = site.unserved_mwh;
    for (size_t p = 0; p < site.pools.size(); ++p) {
      auto& pool = site.pools[p];
      const bool gpu = site.spec->pools[p].gpu;
      e.node_failures += static_cast<double>(pool.node_failures());
      e.job_restarts += static_cast<double>(pool.job_restarts());
      (gpu ? e.lost_work_gpu_h : e.lost_work_core_h) += pool.lost_work_s() / 3600.0;
      (gpu ? e.delayed_work_gpu_h : e.delayed_work_core_h) += pool.delayed_work_s() / 3600.0;
    }
    extras.push_back(e);
  }
  RunStats stats;
  stats.wall_s = wall_clock_s() - wall_start;
  stats.jobs_submitted = w.jobs_submitted;
  stats.jobs_rejected = w.jobs_rejected;
  stats.comms = w.comms_started + w.net->comms_started();
  writer.finish(stats.wall_s, extras);
  return stats;
}

}  // namespace sovcap::engine
