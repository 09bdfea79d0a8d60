// A job arriving from a region: a placement rule picks a site among those that
// can ever run it, and the job either starts its input transfer or reaches the
// site at once. Shared by the region actors and the local calendar.
#include <algorithm>

#include "models/scheduling/placement.hpp"
#include "simulator/engine/world.hpp"

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
    v.meets_latency = !(cls.latency_target_s > 0) || 2 * v.latency_s <= cls.latency_target_s;  // a round trip
    if (p >= 0) {
      const auto& pool = site.pools[p];
      v.free_units = pool.total_units() - pool.busy_units();
      v.total_units = pool.total_units();
      v.queued_units = static_cast<double>(pool.queued_units());
    }
    v.renewable_surplus_mw = site.conditions.solar_mw + site.conditions.wind_mw;
    v.carbon_gco2_per_kwh = site.conditions.carbon_gco2_per_kwh;
    any = any || v.allowed;
    views.push_back(v);
  }
  if (need_route && !any) return place(w, job, false);  // cut off from every site: its input waits for a route
  return scheduling::choose_site(job, views, w.scenario.scheduling.placement, w.scenario.scheduling.latency);
}

}  // namespace

void deliver(World& w, workload::Job job, double now) {
  job.arrive_site_s = now;
  job.transfer_s = now - job.submit_s;
  w.submit_to_site(job, now);
}

int arrive(World& w, workload::Job job, int region, double now) {
  job.id = w.next_job_id++;
  ++w.jobs_submitted;
  int s = place(w, job, true);
  if (s < 0) {
    job.status = workload::JobStatus::rejected;
    w.record(job);
    ++w.jobs_rejected;
    return -1;
  }
  job.site = s;
  job.pool = w.sites[s].pool_for(w.scenario.classes[job.class_index].pool);
  if (!w.net->start_input(region, job)) {  // nothing to move, or the data is already there
    w.net->delivered_locally(job);
    deliver(w, job, now);
  }
  return s;
}

}  // namespace sovcap::engine
