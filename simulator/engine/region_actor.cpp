// One actor per region: jobs arrive from the region's institutes, a placement
// rule picks a site, and the job's input crosses the backbone before it queues.
#include <algorithm>

#include "models/scheduling/placement.hpp"
#include "simulator/engine/job_source.hpp"
#include "simulator/engine/world.hpp"

namespace sg4 = simgrid::s4u;

namespace sovcap::engine {
namespace {

bool allowed_at(const workload::JobClassSpec& cls, const config::SiteSpec& site) {
  if (cls.allowed_sites.empty()) return true;
  return std::find(cls.allowed_sites.begin(), cls.allowed_sites.end(), site.id) != cls.allowed_sites.end();
}

int place(World& w, const workload::Job& job) {
  const auto& cls = w.scenario.classes[job.class_index];
  std::vector<scheduling::SiteView> views;
  for (size_t s = 0; s < w.sites.size(); ++s) {
    const auto& site = w.sites[s];
    scheduling::SiteView v{};
    v.site = static_cast<int>(s);
    int p = site.pool_for(cls.pool);
    v.allowed = allowed_at(cls, *site.spec) && p >= 0 && site.pools[p].can_ever_fit(job);
    v.latency_s = w.latency_s[job.origin_region][s];
    if (p >= 0) {
      const auto& pool = site.pools[p];
      v.free_units = pool.total_units() - pool.busy_units();
      v.total_units = pool.total_units();
      v.queued_units = static_cast<double>(pool.queued_jobs());
    }
    v.renewable_surplus_mw = site.conditions.solar_mw + site.conditions.wind_mw;
    v.carbon_gco2_per_kwh = site.conditions.carbon_gco2_per_kwh;
    views.push_back(v);
  }
  return scheduling::choose_site(job, views, w.scenario.scheduling.placement);
}

void deliver(World& w, workload::Job job) {
  double now = sg4::Engine::get_clock();
  job.arrive_site_s = now;
  job.transfer_s = now - job.submit_s;
  w.submit_to_site(job, now);
}

void start_transfer(World& w, Transfer t, int region, std::vector<sg4::CommPtr>& comms) {
  t.comm = sg4::Comm::sendto_async(w.platform.hosts[w.region_node[region]], w.platform.hosts[w.sites[t.job.site].node],
                                   static_cast<uint64_t>(t.remaining_bytes));
  ++w.comms_started;
  comms.push_back(t.comm);
  w.transfers[region].push_back(std::move(t));
}

void arrive(World& w, workload::Job job, int region, std::vector<sg4::CommPtr>& comms) {
  job.id = w.next_job_id++;
  ++w.jobs_submitted;
  int s = place(w, job);
  if (s < 0) {
    job.status = workload::JobStatus::rejected;
    w.record(job);
    ++w.jobs_rejected;
    return;
  }
  job.site = s;
  job.pool = w.sites[s].pool_for(w.scenario.classes[job.class_index].pool);
  const auto& path = w.paths[region][s];
  double bytes = job.input_gb * 1e9;
  if (bytes <= 0 || path.empty()) {  // nothing to move, or the data is already there
    deliver(w, job);
    return;
  }
  Transfer t{nullptr, job, &path, bytes};
  if (comms.size() >= World::max_comms_per_region)
    w.waiting[region].push_back(std::move(t));  // its turn comes when a transfer ends
  else
    start_transfer(w, std::move(t), region, comms);
}

}  // namespace

void region_actor(World& w, int region) {
  try {
    const auto& sc = w.scenario;
    auto source = make_job_source(sc, region); auto& stream = *source;  // synthetic arrivals or workload.trace
    std::vector<sg4::CommPtr> comms;  // parallel to w.transfers[region]
    auto& transfers = w.transfers[region];
    while (!w.stopping) {
      double next = stream.done() ? inf : stream.peek_s();
      if (comms.empty()) {
        if (next == inf) return;
        sg4::this_actor::sleep_until(next);
      } else {
        double timeout = next == inf ? -1.0 : std::max(0.0, next - sg4::Engine::get_clock());
        ssize_t done = sg4::Comm::wait_any_for(comms, timeout);
        if (done >= 0) {
          auto t = std::move(transfers[done]);
          transfers.erase(transfers.begin() + done);
          comms.erase(comms.begin() + done);
          w.account(t, 0.0);
          deliver(w, t.job);
          if (!w.waiting[region].empty()) {
            start_transfer(w, std::move(w.waiting[region].front()), region, comms);
            w.waiting[region].pop_front();
          }
          continue;
        }
      }
      if (!stream.done() && stream.peek_s() <= sg4::Engine::get_clock())
        arrive(w, stream.next(), region, comms);
    }
  } catch (simgrid::ForcefulKillException&) {
    throw;  // the engine ending a daemon: not an error
  } catch (...) {
    if (w.stopping) return;  // the horizon cancelled the transfers in flight
    fail(w, std::current_exception());
  }
}

}  // namespace sovcap::engine
