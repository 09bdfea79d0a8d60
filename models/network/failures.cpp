#include "models/network/failures.hpp"

#include <algorithm>
#include <tuple>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/mersenne_twister.hpp>

#include "models/seeds/streams.hpp"

namespace sovcap::network {

std::vector<DownInterval> link_down_intervals(const LinkSpec& link, double horizon_s, uint64_t seed) {
  std::vector<DownInterval> raw;
  for (const Outage& o : link.outages)
    if (o.start_s < horizon_s && o.duration_s > 0)
      raw.push_back({o.start_s, std::min(horizon_s, o.start_s + o.duration_s)});

  if (link.mtbf_s > 0 && link.mttr_s > 0) {
    // The link starts a run as good as new: up for Exp(MTBF), down for Exp(MTTR), ...
    boost::random::mt19937_64 gen(seed);
    boost::random::exponential_distribution<double> to_failure(1.0 / link.mtbf_s);
    boost::random::exponential_distribution<double> to_repair(1.0 / link.mttr_s);
    double t = 0;
    while (true) {
      t += to_failure(gen);
      if (t >= horizon_s) break;
      const double end = t + to_repair(gen);
      raw.push_back({t, std::min(horizon_s, end)});
      t = end;
    }
  }

  std::sort(raw.begin(), raw.end(), [](const DownInterval& x, const DownInterval& y) {
    return std::tie(x.start_s, x.end_s) < std::tie(y.start_s, y.end_s);
  });
  // Overlapping or touching outages are one outage: no up/down at the same instant.
  std::vector<DownInterval> merged;
  for (const DownInterval& d : raw) {
    if (!merged.empty() && d.start_s <= merged.back().end_s)
      merged.back().end_s = std::max(merged.back().end_s, d.end_s);
    else
      merged.push_back(d);
  }
  return merged;
}

std::vector<LinkEvent> link_events(const Topology& topology, double horizon_s, uint64_t seed) {
  std::vector<LinkEvent> events;
  for (size_t i = 0; i < topology.link_count(); ++i) {
    const LinkSpec& spec = topology.link(static_cast<int>(i));
    for (const DownInterval& d : link_down_intervals(spec, horizon_s, seeds::link_failures_of(seed, spec.id))) {
      events.push_back({d.start_s, static_cast<int>(i), false});
      if (d.end_s < horizon_s) events.push_back({d.end_s, static_cast<int>(i), true});
    }
  }
  std::sort(events.begin(), events.end(), [](const LinkEvent& x, const LinkEvent& y) {
    return std::tie(x.t_s, x.link) < std::tie(y.t_s, y.link);
  });
  return events;
}

std::vector<bool> links_up_at(const std::vector<LinkEvent>& events, size_t link_count, double t_s) {
  std::vector<bool> up(link_count, true);
  for (const LinkEvent& e : events) {
    if (e.t_s > t_s) break;
    if (e.link >= 0 && static_cast<size_t>(e.link) < link_count) up[e.link] = e.up;
  }
  return up;
}

}  // namespace sovcap::network
