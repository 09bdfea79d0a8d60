// The fluid flows against closed forms worked by hand from the rule in fluid_flows.hpp
// (latency phase, then weighted max-min with weight 1 / route latency, 1 for a zero-latency
// route): one flow alone, n equal flows, the parking lot, weights, latency phases ending while
// others run, cancel, ties, steps against one advance, an empty calendar. The agreement with
// SimGrid itself is tests/network_simgrid/fluid_flows_simgrid_test.cpp.
#include "models/network/fluid_flows.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <random>
#include <utility>
#include <vector>

namespace sovcap::network {
namespace {

using Id = FluidFlows::Id;
constexpr double inf = std::numeric_limits<double>::infinity();

// |a - b| within rel of |b| (for values that are not exact in binary).
::testing::AssertionResult Near(double a, double b, double rel = 1e-12) {
  if (std::fabs(a - b) <= rel * std::fabs(b)) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << a << " vs " << b << " (rel " << std::fabs(a - b) / std::fabs(b) << ")";
}

struct Ended {
  double t;
  Id id;
  bool operator==(const Ended& o) const { return t == o.t && id == o.id; }
};

// Event by event, as a calendar engine drives it: each end with the time it happened.
std::vector<Ended> run_events(FluidFlows& ff, double until = inf) {
  std::vector<Ended> out;
  while (ff.next_event_s() < inf && ff.next_event_s() <= until) {
    double t = ff.next_event_s();
    for (Id id : ff.advance_to(t)) out.push_back({t, id});
  }
  return out;
}

// ---- max_min_rates ----

TEST(MaxMinRates, EqualFlowsOnOneLinkShareItEqually) {
  auto r = max_min_rates({3e9}, {{0}, {0}, {0}}, {1, 1, 1});
  ASSERT_EQ(r.size(), 3u);
  for (double x : r) EXPECT_EQ(x, 1e9);
  // Seven: C/7 is not a round number; they still sum to C.
  auto s = max_min_rates({1e9}, std::vector<std::vector<int>>(7, {0}), std::vector<double>(7, 2.5));
  double sum = 0;
  for (double x : s) {
    EXPECT_TRUE(Near(x, 1e9 / 7));
    sum += x;
  }
  EXPECT_TRUE(Near(sum, 1e9));
}

TEST(MaxMinRates, ParkingLotWithEqualCapacitiesGivesEveryoneHalf) {
  // flow 0 over links 0 and 1, flow 1 on link 0, flow 2 on link 1.
  auto r = max_min_rates({1e9, 1e9}, {{0, 1}, {0}, {1}}, {1, 1, 1});
  EXPECT_EQ(r, (std::vector<double>{5e8, 5e8, 5e8}));
}

TEST(MaxMinRates, ParkingLotWithUnequalCapacitiesGivesTheSpareToTheShortFlow) {
  // Link 0 (1e9) is the long flow's bottleneck: 5e8 each there. Link 1 (3e9) has 2.5e9 left for
  // its short flow (equal shares would give it 1.5e9 and waste 1e9).
  auto r = max_min_rates({1e9, 3e9}, {{0, 1}, {0}, {1}}, {1, 1, 1});
  EXPECT_EQ(r, (std::vector<double>{5e8, 5e8, 2.5e9}));
}

TEST(MaxMinRates, WeightsScaleTheSharesAtACommonBottleneck) {
  // Weights 1000 and 1000/3 (latencies 1 ms and 3 ms): 3:1.
  auto r = max_min_rates({4e9}, {{0}, {0}}, {1 / 0.001, 1 / 0.003});
  EXPECT_TRUE(Near(r[0], 3e9));
  EXPECT_TRUE(Near(r[1], 1e9));
  // Weighted parking lot: link 0 fills first at level x with (1 + 3) x = 1e9, so the long flow has
  // 2.5e8 and the weight-3 short flow 7.5e8; link 1 leaves 7.5e8 to its short flow. (Equal weights
  // would give 5e8 each; the weights taken as penalties would give the long flow 7.5e8.)
  auto p = max_min_rates({1e9, 1e9}, {{0, 1}, {0}, {1}}, {1, 3, 1});
  EXPECT_TRUE(Near(p[0], 2.5e8));
  EXPECT_TRUE(Near(p[1], 7.5e8));
  EXPECT_TRUE(Near(p[2], 7.5e8));
}

TEST(MaxMinRates, AFlowOverNoLinkIsUnlimitedAndTakesNothing) {
  auto r = max_min_rates({1e9}, {{}, {0}}, {1, 1});
  EXPECT_EQ(r[0], inf);
  EXPECT_EQ(r[1], 1e9);
}

// Weighted max-min fairness characterised without an algorithm: the rates are feasible and every
// flow crosses a saturated link on which no flow has a larger rate / weight (its bottleneck).
// Only one allocation satisfies both, so this checks progressive filling on random instances.
TEST(MaxMinRates, RandomInstancesAreFeasibleAndEveryFlowHasABottleneck) {
  for (uint32_t seed = 1; seed <= 200; ++seed) {
    std::mt19937_64 rng(seed);
    auto u01 = [&] { return static_cast<double>(rng() >> 11) * 0x1p-53; };
    size_t links = 1 + rng() % 6, flows = 1 + rng() % 12;
    std::vector<double> cap(links), w(flows);
    for (auto& c : cap) c = std::pow(10.0, 8 + 2 * u01());
    std::vector<std::vector<int>> route(flows);
    for (size_t i = 0; i < flows; ++i) {
      w[i] = 1 / (1e-4 + 0.05 * u01());
      for (size_t l = 0; l < links; ++l)
        if (u01() < 0.4) route[i].push_back(static_cast<int>(l));
      if (route[i].empty()) route[i].push_back(static_cast<int>(rng() % links));
    }
    auto r = max_min_rates(cap, route, w);
    ASSERT_EQ(r.size(), flows);
    std::vector<double> used(links, 0), level(links, 0);  // level: the largest rate / weight on the link
    for (size_t i = 0; i < flows; ++i) {
      ASSERT_GT(r[i], 0) << "seed " << seed;
      for (int l : route[i]) {
        used[l] += r[i];
        level[l] = std::max(level[l], r[i] / w[i]);
      }
    }
    for (size_t l = 0; l < links; ++l) EXPECT_LE(used[l], cap[l] * (1 + 1e-12)) << "seed " << seed;
    for (size_t i = 0; i < flows; ++i) {
      bool bottleneck = false;
      for (int l : route[i])
        bottleneck = bottleneck || (used[l] >= cap[l] * (1 - 1e-9) && r[i] / w[i] >= level[l] * (1 - 1e-9));
      EXPECT_TRUE(bottleneck) << "seed " << seed << " flow " << i;
    }
  }
}

// ---- FluidFlows ----

TEST(FluidFlows, AnEmptyCalendarHasNoNextEvent) {
  FluidFlows ff({1e9, 1e9});
  EXPECT_EQ(ff.next_event_s(), inf);
  EXPECT_EQ(ff.active(), 0u);
  EXPECT_TRUE(ff.advance_to(1e6).empty());
  EXPECT_EQ(ff.next_event_s(), inf);
  EXPECT_FALSE(ff.contains(1));
}

TEST(FluidFlows, AdvancingToInfinityRunsEveryEventAndStops) {
  FluidFlows ff({1e9});
  EXPECT_TRUE(ff.advance_to(inf).empty());  // empty: returns at once
  Id a = ff.start({0}, 0.0, 2e9, 0.0);
  Id b = ff.start({0}, 0.5, 1e8, 0.0);
  EXPECT_EQ(ff.advance_to(inf), (std::vector<Id>{b, a}));
  EXPECT_EQ(ff.next_event_s(), inf);
}

TEST(FluidFlows, OneFlowAloneTakesLatencyPlusBytesOverCapacityExactly) {
  // Link 0 both ways; the flow goes DOWN (directed link 1). Round numbers: every time is exact.
  FluidFlows ff({1e9, 1e9});
  Id a = ff.start({1}, 0.5, 2e9, 1.0);
  EXPECT_EQ(a, 1u);
  EXPECT_TRUE(ff.contains(a));
  EXPECT_EQ(ff.active(), 1u);
  EXPECT_EQ(ff.next_event_s(), 1.5);  // its latency ends
  EXPECT_EQ(ff.rate(a), 0.0);
  EXPECT_EQ(ff.remaining(a, 1.25), 2e9);  // nothing moves during the latency
  EXPECT_TRUE(ff.advance_to(1.5).empty());
  EXPECT_EQ(ff.rate(a), 1e9);
  EXPECT_EQ(ff.next_event_s(), 3.5);
  EXPECT_EQ(ff.remaining(a, 2.5), 1e9);
  EXPECT_TRUE(ff.advance_to(3.4999).empty());
  EXPECT_EQ(ff.advance_to(3.5), std::vector<Id>{a});
  EXPECT_FALSE(ff.contains(a));
  EXPECT_EQ(ff.active(), 0u);
  EXPECT_EQ(ff.next_event_s(), inf);

  // At an integer start time, and a size that is not a round multiple of the capacity.
  FluidFlows g({1.5e9, 3e8});
  Id b = g.start({0}, 0.25, 3e9, 7.0);
  Id c = g.start({1}, 0.002, 1234567, 7.0);
  auto ends = run_events(g);
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(ends[0].id, c);
  EXPECT_TRUE(Near(ends[0].t, 7.0 + 0.002 + 1234567 / 3e8, 1e-15));
  EXPECT_EQ(ends[1], (Ended{9.25, b}));
}

TEST(FluidFlows, ZeroBytesEndWhenTheLatencyHasPassed) {
  FluidFlows ff({1e9, 1e9});
  Id busy = ff.start({0}, 0.0, 4e9, 0.0);  // the link is in use: a zero-byte flow still ends at its latency
  Id z = ff.start({0}, 0.125, 0.0, 2.0);
  EXPECT_EQ(ff.remaining(z, 2.0), 0.0);
  EXPECT_EQ(ff.next_event_s(), 2.125);
  EXPECT_EQ(ff.advance_to(2.125), std::vector<Id>{z});
  // Zero bytes and zero latency: it ends where it starts.
  Id zz = ff.start({0, 1}, 0.0, 0.0, 3.0);
  EXPECT_EQ(ff.next_event_s(), 3.0);
  EXPECT_EQ(ff.advance_to(3.0), std::vector<Id>{zz});
  // Neither took bandwidth from the running flow.
  EXPECT_EQ(ff.rate(busy), 1e9);
  EXPECT_EQ(run_events(ff), (std::vector<Ended>{{4.0, busy}}));
}

TEST(FluidFlows, TheTwoDirectionsOfALinkAreIndependent) {
  FluidFlows ff({1e9, 1e9});
  Id up = ff.start({0}, 0.0, 1e9, 0.0);
  Id down = ff.start({1}, 0.0, 2e9, 0.0);
  ff.advance_to(0.0);
  EXPECT_EQ(ff.rate(up), 1e9);
  EXPECT_EQ(ff.rate(down), 1e9);
  EXPECT_EQ(run_events(ff), (std::vector<Ended>{{1.0, up}, {2.0, down}}));
}

TEST(FluidFlows, NEqualFlowsEachGetCOverNAndEndTogetherInStartOrder) {
  FluidFlows ff({2e9});
  std::vector<Id> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(ff.start({0}, 0.002, 1e9, 0.0));
  ff.advance_to(0.002);
  for (Id id : ids) EXPECT_EQ(ff.rate(id), 5e8);
  double end = 0.002 + 1e9 / 5e8;
  EXPECT_EQ(ff.next_event_s(), end);
  EXPECT_EQ(ff.advance_to(end), ids);
  EXPECT_EQ(ff.next_event_s(), inf);
}

TEST(FluidFlows, ParkingLotRatesChangeAsFlowsEnd) {
  // Links 0 (1e9) and 1 (3e9), UP: directed 0 and 2; equal latencies so equal weights.
  // From 0.01: long 5e8, s0 5e8, s1 2.5e9. s0 ends at 1.01 (5e8 bytes). Then link 0 is the long
  // flow's alone but link 1 is shared 1.5e9 each: long min(1e9, 1.5e9) = 1e9 by max-min, s1 2e9;
  // long has 5e8 left: ends at 1.51; s1 then has 5e9 - 2.5e9 - 1e9 = 1.5e9 left at 3e9: 2.01.
  FluidFlows ff({1e9, 1e9, 3e9, 3e9});
  Id lng = ff.start({0, 2}, 0.01, 1e9, 0.0);
  Id s0 = ff.start({0}, 0.01, 5e8, 0.0);
  Id s1 = ff.start({2}, 0.01, 5e9, 0.0);
  ff.advance_to(0.01);
  EXPECT_EQ(ff.rate(lng), 5e8);
  EXPECT_EQ(ff.rate(s0), 5e8);
  EXPECT_EQ(ff.rate(s1), 2.5e9);
  auto ends = run_events(ff, 1.2);
  ASSERT_EQ(ends.size(), 1u);
  EXPECT_EQ(ends[0].id, s0);
  EXPECT_TRUE(Near(ends[0].t, 1.01));
  EXPECT_EQ(ff.rate(lng), 1e9);
  EXPECT_EQ(ff.rate(s1), 2e9);
  ends = run_events(ff);
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(ends[0].id, lng);
  EXPECT_TRUE(Near(ends[0].t, 1.51));
  EXPECT_EQ(ends[1].id, s1);
  EXPECT_TRUE(Near(ends[1].t, 2.01));
}

TEST(FluidFlows, LatenciesOfOneAndThreeMsShareThreeToOne) {
  // C = 4e9. a (1 ms) alone from 0.001 to 0.003 moves 8e6; then a 3e9, b 1e9: b's 1e9 bytes end
  // at 1.003, when a has 4e9 - 8e6 - 3e9 = 9.92e8 left, alone at 4e9: 1.251.
  // (Unweighted, b would end at 0.503; weights taken as penalties would give b 3e9.)
  FluidFlows ff({4e9});
  Id a = ff.start({0}, 0.001, 4e9, 0.0);
  Id b = ff.start({0}, 0.003, 1e9, 0.0);
  EXPECT_EQ(ff.next_event_s(), 0.001);
  ff.advance_to(0.002);
  EXPECT_EQ(ff.rate(a), 4e9);
  EXPECT_EQ(ff.rate(b), 0.0);
  EXPECT_TRUE(Near(ff.remaining(a, 0.002), 4e9 - 4e6));
  ff.advance_to(0.003);
  EXPECT_TRUE(Near(ff.rate(a), 3e9));
  EXPECT_TRUE(Near(ff.rate(b), 1e9));
  auto ends = run_events(ff);
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(ends[0].id, b);
  EXPECT_TRUE(Near(ends[0].t, 1.003));
  EXPECT_EQ(ends[1].id, a);
  EXPECT_TRUE(Near(ends[1].t, 1.251));
}

TEST(FluidFlows, AZeroLatencyRouteHasWeightOne) {
  // Weight 1 against 1 / 0.25 = 4: the zero-latency flow gets a fifth, not everything.
  FluidFlows ff({5e9});
  Id a = ff.start({0}, 0.0, 1e10, 0.0);
  Id b = ff.start({0}, 0.25, 1e10, 0.0);
  ff.advance_to(0.25);
  EXPECT_TRUE(Near(ff.rate(a), 1e9));
  EXPECT_TRUE(Near(ff.rate(b), 4e9));
}

TEST(FluidFlows, ALatencyPhaseEndingWhileOthersRunChangesTheRatesThen) {
  // C = 1e9. a: 0 latency (weight 1), 3e9 bytes, alone until 0.25. b: 0.25 s (weight 4), 8e8
  // bytes. From 0.25: a 2e8, b 8e8; b ends at 1.25; a has 3e9 - 2.5e8 - 2e8 = 2.55e9 left: 3.8.
  FluidFlows ff({1e9});
  Id a = ff.start({0}, 0.0, 3e9, 0.0);
  Id b = ff.start({0}, 0.25, 8e8, 0.0);
  ff.advance_to(0.2);
  EXPECT_TRUE(Near(ff.remaining(a, 0.2), 2.8e9));
  EXPECT_EQ(ff.remaining(b, 0.2), 8e8);
  EXPECT_EQ(ff.next_event_s(), 0.25);
  EXPECT_TRUE(ff.advance_to(0.75).empty());
  EXPECT_TRUE(Near(ff.remaining(a, 0.75), 2.75e9 - 0.5 * 2e8));
  EXPECT_TRUE(Near(ff.remaining(b, 0.75), 8e8 - 0.5 * 8e8));
  auto ends = run_events(ff);
  ASSERT_EQ(ends.size(), 2u);
  EXPECT_EQ(ends[0].id, b);
  EXPECT_TRUE(Near(ends[0].t, 1.25));
  EXPECT_EQ(ends[1].id, a);
  EXPECT_TRUE(Near(ends[1].t, 3.8));
}

TEST(FluidFlows, SimGridsThreeFlowCaseByHand) {
  // The case measured on SimGrid 3.32 (fluid_flows.hpp): shared link 1e9 B/s, 1 ms. a over it
  // alone (1 ms); b over a 50 ms link then it (51 ms); c over a zero-latency link then it (1 ms).
  // 1e9 bytes each at 0. a and c share it from 0.001; b joins at 0.051 with weight 1/0.051.
  const double C = 1e9, wa = 1 / 0.001, wb = 1 / 0.051;
  const double ra = C * wa / (2 * wa + wb), rb = C * wb / (2 * wa + wb);
  const double left_a = 1e9 - 0.05 * C / 2;  // at 0.051
  const double t_ac = 0.051 + left_a / ra;
  const double t_b = t_ac + (1e9 - (t_ac - 0.051) * rb) / C;  // then alone
  FluidFlows ff({C, C, 1e10, 1e10, 1e10, 1e10});  // link 0 shared, 1 b's, 2 c's (UP)
  Id a = ff.start({0}, 0.001, 1e9, 0.0);
  Id b = ff.start({2, 0}, 0.051, 1e9, 0.0);
  Id c = ff.start({4, 0}, 0.001, 1e9, 0.0);
  ff.advance_to(0.5);
  EXPECT_TRUE(Near(ff.remaining(a, 0.5), left_a - 0.449 * ra));
  EXPECT_TRUE(Near(ff.remaining(b, 0.5), 1e9 - 0.449 * rb));
  EXPECT_TRUE(Near(ff.remaining(c, 0.5), left_a - 0.449 * ra));
  auto ends = run_events(ff);
  ASSERT_EQ(ends.size(), 3u);
  EXPECT_EQ(ends[0].id, a);  // a and c at one instant, in start order
  EXPECT_EQ(ends[1].id, c);
  EXPECT_EQ(ends[0].t, ends[1].t);
  EXPECT_TRUE(Near(ends[0].t, t_ac));
  EXPECT_EQ(ends[2].id, b);
  EXPECT_TRUE(Near(ends[2].t, t_b));
  // The link never idles after 0.001: the last end is 0.001 + 3e9 / C.
  EXPECT_TRUE(Near(t_b, 3.001));
  // SimGrid's printed figures (10 significant digits there), as a check of the hand working.
  EXPECT_NEAR(t_ac, 2.020117647059, 1e-11);
  EXPECT_NEAR(1e9 - 0.449 * rb, 995640777, 1);
}

TEST(FluidFlows, CancelGivesTheBandwidthBack) {
  // Two weight-1 flows of 1e9 on 1e9 B/s; b is cancelled at 0.5 with no advance since the start:
  // a has moved 2.5e8 by then and runs alone: ends at 1.25 (2.0 without the cancel).
  FluidFlows ff({1e9});
  Id a = ff.start({0}, 0.0, 1e9, 0.0);
  Id b = ff.start({0}, 0.0, 1e9, 0.0);
  EXPECT_EQ(ff.next_event_s(), 2.0);
  ff.cancel(b, 0.5);
  EXPECT_FALSE(ff.contains(b));
  EXPECT_EQ(ff.active(), 1u);
  EXPECT_EQ(ff.rate(a), 1e9);
  EXPECT_EQ(ff.remaining(a, 0.5), 7.5e8);
  EXPECT_EQ(ff.next_event_s(), 1.25);
  // A flow cancelled in its latency phase held nothing: a's end does not move.
  Id c = ff.start({0}, 0.5, 1e9, 0.6);
  ff.cancel(c, 0.7);
  EXPECT_EQ(ff.next_event_s(), 1.25);
  EXPECT_EQ(run_events(ff), (std::vector<Ended>{{1.25, a}}));  // neither b nor c is reported
}

TEST(FluidFlows, TiesAreReturnedTogetherInStartOrderAfterEarlierEnds) {
  // Separate links, different starts, all ending at 2.0 exactly; flow 4 ends earlier (1.6).
  FluidFlows ff(std::vector<double>(8, 1e9));
  Id f1 = ff.start({6}, 0.0, 2e9, 0.0);   // 0 + 2
  Id f2 = ff.start({0}, 0.5, 5e8, 1.0);   // 1 + 0.5 + 0.5
  Id f3 = ff.start({2}, 0.25, 2.5e8, 1.5);  // 1.5 + 0.25 + 0.25
  Id f4 = ff.start({4}, 0.0, 1e8, 1.5);   // 1.5 + 0.1
  EXPECT_EQ(ff.advance_to(2.0), (std::vector<Id>{f4, f1, f2, f3}));
  EXPECT_EQ(ff.next_event_s(), inf);

  // On one link: a alone moves 5e8 by 0.5; b joins with 5e8 and both end at 1.5.
  FluidFlows g({1e9});
  Id a = g.start({0}, 0.0, 1e9, 0.0);
  g.advance_to(0.5);
  Id b = g.start({0}, 0.0, 5e8, 0.5);
  EXPECT_EQ(g.next_event_s(), 1.5);
  EXPECT_EQ(g.advance_to(1.5), (std::vector<Id>{a, b}));
  EXPECT_EQ(g.active(), 0u);
  EXPECT_EQ(g.next_event_s(), inf);
}

TEST(FluidFlows, AnEndReachedByAStartOrACancelIsStillTheNextEvent) {
  // a ends at 1.0 (1e9 B at 1e9 B/s). A start at exactly 1.0 runs that end first and keeps it for
  // advance_to: the caller (the engine's calendar) must still see it due at 1.0, not at b's end.
  FluidFlows g({1e9, 1e9});
  Id a = g.start({0}, 0.0, 1e9, 0.0);
  EXPECT_EQ(g.next_event_s(), 1.0);
  Id b = g.start({1}, 0.0, 3e9, 1.0);
  EXPECT_EQ(g.next_event_s(), 1.0) << "a's end, reached while b started";
  EXPECT_EQ(g.advance_to(1.0), (std::vector<Id>{a}));
  EXPECT_EQ(g.next_event_s(), 4.0);
  // The same through a cancel: c ends at 5.0; cancelling b at 5.0 reaches c's end first.
  Id c = g.start({0}, 0.0, 1e9, 4.0);
  g.cancel(b, 4.5);  // b ended at 4.0, while c started: nothing to cancel
  EXPECT_EQ(g.next_event_s(), 4.0);
  EXPECT_EQ(g.advance_to(4.0), (std::vector<Id>{b}));
  g.cancel(999, 5.0);  // an unknown id: nothing to stop, but the clock reaches 5.0
  EXPECT_EQ(g.next_event_s(), 5.0);
  EXPECT_EQ(g.advance_to(5.0), (std::vector<Id>{c}));
  EXPECT_EQ(g.next_event_s(), inf);
}

TEST(FluidFlows, AdvancingInStepsOrAtOnceGivesTheSameResults) {
  // Three links both ways, flows over one to three directed links, latencies (some zero) ending
  // while others run, all started at 0; one copy advanced in 1000 steps, one at once, one by event.
  const std::vector<double> cap{1e9, 2e9, 5e8, 7e8, 3e9, 1.2e9};
  struct F {
    std::vector<int> links;
    double latency, bytes;
  };
  const std::vector<F> flows{{{0, 2}, 0.004, 9e8},  {{1}, 0.0, 1.3e9},    {{2, 5}, 0.012, 4e8},
                             {{0}, 0.02, 1.1e9},     {{3, 4}, 0.007, 2e9}, {{5}, 0.0, 7e8},
                             {{1, 3, 5}, 0.03, 6e8}, {{4}, 0.001, 0.0},    {{2}, 0.05, 3.3e8}};
  FluidFlows steps(cap), once(cap), events(cap);
  for (auto* ff : {&steps, &once, &events})
    for (const auto& f : flows) ff->start(f.links, f.latency, f.bytes, 0.0);
  auto ended = run_events(events);
  ASSERT_EQ(ended.size(), flows.size());
  const double T = ended.back().t + 1;
  const double mid = ended[ended.size() / 2].t - 1e-3;  // a moment with flows still running

  std::vector<Id> by_steps, by_once;
  for (int k = 1; k <= 1000; ++k) {
    double t = T * k / 1000;
    if (t > mid && T * (k - 1) / 1000 < mid) {  // the step across mid stops at mid first
      for (Id id : steps.advance_to(mid)) by_steps.push_back(id);
      by_once = once.advance_to(mid);
      EXPECT_EQ(by_once, by_steps);
      for (Id id = 1; id <= flows.size(); ++id) {
        ASSERT_EQ(steps.contains(id), once.contains(id));
        if (!once.contains(id)) continue;
        EXPECT_TRUE(Near(steps.remaining(id, mid), once.remaining(id, mid), 1e-9)) << "flow " << id;
        EXPECT_TRUE(Near(steps.rate(id), once.rate(id), 1e-12)) << "flow " << id;
      }
    }
    for (Id id : steps.advance_to(t)) by_steps.push_back(id);
  }
  std::vector<Id> by_events;
  for (const auto& e : ended) by_events.push_back(e.id);
  EXPECT_EQ(by_steps, by_events);
  for (Id id : once.advance_to(T)) by_once.push_back(id);
  EXPECT_EQ(by_once, by_events);
  EXPECT_EQ(steps.next_event_s(), inf);
  EXPECT_EQ(once.next_event_s(), inf);
}

TEST(FluidFlows, AFlowOverNoLinkEndsWhenItsLatencyHasPassed) {
  // Unlimited rate (max_min_rates gives +inf): only the latency counts.
  FluidFlows ff({1e9});
  Id a = ff.start({}, 0.25, 1e9, 1.0);
  EXPECT_EQ(run_events(ff), (std::vector<Ended>{{1.25, a}}));
}

}  // namespace
}  // namespace sovcap::network

namespace sovcap::network {
namespace {
// The message of what `f` throws as E, or "" if it throws nothing.
template <class E, class F>
std::string thrown(F f) {
  try {
    f();
  } catch (const E& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(FluidFlows, BadArgumentsAreRefusedWithWhatIsWrong) {
  // The engine never passes these; a caller that does learns which argument and why.
  EXPECT_EQ(thrown<std::invalid_argument>([] { FluidFlows({1e9, 0.0}); }), "FluidFlows: capacities must be finite and > 0");
  EXPECT_EQ(thrown<std::invalid_argument>([] { FluidFlows({std::numeric_limits<double>::infinity()}); }),
            "FluidFlows: capacities must be finite and > 0");
  FluidFlows ff({1e9, 1e9});
  EXPECT_EQ(thrown<std::invalid_argument>([&] { ff.start({2}, 0.0, 1.0, 0.0); }), "FluidFlows::start: link 2 out of range");
  EXPECT_EQ(thrown<std::invalid_argument>([&] { ff.start({0}, -1e-3, 1.0, 0.0); }),
            "FluidFlows::start: latency must be finite and >= 0");
  EXPECT_EQ(thrown<std::invalid_argument>([&] { ff.start({0}, 0.0, std::nan(""), 0.0); }),
            "FluidFlows::start: bytes must be finite and >= 0");
  EXPECT_EQ(ff.active(), 0u) << "nothing started by a refused call";
  // Time only goes forward: a start before the last event is an engine bug, said as such.
  ff.start({0}, 0.0, 1e9, 5.0);
  EXPECT_EQ(thrown<std::logic_error>([&] { ff.start({1}, 0.0, 1e9, 4.0); }).rfind("FluidFlows: time went back from 5", 0), 0u);
  EXPECT_EQ(thrown<std::invalid_argument>([] { max_min_rates({1e9}, {{0}}, {0.0}); }),
            "max_min_rates: weights must be finite and > 0");
  EXPECT_EQ(thrown<std::invalid_argument>([] { max_min_rates({1e9}, {{1}}, {1.0}); }), "max_min_rates: link 1 out of range");
  EXPECT_EQ(thrown<std::invalid_argument>([] { max_min_rates({-1.0}, {{0}}, {1.0}); }),
            "max_min_rates: capacities must be finite and > 0");
  EXPECT_EQ(thrown<std::invalid_argument>([] { max_min_rates({1e9}, {{0}}, {}); }), "max_min_rates: one weight per flow");
}

}  // namespace sovcap::network
