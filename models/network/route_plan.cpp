#include "models/network/route_plan.hpp"

#include <algorithm>
#include <limits>
#include <string>

namespace sovcap::network {
namespace {
constexpr double infinity = std::numeric_limits<double>::infinity();
}  // namespace

RoutePlan::RoutePlan(const Topology& topo, std::vector<LinkEpoch> epochs, std::vector<int> region_node,
                     std::vector<int> site_node)
    : epochs_(std::move(epochs)) {
  const size_t regions = region_node.size(), sites = site_node.size();
  region_site_.assign(regions, std::vector<int>(sites, -1));
  for (size_t r = 0; r < regions; ++r)
    for (size_t s = 0; s < sites; ++s)
      if (region_node[r] != site_node[s]) region_site_[r][s] = pair_index(region_node[r], site_node[s]);
  site_site_.assign(sites, std::vector<int>(sites, -1));
  for (size_t a = 0; a < sites; ++a)
    for (size_t b = 0; b < sites; ++b)
      if (site_node[a] != site_node[b]) site_site_[a][b] = pair_index(site_node[a], site_node[b]);

  // Every route any pair takes in any epoch, deduplicated.
  for (size_t p = 0; p < pairs_.size(); ++p) {
    Pair& pr = pairs_[p];
    for (const auto& epoch : epochs_) {
      auto path = topo.shortest_path(pr.a, pr.b, epoch.up);
      if (path.empty()) {
        pr.at_epoch.push_back(-1);
        continue;
      }
      int v = -1;
      for (size_t i = 0; i < pr.variants.size(); ++i)
        if (pr.variants[i].links == path) v = static_cast<int>(i);
      if (v < 0) {
        Variant var;
        auto nodes = topo.path_nodes(pr.a, path);
        for (size_t i = 0; i < path.size(); ++i)
          var.directed.push_back(2 * path[i] + (topo.node_index(topo.link(path[i]).a) == nodes[i] ? 0 : 1));
        var.latency_s = topo.path_latency_s(path);
        var.bottleneck_gbps = topo.path_bottleneck_gbps(path);
        var.links = std::move(path);
        var.route = static_cast<int>(routes_.size());
        v = static_cast<int>(pr.variants.size());
        routes_.push_back({static_cast<int>(p), v});
        pr.variants.push_back(std::move(var));
      }
      pr.at_epoch.push_back(v);
    }
  }

  for (const auto& epoch : epochs_) {
    const auto cut = topo.unreachable_regions(epoch.up);
    std::vector<bool> row(regions, false);
    for (size_t r = 0; r < regions; ++r)
      row[r] = std::find(cut.begin(), cut.end(), topo.node(region_node[r]).id) != cut.end();
    cut_.push_back(std::move(row));
  }

  checkpoint_pair_.assign(sites, -1);
  for (size_t s = 0; s < sites; ++s) {
    double best_lat = infinity;
    for (size_t o = 0; o < sites; ++o) {
      const int p = site_site_[s][o];
      if (p < 0 || pairs_[p].variants.empty()) continue;
      const double lat = topo.path_latency_s(topo.shortest_path(site_node[s], site_node[o]));
      if (lat < best_lat) best_lat = lat, checkpoint_pair_[s] = p;
    }
  }
}

int RoutePlan::pair_index(int a, int b) {
  auto key = std::minmax(a, b);
  auto it = pair_of_.find(key);
  if (it != pair_of_.end()) return it->second;
  Pair p;
  p.a = a;
  p.b = b;
  pairs_.push_back(p);
  pair_of_[key] = static_cast<int>(pairs_.size() - 1);
  return static_cast<int>(pairs_.size() - 1);
}

double RoutePlan::latency_s(int region, int site, size_t k) const {
  const int p = region_site_[region][site];
  if (p < 0) return 0;
  const Variant* v = route_at(p, k);
  return v ? v->latency_s : infinity;
}

bool RoutePlan::reachable(int region, int site, size_t k) const {
  const int p = region_site_[region][site];
  return p < 0 || pairs_[p].at_epoch[k] >= 0;
}

double RoutePlan::transfer_s(int region, int site, double gb, size_t k) const {
  const int p = region_site_[region][site];
  if (p < 0 || !(gb > 0)) return 0;
  const Variant* v = route_at(p, k);
  if (!v) return infinity;
  return gb * 8 / v->bottleneck_gbps + v->latency_s;
}

}  // namespace sovcap::network
