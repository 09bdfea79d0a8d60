// One actor per site: it drives the site's pools from their own calendars
// (completions, starts), sleeping until the next event or until woken by an
// arrival or a new power cap. No SimGrid execution per job: pools are space-shared.
#include <algorithm>

#include "simulator/engine/world.hpp"

namespace sg4 = simgrid::s4u;

namespace sovcap::engine {

double site_events(World& w, int s, double now) {
  auto& site = w.sites[s];
  for (size_t p = 0; p < site.pools.size(); ++p) {
    auto& pool = site.pools[p];
    for (auto& job : pool.complete_until(now)) w.record(job);
    while (site.failures[p].next_s() <= now) {  // nodes failing and coming back
      auto e = site.failures[p].pop();
      if (e.failure)
        pool.fail_node(now, e.u01);
      else
        pool.repair_node(now);
    }
  }
  for (auto& pool : site.pools)
    for (auto& job : pool.start_ready(now)) w.job_started(job, now);  // checkpoints
  return site.next_event_s();
}

void site_actor(World& w, int s) {
  try {
    auto& site = w.sites[s];
    std::unique_lock<sg4::Mutex> lock(*site.mutex);
    while (!w.stopping) {
      double next = site_events(w, s, sg4::Engine::get_clock());
      site.wake_at = next;  // arrivals that start nothing sooner leave the actor asleep
      if (next == inf)
        site.wake->wait(lock);
      else
        site.wake->wait_until(lock, next);
    }
  } catch (simgrid::ForcefulKillException&) {
    throw;
  } catch (...) {
    fail(w, std::current_exception());
  }
}

}  // namespace sovcap::engine
