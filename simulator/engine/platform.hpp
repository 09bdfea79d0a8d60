#pragma once
// The SimGrid platform built from the backbone topology: one host per
// topology node, one full-duplex link per backbone link, routes from the
// topology's latency-weighted shortest paths.
#include <simgrid/s4u.hpp>
#include <vector>

#include "models/network/topology.hpp"

namespace sovcap::engine {

struct Platform {
  std::vector<simgrid::s4u::Host*> hosts;  // by topology node index
  std::vector<simgrid::s4u::SplitDuplexLink*> links;  // by topology link index
};

// Routes are declared for every node pair listed in `pairs` (from, to); the
// reverse direction is declared with it.
Platform build_platform(const network::Topology& topo, const std::vector<std::pair<int, int>>& pairs);

// SimGrid's network model configured for latency + size/bandwidth exactly.
void configure_network_model();

}  // namespace sovcap::engine
