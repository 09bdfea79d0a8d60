#include <algorithm>
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "models/network/geo.hpp"
#include "models/network/topology.hpp"
#include "tests/network/spec_builder.hpp"

namespace sovcap::network {
namespace {

using test::link;
using test::node;

// a --(10 ms)-- b directly, or a - c - d - b at 1 ms a hop; e hangs off b.
//   link 0: ab 10 ms, 1: ac, 2: cd, 3: db, 4: be 2 ms (10 Gbps)
TopologySpec detour_spec() {
  TopologySpec s;
  s.nodes = {node("a"), node("b"), node("c"), node("d"), node("e")};
  s.links = {link("ab", "a", "b", 10, 400), link("ac", "a", "c", 1, 100), link("cd", "c", "d", 1, 200),
             link("db", "d", "b", 1, 100), link("be", "b", "e", 2, 10)};
  return s;
}

TEST(Routing, ShortestByLatencyNotHops) {
  Topology t(detour_spec());
  const int a = t.node_index("a"), b = t.node_index("b");
  const std::vector<int> path = t.shortest_path(a, b);
  EXPECT_EQ(path, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(t.path_nodes(a, path), (std::vector<int>{a, 2, 3, b}));
  EXPECT_NEAR(t.path_latency_s(path), 3e-3, 1e-15);
  EXPECT_DOUBLE_EQ(t.path_bottleneck_gbps(path), 100);
  // Reverse direction: the same links, reversed.
  EXPECT_EQ(t.shortest_path(b, a), (std::vector<int>{3, 2, 1}));
}

TEST(Routing, ReroutesAroundDownLink) {
  Topology t(detour_spec());
  std::vector<bool> up(t.link_count(), true);
  up[2] = false;  // c-d
  const std::vector<int> path = t.shortest_path(0, 4, up);
  EXPECT_EQ(path, (std::vector<int>{0, 4}));  // a-b direct, then b-e
  EXPECT_NEAR(t.path_latency_s(path), 12e-3, 1e-15);
  EXPECT_DOUBLE_EQ(t.path_bottleneck_gbps(path), 10);
  up[0] = false;
  EXPECT_TRUE(t.shortest_path(0, 4, up).empty());  // cut off
}

TEST(Routing, EmptyForSameNodeOrUnreachable) {
  auto s = detour_spec();
  s.nodes.push_back(node("island"));
  Topology t(s);
  EXPECT_TRUE(t.shortest_path(1, 1).empty());
  EXPECT_TRUE(t.shortest_path(0, t.node_index("island")).empty());
  EXPECT_EQ(t.path_nodes(3, {}), std::vector<int>{3});
  EXPECT_EQ(t.path_latency_s({}), 0.0);
  EXPECT_EQ(t.path_bottleneck_gbps({}), std::numeric_limits<double>::infinity());
}

TEST(Routing, BadArguments) {
  Topology t(detour_spec());
  EXPECT_THROW(t.shortest_path(0, 1, std::vector<bool>(2, true)), std::invalid_argument);
  EXPECT_THROW(t.shortest_path(0, 99), std::out_of_range);
  EXPECT_THROW(t.node(-1), std::out_of_range);
  EXPECT_THROW(t.link(5), std::out_of_range);
  EXPECT_THROW(t.path_nodes(0, {2}), std::invalid_argument);  // c-d does not touch a
  EXPECT_EQ(t.node_index("nope"), -1);
  EXPECT_EQ(t.link_index("cd"), 2);
  EXPECT_EQ(t.other_end(2, 2), 3);
  EXPECT_THROW(t.other_end(2, 0), std::invalid_argument);
}

// A square of equal links: two equal routes from a to d.
TopologySpec square_spec(bool reversed_nodes) {
  TopologySpec s;
  s.nodes = {node("a"), node("b"), node("c"), node("d")};
  if (reversed_nodes) std::reverse(s.nodes.begin(), s.nodes.end());
  s.links = {link("ab", "a", "b"), link("bd", "b", "d"), link("ac", "a", "c"), link("cd", "c", "d")};
  return s;
}

TEST(Routing, TiesGoToLowerLinkIndicesWhateverTheNodeOrder) {
  for (bool reversed : {false, true}) {
    Topology t(square_spec(reversed));
    const int a = t.node_index("a"), d = t.node_index("d");
    EXPECT_EQ(t.shortest_path(a, d), (std::vector<int>{0, 1})) << reversed;  // via b
    EXPECT_EQ(t.shortest_path(d, a), (std::vector<int>{1, 0})) << reversed;
  }
}

TEST(Routing, ZeroLatencyLinksDoNotLoop) {
  TopologySpec s;
  s.nodes = {node("a"), node("b"), node("c"), node("d")};
  s.links = {link("ab", "a", "b", 0), link("bc", "b", "c", 0), link("ca", "c", "a", 0),
             link("cd", "c", "d", 1)};
  Topology t(s);
  // Every route a..c costs 0: the tie rule (lowest link index first, read back
  // from d) takes c-d, b-c, a-b.
  EXPECT_EQ(t.shortest_path(0, 3), (std::vector<int>{0, 1, 3}));
  EXPECT_NEAR(t.path_latency_s(t.shortest_path(1, 3)), 1e-3, 1e-15);
}

TEST(Routing, LatencyDerivedFromCoordinates) {
  TopologySpec s;
  s.nodes = {node("south", NodeKind::router, 30, -8), node("north", NodeKind::router, 31, -8)};
  LinkSpec l = link("meridian", "south", "north");
  l.latency_s = -1;
  l.route_factor = 1.3;
  s.links = {l};
  Topology t(s);
  // One degree of a meridian, 1.3x longer in fibre, at c / 1.4682.
  const double km = 2 * 3.14159265358979323846 * 6371.0088 / 360;
  EXPECT_NEAR(t.link_latency_s(0), km * 1.3 * 1.4682 / 299792.458, 1e-15);
  // A given latency wins over the coordinates.
  s.links[0].latency_s = 0.004;
  EXPECT_DOUBLE_EQ(Topology(s).link_latency_s(0), 0.004);
}

TEST(Routing, ParallelLinksPickTheFasterOne) {
  TopologySpec s;
  s.nodes = {node("a"), node("b")};
  s.links = {link("slow", "a", "b", 5), link("fast", "a", "b", 2)};
  Topology t(s);
  EXPECT_EQ(t.shortest_path(0, 1), std::vector<int>{1});
  EXPECT_EQ(t.backup_path(0, 1), std::vector<int>{0});
}

// Ring a-b-c-d-a with a chord a-c; e hangs off c by a single link.
//   0 ab 1ms, 1 bc 1ms, 2 cd 2ms, 3 da 2ms, 4 ac 3ms, 5 ce 1ms
TopologySpec ring_spec() {
  TopologySpec s;
  s.nodes = {node("a"), node("b"), node("c"), node("d"), node("e")};
  s.links = {link("ab", "a", "b", 1), link("bc", "b", "c", 1), link("cd", "c", "d", 2),
             link("da", "d", "a", 2), link("ac", "a", "c", 3), link("ce", "c", "e", 1)};
  return s;
}

TEST(Routing, BackupPathIsLinkDisjointAndShortestSuch) {
  Topology t(ring_spec());
  const std::vector<int> primary = t.shortest_path(0, 2);
  EXPECT_EQ(primary, (std::vector<int>{0, 1}));  // 2 ms
  const std::vector<int> backup = t.backup_path(0, 2);
  EXPECT_EQ(backup, std::vector<int>{4});  // the 3 ms chord beats 4 ms via d
  for (int l : backup) EXPECT_EQ(std::count(primary.begin(), primary.end(), l), 0);
  EXPECT_EQ(t.path_nodes(0, backup).back(), 2);
}

TEST(Routing, NoBackupAcrossABridge) {
  Topology t(ring_spec());
  EXPECT_FALSE(t.shortest_path(0, 4).empty());
  EXPECT_TRUE(t.backup_path(0, 4).empty());  // c-e is on every route
  EXPECT_TRUE(t.backup_path(0, 0).empty());
}

}  // namespace
}  // namespace sovcap::network
