#pragma once
// Every route the backbone will need in a run, planned before it starts (link
// failures are known in advance): for each pair of nodes that exchanges data
// (region -> site, site -> site), its lowest-latency route in each link epoch,
// the distinct routes ("variants") among them, and which region is cut off
// from every site in each epoch. Plain data and queries: the engine moves the
// bytes (simulator/engine/backbone.hpp; docs/network.md, "In the engine").
#include <cstddef>
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "models/network/link_epochs.hpp"
#include "models/network/topology.hpp"

namespace sovcap::network {

class RoutePlan {
 public:
  struct Variant {
    std::vector<int> links;     // link indices, from the pair's node a
    std::vector<int> directed;  // 2 * link + (0: travelled from the link's a to b, 1: b to a), from node a
    double latency_s = 0;       // one way
    double bottleneck_gbps = 0; // narrowest link
    int route = -1;             // index into routes()
  };
  struct Pair {
    int a = -1, b = -1;              // node indices; a is the end named first (the region, or the sending site)
    std::vector<Variant> variants;   // in order of first use over the epochs
    std::vector<int> at_epoch;       // variant by epoch; -1: no route
  };
  struct RouteRef {
    int pair = -1, variant = -1;
  };

  // region_node, site_node: the topology node of each region and site.
  RoutePlan(const Topology& topo, std::vector<LinkEpoch> epochs, std::vector<int> region_node, std::vector<int> site_node);

  size_t epoch_count() const { return epochs_.size(); }
  double epoch_time_s(size_t k) const { return epochs_[k].t_s; }
  const std::vector<bool>& links_up(size_t k) const { return epochs_[k].up; }

  const Pair& pair(int p) const { return pairs_[p]; }
  size_t pair_count() const { return pairs_.size(); }
  // The pair of a region and a site, or of two sites; -1 when they share a node (nothing crosses the backbone).
  int region_site_pair(int region, int site) const { return region_site_[region][site]; }
  int site_site_pair(int from, int to) const { return site_site_[from][to]; }
  // Every variant of every pair once, in order of planning (pairs in order of first need, then
  // epochs): the routes the platform declares.
  const std::vector<RouteRef>& routes() const { return routes_; }
  // The route of pair p in epoch k, or null.
  const Variant* route_at(int p, size_t k) const {
    const int v = pairs_[p].at_epoch[k];
    return v < 0 ? nullptr : &pairs_[p].variants[v];
  }

  // Region -> site in epoch k: one-way latency (0 on the same node, +inf without a route), whether
  // there is a route, and the seconds to move gb alone on the route (bottleneck plus latency; 0
  // when nothing moves, +inf without a route).
  double latency_s(int region, int site, size_t k) const;
  bool reachable(int region, int site, size_t k) const;
  double transfer_s(int region, int site, double gb, size_t k) const;
  // Latency with the links of epoch 0 (every link up unless an event at t = 0 says otherwise).
  double primary_latency_s(int region, int site) const { return latency_s(region, site, 0); }
  // Whether the region reaches no site node of the topology in epoch k.
  bool region_cut(int region, size_t k) const { return cut_[k][region]; }
  // Where a site sends its checkpoints: the pair to the nearest other site (lowest latency with
  // every link up; ties to the lower site index), -1 if none is reachable.
  int checkpoint_pair(int site) const { return checkpoint_pair_[site]; }

 private:
  int pair_index(int a, int b);

  std::vector<LinkEpoch> epochs_;
  std::vector<Pair> pairs_;
  std::map<std::pair<int, int>, int> pair_of_;
  std::vector<RouteRef> routes_;
  std::vector<std::vector<int>> region_site_, site_site_;
  std::vector<std::vector<bool>> cut_;  // [epoch][region]
  std::vector<int> checkpoint_pair_;
};

}  // namespace sovcap::network
