#pragma once
// When each link is up or down over a run: scheduled outages plus random
// failures (alternating exponential up and repair times).
#include <cstdint>
#include <string>
#include <vector>

#include "models/network/topology.hpp"

namespace sovcap::network {

// Link `link` changes state at t_s. Every link is up at t = 0 unless an event
// at t = 0 takes it down.
struct LinkEvent {
  double t_s;
  int link;
  bool up;
};

struct DownInterval {
  double start_s;
  double end_s;  // may equal the horizon: still down when the run ends
};

// Where link is down within [0, horizon_s): the union of its scheduled outages
// and its random failures (drawn from link_seed, seeds::link_failures_of), merged,
// sorted, clipped to the horizon.
std::vector<DownInterval> link_down_intervals(const LinkSpec& link, double horizon_s, uint64_t link_seed);

// Every state change of every link within [0, horizon_s), sorted by time then
// link index; each link's failures from seeds::link_failures_of(seed, its id).
// A link that is down at the horizon gets no closing event.
std::vector<LinkEvent> link_events(const Topology& topology, double horizon_s, uint64_t seed);

// Up flags of every link at time t_s (events at exactly t_s applied), for
// Topology::shortest_path and unreachable_regions.
std::vector<bool> links_up_at(const std::vector<LinkEvent>& events, size_t link_count, double t_s);

}  // namespace sovcap::network
