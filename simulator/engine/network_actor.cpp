// The link-failure and background-traffic actor: at each change of the links'
// states (scheduled outages, random failures and repairs, all known before the
// run) it reroutes the transfers in flight and turns SimGrid links off or on;
// every tick it batches results staged back, checkpoints and replication into
// one transfer per channel (see docs/network.md).
#include <algorithm>

#include "simulator/engine/world.hpp"

namespace sg4 = simgrid::s4u;

namespace sovcap::engine {

void network_actor(World& w) {
  try {
    auto& net = *w.net;
    const double tick_s = net.tick_s();
    double next_tick = tick_s;
    std::vector<sg4::CommPtr> comms;
    std::vector<size_t> owner;
    while (!w.stopping) {
      double now = sg4::Engine::get_clock();
      auto due = [&] { return net.applied_epochs() < net.epoch_count() && net.epoch_time(net.applied_epochs()) <= now; };
      // The local calendar reaches this instant before the links change or a tick batches data.
      if (w.local && (due() || (w.ticks && now >= next_tick))) advance_local(w, now);
      if (due()) {
        auto reach = [&] {
          std::vector<char> r;
          for (size_t g = 0; g < w.region_node.size(); ++g)
            for (size_t s = 0; s < w.sites.size(); ++s) r.push_back(net.reachable(static_cast<int>(g), static_cast<int>(s)));
          return r;
        };
        const auto before = reach();
        while (due()) net.apply_epoch(net.applied_epochs(), now);
        const auto after = reach();
        bool grew = false;
        for (size_t i = 0; i < after.size(); ++i) grew = grew || (after[i] && !before[i]);
        // Placement sees the new links: held jobs, and queued ones that would start sooner elsewhere.
        if (grew || !w.held.empty()) links_changed(w, now, grew);
        net.applied_cv->notify_all();
      }
      if (w.ticks && now >= next_tick) {
        net.tick(now);
        while (next_tick <= now) next_tick += tick_s;
      }
      if (w.local) {  // the calendar times the transfers: sleep to the next tick or change of the links
        double next = w.ticks ? next_tick : inf;
        if (net.applied_epochs() < net.epoch_count()) next = std::min(next, net.epoch_time(net.applied_epochs()));
        if (next == inf) return;
        sg4::this_actor::sleep_until(next);
        continue;
      }
      double next = next_tick;
      if (net.applied_epochs() < net.epoch_count()) next = std::min(next, net.epoch_time(net.applied_epochs()));
      net.channel_comms(comms, owner);
      if (comms.empty()) {
        sg4::this_actor::sleep_until(next);
        continue;
      }
      ssize_t done;
      try {
        done = sg4::Comm::wait_any_for(comms, std::max(0.0, next - now));
      } catch (const simgrid::NetworkFailureException&) {
        if (w.stopping) return;  // the horizon cancelled the channels' comms
        net.recover_failed();
        continue;
      }
      if (done >= 0) {
        net.channel_done(owner[done]);
        net.start_idle(sg4::Engine::get_clock());  // the channel's next batch, if any
      }
    }
  } catch (simgrid::ForcefulKillException&) {
    throw;
  } catch (...) {
    if (w.stopping) return;
    fail(w, std::current_exception());
  }
}

}  // namespace sovcap::engine
