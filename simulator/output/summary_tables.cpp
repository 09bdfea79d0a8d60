#include "simulator/output/summary_tables.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "simulator/output/column_table.hpp"
#include "simulator/output/declared_table.hpp"
#include "simulator/output/h5_attributes.hpp"
#include "simulator/output/percentiles.hpp"

namespace sovcap::output {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

double ratio(double a, double b) { return b > 0 ? a / b : nan; }

struct SiteEnergy {
  double it, cooling, facility, solar, wind, charge, discharge, import, exported, curtailed, unserved, carbon_kg,
      busy_gpu_s, total_gpu_s, busy_cpu_s, total_cpu_s;
};

SiteEnergy site_energy(const SiteIntegrals& in, size_t s) {
  return {in.hours(s, "it_power_mw"),          in.hours(s, "cooling_power_mw"),   in.hours(s, "facility_power_mw"),
          in.hours(s, "solar_mw"),             in.hours(s, "wind_mw"),            in.hours(s, "battery_charge_mw"),
          in.hours(s, "battery_discharge_mw"), in.hours(s, "grid_import_mw"),     in.hours(s, "grid_export_mw"),
          in.hours(s, "curtailed_mw"),         in.hours(s, "unserved_mw"),        in.hours(s, "carbon_kg_per_h"),
          in.integral(s, "busy_gpus"),         in.integral(s, "total_gpus"),      in.integral(s, "busy_cpus"),
          in.integral(s, "total_cpus")};
}

// The columns every job-grouped table computes; each table writes those it declares.
struct GroupColumns {
  std::vector<int64_t> jobs, completed, rejected, killed, unfinished, deadline_jobs, deadline_misses;
  std::vector<double> mean, p50, p95, p99, slowdown, transfer, data, energy, gpu_hours, core_hours;
  void add(JobGroup& g) {
    jobs.push_back(g.jobs);
    completed.push_back(g.completed);
    rejected.push_back(g.rejected);
    killed.push_back(g.killed);
    unfinished.push_back(g.unfinished);
    deadline_jobs.push_back(g.deadline_jobs);
    deadline_misses.push_back(g.deadline_misses);
    const auto& w = g.waits;
    mean.push_back(w.mean_s);
    p50.push_back(w.p50_s);
    p95.push_back(w.p95_s);
    p99.push_back(w.p99_s);
    slowdown.push_back(ratio(g.slowdown_sum, static_cast<double>(g.completed)));
    transfer.push_back(ratio(g.transfer_sum_s, static_cast<double>(g.jobs)));
    data.push_back(g.data_gb);
    energy.push_back(g.energy_kwh);
    gpu_hours.push_back(g.gpu_hours);
    core_hours.push_back(g.core_hours);
  }
  void counts(DeclaredTable& t, bool all) const {
    t.count("jobs_submitted", jobs).count("jobs_completed", completed).count("jobs_rejected", rejected);
    if (all) t.count("jobs_killed", killed).count("jobs_unfinished", unfinished);
  }
  void waits(DeclaredTable& t) const {
    t.real("wait_mean_s", mean).real("wait_p50_s", p50).real("wait_p95_s", p95).real("wait_p99_s", p99);
  }
};

// The cost and water figures of `rows` (one per site, or the total), NaN where the run gave none.
void put_cost_water(DeclaredTable& t, Table table, const std::vector<CostWater>& rows) {
  for (const auto& f : cost_water_figures()) {
    std::vector<double> v;
    for (const auto& c : rows) v.push_back(c.*(f.field));
    t.real(f.name, v);
  }
  for (size_t k = 0; k < economics::kAssetKinds; ++k) {
    const char* name = capital_figure(table, k);
    if (!name) continue;  // links: a KPI only
    std::vector<double> v;
    for (const auto& c : rows) v.push_back(c.capital_by_asset_usd[k]);
    t.real(name, v);
  }
}

CostWater unknown_cost_water() {
  CostWater c;
  for (const auto& f : cost_water_figures()) c.*(f.field) = nan;
  c.capital_by_asset_usd.fill(nan);
  return c;
}

void write_sites(hid_t group, const RunInfo& info, const SiteIntegrals& series, JobStats& jobs,
                 const std::vector<SiteExtras>& extras, const CostWaterResults* cw) {
  size_t n = info.sites.size();
  std::vector<double> it, cooling, facility, idle, jobs_mwh, solar, wind, charge, discharge, import, exported,
      curtailed, renewable_used, renewable, pue, carbon, gpu_util, cpu_util, cycles, delayed_gpu, delayed_core,
      capping, unserved, failures, restarts, lost_gpu, lost_core;
  GroupColumns g;
  for (size_t s = 0; s < n; ++s) {
    auto e = site_energy(series, s);
    auto& jg = jobs.sites()[s];
    it.push_back(e.it);
    cooling.push_back(e.cooling);
    facility.push_back(e.facility);
    jobs_mwh.push_back(jg.energy_kwh / 1000.0);
    idle.push_back(e.it - jg.energy_kwh / 1000.0);
    solar.push_back(e.solar);
    wind.push_back(e.wind);
    charge.push_back(e.charge);
    discharge.push_back(e.discharge);
    import.push_back(e.import);
    exported.push_back(e.exported);
    curtailed.push_back(e.curtailed);
    renewable_used.push_back(e.solar + e.wind - e.curtailed - e.exported);
    renewable.push_back(renewable_fraction(e.solar, e.wind, e.curtailed, e.exported, e.import));
    pue.push_back(ratio(e.facility, e.it));
    carbon.push_back(e.carbon_kg / 1000.0);
    gpu_util.push_back(ratio(e.busy_gpu_s, e.total_gpu_s));
    cpu_util.push_back(ratio(e.busy_cpu_s, e.total_cpu_s));
    SiteExtras x;
    x.unserved_mwh = e.unserved;
    if (!extras.empty()) x = extras[s];
    cycles.push_back(x.battery_cycles);
    delayed_gpu.push_back(x.delayed_work_gpu_h);
    delayed_core.push_back(x.delayed_work_core_h);
    capping.push_back(x.capping_episodes);
    unserved.push_back(x.unserved_mwh);
    failures.push_back(x.node_failures);
    restarts.push_back(x.job_restarts);
    lost_gpu.push_back(x.lost_work_gpu_h);
    lost_core.push_back(x.lost_work_core_h);
    g.add(jg);
  }
  DeclaredTable t(Table::sites, n, false);
  t.text("site", info.sites)
      .real("energy_it_mwh", it)
      .real("energy_cooling_mwh", cooling)
      .real("energy_facility_mwh", facility)
      .real("energy_jobs_mwh", jobs_mwh)
      .real("energy_idle_mwh", idle)
      .real("solar_mwh", solar)
      .real("wind_mwh", wind)
      .real("battery_charge_mwh", charge)
      .real("battery_discharge_mwh", discharge)
      .real("grid_import_mwh", import)
      .real("grid_export_mwh", exported)
      .real("curtailed_mwh", curtailed)
      .real("renewable_used_mwh", renewable_used)
      .real("renewable_fraction", renewable)
      .real("mean_pue", pue)
      .real("carbon_t", carbon)
      .real("gpu_utilization", gpu_util)
      .real("cpu_utilization", cpu_util);
  g.counts(t, true);
  g.waits(t);
  t.real("battery_cycles", cycles)
      .real("delayed_work_gpu_h", delayed_gpu)
      .real("delayed_work_core_h", delayed_core)
      .real("capping_episodes", capping)
      .real("unserved_mwh", unserved)
      .real("node_failures", failures)
      .real("job_restarts", restarts)
      .real("lost_work_gpu_h", lost_gpu)
      .real("lost_work_core_h", lost_core);
  put_cost_water(t, Table::sites,
                 cw && cw->sites.size() == n ? cw->sites : std::vector<CostWater>(n, unknown_cost_water()));
  t.write(group, "sites");
}

void write_classes(hid_t group, const RunInfo& info, JobStats& jobs) {
  GroupColumns g;
  for (auto& c : jobs.classes()) g.add(c);
  DeclaredTable t(Table::classes, info.classes.size(), false);
  t.text("class", info.classes);
  g.counts(t, true);
  g.waits(t);
  t.real("mean_slowdown", g.slowdown)
      .real("transfer_mean_s", g.transfer)
      .real("data_gb", g.data)
      .real("energy_kwh", g.energy)
      .real("gpu_hours", g.gpu_hours)
      .real("core_hours", g.core_hours)
      .count("deadline_jobs", g.deadline_jobs)
      .count("deadline_misses", g.deadline_misses)
      .write(group, "classes");
}

void write_regions(hid_t group, const RunInfo& info, JobStats& jobs, const NetworkResults* net) {
  GroupColumns g;
  for (auto& r : jobs.regions()) g.add(r);
  bool with_network = net && net->regions.size() == info.regions.size();
  DeclaredTable t(Table::regions, info.regions.size(), with_network);
  t.text("region", info.regions);
  g.counts(t, false);
  g.waits(t);
  t.real("transfer_mean_s", g.transfer).real("data_gb", g.data).count("deadline_misses", g.deadline_misses);
  if (with_network) {
    std::vector<double> in, out, cut;
    std::vector<int64_t> lj, lm, stalled, rerouted, cuts;
    for (const auto& r : net->regions) {
      in.push_back(r.input_gb);
      out.push_back(r.output_gb);
      lj.push_back(r.latency_jobs);
      lm.push_back(r.latency_misses);
      stalled.push_back(r.stalled_jobs);
      rerouted.push_back(r.rerouted_jobs);
      cuts.push_back(r.cutoff_events);
      cut.push_back(r.cutoff_s);
    }
    t.real("input_gb", in)
        .real("output_gb", out)
        .count("latency_jobs", lj)
        .count("latency_misses", lm)
        .count("stalled_jobs", stalled)
        .count("rerouted_jobs", rerouted)
        .count("cutoff_events", cuts)
        .real("cutoff_s", cut);
  }
  t.write(group, "regions");
}

void write_kpis(hid_t group, const RunInfo& info, const SiteIntegrals& series, JobStats& jobs,
                const std::vector<SiteExtras>& extras, const NetworkResults* net, const CostWaterResults* cw) {
  SiteEnergy tot{};
  double unserved = 0;
  for (size_t s = 0; s < info.sites.size(); ++s) {
    auto e = site_energy(series, s);
    tot.it += e.it;
    tot.facility += e.facility;
    tot.solar += e.solar;
    tot.wind += e.wind;
    tot.import += e.import;
    tot.exported += e.exported;
    tot.curtailed += e.curtailed;
    tot.carbon_kg += e.carbon_kg;
    tot.busy_gpu_s += e.busy_gpu_s;
    tot.total_gpu_s += e.total_gpu_s;
    unserved += extras.empty() ? e.unserved : extras[s].unserved_mwh;
  }
  auto& all = jobs.all();
  const auto& w = all.waits;
  DeclaredTable k(Table::kpi, 1, net != nullptr);
  k.count("jobs_submitted", all.jobs)
      .count("jobs_completed", all.completed)
      .count("jobs_rejected", all.rejected)
      .count("jobs_killed", all.killed)
      .count("jobs_unfinished", all.unfinished)
      .real("energy_it_mwh", tot.it)
      .real("energy_facility_mwh", tot.facility)
      .real("solar_mwh", tot.solar)
      .real("wind_mwh", tot.wind)
      .real("grid_import_mwh", tot.import)
      .real("curtailed_mwh", tot.curtailed)
      .real("renewable_fraction", renewable_fraction(tot.solar, tot.wind, tot.curtailed, tot.exported, tot.import))
      .real("mean_pue", ratio(tot.facility, tot.it))
      .real("carbon_t", tot.carbon_kg / 1000.0)
      .real("wait_mean_s", w.mean_s)
      .real("wait_p50_s", w.p50_s)
      .real("wait_p95_s", w.p95_s)
      .real("wait_p99_s", w.p99_s)
      .real("mean_slowdown", ratio(all.slowdown_sum, static_cast<double>(all.completed)))
      .real("gpu_utilization", ratio(tot.busy_gpu_s, tot.total_gpu_s))
      .real("unserved_mwh", unserved)
      .real("simulated_s", series.covered_s());
  if (net) {
    int64_t misses = 0, cutoffs = 0, stalled = 0;
    double cutoff_s = 0;
    for (const auto& r : net->regions) misses += r.latency_misses, cutoffs += r.cutoff_events, stalled += r.stalled_jobs, cutoff_s += r.cutoff_s;
    k.real("rerouted_gb", net->rerouted_gb)
        .count("reroutes", net->reroutes)
        .count("stalled_transfers", net->stalls)
        .count("stalled_jobs", stalled)
        .count("latency_misses", misses)
        .count("cutoff_events", cutoffs)
        .real("cutoff_s", cutoff_s)
        .real("output_gb", net->output_gb)
        .real("checkpoint_gb", net->checkpoint_gb)
        .real("replication_gb", net->replication_gb)
        .real("unsent_gb", net->unsent_gb);
  }
  put_cost_water(k, Table::kpi, {cw ? cw->total : unknown_cost_water()});
  k.write(group);
}

}  // namespace

double renewable_fraction(double solar_mwh, double wind_mwh, double curtailed_mwh, double export_mwh,
                          double import_mwh) {
  double used = solar_mwh + wind_mwh - curtailed_mwh - export_mwh;
  double absorbed = used + import_mwh;
  if (!(absorbed > 0)) return nan;
  return std::clamp(used / absorbed, 0.0, 1.0);
}

void write_summary(hid_t group, const RunInfo& info, const SiteIntegrals& series, JobStats& jobs,
                   const std::vector<SiteExtras>& extras, const NetworkResults* network,
                   const CostWaterResults* cost_water) {
  if (!extras.empty() && extras.size() != info.sites.size())
    throw H5Error("finish: " + std::to_string(extras.size()) + " site extras for " + std::to_string(info.sites.size()) +
                  " sites");
  jobs.finish_waits();
  write_sites(group, info, series, jobs, extras, cost_water);
  write_classes(group, info, jobs);
  write_regions(group, info, jobs, network);
  write_kpis(group, info, series, jobs, extras, network, cost_water);
}

void write_events(hid_t root, const RunInfo& info, const NetworkResults& network) {
  std::vector<std::string> kind, subject;
  std::vector<double> start, end, length;
  for (const auto& e : network.events) {
    kind.push_back(e.kind);
    std::string who = e.subject;
    if (e.kind == "region_cutoff") {
      size_t r = std::stoul(e.subject);
      if (r < info.regions.size()) who = info.regions[r];
    }
    subject.push_back(who);
    start.push_back(e.start_s);
    end.push_back(e.end_s);
    length.push_back(e.end_s - e.start_s);
  }
  ColumnTable t(network.events.size());
  t.strings("kind", kind)
      .strings("subject", subject)
      .doubles("start_s", "s", start)
      .doubles("end_s", "s", end)
      .doubles("duration_s", "s", length)
      .write(root, "events");
}

}  // namespace sovcap::output
