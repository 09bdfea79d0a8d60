// The local calendar: when no data crosses the backbone, nothing a job does
// needs SimGrid (no transfer to time, no flow to share), so the arrivals of
// every region and the events of every pool run from one calendar in a plain
// loop, in time order, up to the next instant SimGrid has something to say:
// the controller's next step or the next change of the links. The region and
// site actors would do the same work one context switch per event (about
// 1-2 us each, several hundred thousand a year): see docs/performance.md.
//
// Order at equal times: sites before arrivals (a completion frees units before
// the next job is placed), sites and regions by index; events at a step's
// instant run after the controller has closed the interval and set the caps.
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
    for (size_t s = 0; s < site_next.size(); ++s)
      if (site_next[s] < t) t = site_next[s], site = static_cast<int>(s);
    for (size_t r = 0; r < w.sources.size(); ++r) {
      const auto& src = *w.sources[r];
      if (!src.done() && src.peek_s() < t) t = src.peek_s(), site = -1, region = static_cast<int>(r);
    }
    if (!(t < until_s)) break;
    if (region >= 0) {
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
