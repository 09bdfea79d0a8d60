// One actor per region: jobs arrive from the region's institutes (arrivals.cpp
// places them) and their inputs cross the backbone before they queue. Used when
// data moves; otherwise the local calendar (local_calendar.cpp) runs arrivals.
#include <algorithm>

#include "simulator/engine/job_source.hpp"
#include "simulator/engine/world.hpp"

namespace sg4 = simgrid::s4u;

namespace sovcap::engine {

void region_actor(World& w, int region) {
  try {
    const auto& sc = w.scenario;
    auto source = make_job_source(sc, region); auto& stream = *source;  // synthetic arrivals or workload.trace
    auto& net = *w.net;
    std::vector<sg4::CommPtr> comms;
    std::vector<size_t> index;  // comms[i] is net.inputs(region)[index[i]]; stalled inputs have no comm
    while (!w.stopping) {
      double now = sg4::Engine::get_clock();
      if (net.applied_epochs() < net.epoch_count() && net.epoch_time(net.applied_epochs()) <= now) {
        // A link changes state now: let the network actor reroute first.
        std::unique_lock<sg4::Mutex> lock(*net.mutex);
        while (net.applied_epochs() < net.epoch_count() && net.epoch_time(net.applied_epochs()) <= now)
          net.applied_cv->wait(lock);
      }
      double next = stream.done() ? inf : stream.peek_s();
      double next_epoch = net.applied_epochs() < net.epoch_count() ? net.epoch_time(net.applied_epochs()) : inf;
      auto& inputs = net.inputs(region);
      comms.clear();
      index.clear();
      for (size_t i = 0; i < inputs.size(); ++i)
        if (inputs[i].comm) comms.push_back(inputs[i].comm), index.push_back(i);
      // Wake at each change of the links: placement may send a job's input again then.
      double wake = std::min(next, next_epoch);
      if (comms.empty()) {
        if (wake == inf) return;
        sg4::this_actor::sleep_until(wake);
      } else {
        wake = std::min(wake, next_epoch);  // reroutes cancel comms: wait no further than the next change
        double timeout = wake == inf ? -1.0 : std::max(0.0, wake - now);
        ssize_t done;
        try {
          done = sg4::Comm::wait_any_for(comms, timeout);
        } catch (const simgrid::NetworkFailureException&) {
          if (w.stopping) return;  // the horizon cancelled the transfers in flight
          net.recover_failed();    // normally none: a reroute already replaced the comm it cancelled
          continue;
        }
        if (done >= 0) {
          deliver(w, net.finish_input(region, index[done], sg4::Engine::get_clock()), sg4::Engine::get_clock());
          continue;
        }
      }
      if (!stream.done() && stream.peek_s() <= sg4::Engine::get_clock()) arrive(w, stream.next(), region, sg4::Engine::get_clock());
    }
  } catch (simgrid::ForcefulKillException&) {
    throw;  // the engine ending a daemon: not an error
  } catch (...) {
    if (w.stopping) return;  // the horizon cancelled the transfers in flight
    fail(w, std::current_exception());
  }
}

}  // namespace sovcap::engine
