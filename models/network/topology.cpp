#include "models/network/topology.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <limits>
#include <map>
#include <stdexcept>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/biconnected_components.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/graph/filtered_graph.hpp>

#include "models/network/geo.hpp"

namespace sovcap::network {

namespace {

using Graph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
    boost::property<boost::edge_index_t, int, boost::property<boost::edge_weight_t, double>>>;

// Keeps only the links flagged up; filtered_graph needs it default-constructible.
struct LinkUpFilter {
  const Graph* g = nullptr;
  const std::vector<bool>* up = nullptr;
  template <class Edge>
  bool operator()(const Edge& e) const {
    return (*up)[boost::get(boost::edge_index, *g, e)];
  }
};

constexpr double infinite_s = std::numeric_limits<double>::max();

}  // namespace

struct Topology::Impl {
  TopologySpec spec;
  std::map<std::string, int> node_ids, link_ids;
  std::vector<double> latency_s;
  std::vector<std::vector<int>> incident;  // per node, link indices ascending
  std::vector<int> end_a, end_b;
  Graph g;

  const std::vector<bool>& flags(const std::vector<bool>& link_up, std::vector<bool>& all_up) const {
    if (link_up.empty()) {
      all_up.assign(spec.links.size(), true);
      return all_up;
    }
    if (link_up.size() != spec.links.size())
      throw std::invalid_argument("link_up has " + std::to_string(link_up.size()) +
                                  " flags; the topology has " +
                                  std::to_string(spec.links.size()) + " links");
    return link_up;
  }

  void check_node(int i) const {
    if (i < 0 || static_cast<size_t>(i) >= spec.nodes.size())
      throw std::out_of_range("node index " + std::to_string(i) + " out of range");
  }
  void check_link(int i) const {
    if (i < 0 || static_cast<size_t>(i) >= spec.links.size())
      throw std::out_of_range("link index " + std::to_string(i) + " out of range");
  }

  int other(int link, int node) const { return end_a[link] == node ? end_b[link] : end_a[link]; }

  // Lowest-latency distance from source to every node over the links up.
  std::vector<double> distances(int source, const std::vector<bool>& up) const {
    LinkUpFilter keep{&g, &up};
    boost::filtered_graph<Graph, LinkUpFilter> fg(g, keep);
    std::vector<double> dist(spec.nodes.size(), infinite_s);
    boost::dijkstra_shortest_paths(
        fg, static_cast<Graph::vertex_descriptor>(source),
        boost::distance_map(boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, g)))
            .weight_map(boost::get(boost::edge_weight, g)));
    return dist;
  }
};

Topology::Topology(const TopologySpec& spec) : impl_(std::make_unique<Impl>()) {
  if (auto errors = topology_errors(spec); !errors.empty()) throw TopologyError(std::move(errors));
  Impl& m = *impl_;
  m.spec = spec;
  const int n = static_cast<int>(spec.nodes.size());
  const int l = static_cast<int>(spec.links.size());
  for (int i = 0; i < n; ++i) m.node_ids[spec.nodes[i].id] = i;
  m.incident.resize(n);
  m.g = Graph(n);
  for (int i = 0; i < l; ++i) {
    const LinkSpec& s = spec.links[i];
    m.link_ids[s.id] = i;
    const int a = m.node_ids.at(s.a), b = m.node_ids.at(s.b);
    const NodeSpec &na = spec.nodes[a], &nb = spec.nodes[b];
    const double lat = s.latency_s >= 0
                           ? s.latency_s
                           : fibre_latency_s(great_circle_km(na.latitude_deg, na.longitude_deg,
                                                             nb.latitude_deg, nb.longitude_deg),
                                             s.route_factor);
    m.latency_s.push_back(lat);
    m.end_a.push_back(a);
    m.end_b.push_back(b);
    m.incident[a].push_back(i);
    m.incident[b].push_back(i);
    boost::add_edge(a, b, Graph::edge_property_type(i, lat), m.g);
  }
}

Topology::~Topology() = default;
Topology::Topology(const Topology& o) : impl_(std::make_unique<Impl>(*o.impl_)) {}
Topology& Topology::operator=(const Topology& o) {
  if (this != &o) impl_ = std::make_unique<Impl>(*o.impl_);
  return *this;
}
Topology::Topology(Topology&&) noexcept = default;
Topology& Topology::operator=(Topology&&) noexcept = default;

size_t Topology::node_count() const { return impl_->spec.nodes.size(); }
size_t Topology::link_count() const { return impl_->spec.links.size(); }

int Topology::node_index(const std::string& id) const {
  auto it = impl_->node_ids.find(id);
  return it == impl_->node_ids.end() ? -1 : it->second;
}
int Topology::link_index(const std::string& id) const {
  auto it = impl_->link_ids.find(id);
  return it == impl_->link_ids.end() ? -1 : it->second;
}

const NodeSpec& Topology::node(int i) const {
  impl_->check_node(i);
  return impl_->spec.nodes[i];
}
const LinkSpec& Topology::link(int i) const {
  impl_->check_link(i);
  return impl_->spec.links[i];
}
const std::vector<int>& Topology::incident_links(int node) const {
  impl_->check_node(node);
  return impl_->incident[node];
}
int Topology::other_end(int link, int node) const {
  impl_->check_link(link);
  if (impl_->end_a[link] != node && impl_->end_b[link] != node)
    throw std::invalid_argument("node " + std::to_string(node) + " is not an end of link '" +
                                impl_->spec.links[link].id + "'");
  return impl_->other(link, node);
}

double Topology::link_latency_s(int link) const {
  impl_->check_link(link);
  return impl_->latency_s[link];
}

std::vector<int> Topology::shortest_path(int from_node, int to_node,
                                         const std::vector<bool>& link_up) const {
  const Impl& m = *impl_;
  m.check_node(from_node);
  m.check_node(to_node);
  std::vector<bool> all_up;
  const std::vector<bool>& up = m.flags(link_up, all_up);
  if (from_node == to_node) return {};
  const std::vector<double> dist = m.distances(from_node, up);
  if (dist[to_node] == infinite_s) return {};

  // Walk back from to_node over "tight" links (those on some shortest route),
  // trying lower link indices first: the choice among equal routes then depends
  // on indices only. Depth-first with a visited set, so zero-latency links
  // (co-located nodes) cannot loop.
  const auto tight = [&](int link, int u, int v) {
    const double via = dist[u] + m.latency_s[link];
    return dist[u] != infinite_s && via <= dist[v] + 1e-9 * dist[v];
  };
  std::vector<bool> visited(m.spec.nodes.size(), false);
  std::vector<int> reversed;
  std::function<bool(int)> walk = [&](int v) -> bool {
    if (v == from_node) return true;
    visited[v] = true;
    for (int link : m.incident[v]) {
      const int u = m.other(link, v);
      if (!up[link] || visited[u] || !tight(link, u, v)) continue;
      reversed.push_back(link);
      if (walk(u)) return true;
      reversed.pop_back();
    }
    return false;
  };
  walk(to_node);  // succeeds: Dijkstra's own predecessor tree is made of tight links
  return {reversed.rbegin(), reversed.rend()};
}

std::vector<int> Topology::path_nodes(int from_node, const std::vector<int>& path) const {
  const Impl& m = *impl_;
  m.check_node(from_node);
  std::vector<int> nodes{from_node};
  for (int link : path) {
    m.check_link(link);
    const int at = nodes.back();
    if (m.end_a[link] != at && m.end_b[link] != at)
      throw std::invalid_argument("link '" + m.spec.links[link].id + "' does not touch node '" +
                                  m.spec.nodes[at].id + "' where the path stands");
    nodes.push_back(m.other(link, at));
  }
  return nodes;
}

std::vector<int> Topology::backup_path(int from_node, int to_node) const {
  const std::vector<int> primary = shortest_path(from_node, to_node);
  if (primary.empty()) return {};
  std::vector<bool> up(link_count(), true);
  for (int link : primary) up[link] = false;
  return shortest_path(from_node, to_node, up);
}

double Topology::path_latency_s(const std::vector<int>& path) const {
  double total = 0;
  for (int link : path) total += link_latency_s(link);
  return total;
}

double Topology::path_bottleneck_gbps(const std::vector<int>& path) const {
  double low = std::numeric_limits<double>::infinity();
  for (int link : path) low = std::min(low, this->link(link).bandwidth_gbps);
  return low;
}

std::vector<int> Topology::bridges() const {
  // Tarjan's lowpoint DFS, skipping the parent *link* (not the parent node, as
  // Boost's biconnected_components does), so parallel links count as a cycle.
  const Impl& m = *impl_;
  const int n = static_cast<int>(node_count());
  std::vector<int> order(n, -1), low(n, 0);
  std::vector<int> out;
  int clock = 0;
  std::function<void(int, int)> dfs = [&](int v, int via_link) {
    order[v] = low[v] = clock++;
    for (int link : m.incident[v]) {
      if (link == via_link) continue;
      const int u = m.other(link, v);
      if (order[u] < 0) {
        dfs(u, link);
        low[v] = std::min(low[v], low[u]);
        if (low[u] > order[v]) out.push_back(link);
      } else {
        low[v] = std::min(low[v], order[u]);
      }
    }
  };
  for (int v = 0; v < n; ++v)
    if (order[v] < 0) dfs(v, -1);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<int> Topology::articulation_points() const {
  std::vector<Graph::vertex_descriptor> cut;
  boost::articulation_points(impl_->g, std::back_inserter(cut));
  std::vector<int> out(cut.begin(), cut.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::string> Topology::unreachable_regions(const std::vector<bool>& link_up) const {
  const Impl& m = *impl_;
  std::vector<bool> all_up;
  const std::vector<bool>& up = m.flags(link_up, all_up);
  // One search from every site at once: a region is reachable iff it is found.
  std::vector<bool> seen(node_count(), false);
  std::vector<int> stack;
  for (size_t i = 0; i < node_count(); ++i)
    if (m.spec.nodes[i].kind == NodeKind::site) {
      seen[i] = true;
      stack.push_back(static_cast<int>(i));
    }
  while (!stack.empty()) {
    const int v = stack.back();
    stack.pop_back();
    for (int link : m.incident[v]) {
      const int u = m.other(link, v);
      if (up[link] && !seen[u]) {
        seen[u] = true;
        stack.push_back(u);
      }
    }
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < node_count(); ++i)
    if (m.spec.nodes[i].kind == NodeKind::region && !seen[i]) out.push_back(m.spec.nodes[i].id);
  return out;
}

}  // namespace sovcap::network
