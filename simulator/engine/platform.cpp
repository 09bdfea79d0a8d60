#include "simulator/engine/platform.hpp"

#include <algorithm>
#include <set>

namespace sg4 = simgrid::s4u;

namespace sovcap::engine {

void configure_network_model() {
  // LV08 (the default) multiplies latency by 13 and caps rates by a TCP window;
  // a backbone planner expects latency + size/bandwidth, which CM02 without
  // the TCP gamma limit and cross-traffic gives exactly.
  sg4::Engine::set_config("network/model:CM02");
  sg4::Engine::set_config("network/TCP-gamma:0");
  sg4::Engine::set_config("network/crosstraffic:0");
}

Platform build_platform(const network::Topology& topo, const std::vector<std::pair<int, int>>& pairs) {
  Platform p;
  auto* zone = sg4::create_full_zone("backbone");
  for (size_t n = 0; n < topo.node_count(); ++n)
    p.hosts.push_back(zone->create_host(topo.node(static_cast<int>(n)).id, 1.0));
  for (size_t l = 0; l < topo.link_count(); ++l) {
    const auto& spec = topo.link(static_cast<int>(l));
    // Fibre is full duplex: each direction has the whole bandwidth.
    auto* link = zone->create_split_duplex_link(spec.id, spec.bandwidth_gbps * 1e9 / 8.0);  // bytes/s
    link->set_latency(topo.link_latency_s(static_cast<int>(l)));
    link->seal();
    p.links.push_back(link);
  }
  std::set<std::pair<int, int>> declared;  // routes are symmetrical: one per unordered pair
  for (auto [from, to] : pairs) {
    if (from == to || !declared.insert(std::minmax(from, to)).second) continue;
    auto path = topo.shortest_path(from, to);
    if (path.empty()) continue;
    auto nodes = topo.path_nodes(from, path);
    std::vector<sg4::LinkInRoute> route;
    for (size_t i = 0; i < path.size(); ++i) {
      // UP is the a->b direction of the configured link.
      bool forward = topo.node_index(topo.link(path[i]).a) == nodes[i];
      route.emplace_back(p.links[path[i]], forward ? sg4::LinkInRoute::Direction::UP : sg4::LinkInRoute::Direction::DOWN);
    }
    zone->add_route(p.hosts[from]->get_netpoint(), p.hosts[to]->get_netpoint(), nullptr, nullptr, route, true);
  }
  zone->seal();
  return p;
}

}  // namespace sovcap::engine
