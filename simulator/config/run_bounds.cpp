// Quantities each valid on its own that together make a run explode: the
// expected numbers of arrivals, node failures and link failures over the run.
// Bounded here so that a scenario `check` accepts is one that finishes
// (docs/reliability.md, "Hostile input and faults").
#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "simulator/config/draft.hpp"

namespace sovcap::config {
namespace {

constexpr double kMaxPeakJobsPerH = 1e6;  // as the bound of `rate` alone
// All classes together. A job waiting in a queue costs about 550 bytes (1.2
// million queued on a tiny scenario: 670 MB): this bounds a run that cannot keep
// up to under 3 GB. The default year has about 1 million jobs.
constexpr double kMaxJobs = 5e6;
constexpr double kMaxNodeFailures = 1e7;  // per pool
constexpr double kMaxLinkFailures = 1e5;  // per link; each reroutes the backbone
constexpr double kYearS = 365.25 * 86400;

template <size_t N>
std::pair<double, double> max_and_mean(const std::array<double, N>& f) {
  if (std::all_of(f.begin(), f.end(), [](double x) { return x == 0; })) return {1.0, 1.0};  // flat
  return {*std::max_element(f.begin(), f.end()), std::accumulate(f.begin(), f.end(), 0.0) / N};
}

std::string num(double x) { return std::isfinite(x) ? fmt::format("{:.3g}", x) : std::string("more than 1e308"); }

}  // namespace

void check_run_bounds(Ctx& ctx, const Draft& d) {
  const double T = d.sc.duration_s;
  if (!(T > 0)) return;
  double total = 0, largest = -1;
  size_t largest_k = 0;
  for (size_t k = 0; k < d.sc.classes.size() && k < d.classes.size(); ++k) {
    const auto& c = d.sc.classes[k];
    if (!(c.rate_per_h > 0)) continue;
    auto [hmax, hmean] = max_and_mean(c.hourly_factor);
    auto [wmax, wmean] = max_and_mean(c.weekday_factor);
    double g = c.growth_per_year;
    double gmax = g == 0 ? 1.0 : std::max(1.0, std::pow(1 + g, T / kYearS));
    // The integral of (1+g)^(t/year) over the run, in hours.
    double hours = g == 0 ? T / 3600 : (std::pow(1 + g, T / kYearS) - 1) / std::log1p(g) * kYearS / 3600;
    double peak = c.rate_per_h * hmax * wmax * gmax;
    double jobs = c.rate_per_h * hmean * wmean * hours;
    if (!(peak <= kMaxPeakJobsPerH))
      ctx.error(d.classes[k].ref.place, d.classes[k].ref.path + ".rate",
                "the arrival rate with its hourly, weekday and growth factors peaks at " + num(peak) + " jobs/h",
                "rate x largest hourly x largest weekday x growth at most " + num(kMaxPeakJobsPerH) + " jobs/h");
    total += jobs;
    if (!(jobs <= largest)) largest = jobs, largest_k = k;
  }
  if (!(total <= kMaxJobs) && largest_k < d.classes.size())
    ctx.error(d.classes[largest_k].ref.place, d.classes[largest_k].ref.path + ".rate",
              "about " + num(total) + " jobs would arrive over the run (all classes; this one " + num(largest) + ")",
              "at most " + num(kMaxJobs) + " expected jobs over the duration (a run that finishes in bounded memory)");
  for (size_t s = 0; s < d.sc.sites.size() && s < d.pools.size(); ++s)
    for (size_t p = 0; p < d.sc.sites[s].pools.size() && p < d.pools[s].size(); ++p) {
      const auto& pool = d.sc.sites[s].pools[p];
      if (!(pool.node_mtbf_s > 0)) continue;
      double failures = pool.nodes * T / pool.node_mtbf_s;
      if (!(failures <= kMaxNodeFailures))
        ctx.error(d.pools[s][p].place, d.pools[s][p].path + ".mtbf",
                  "about " + num(failures) + " node failures over the run (nodes x duration / mtbf)",
                  "at most " + num(kMaxNodeFailures) + " per pool: mtbf >= " + num(pool.nodes * T / kMaxNodeFailures) + " s here");
    }
  for (size_t i = 0; i < d.sc.topology.links.size() && i < d.links.size(); ++i) {
    const auto& l = d.sc.topology.links[i];
    if (!(l.mtbf_s > 0)) continue;
    double failures = T / (l.mtbf_s + l.mttr_s);
    if (!(failures <= kMaxLinkFailures))
      ctx.error(d.links[i].ref.place, d.links[i].ref.path + ".mtbf",
                "about " + num(failures) + " failures of this link over the run (duration / (mtbf + mttr))",
                "at most " + num(kMaxLinkFailures) + " per link: mtbf + mttr >= " + num(T / kMaxLinkFailures) + " s here");
  }
}

}  // namespace sovcap::config
