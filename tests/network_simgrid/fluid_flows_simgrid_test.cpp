// The fluid flows against SimGrid 3.32 itself, configured as sovcap configures it
// (engine::configure_network_model: CM02, TCP-gamma 0, no cross-traffic). Small random
// platforms of split-duplex links, routes as lists of (link, direction) in a full zone as
// simulator/engine/platform.cpp declares them, transfers both ways along them at random times;
// every transfer's end time, and every running transfer's remaining bytes at a few instants,
// must agree. All platforms of a test live side by side in one engine (one engine per process,
// so one per TEST: ctest runs each alone); they share no link, so they do not interact.
//
// Against SimGrid solving every rate at every event (network/optim:Full) the model agrees to
// round-off (sovcap sets Full). Against SimGrid's default lazy update it agrees only while no two
// latency phases end at one instant: SimGrid then can leave rates stale (last test).
#include <gtest/gtest.h>
#include <simgrid/s4u.hpp>
#include <xbt/config.hpp>
#include <xbt/log.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iostream>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "models/network/fluid_flows.hpp"
#include "simulator/engine/platform.hpp"

namespace sg4 = simgrid::s4u;

namespace sovcap::network {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

struct Hop {
  int link;
  bool up;  // UP: the link's a->b direction (directed index 2 * link), DOWN: 2 * link + 1
};
struct Transfer {
  int route;
  bool reverse;  // from the route's far end: SimGrid takes the symmetric route, each hop's other direction
  double start_s;
  uint64_t bytes;
};
struct Case {
  std::string name;
  std::vector<double> bandwidth, latency;  // by link: bytes/s, s
  std::vector<std::vector<Hop>> routes;
  std::vector<Transfer> transfers;  // in start order
  std::vector<double> probes;       // instants at which remaining bytes are compared

  // Results: end time by transfer; at each probe, remaining bytes by transfer (-1: not running).
  std::vector<double> end_s;
  std::vector<std::vector<double>> remaining;
};

// together: start times on a 1 ms grid, a fifth at 0, so that transfers over one route, or over
// routes of equal latency (the same route reversed), leave their latency phases at one instant.
// Otherwise start times are drawn from [0, 2) s and no two latency phases end together.
Case random_case(uint32_t seed, bool together) {
  std::mt19937_64 rng(seed);
  auto u01 = [&] { return static_cast<double>(rng() >> 11) * 0x1p-53; };  // the same on every library
  Case c;
  c.name = "seed" + std::to_string(seed) + (together ? "_together" : "");
  size_t links = 2 + rng() % 4;
  for (size_t l = 0; l < links; ++l) {
    c.bandwidth.push_back(std::pow(10.0, 8 + 2 * u01()));
    c.latency.push_back(1e-4 + u01() * (20e-3 - 1e-4));
  }
  // Every third seed, link 0 has no latency: routes over it alone have weight 1, others 1 / latency.
  if (seed % 3 == 0) c.latency[0] = 0;
  size_t routes = 2 + rng() % 5;
  for (size_t r = 0; r < routes; ++r) {
    std::vector<int> order(links);
    for (size_t l = 0; l < links; ++l) order[l] = static_cast<int>(l);
    std::shuffle(order.begin(), order.end(), rng);
    size_t hops = 1 + rng() % std::min<size_t>(3, links);
    std::vector<Hop> route;
    for (size_t h = 0; h < hops; ++h) route.push_back({order[h], rng() % 2 == 0});
    c.routes.push_back(route);
  }
  size_t transfers = 5 + rng() % 36;  // 5..40
  for (size_t i = 0; i < transfers; ++i) {
    Transfer t;
    t.route = static_cast<int>(rng() % routes);
    t.reverse = u01() < 0.4;
    t.start_s = together ? (u01() < 0.2 ? 0.0 : std::round(u01() * 2000) / 1000) : u01() * 2;
    t.bytes = u01() < 0.05 ? 0 : static_cast<uint64_t>(std::pow(10.0, 6 + 3.5 * u01()));
    c.transfers.push_back(t);
  }
  std::stable_sort(c.transfers.begin(), c.transfers.end(),
                   [](const Transfer& a, const Transfer& b) { return a.start_s < b.start_s; });
  for (int k = 0; k < 4; ++k) c.probes.push_back(u01() * 3);
  std::sort(c.probes.begin(), c.probes.end());
  return c;
}

// The case measured when the model was written (fluid_flows.hpp): shared link 1e9 B/s, 1 ms; one
// route over it alone, one behind a 50 ms link, one behind a zero-latency link; 1e9 bytes each.
Case three_flow_case() {
  Case c;
  c.name = "three_flows";
  c.bandwidth = {1e9, 1e10, 1e10};
  c.latency = {1e-3, 50e-3, 0};
  c.routes = {{{0, true}}, {{1, true}, {0, true}}, {{2, true}, {0, true}}};
  c.transfers = {{0, false, 0, 1000000000}, {1, false, 0, 1000000000}, {2, false, 0, 1000000000}};
  c.probes = {0.5};
  return c;
}

// One link used both ways at once, and a route of zero latency (weight 1) against 0.25 s (weight
// 4) on a second link: the directions must not share, the weights must be CM02's.
Case directions_case() {
  Case c;
  c.name = "directions";
  c.bandwidth = {1e9, 5e8};
  c.latency = {2e-3, 0};
  c.routes = {{{0, true}}, {{0, false}}, {{1, true}}, {{0, true}, {1, false}}};
  c.transfers = {{0, false, 0, 2000000000}, {1, false, 0, 500000000}, {0, true, 0.1, 700000000},
                 {2, false, 0.2, 300000000}, {3, true, 0.2, 400000000}, {2, true, 0.3, 0},
                 {3, false, 0.3, 250000000}};
  c.probes = {0.15, 0.7, 1.1};
  return c;
}

// x and y leave their latency phases at one instant on link A; y also crosses B, where z runs
// alone until then. By max-min from 0.001: x, y 5e8 each (A), z the rest of B, 5e8: z ends at
// 0.001 + (1e9 - 1e6) / 5e8 = 1.999, x and y at 2.001.
Case stale_rate_case() {
  Case c;
  c.name = "stale_rate";
  c.bandwidth = {1e9, 1e9};
  c.latency = {1e-3, 0};
  c.routes = {{{0, true}}, {{0, true}, {1, true}}, {{1, true}}};  // x, y, z
  c.transfers = {{0, false, 0, 1000000000}, {1, false, 0, 1000000000}, {2, false, 0, 1000000000}};
  c.probes = {0.5};
  return c;
}

// The transfers as SimGrid runs them: one driver actor per case starts each at its time and
// collects ends in a wait_any loop. optim: SimGrid's network/optim, "Lazy" (its default) or "Full"
// (every rate solved again at every event); empty: as sovcap leaves it. Returns SimGrid's timing
// precision (surf/precision, s).
double run_simgrid(std::vector<Case>& cases, const std::string& optim) {
  xbt_log_control_set("root.thres:critical");
  int argc = 1;
  char name[] = "fluid_flows_simgrid_test";
  char* argv[] = {name, nullptr};
  sg4::Engine engine(&argc, argv);
  engine::configure_network_model();
  if (!optim.empty()) sg4::Engine::set_config("network/optim:" + optim);
  auto* zone = sg4::create_full_zone("world");
  sg4::Host* driver = zone->create_host("driver", 1.0);
  struct Built {
    std::vector<sg4::Host*> a, b;  // by route: its two ends
  };
  std::vector<Built> built(cases.size());
  for (size_t k = 0; k < cases.size(); ++k) {
    Case& c = cases[k];
    std::vector<sg4::SplitDuplexLink*> links;
    for (size_t l = 0; l < c.bandwidth.size(); ++l) {
      auto* link = zone->create_split_duplex_link(c.name + "_l" + std::to_string(l), c.bandwidth[l]);
      link->set_latency(c.latency[l]);
      link->seal();
      links.push_back(link);
    }
    for (size_t r = 0; r < c.routes.size(); ++r) {
      auto* a = zone->create_host(c.name + "_r" + std::to_string(r) + "a", 1.0);
      auto* b = zone->create_host(c.name + "_r" + std::to_string(r) + "b", 1.0);
      std::vector<sg4::LinkInRoute> route;
      for (const Hop& h : c.routes[r])
        route.emplace_back(links[h.link], h.up ? sg4::LinkInRoute::Direction::UP : sg4::LinkInRoute::Direction::DOWN);
      zone->add_route(a->get_netpoint(), b->get_netpoint(), nullptr, nullptr, route, true);
      built[k].a.push_back(a);
      built[k].b.push_back(b);
    }
  }
  zone->seal();

  for (size_t k = 0; k < cases.size(); ++k) {
    sg4::Actor::create("driver_" + cases[k].name, driver, [&c = cases[k], &h = built[k]] {
      c.end_s.assign(c.transfers.size(), -1);
      c.remaining.assign(c.probes.size(), std::vector<double>(c.transfers.size(), -1));
      std::vector<sg4::CommPtr> pending;
      std::vector<size_t> pending_index;
      auto collect_until = [&](double t) {  // the ends before t, each at its time
        while (!pending.empty()) {
          double dt = t - sg4::Engine::get_clock();
          if (!(dt > 0)) break;
          ssize_t i = dt < inf ? sg4::Comm::wait_any_for(pending, dt) : sg4::Comm::wait_any(pending);
          if (i < 0) break;  // timed out: t reached
          c.end_s[pending_index[i]] = sg4::Engine::get_clock();
          pending.erase(pending.begin() + i);
          pending_index.erase(pending_index.begin() + i);
        }
        if (t < inf && sg4::Engine::get_clock() < t) sg4::this_actor::sleep_until(t);
      };
      size_t next_probe = 0;
      for (size_t i = 0; i < c.transfers.size(); ++i) {
        const Transfer& t = c.transfers[i];
        for (; next_probe < c.probes.size() && c.probes[next_probe] < t.start_s; ++next_probe) {
          collect_until(c.probes[next_probe]);
          for (size_t j = 0; j < pending.size(); ++j) c.remaining[next_probe][pending_index[j]] = pending[j]->get_remaining();
        }
        collect_until(t.start_s);
        sg4::Host* from = t.reverse ? h.b[t.route] : h.a[t.route];
        sg4::Host* to = t.reverse ? h.a[t.route] : h.b[t.route];
        if (t.bytes == 0) {
          // SimGrid 3.32: Comm::wait_any never reports a zero-byte comm (even alone: "deadlock
          // detected"), while Comm::wait returns at start + latency. A waiter of its own, then.
          sg4::Actor::create("zero_byte", sg4::this_actor::get_host(), [&c, i, from, to] {
            sg4::Comm::sendto_async(from, to, 0)->wait();
            c.end_s[i] = sg4::Engine::get_clock();
          });
          continue;
        }
        pending.push_back(sg4::Comm::sendto_async(from, to, t.bytes));
        pending_index.push_back(i);
      }
      for (; next_probe < c.probes.size(); ++next_probe) {
        collect_until(c.probes[next_probe]);
        for (size_t j = 0; j < pending.size(); ++j) c.remaining[next_probe][pending_index[j]] = pending[j]->get_remaining();
      }
      collect_until(inf);
    });
  }
  engine.run();
  return simgrid::config::get_value<double>("surf/precision");
}

// The same transfers through FluidFlows, driven event by event as a calendar would.
void run_fluid(Case& c) {
  std::vector<double> capacity;
  for (double bw : c.bandwidth) capacity.insert(capacity.end(), {bw, bw});  // UP, DOWN
  FluidFlows ff(capacity);
  c.end_s.assign(c.transfers.size(), -1);
  c.remaining.assign(c.probes.size(), std::vector<double>(c.transfers.size(), -1));
  std::vector<size_t> index_of_id{0};  // ids are 1, 2, ... in start order
  auto events_until = [&](double t) {
    while (ff.next_event_s() <= t) {
      double now = ff.next_event_s();
      for (FluidFlows::Id id : ff.advance_to(now)) c.end_s[index_of_id.at(id)] = now;
    }
  };
  size_t next_probe = 0;
  auto probe = [&] {
    events_until(c.probes[next_probe]);
    for (FluidFlows::Id id = 1; id < index_of_id.size(); ++id)
      if (ff.contains(id)) c.remaining[next_probe][index_of_id[id]] = ff.remaining(id, c.probes[next_probe]);
  };
  for (size_t i = 0; i < c.transfers.size(); ++i) {
    const Transfer& t = c.transfers[i];
    for (; next_probe < c.probes.size() && c.probes[next_probe] < t.start_s; ++next_probe) probe();
    events_until(t.start_s);
    std::vector<int> directed;
    double latency = 0;
    for (const Hop& h : c.routes[t.route]) {
      directed.push_back(2 * h.link + ((h.up != t.reverse) ? 0 : 1));
      latency += c.latency[h.link];
    }
    FluidFlows::Id id = ff.start(directed, latency, static_cast<double>(t.bytes), t.start_s);
    ASSERT_EQ(id, index_of_id.size());
    index_of_id.push_back(i);
  }
  for (; next_probe < c.probes.size(); ++next_probe) probe();
  while (ff.next_event_s() < inf) events_until(ff.next_event_s());
  EXPECT_EQ(ff.active(), 0u);
}

// Runs the cases in SimGrid and in the model and compares: end times within tol of the transfer's
// duration (end - start; stricter than of the end time itself), remaining bytes within tol of its
// size, each plus 10 quanta of SimGrid's timing precision (surf/precision, 1e-9 s): SimGrid
// rounds event dates to it, and the rounding depends on other events at nearly the same date, of
// any platform in the engine (seed 196 alone agrees to 6e-15 of its durations; among 200 others one
// of its transfers ends 1e-9 s late).
void expect_agreement(std::vector<Case> cases, const std::string& optim, double tol) {
  std::vector<Case> fluid = cases;
  const double slack_s = 10 * run_simgrid(cases, optim);
  const double time_tol = tol, bytes_tol = tol;
  double worst_time = 0, worst_bytes = 0, worst_s = 0;
  size_t transfers = 0;
  for (size_t k = 0; k < cases.size(); ++k) {
    const Case& s = cases[k];
    Case& f = fluid[k];
    run_fluid(f);
    SCOPED_TRACE(s.name);
    for (size_t i = 0; i < s.transfers.size(); ++i, ++transfers) {
      const Transfer& t = s.transfers[i];
      ASSERT_GE(s.end_s[i], t.start_s) << "transfer " << i << " never ended in SimGrid";
      ASSERT_GE(f.end_s[i], t.start_s) << "transfer " << i << " never ended in the model";
      double duration = s.end_s[i] - t.start_s;
      double err = std::fabs(f.end_s[i] - s.end_s[i]);
      if (duration > 0) worst_time = std::max(worst_time, err / duration);
      worst_s = std::max(worst_s, err);
      EXPECT_LE(err, time_tol * duration + slack_s)
          << "transfer " << i << " (route " << t.route << (t.reverse ? " reversed" : "") << ", " << t.bytes
          << " B from " << t.start_s << " s): SimGrid " << s.end_s[i] << ", model " << f.end_s[i];
    }
    const double fastest = *std::max_element(s.bandwidth.begin(), s.bandwidth.end());  // bytes/s
    for (size_t p = 0; p < s.probes.size(); ++p)
      for (size_t i = 0; i < s.transfers.size(); ++i) {
        double bytes = static_cast<double>(s.transfers[i].bytes);
        if (bytes == 0) continue;  // nothing to move (and not in the SimGrid driver's list)
        double rs = s.remaining[p][i], rf = f.remaining[p][i];
        if (rs < 0 && rf < 0) continue;  // not started yet, or over, in both
        // A transfer ending within the tolerance of a probe may be running in one and over in the other.
        if (rs < 0 || rf < 0) {
          double end = std::max(s.end_s[i], f.end_s[i]);
          EXPECT_LE(std::fabs(end - s.probes[p]), time_tol * end + slack_s)
              << "transfer " << i << " at " << s.probes[p] << " s: SimGrid " << rs << ", model " << rf;
          continue;
        }
        if (bytes > 0) worst_bytes = std::max(worst_bytes, std::fabs(rs - rf) / bytes);
        EXPECT_LE(std::fabs(rs - rf), bytes_tol * bytes + fastest * slack_s)
            << "transfer " << i << " at " << s.probes[p] << " s: SimGrid " << rs << ", model " << rf;
      }
  }
  std::cout << "network/optim:" << (optim.empty() ? "sovcap's" : optim) << ", " << transfers << " transfers in "
            << cases.size() << " platforms; worst difference: end time " << worst_time << " of the duration, "
            << worst_s << " s; remaining " << worst_bytes << " of the size\n";
}

// SimGrid solving every rate again at each event: the physics the model describes, exactly.
// Found over 1000 seeds (in batches of 200 platforms): 6.5e-13 s at worst but where SimGrid's
// 1e-9 s date rounding applies (twice, 1e-9 s); these cases agree to 6e-14 of a duration. 1e-9 of
// the duration plus 10 ns fails at any rule difference (a weight off by any factor, a direction
// not independent, a latency phase a step late: each moves ends by far more).
// SimGrid as sovcap configures it (engine::configure_network_model sets network/optim:Full for
// this reason: the stale-rate case below fails here if it goes back to the lazy default).
TEST(FluidFlowsVsSimGrid, AgreesWithSimGridsFullSolve) {
  std::vector<Case> cases{three_flow_case(), directions_case(), stale_rate_case()};
  for (uint32_t seed = 1; seed <= 16; ++seed) cases.push_back(random_case(seed, true));
  expect_agreement(cases, "", 1e-9);
}

// SimGrid's default lazy updates (every sovcap run before the calendar engine), when no two
// latency phases end at one instant: as close as the full solve (1000 seeds, one engine: 5.6e-10 s
// at worst), so the same tolerance. With latency phases ending together it can disagree (next test).
TEST(FluidFlowsVsSimGrid, AgreesWithSimGridsLazyUpdateWhenLatencyPhasesEndApart) {
  std::vector<Case> cases{three_flow_case(), directions_case()};
  for (uint32_t seed = 101; seed <= 116; ++seed) cases.push_back(random_case(seed, false));
  expect_agreement(cases, "Lazy", 1e-9);
}

// A SimGrid 3.32 defect, pinned so that a change shows: with lazy updates (network/optim:Lazy,
// SimGrid's default; sovcap sets Full), when two comms leave their latency phase at one instant and the first created
// shares a link with the second but not the second's other links, the comms on those other links
// keep their old rates. Here z keeps all of B (1e9) while y also runs at 5e8 over B: B carries 1.5
// times its capacity, and z ends at 1.0 instead of 1.999. Created in the order y, x, z, or with
// network/optim:Full, SimGrid gives max-min (1.999), as the model does (previous tests). In random
// cases with shared start times about 2 % of seeds disagree, by up to 20 times a duration.
TEST(FluidFlowsVsSimGrid, SimGridsLazyUpdateKeepsAStaleRateWhenLatencyPhasesEndTogether) {
  std::vector<Case> cases{stale_rate_case()};
  Case fluid = cases[0];
  run_simgrid(cases, "Lazy");
  run_fluid(fluid);
  const Case& s = cases[0];
  EXPECT_NEAR(fluid.end_s[2], 0.001 + (1e9 - 1e6) / 5e8, 1e-9);  // the model: max-min
  EXPECT_NEAR(fluid.end_s[0], 2.001, 1e-9);
  EXPECT_NEAR(s.end_s[0], 2.001, 1e-9);  // SimGrid: x and y right...
  EXPECT_NEAR(s.end_s[1], 2.001, 1e-9);
  EXPECT_NEAR(s.end_s[2], 1.0, 1e-9)     // ...z at B's whole capacity throughout
      << "SimGrid's lazy update now gives z its max-min share: the defect is fixed; the lazy "
         "differential above may then use start times in common (random_case(seed, true))";
}

}  // namespace
}  // namespace sovcap::network
