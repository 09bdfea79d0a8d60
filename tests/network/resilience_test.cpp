// Single points of failure and reachability, checked against known answers and
// against brute force (remove each element, count components).
#include <numeric>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <gtest/gtest.h>

#include "models/network/topology.hpp"
#include "tests/network/spec_builder.hpp"

namespace sovcap::network {
namespace {

using test::link;
using test::node;

// Cycle 0-1-2-3-0 with a chain 3-4-5 attached at 3.
TopologySpec cycle_and_chain() {
  TopologySpec s;
  for (const char* id : {"n0", "n1", "n2", "n3", "n4", "n5"}) s.nodes.push_back(node(id));
  s.links = {link("l01", "n0", "n1"), link("l12", "n1", "n2"), link("l23", "n2", "n3"),
             link("l30", "n3", "n0"), link("l34", "n3", "n4"), link("l45", "n4", "n5")};
  return s;
}

TEST(Resilience, CycleWithChainKnownAnswer) {
  Topology t(cycle_and_chain());
  EXPECT_EQ(t.bridges(), (std::vector<int>{4, 5}));
  EXPECT_EQ(t.articulation_points(), (std::vector<int>{3, 4}));
}

TEST(Resilience, ParallelLinksAreNotBridges) {
  auto s = cycle_and_chain();
  s.links.push_back(link("l45b", "n4", "n5"));  // a second fibre on the last hop
  Topology t(s);
  EXPECT_EQ(t.bridges(), std::vector<int>{4});
  EXPECT_EQ(t.articulation_points(), (std::vector<int>{3, 4}));
}

TEST(Resilience, TreeAndCycleExtremes) {
  TopologySpec ring;
  for (const char* id : {"a", "b", "c"}) ring.nodes.push_back(node(id));
  ring.links = {link("ab", "a", "b"), link("bc", "b", "c"), link("ca", "c", "a")};
  EXPECT_TRUE(Topology(ring).bridges().empty());
  EXPECT_TRUE(Topology(ring).articulation_points().empty());
  ring.links.pop_back();  // now a path a-b-c
  EXPECT_EQ(Topology(ring).bridges(), (std::vector<int>{0, 1}));
  EXPECT_EQ(Topology(ring).articulation_points(), std::vector<int>{1});
}

// Connected components among nodes not removed, over links not removed.
int components(const TopologySpec& s, int skip_node, int skip_link) {
  const int n = static_cast<int>(s.nodes.size());
  std::vector<int> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto index = [&](const std::string& id) {
    for (int i = 0; i < n; ++i)
      if (s.nodes[i].id == id) return i;
    return -1;
  };
  for (int l = 0; l < static_cast<int>(s.links.size()); ++l) {
    const int a = index(s.links[l].a), b = index(s.links[l].b);
    if (l == skip_link || a == skip_node || b == skip_node) continue;
    parent[find(a)] = find(b);
  }
  int count = 0;
  for (int i = 0; i < n; ++i)
    if (i != skip_node && find(i) == i) ++count;
  return count;
}

TEST(Resilience, MatchesBruteForceOnRandomGraphs) {
  boost::random::mt19937_64 gen(2024);
  for (int trial = 0; trial < 200; ++trial) {
    boost::random::uniform_int_distribution<int> size(2, 9);
    const int n = size(gen), m = size(gen) + n / 2;
    boost::random::uniform_int_distribution<int> pick(0, n - 1);
    TopologySpec s;
    for (int i = 0; i < n; ++i) s.nodes.push_back(node("v" + std::to_string(i)));
    for (int l = 0; l < m; ++l) {
      int a = pick(gen), b = pick(gen);
      if (a == b) continue;  // parallel links allowed, self-loops not
      s.links.push_back(link("e" + std::to_string(l), "v" + std::to_string(a), "v" + std::to_string(b)));
    }
    Topology t(s);
    const int base = components(s, -1, -1);
    std::vector<int> bridges, cuts;
    for (int l = 0; l < static_cast<int>(s.links.size()); ++l)
      if (components(s, -1, l) > base) bridges.push_back(l);
    for (int v = 0; v < n; ++v) {
      // Removing an isolated node lowers the count; a cut node raises it.
      const bool isolated = t.incident_links(v).empty();
      if (!isolated && components(s, v, -1) > base) cuts.push_back(v);
    }
    ASSERT_EQ(t.bridges(), bridges) << "trial " << trial;
    ASSERT_EQ(t.articulation_points(), cuts) << "trial " << trial;
  }
}

// Regions r1, r2 reach site s through router x; r3 only through r2.
TopologySpec regions_spec() {
  TopologySpec s;
  s.nodes = {node("s", NodeKind::site), node("x"), node("r1", NodeKind::region),
             node("r2", NodeKind::region), node("r3", NodeKind::region)};
  s.links = {link("sx", "s", "x"), link("xr1", "x", "r1"), link("xr2", "x", "r2"),
             link("r1r2", "r1", "r2"), link("r2r3", "r2", "r3")};
  return s;
}

TEST(Resilience, UnreachableRegions) {
  Topology t(regions_spec());
  EXPECT_TRUE(t.unreachable_regions().empty());
  std::vector<bool> up(t.link_count(), true);
  up[2] = false;  // x-r2: r2 still reaches x through r1
  EXPECT_TRUE(t.unreachable_regions(up).empty());
  up[3] = false;  // and r1-r2: r2 and r3 are cut off
  EXPECT_EQ(t.unreachable_regions(up), (std::vector<std::string>{"r2", "r3"}));
  up.assign(t.link_count(), true);
  up[0] = false;  // the site itself is cut off
  EXPECT_EQ(t.unreachable_regions(up), (std::vector<std::string>{"r1", "r2", "r3"}));
  EXPECT_THROW(t.unreachable_regions(std::vector<bool>(1, true)), std::invalid_argument);
}

TEST(Resilience, NoSiteMeansNoRegionIsServed) {
  auto s = regions_spec();
  s.nodes[0].kind = NodeKind::router;
  EXPECT_EQ(Topology(s).unreachable_regions(), (std::vector<std::string>{"r1", "r2", "r3"}));
}

TEST(Resilience, SecondSiteKeepsRegionsServed) {
  auto s = regions_spec();
  s.nodes.push_back(node("s2", NodeKind::site));
  s.links.push_back(link("r3s2", "r3", "s2"));
  Topology t(s);
  std::vector<bool> up(t.link_count(), true);
  up[0] = false;  // s cut off, but everyone reaches s2 through r3
  EXPECT_TRUE(t.unreachable_regions(up).empty());
}

}  // namespace
}  // namespace sovcap::network
