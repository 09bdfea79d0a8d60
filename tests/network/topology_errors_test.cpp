#include <algorithm>
#include <cmath>
#include <string>

#include <gtest/gtest.h>

#include "models/network/topology.hpp"
#include "tests/network/spec_builder.hpp"

namespace sovcap::network {
namespace {

using test::link;
using test::node;

TopologySpec valid_spec() {
  TopologySpec s;
  s.nodes = {node("a"), node("b"), node("c")};
  s.links = {link("ab", "a", "b"), link("bc", "b", "c")};
  return s;
}

// The messages of the TopologyError that building spec throws.
std::vector<std::string> errors_of(const TopologySpec& spec) {
  try {
    Topology t(spec);
  } catch (const TopologyError& e) {
    return e.messages();
  }
  ADD_FAILURE() << "no TopologyError";
  return {};
}

bool has(const std::vector<std::string>& messages, const std::string& a, const std::string& b) {
  return std::any_of(messages.begin(), messages.end(), [&](const std::string& m) {
    return m.find(a) != std::string::npos && m.find(b) != std::string::npos;
  });
}

TEST(TopologyErrors, ValidSpecBuilds) {
  EXPECT_TRUE(topology_errors(valid_spec()).empty());
  Topology t(valid_spec());
  EXPECT_EQ(t.node_count(), 3u);
  EXPECT_EQ(t.link_count(), 2u);
}

TEST(TopologyErrors, DuplicateNodeId) {
  auto s = valid_spec();
  s.nodes.push_back(node("b"));
  auto m = errors_of(s);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(has(m, "node 'b'", "duplicate"));
}

TEST(TopologyErrors, DuplicateLinkId) {
  auto s = valid_spec();
  s.links.push_back(link("ab", "a", "c"));
  auto m = errors_of(s);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(has(m, "link 'ab'", "duplicate"));
}

TEST(TopologyErrors, UnknownNodes) {
  auto s = valid_spec();
  s.links.push_back(link("xy", "x", "y"));
  auto m = errors_of(s);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_TRUE(has(m, "link 'xy'", "unknown node 'x'"));
  EXPECT_TRUE(has(m, "link 'xy'", "unknown node 'y'"));
}

TEST(TopologyErrors, SelfLoop) {
  auto s = valid_spec();
  s.links.push_back(link("loop", "c", "c"));
  auto m = errors_of(s);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(has(m, "link 'loop'", "self-loop"));
}

TEST(TopologyErrors, NonPositiveBandwidth) {
  for (double bw : {0.0, -5.0, std::nan("")}) {
    auto s = valid_spec();
    s.links[1].bandwidth_gbps = bw;
    auto m = errors_of(s);
    ASSERT_EQ(m.size(), 1u) << bw;
    EXPECT_TRUE(has(m, "link 'bc'", "bandwidth_gbps must be > 0")) << bw;
  }
}

TEST(TopologyErrors, BadCoordinatesOutagesAndFailureRates) {
  auto s = valid_spec();
  s.nodes[0].latitude_deg = 91;
  s.nodes[1].longitude_deg = -181;
  s.links[0].outages = {{-1, 10}, {5, 0}};
  s.links[0].mtbf_s = -1;
  s.links[1].mtbf_s = 100;  // with mttr_s = 0
  s.links[1].latency_s = -1;
  s.links[1].route_factor = 0.5;  // fibre shorter than the great circle
  auto m = errors_of(s);
  EXPECT_EQ(m.size(), 7u);
  EXPECT_TRUE(has(m, "node 'a'", "latitude_deg"));
  EXPECT_TRUE(has(m, "node 'b'", "longitude_deg"));
  EXPECT_TRUE(has(m, "link 'ab': outages[0]", "start_s"));
  EXPECT_TRUE(has(m, "link 'ab': outages[1]", "duration_s"));
  EXPECT_TRUE(has(m, "link 'ab'", "mtbf_s"));
  EXPECT_TRUE(has(m, "link 'bc'", "mttr_s"));
  EXPECT_TRUE(has(m, "link 'bc'", "route_factor"));
}

TEST(TopologyErrors, EveryProblemIsListedAndWhatNamesThem) {
  auto s = valid_spec();
  s.nodes.push_back(node("a"));
  s.links.push_back(link("ab", "a", "a", 1, 0));
  s.links.push_back(link("zz", "a", "nowhere"));
  try {
    Topology t(s);
    FAIL() << "no TopologyError";
  } catch (const TopologyError& e) {
    EXPECT_EQ(e.messages().size(), 5u);  // dup node, dup link, self-loop, bandwidth, unknown
    for (const auto& msg : e.messages())
      EXPECT_NE(std::string(e.what()).find(msg), std::string::npos) << msg;
  }
  // It is a std::runtime_error for callers that do not care which.
  EXPECT_THROW(Topology{s}, std::runtime_error);
}

}  // namespace
}  // namespace sovcap::network
