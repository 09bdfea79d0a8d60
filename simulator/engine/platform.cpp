#include "simulator/engine/platform.hpp"

#include <set>
#include <stdexcept>

namespace sg4 = simgrid::s4u;

namespace sovcap::engine {

void configure_network_model() {
  // LV08 (the default) multiplies latency by 13 and caps rates by a TCP window;
  // a backbone planner expects latency + size/bandwidth, which CM02 without
  // the TCP gamma limit and cross-traffic gives exactly.
  sg4::Engine::set_config("network/model:CM02");
  sg4::Engine::set_config("network/TCP-gamma:0");
  sg4::Engine::set_config("network/crosstraffic:0");
  // SimGrid 3.32's default lazy update leaves rates stale when two comms leave their latency
  // phase at one instant (a link then carries more than its capacity:
  // tests/network_simgrid, SimGridsLazyUpdateKeepsAStaleRate...); the full update solves
  // every rate at each event and gives max-min, as the calendar's fluid flows do.
  sg4::Engine::set_config("network/optim:Full");
}

Platform build_platform(const network::Topology& topo, const std::vector<RouteDecl>& routes) {
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
  std::set<std::pair<sg4::Host*, sg4::Host*>> declared;
  for (const auto& r : routes) {
    sg4::Host* src = r.host.empty() ? p.hosts.at(r.from) : zone->create_host(r.host, 1.0);
    sg4::Host* dst = p.hosts.at(r.to);
    p.route_hosts.push_back(src);
    if (r.path.empty() || r.from == r.to) continue;
    if (!declared.insert(std::minmax(src, dst)).second)
      throw std::invalid_argument("build_platform: a second route between " + src->get_name() + " and " + dst->get_name());
    auto nodes = topo.path_nodes(r.from, r.path);
    if (nodes.back() != r.to) throw std::invalid_argument("build_platform: a route that does not end at its node");
    std::vector<sg4::LinkInRoute> route;
    for (size_t i = 0; i < r.path.size(); ++i) {
      // UP is the a->b direction of the configured link.
      bool forward = topo.node_index(topo.link(r.path[i]).a) == nodes[i];
      route.emplace_back(p.links[r.path[i]], forward ? sg4::LinkInRoute::Direction::UP : sg4::LinkInRoute::Direction::DOWN);
    }
    zone->add_route(src->get_netpoint(), dst->get_netpoint(), nullptr, nullptr, route, true);
  }
  zone->seal();
  return p;
}

void set_link_state(Platform& p, int l, bool up) {
  // A split-duplex link is two links: is_on() of the pair does not follow them.
  for (auto* link : {p.links[l]->get_link_up(), p.links[l]->get_link_down()}) {
    if (up && !link->is_on()) link->turn_on();
    if (!up && link->is_on()) link->turn_off();
  }
}

}  // namespace sovcap::engine
