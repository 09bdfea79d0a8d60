#include "models/network/failures.hpp"

#include <tuple>

#include <gtest/gtest.h>

#include "models/seeds/streams.hpp"
#include "tests/network/spec_builder.hpp"

namespace sovcap::network {
namespace {

using test::link;
using test::node;

TopologySpec pair_spec() {
  TopologySpec s;
  s.nodes = {node("a"), node("b"), node("c")};
  s.links = {link("ab", "a", "b"), link("bc", "b", "c")};
  return s;
}

// Time each link spends up in [0, horizon), from its events.
std::vector<double> up_time_s(const std::vector<LinkEvent>& events, size_t links, double horizon) {
  std::vector<double> up(links, 0), since(links, 0);
  std::vector<bool> state(links, true);
  for (const LinkEvent& e : events) {
    EXPECT_NE(state[e.link], e.up) << "link " << e.link << " repeats its state at " << e.t_s;
    if (!e.up) up[e.link] += e.t_s - since[e.link];
    since[e.link] = e.t_s;
    state[e.link] = e.up;
  }
  for (size_t l = 0; l < links; ++l)
    if (state[l]) up[l] += horizon - since[l];
  return up;
}

TEST(Failures, ScheduledOutagesExactly) {
  auto s = pair_spec();
  s.links[1].outages = {{3600, 600}, {100, 50}};
  Topology t(s);
  const auto events = link_events(t, 86400, 7);
  ASSERT_EQ(events.size(), 4u);
  const std::vector<std::tuple<double, int, bool>> want = {
      {100, 1, false}, {150, 1, true}, {3600, 1, false}, {4200, 1, true}};
  for (size_t i = 0; i < want.size(); ++i) {
    EXPECT_EQ(events[i].t_s, std::get<0>(want[i]));
    EXPECT_EQ(events[i].link, std::get<1>(want[i]));
    EXPECT_EQ(events[i].up, std::get<2>(want[i]));
  }
}

TEST(Failures, OverlappingOutagesMergeAndHorizonClips) {
  auto s = pair_spec();
  s.links[0].outages = {{0, 100}, {50, 100}, {150, 10}, {900, 500}, {2000, 5}};
  Topology t(s);
  const auto events = link_events(t, 1000, 1);
  // Down at 0 (at the start), up at 160 (three outages touch), down at 900 till the end.
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].t_s, 0);
  EXPECT_FALSE(events[0].up);
  EXPECT_EQ(events[1].t_s, 160);
  EXPECT_TRUE(events[1].up);
  EXPECT_EQ(events[2].t_s, 900);
  EXPECT_FALSE(events[2].up);
  EXPECT_EQ(links_up_at(events, 2, 0), (std::vector<bool>{false, true}));
  EXPECT_EQ(links_up_at(events, 2, 159.9), (std::vector<bool>{false, true}));
  EXPECT_EQ(links_up_at(events, 2, 160), (std::vector<bool>{true, true}));
  EXPECT_EQ(links_up_at(events, 2, 999), (std::vector<bool>{false, true}));
}

TEST(Failures, LongRunAvailabilityMatchesMtbfOverMtbfPlusMttr) {
  auto s = pair_spec();
  s.links[0].mtbf_s = 1000;
  s.links[0].mttr_s = 100;
  s.links[1].mtbf_s = 86400 * 30;
  s.links[1].mttr_s = 3600 * 8;
  Topology t(s);
  const double horizon = 2e7;  // ~18,000 cycles of link 0
  const auto events = link_events(t, horizon, 42);
  const auto up = up_time_s(events, 2, horizon);
  EXPECT_NEAR(up[0] / horizon, 1000.0 / 1100.0, 0.01);
  // Failures come at rate 1/(MTBF+MTTR): count link 0's downs.
  int downs = 0;
  for (const auto& e : events) downs += (e.link == 0 && !e.up);
  EXPECT_NEAR(downs, horizon / 1100, 0.03 * horizon / 1100);
}

TEST(Failures, AvailabilityOverManyLinks) {
  // Rare failures need many links to average: 200 links, MTBF 30 d, MTTR 8 h, a year.
  TopologySpec s;
  s.nodes = {node("a"), node("b")};
  for (int i = 0; i < 200; ++i) {
    LinkSpec l = link("l" + std::to_string(i), "a", "b");
    l.mtbf_s = 30 * 86400.0;
    l.mttr_s = 8 * 3600.0;
    s.links.push_back(l);
  }
  Topology t(s);
  const double horizon = 365 * 86400.0;
  const auto up = up_time_s(link_events(t, horizon, 9), s.links.size(), horizon);
  double total = 0;
  for (double u : up) total += u;
  const double want = 30 * 86400.0 / (30 * 86400.0 + 8 * 3600.0);  // 0.98901
  EXPECT_NEAR(total / (horizon * s.links.size()), want, 0.002);
}

TEST(Failures, SameSeedSameEventsAndSortedByTimeThenLink) {
  auto s = pair_spec();
  for (auto& l : s.links) {
    l.mtbf_s = 500;
    l.mttr_s = 50;
  }
  s.links[0].outages = {{1000, 10}};
  s.links[1].outages = {{1000, 10}};
  Topology t(s);
  const auto x = link_events(t, 1e5, 3), y = link_events(t, 1e5, 3), z = link_events(t, 1e5, 4);
  ASSERT_EQ(x.size(), y.size());
  for (size_t i = 0; i < x.size(); ++i) {
    EXPECT_EQ(x[i].t_s, y[i].t_s);
    EXPECT_EQ(x[i].link, y[i].link);
    EXPECT_EQ(x[i].up, y[i].up);
    if (i > 0) {
      EXPECT_TRUE(x[i - 1].t_s < x[i].t_s || (x[i - 1].t_s == x[i].t_s && x[i - 1].link < x[i].link));
    }
  }
  ASSERT_FALSE(z.empty());
  EXPECT_NE(x.front().t_s, z.front().t_s);
  for (const auto& e : x) EXPECT_LT(e.t_s, 1e5);
}

TEST(Failures, AddingALinkLeavesOtherLinksDrawsAlone) {
  auto s = pair_spec();
  s.links[1].mtbf_s = 500;
  s.links[1].mttr_s = 50;
  const auto before = link_events(Topology(s), 1e5, 11);
  // A new link in front shifts every index but not the draws of "bc".
  LinkSpec extra = link("ca", "c", "a");
  extra.mtbf_s = 300;
  extra.mttr_s = 30;
  s.links.insert(s.links.begin(), extra);
  const auto after = link_events(Topology(s), 1e5, 11);
  std::vector<double> bc_before, bc_after;
  for (const auto& e : before)
    if (e.link == 1) bc_before.push_back(e.t_s);
  for (const auto& e : after)
    if (e.link == 2) bc_after.push_back(e.t_s);
  ASSERT_FALSE(bc_before.empty());
  EXPECT_EQ(bc_before, bc_after);
  EXPECT_NE(sovcap::seeds::link_failures_of(11, "bc"), sovcap::seeds::link_failures_of(11, "ca"));
  EXPECT_NE(sovcap::seeds::link_failures_of(11, "bc"), sovcap::seeds::link_failures_of(12, "bc"));
}

TEST(Failures, MeanRepairTimeIsMttr) {
  LinkSpec l = link("x", "a", "b");
  l.mtbf_s = 200;
  l.mttr_s = 40;
  const auto down = link_down_intervals(l, 1e7, sovcap::seeds::link_failures_of(5, "x"));
  ASSERT_GT(down.size(), 10000u);
  double sum = 0;
  for (size_t i = 0; i + 1 < down.size(); ++i) sum += down[i].end_s - down[i].start_s;
  EXPECT_NEAR(sum / (down.size() - 1), 40, 40 * 0.03);
}

TEST(Failures, NoFailuresNoEvents) {
  Topology t(pair_spec());
  EXPECT_TRUE(link_events(t, 1e9, 1).empty());
}

}  // namespace
}  // namespace sovcap::network
