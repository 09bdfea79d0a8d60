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

int place(World& w, const workload::Job& job, bool need_route) {
  const auto& cls = w.scenario.classes[job.class_index];
  auto& views = w.site_views;  // reused: no allocation per job (actors run one at a time)
  views.clear();
  bool any = false;
  for (size_t s = 0; s < w.sites.size(); ++s) {
    const auto& site = w.sites[s];
    scheduling::SiteView v{};
    v.site = static_cast<int>(s);
    int p = site.pool_for(cls.pool);
    v.allowed = allowed_at(cls, *site.spec) && p >= 0 && site.pools[p].can_ever_fit(job);
    // A site cut off from the region now is not a choice while another is reachable.
    if (need_route) v.allowed = v.allowed && w.net->reachable(job.origin_region, v.site);
    v.latency_s = need_route ? w.net->latency_s(job.origin_region, v.site) : w.net->primary_latency_s(job.origin_region, v.site);
    if (p >= 0) {
      const auto& pool = site.pools[p];
      v.free_units = pool.total_units() - pool.busy_units();
      v.total_units = pool.total_units();
      v.queued_units = static_cast<double>(pool.queued_jobs());
    }
    v.renewable_surplus_mw = site.conditions.solar_mw + site.conditions.wind_mw;
    v.carbon_gco2_per_kwh = site.conditions.carbon_gco2_per_kwh;
    any = any || v.allowed;
    views.push_back(v);
  }
  if (need_route && !any) return place(w, job, false);  // cut off from every site: its input waits for a route
  return scheduling::choose_site(job, views, w.scenario.scheduling.placement);
}

void deliver(World& w, workload::Job job) {
  double now = sg4::Engine::get_clock();
  job.arrive_site_s = now;
  job.transfer_s = now - job.submit_s;
  w.submit_to_site(job, now);
}

void arrive(World& w, workload::Job job, int region) {
  job.id = w.next_job_id++;
  ++w.jobs_submitted;
  int s = place(w, job, true);
  if (s < 0) {
    job.status = workload::JobStatus::rejected;
    w.record(job);
    ++w.jobs_rejected;
    return;
  }
  job.site = s;
  job.pool = w.sites[s].pool_for(w.scenario.classes[job.class_index].pool);
  if (!w.net->start_input(region, job)) {  // nothing to move, or the data is already there
    w.net->delivered_locally(job);
    deliver(w, job);
  }
}

}  // namespace

void region_actor(World& w, int region) {
  try {
    const auto& sc = w.scenario;
    auto source = make_job_source(sc, region); auto& stream = *source;  // synthetic arrivals or workload.trace
    auto& net = *w.net;
    std::vector<sg4::CommPtr> comms;
    std::vector<size_t> index;  // comms[i] is net.inputs(region)[index[i]]; stalled inputs have no comm
    while (!w.stopping) {
      double now = sg4::Engine::get_clock();
      if (net.applied_epochs() < net.epoch_count() && net.epoch_time(net.applied_epochs()) <= now) {
        // A link changes state now: let the network actor reroute first.
        std::unique_lock<sg4::Mutex> lock(*net.mutex);
        while (net.applied_epochs() < net.epoch_count() && net.epoch_time(net.applied_epochs()) <= now)
          net.applied_cv->wait(lock);
      }
      double next = stream.done() ? inf : stream.peek_s();
      double next_epoch = net.applied_epochs() < net.epoch_count() ? net.epoch_time(net.applied_epochs()) : inf;
      auto& inputs = net.inputs(region);
      comms.clear();
      index.clear();
      for (size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].comm) comms.push_back(inputs[i].comm), index.push_back(i);
      double wake = std::min(next, inputs.empty() ? inf : next_epoch);
      if (comms.empty()) {
        if (wake == inf) return;
        sg4::this_actor::sleep_until(wake);
      } else {
        wake = std::min(wake, next_epoch);  // reroutes cancel comms: wait no further than the next change
        double timeout = wake == inf ? -1.0 : std::max(0.0, wake - now);
        ssize_t done;
        try {
          done = sg4::Comm::wait_any_for(comms, timeout);
        } catch (const simgrid::NetworkFailureException&) {
          net.recover_failed();  // normally none: a reroute already replaced the comm it cancelled
          continue;
        }
        if (done >= 0) {
          deliver(w, net.finish_input(region, index[done]));
          continue;
        }
      }
      if (!stream.done() && stream.peek_s() <= sg4::Engine::get_clock()) arrive(w, stream.next(), region);
    }
  } catch (simgrid::ForcefulKillException&) {
    throw;  // the engine ending a daemon: not an error
  } catch (...) {
    if (w.stopping) return;  // the horizon cancelled the transfers in flight
    fail(w, std::current_exception());
  }
}

}  // namespace sovcap::engine
