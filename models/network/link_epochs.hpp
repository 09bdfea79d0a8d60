#pragma once
// The link states of a run as epochs: epoch 0 starts at t = 0, and each later
// epoch at the time of a distinct link event; within an epoch no link changes.
// Events at exactly an epoch's time are applied in it (an event at t = 0
// changes epoch 0 itself), so an outage from 3600 s to 7200 s gives epochs at
// 0, 3600 and 7200 with the link down in the middle one.
#include <cstddef>
#include <vector>

#include "models/network/failures.hpp"

namespace sovcap::network {

struct LinkEpoch {
  double t_s = 0;
  std::vector<bool> up;  // by link index
};

// events: sorted by time (as link_events gives them).
std::vector<LinkEpoch> link_epochs(const std::vector<LinkEvent>& events, size_t link_count);

}  // namespace sovcap::network
