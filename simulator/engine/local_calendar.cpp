// The local calendar: the arrivals of every region, the events of every pool
// and the backbone's transfers (fluid flows with SimGrid's sharing rule,
// models/network/fluid_flows.hpp) run from one calendar in a plain loop, in
// time order, up to the next instant an actor has something to say: the
// controller's next step, the network actor's next tick or change of the links.
// The region and site actors, waiting on SimGrid comms, do the same work with
// a context switch per event and an activity per transfer (about 5 us each,
// a million transfers a year): see docs/performance.md.
//
// Order at equal times: sites, then transfers (an input landing queues its
// job), then arrivals (a completion frees units before the next job is
// placed); sites and regions by index; events at an actor's instant run after
// it (the controller has closed the interval and set the caps, the network
// actor has rerouted or batched).
#include <stdexcept>
#include <string>
#include <vector>

#include "simulator/engine/world.hpp"

namespace sovcap::engine {

bool moves_no_data(const config::Scenario& sc) {
  for (const auto& c : sc.classes)
    if (c.input_gb > 0 || c.output_gb > 0 || (c.checkpoint_gb > 0 && c.checkpoint_interval_s > 0)) return false;
  if (sc.replication_gb > 0 && sc.replication_every_s > 0) return false;
  // An SWF trace's jobs take their class's data sizes (checked above); CSV rows not read yet: assume they move data.
  if (!sc.trace_path.empty() && !sc.trace && !sc.swf_trace) return false;
  if (sc.trace)
    for (const auto& j : sc.trace->jobs)
      if (j.input_gb > 0 || j.output_gb > 0) return false;  // NaN (absent) compares false: the class's value
  return true;
}

void advance_local(World& w, double until_s) {
  // The next event time of each site, kept between events: only the site that ran, or that an
  // arrival was queued at, can change its own.
  std::vector<double> site_next;
  for (const auto& site : w.sites) site_next.push_back(site.next_event_s());
  for (;;) {
    double t = inf;
    int site = -1, region = -1;
    bool flow = false;
    for (size_t s = 0; s < site_next.size(); ++s)
      if (site_next[s] < t) t = site_next[s], site = static_cast<int>(s);
    if (const double tf = w.net->next_flow_event_s(); tf < t) t = tf, site = -1, flow = true;
    for (size_t r = 0; r < w.sources.size(); ++r) {
      const auto& src = *w.sources[r];
      if (!src.done() && src.peek_s() < t) t = src.peek_s(), site = -1, flow = false, region = static_cast<int>(r);
    }
    if (!(t < until_s)) break;
    if (flow) {  // inputs landed (their jobs queue at their sites), channels ended, or a latency passed
      for (auto& job : w.net->advance_flows(t)) {
        deliver(w, job, t);
        site_next[job.site] = w.sites[job.site].next_event_s();
      }
    } else if (region >= 0) {
      int s = arrive(w, w.sources[region]->next(), region, t);
      if (s >= 0) site_next[s] = w.sites[s].next_event_s();  // it queued there, and may have started
    } else {
      site_next[site] = site_events(w, site, t);
      if (!(site_next[site] > t))  // the actors would spin here too: a pool bug, not a hang
        throw std::logic_error("local calendar: site " + w.sites[site].spec->id + " has an event due again at t = " +
                               std::to_string(t) + " s after running it");
    }
  }
}

}  // namespace sovcap::engine
