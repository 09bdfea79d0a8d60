#pragma once
// The backbone as a graph: validated once, then routes, backup routes and
// single points of failure. Nodes and links are addressed by their index in
// the TopologySpec; every result is ordered by index, never by hash order.
#include <memory>
#include <string>
#include <vector>

#include "models/network/params.hpp"
#include "models/network/topology_error.hpp"

namespace sovcap::network {

class Topology {
 public:
  // Throws TopologyError listing every problem in spec.
  explicit Topology(const TopologySpec& spec);
  ~Topology();
  Topology(const Topology&);
  Topology& operator=(const Topology&);
  Topology(Topology&&) noexcept;
  Topology& operator=(Topology&&) noexcept;

  size_t node_count() const;
  size_t link_count() const;
  int node_index(const std::string& id) const;  // -1 if unknown
  int link_index(const std::string& id) const;  // -1 if unknown
  const NodeSpec& node(int i) const;
  const LinkSpec& link(int i) const;
  // Links touching node i, by increasing link index.
  const std::vector<int>& incident_links(int node) const;
  // The end of link opposite node (throws if node is not an end).
  int other_end(int link, int node) const;

  // Given latency_s, or the fibre delay over the endpoints' great-circle
  // distance times route_factor.
  double link_latency_s(int link) const;

  // Link indices from from_node to to_node on the lowest-latency route; among
  // equal-latency routes (within 1e-9 relative), the one whose link indices,
  // read from to_node back, are lexicographically smallest. Empty if
  // unreachable or from_node == to_node. link_up empty = every link up;
  // otherwise it must hold link_count() flags.
  std::vector<int> shortest_path(int from_node, int to_node,
                                 const std::vector<bool>& link_up = {}) const;
  // The nodes visited by path, starting with from_node (just {from_node} for
  // an empty path). Throws std::invalid_argument if path is not a walk from it.
  std::vector<int> path_nodes(int from_node, const std::vector<int>& path) const;
  // The shortest path sharing no link with shortest_path(from, to); empty if
  // there is none (or no primary).
  std::vector<int> backup_path(int from_node, int to_node) const;
  double path_latency_s(const std::vector<int>& path) const;  // 0 for an empty path
  // Smallest link bandwidth on path; +infinity for an empty path.
  double path_bottleneck_gbps(const std::vector<int>& path) const;

  // Links whose loss disconnects their component (parallel links are never
  // bridges), by increasing index.
  std::vector<int> bridges() const;
  // Nodes whose loss disconnects their component, by increasing index.
  std::vector<int> articulation_points() const;
  // Ids of region nodes that cannot reach any site node over the links up, in
  // node order.
  std::vector<std::string> unreachable_regions(const std::vector<bool>& link_up = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sovcap::network
