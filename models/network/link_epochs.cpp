#include "models/network/link_epochs.hpp"

namespace sovcap::network {

std::vector<LinkEpoch> link_epochs(const std::vector<LinkEvent>& events, size_t link_count) {
  std::vector<double> times{0.0};
  for (const auto& e : events)
    if (e.t_s > times.back()) times.push_back(e.t_s);
  std::vector<LinkEpoch> out;
  out.reserve(times.size());
  for (double t : times) out.push_back({t, links_up_at(events, link_count, t)});
  return out;
}

}  // namespace sovcap::network
