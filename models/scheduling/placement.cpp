#include "models/scheduling/placement.hpp"

#include <tuple>

namespace sovcap::scheduling {
namespace {

bool candidate(const workload::Job& job, const SiteView& v) { return v.allowed && v.total_units >= job.units && v.total_units > 0; }

// The candidate with the least key (a tuple ending in the site index, so ties are deterministic).
template <class KeyFn>
int least(const workload::Job& job, const std::vector<SiteView>& sites, KeyFn key) {
  const SiteView* best = nullptr;
  for (const auto& v : sites) {
    if (!candidate(job, v)) continue;
    if (best == nullptr || key(v) < key(*best)) best = &v;
  }
  return best ? best->site : -1;
}

}  // namespace

int choose_site(const workload::Job& job, const std::vector<SiteView>& sites, Placement rule) {
  switch (rule) {
    case Placement::nearest:
      return least(job, sites, [](const SiteView& v) { return std::make_tuple(v.latency_s, v.site); });
    case Placement::earliest_start:
      return least(job, sites, [](const SiteView& v) {
        return std::make_tuple((v.queued_units - v.free_units) / v.total_units, v.latency_s, v.site);
      });
    case Placement::greenest:
      return least(job, sites, [](const SiteView& v) {
        return std::make_tuple(-v.renewable_surplus_mw, v.carbon_gco2_per_kwh, v.latency_s, v.site);
      });
    case Placement::sovereignty_first:
      for (const auto& v : sites)
        if (candidate(job, v) && v.free_units >= job.units) return v.site;
      return least(job, sites, [](const SiteView& v) { return std::make_tuple(v.latency_s, v.site); });
  }
  return -1;
}

}  // namespace sovcap::scheduling
