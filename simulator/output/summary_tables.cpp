#include "simulator/output/summary_tables.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "simulator/output/column_table.hpp"
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

// Column builders for the three job-grouped tables.
struct GroupColumns {
  std::vector<int64_t> jobs, completed, rejected, killed, unfinished, deadline_jobs, deadline_misses;
  std::vector<double> mean, p50, p95, p99, slowdown, transfer, data, energy, gpu_hours;
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
  }
  void waits(ColumnTable& t) const {
    t.doubles("wait_mean_s", "s", mean).doubles("wait_p50_s", "s", p50).doubles("wait_p95_s", "s", p95)
        .doubles("wait_p99_s", "s", p99);
  }
};

void write_sites(hid_t group, const RunInfo& info, const SiteIntegrals& series, JobStats& jobs,
                 const std::vector<SiteExtras>& extras) {
  size_t n = info.sites.size();
  std::vector<double> it, cooling, facility, idle, jobs_mwh, solar, wind, charge, discharge, import, exported,
      curtailed, renewable_used, renewable, pue, carbon, gpu_util, cpu_util, cycles, delayed, capping, unserved,
      failures, restarts, lost;
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
    delayed.push_back(x.delayed_work_h);
    capping.push_back(x.capping_episodes);
    unserved.push_back(x.unserved_mwh);
    failures.push_back(x.node_failures);
    restarts.push_back(x.job_restarts);
    lost.push_back(x.lost_work_h);
    g.add(jg);
  }
  ColumnTable t(n);
  t.strings("site", info.sites)
      .doubles("energy_it_mwh", "MWh", it)
      .doubles("energy_cooling_mwh", "MWh", cooling)
      .doubles("energy_facility_mwh", "MWh", facility)
      .doubles("energy_jobs_mwh", "MWh", jobs_mwh)
      .doubles("energy_idle_mwh", "MWh", idle)
      .doubles("solar_mwh", "MWh", solar)
      .doubles("wind_mwh", "MWh", wind)
      .doubles("battery_charge_mwh", "MWh", charge)
      .doubles("battery_discharge_mwh", "MWh", discharge)
      .doubles("grid_import_mwh", "MWh", import)
      .doubles("grid_export_mwh", "MWh", exported)
      .doubles("curtailed_mwh", "MWh", curtailed)
      .doubles("renewable_used_mwh", "MWh", renewable_used)
      .doubles("renewable_fraction", "1", renewable)
      .doubles("mean_pue", "1", pue)
      .doubles("carbon_t", "t", carbon)
      .doubles("gpu_utilization", "1", gpu_util)
      .doubles("cpu_utilization", "1", cpu_util)
      .ints("jobs", "1", g.jobs)
      .ints("jobs_completed", "1", g.completed)
      .ints("jobs_rejected", "1", g.rejected)
      .ints("jobs_killed", "1", g.killed)
      .ints("jobs_unfinished", "1", g.unfinished);
  g.waits(t);
  t.doubles("battery_cycles", "1", cycles)
      .doubles("delayed_work_h", "h", delayed)
      .doubles("capping_episodes", "1", capping)
      .doubles("unserved_mwh", "MWh", unserved)
      .doubles("node_failures", "1", failures)
      .doubles("job_restarts", "1", restarts)
      .doubles("lost_work_h", "h", lost)
      .write(group, "sites");
}

void write_classes(hid_t group, const RunInfo& info, JobStats& jobs) {
  GroupColumns g;
  for (auto& c : jobs.classes()) g.add(c);
  ColumnTable t(info.classes.size());
  t.strings("class", info.classes)
      .ints("jobs", "1", g.jobs)
      .ints("completed", "1", g.completed)
      .ints("rejected", "1", g.rejected)
      .ints("killed", "1", g.killed)
      .ints("unfinished", "1", g.unfinished);
  g.waits(t);
  t.doubles("mean_slowdown", "1", g.slowdown)
      .doubles("transfer_mean_s", "s", g.transfer)
      .doubles("data_gb", "GB", g.data)
      .doubles("energy_kwh", "kWh", g.energy)
      .doubles("gpu_hours", "h", g.gpu_hours)
      .ints("deadline_jobs", "1", g.deadline_jobs)
      .ints("deadline_misses", "1", g.deadline_misses)
      .write(group, "classes");
}

void write_regions(hid_t group, const RunInfo& info, JobStats& jobs, const NetworkResults* net) {
  GroupColumns g;
  for (auto& r : jobs.regions()) g.add(r);
  ColumnTable t(info.regions.size());
  t.strings("region", info.regions)
      .ints("jobs", "1", g.jobs)
      .ints("completed", "1", g.completed)
      .ints("rejected", "1", g.rejected);
  g.waits(t);
  t.doubles("transfer_mean_s", "s", g.transfer)
      .doubles("data_gb", "GB", g.data)
      .ints("deadline_misses", "1", g.deadline_misses);
  if (net && net->regions.size() == info.regions.size()) {
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
    t.doubles("input_gb", "GB", in)
        .doubles("output_gb", "GB", out)
        .ints("latency_jobs", "1", lj)
        .ints("latency_misses", "1", lm)
        .ints("stalled_jobs", "1", stalled)
        .ints("rerouted_jobs", "1", rerouted)
        .ints("cutoff_events", "1", cuts)
        .doubles("cutoff_s", "s", cut);
  }
  t.write(group, "regions");
}

void write_kpis(hid_t group, const RunInfo& info, const SiteIntegrals& series, JobStats& jobs,
                const std::vector<SiteExtras>& extras, const NetworkResults* net) {
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
  std::vector<std::string> names, units;
  auto put_i = [&](const char* name, int64_t v) {
    write_attr(group, name, v);
    names.push_back(name);
    units.push_back("1");
  };
  auto put_d = [&](const char* name, const char* unit, double v) {
    write_attr(group, name, v);
    names.push_back(name);
    units.push_back(unit);
  };
  put_i("jobs_submitted", all.jobs);
  put_i("jobs_completed", all.completed);
  put_i("jobs_rejected", all.rejected);
  put_i("jobs_killed", all.killed);
  put_i("jobs_unfinished", all.unfinished);
  put_d("energy_it_mwh", "MWh", tot.it);
  put_d("energy_facility_mwh", "MWh", tot.facility);
  put_d("solar_mwh", "MWh", tot.solar);
  put_d("wind_mwh", "MWh", tot.wind);
  put_d("grid_import_mwh", "MWh", tot.import);
  put_d("curtailed_mwh", "MWh", tot.curtailed);
  put_d("renewable_fraction", "1", renewable_fraction(tot.solar, tot.wind, tot.curtailed, tot.exported, tot.import));
  put_d("mean_pue", "1", ratio(tot.facility, tot.it));
  put_d("carbon_t", "t", tot.carbon_kg / 1000.0);
  put_d("wait_mean_s", "s", w.mean_s);
  put_d("wait_p50_s", "s", w.p50_s);
  put_d("wait_p95_s", "s", w.p95_s);
  put_d("wait_p99_s", "s", w.p99_s);
  put_d("mean_slowdown", "1", ratio(all.slowdown_sum, static_cast<double>(all.completed)));
  put_d("gpu_utilization", "1", ratio(tot.busy_gpu_s, tot.total_gpu_s));
  put_d("unserved_mwh", "MWh", unserved);
  put_d("simulated_s", "s", series.covered_s());
  if (net) {
    int64_t misses = 0, cutoffs = 0, stalled = 0;
    double cutoff_s = 0;
    for (const auto& r : net->regions) misses += r.latency_misses, cutoffs += r.cutoff_events, stalled += r.stalled_jobs, cutoff_s += r.cutoff_s;
    put_d("rerouted_gb", "GB", net->rerouted_gb);
    put_i("reroutes", net->reroutes);
    put_i("stalled_transfers", net->stalls);
    put_i("stalled_jobs", stalled);
    put_i("latency_misses", misses);
    put_i("cutoff_events", cutoffs);
    put_d("cutoff_s", "s", cutoff_s);
    put_d("output_gb", "GB", net->output_gb);
    put_d("checkpoint_gb", "GB", net->checkpoint_gb);
    put_d("replication_gb", "GB", net->replication_gb);
    put_d("unsent_gb", "GB", net->unsent_gb);
  }
  (void)info;
  write_attr(group, "units", units_listing(names, units));
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
                   const std::vector<SiteExtras>& extras, const NetworkResults* network) {
  if (!extras.empty() && extras.size() != info.sites.size())
    throw H5Error("finish: " + std::to_string(extras.size()) + " site extras for " + std::to_string(info.sites.size()) +
                  " sites");
  jobs.finish_waits();
  write_sites(group, info, series, jobs, extras);
  write_classes(group, info, jobs);
  write_regions(group, info, jobs, network);
  write_kpis(group, info, series, jobs, extras, network);
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
