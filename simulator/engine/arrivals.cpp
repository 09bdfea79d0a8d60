// A job arriving from a region: a placement rule picks a site among those that
// can ever run it, and the job either starts its input transfer or reaches the
// site at once. Shared by the region actors and the local calendar. When the
// links change, jobs held at their regions and jobs queued at a site that have
// not started are placed again (docs/scheduling.md, "Placement across sites").
#include <algorithm>
#include <cmath>
#include <tuple>

#include "models/scheduling/placement.hpp"
#include "simulator/engine/world.hpp"

namespace sovcap::engine {
namespace {

bool allowed_at(const workload::JobClassSpec& cls, const config::SiteSpec& site) {
  if (cls.allowed_sites.empty()) return true;
  return std::find(cls.allowed_sites.begin(), cls.allowed_sites.end(), site.id) != cls.allowed_sites.end();
}

constexpr int kHold = -2;

// The mean of a distribution of units (clamps aside).
double mean_units(const workload::DistributionSpec& d) {
  using T = workload::DistributionSpec::Type;
  switch (d.type) {
    case T::constant: return d.value;
    case T::exponential: return d.mean;
    case T::lognormal: return d.median * std::exp(d.sigma * d.sigma / 2);
    case T::weibull: return d.scale * std::tgamma(1 + 1 / d.shape);
    case T::uniform: return (d.min + d.max) / 2;
    case T::discrete: {
      double sw = 0, s = 0;
      for (size_t i = 0; i < d.values.size(); ++i) {
        double wt = i < d.weights.size() ? d.weights[i] : 1;
        s += wt * d.values[i];
        sw += wt;
      }
      return sw > 0 ? s / sw : 0;
    }
    case T::empirical: {
      double s = 0;
      for (double v : d.values) s += v;
      return d.values.empty() ? 0 : s / d.values.size();
    }
  }
  return 0;
}

// The units a class asks for in its busiest hour of the run: rate x the largest hourly and
// weekday factors x growth at the end x mean units.
double peak_hour_units(const workload::JobClassSpec& c, double duration_s) {
  double hour = 0, day = 0;  // all 0: flat
  for (double f : c.hourly_factor) hour = std::max(hour, f);
  for (double f : c.weekday_factor) day = std::max(day, f);
  if (hour == 0) hour = 1;
  if (day == 0) day = 1;
  const double growth = std::pow(1 + c.growth_per_year, duration_s / (365 * 86400.0));
  return c.rate_per_h * hour * day * growth * mean_units(c.units);
}

bool only_at(const workload::JobClassSpec& cls, const config::SiteSpec& site) {
  return cls.allowed_sites.size() == 1 && cls.allowed_sites[0] == site.id;
}

// A site where some classes may run and nowhere else keeps free, in each pool, the units those
// classes ask for in their busiest hour: jobs that could run elsewhere start there only beside
// that room, so a burst of the site's own work does not wait for long jobs from elsewhere to end.
const std::vector<std::vector<int>>& reserves(World& w) {
  if (w.reserve_units.empty()) {
    for (const auto& site : w.sites) {
      std::vector<int> r(site.pools.size(), 0);
      for (const auto& cls : w.scenario.classes) {
        int p = site.pool_for(cls.pool);
        if (p >= 0 && only_at(cls, *site.spec)) r[p] += static_cast<int>(std::ceil(peak_hour_units(cls, w.scenario.duration_s)));
      }
      w.reserve_units.push_back(std::move(r));
    }
  }
  return w.reserve_units;
}

// The views of every site for a job. need_route: a site cut off from the job's region is not
// allowed, unless it holds the job's data (data_site; -1: the data is at the region).
void fill_views(World& w, const workload::Job& job, bool need_route, int data_site) {
  const auto& cls = w.scenario.classes[job.class_index];
  auto& views = w.site_views;  // reused: no allocation per job (actors run one at a time)
  views.clear();
  for (size_t s = 0; s < w.sites.size(); ++s) {
    const auto& site = w.sites[s];
    scheduling::SiteView v{};
    v.site = static_cast<int>(s);
    int p = site.pool_for(cls.pool);
    v.allowed = allowed_at(cls, *site.spec) && p >= 0 && site.pools[p].can_ever_fit(job);
    bool has_data = v.site == data_site;
    if (need_route && !has_data) v.allowed = v.allowed && w.net->reachable(job.origin_region, v.site);
    v.latency_s = need_route ? w.net->latency_s(job.origin_region, v.site) : w.net->primary_latency_s(job.origin_region, v.site);
    v.meets_latency = !(cls.latency_target_s > 0) || 2 * v.latency_s <= cls.latency_target_s;  // a round trip
    if (p >= 0) {
      const auto& pool = site.pools[p];
      v.free_units = pool.usable_units() - pool.busy_units();
      v.total_units = pool.total_units();
      v.queued_units = static_cast<double>(pool.queued_units());
      v.reserved_units = only_at(cls, *site.spec) ? 0 : std::min(reserves(w)[s][p], pool.total_units() - job.units);
      v.wait_s = pool.estimated_wait_s(job.units + v.reserved_units, job.priority);
    }
    v.renewable_surplus_mw = site.conditions.solar_mw + site.conditions.wind_mw;
    v.carbon_gco2_per_kwh = site.conditions.carbon_gco2_per_kwh;
    views.push_back(v);
  }
}

int choose(World& w, const workload::Job& job) {
  return scheduling::choose_site(job, w.site_views, w.scenario.scheduling.placement, w.scenario.scheduling.latency);
}

// A site, -1 (reject) or kHold. A new job (may_hold) whose best site by the rule is cut off from
// its region, and would start it sooner than any site it can reach, waits at its region for the
// links to change rather than queue behind work it would not wait for otherwise.
int place(World& w, const workload::Job& job, bool may_hold, int data_site) {
  fill_views(w, job, true, data_site);
  bool any = std::any_of(w.site_views.begin(), w.site_views.end(), [](const auto& v) { return v.allowed; });
  if (!any) {  // cut off from every site: its input waits for a route
    fill_views(w, job, false, data_site);
    return choose(w, job);
  }
  int s = choose(w, job);
  if (!may_hold || w.scenario.scheduling.placement != scheduling::Placement::earliest_start) return s;
  if (s >= 0 && !(w.site_views[s].wait_s > 0)) return s;  // it starts now where it can go
  fill_views(w, job, false, data_site);
  int best = choose(w, job);
  if (best >= 0 && best != s && !w.net->reachable(job.origin_region, best)) return kHold;
  return s;
}

// Send a placed job to site s: its input crosses the backbone, or it queues at once.
void send(World& w, workload::Job job, int s, double now, bool first) {
  job.site = s;
  job.pool = w.sites[s].pool_for(w.scenario.classes[job.class_index].pool);
  if (!w.net->start_input(job.origin_region, job, now, first)) {  // nothing to move, or the data is already there
    if (first) w.net->delivered_locally(job);
    deliver(w, job, now);
  }
}

}  // namespace

void deliver(World& w, workload::Job job, double now) {
  job.arrive_site_s = now;
  job.transfer_s = now - job.submit_s;
  w.submit_to_site(job, now);
}

int arrive(World& w, workload::Job job, int region, double now) {
  job.origin_region = region;  // (the job sources set it so already)
  job.id = w.next_job_id++;
  ++w.jobs_submitted;
  int s = place(w, job, true, -1);
  if (s == kHold) {
    w.held.push_back(job);
    return -1;
  }
  if (s < 0) {
    job.status = workload::JobStatus::rejected;
    w.record(job);
    ++w.jobs_rejected;
    return -1;
  }
  send(w, job, s, now, true);
  return s;
}

void links_changed(World& w, double now, bool reach_grew) {
  // Jobs held at their regions, and, when a site became reachable from a region again, the jobs
  // queued that have not started and may run elsewhere: placed again in submission order.
  std::vector<std::pair<workload::Job, int>> jobs;  // (job, site holding its data or -1)
  for (auto& j : w.held) jobs.emplace_back(std::move(j), -1);
  w.held.clear();
  if (reach_grew) {
    for (size_t s = 0; s < w.sites.size(); ++s)
      for (auto& pool : w.sites[s].pools)
        for (auto& j : pool.take_waiting([&](const workload::Job& job) {
               const auto& cls = w.scenario.classes[job.class_index];
               for (size_t o = 0; o < w.sites.size(); ++o)
                 if (o != s && allowed_at(cls, *w.sites[o].spec) && w.sites[o].pool_for(cls.pool) >= 0 &&
                     w.net->reachable(job.origin_region, static_cast<int>(o)))
                   return true;
               return false;
             }))
          jobs.emplace_back(std::move(j), static_cast<int>(s));
  }
  std::sort(jobs.begin(), jobs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.submit_s, a.first.id) < std::tie(b.first.submit_s, b.first.id);
  });
  for (auto& [job, data_site] : jobs) {
    if (data_site < 0) {  // held: as a new arrival
      int s = place(w, job, true, -1);
      if (s == kHold) {
        w.held.push_back(job);
      } else if (s < 0) {  // cannot happen: it was placeable when it arrived and sites do not shrink
        job.status = workload::JobStatus::rejected;
        w.record(job);
        ++w.jobs_rejected;
      } else {
        send(w, job, s, now, true);
      }
      continue;
    }
    // Queued at data_site: another site is a choice only if the input would reach it before the
    // job's estimated start where it is (the move counts the data it must send again).
    fill_views(w, job, true, data_site);
    const double stay_s = w.site_views[data_site].wait_s;
    for (auto& v : w.site_views)
      if (v.site != data_site && !(w.net->transfer_s(job.origin_region, v.site, job.input_gb) < stay_s)) v.allowed = false;
    int s = choose(w, job);
    if (s < 0 || s == data_site) {
      w.submit_to_site(job, now);  // stays, its place in the queue taken again
    } else {
      ++w.jobs_moved;
      send(w, job, s, now, false);
    }
  }
}

}  // namespace sovcap::engine
