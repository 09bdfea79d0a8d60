#pragma once
// The SimGrid platform built from the backbone topology: one host per
// topology node, one split-duplex link per backbone link, and one route per
// declared (host, node) pair along a given path of links.
//
// SimGrid routes are static per (source host, destination host) pair, so an
// alternate route between two nodes gets its own source host ("route
// variant" host): a transfer picks its route by picking the host it leaves
// from (see simulator/engine/backbone.hpp and docs/network.md).
#include <simgrid/s4u.hpp>
#include <string>
#include <vector>

#include "models/network/topology.hpp"

namespace sovcap::engine {

// A route from node `from` to node `to` over `path` (link indices in order from
// `from`). With an empty `host`, it starts at the node's own host; otherwise a
// new host of that name stands for `from` on this route. Routes are symmetrical.
struct RouteDecl {
  int from = -1, to = -1;
  std::vector<int> path;
  std::string host;
};

struct Platform {
  std::vector<simgrid::s4u::Host*> hosts;             // by topology node index
  std::vector<simgrid::s4u::SplitDuplexLink*> links;  // by topology link index
  std::vector<simgrid::s4u::Host*> route_hosts;       // by RouteDecl: the host a transfer leaves `from` by
};

// Declaring the same (source host, to) pair twice is an error (std::invalid_argument).
Platform build_platform(const network::Topology& topo, const std::vector<RouteDecl>& routes);

// Link `l` of the topology on or off in SimGrid, both directions.
void set_link_state(Platform& p, int l, bool up);

// SimGrid's network model configured for latency + size/bandwidth exactly.
void configure_network_model();

}  // namespace sovcap::engine
