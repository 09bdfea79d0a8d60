#include "models/scheduling/placement.hpp"

#include <tuple>

namespace sovcap::scheduling {
namespace {

// Every site that fits the job; with `near_and_free`, only those that also meet its latency target
// and can start it now.
bool candidate(const workload::Job& job, const SiteView& v, bool near_and_free) {
  if (!(v.allowed && v.total_units >= job.units && v.total_units > 0)) return false;
  return !near_and_free || (v.meets_latency && v.free_units - v.queued_units - v.reserved_units >= job.units);
}

// The candidate with the least key (a tuple ending in the site index, so ties are deterministic).
template <class KeyFn>
int least(const workload::Job& job, const std::vector<SiteView>& sites, bool near_and_free, KeyFn key) {
  const SiteView* best = nullptr;
  for (const auto& v : sites) {
    if (!candidate(job, v, near_and_free)) continue;
    if (best == nullptr || key(v) < key(*best)) best = &v;
  }
  return best ? best->site : -1;
}

int choose_by_rule(const workload::Job& job, const std::vector<SiteView>& sites, Placement rule, bool near_and_free) {
  switch (rule) {
    case Placement::nearest:
      return least(job, sites, near_and_free, [](const SiteView& v) { return std::make_tuple(v.latency_s, v.site); });
    case Placement::earliest_start:
      return least(job, sites, near_and_free, [](const SiteView& v) {
        const bool waits = v.wait_s > 0;
        return std::make_tuple(waits, waits && v.reserved_units > 0,
                               (v.queued_units - v.free_units + v.reserved_units) / v.total_units, v.latency_s, v.site);
      });
    case Placement::greenest:
      return least(job, sites, near_and_free, [](const SiteView& v) {
        return std::make_tuple(-v.renewable_surplus_mw, v.carbon_gco2_per_kwh, v.latency_s, v.site);
      });
    case Placement::sovereignty_first:
      for (const auto& v : sites)
        if (candidate(job, v, near_and_free) && v.free_units >= job.units) return v.site;
      return least(job, sites, near_and_free, [](const SiteView& v) { return std::make_tuple(v.latency_s, v.site); });
  }
  return -1;
}

}  // namespace

int choose_site(const workload::Job& job, const std::vector<SiteView>& sites, Placement rule, LatencyRule latency) {
  if (latency == LatencyRule::prefer)
    if (int s = choose_by_rule(job, sites, rule, true); s >= 0) return s;
  return choose_by_rule(job, sites, rule, false);
}

}  // namespace sovcap::scheduling
