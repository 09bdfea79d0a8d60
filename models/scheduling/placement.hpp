#pragma once
// Cross-site placement: which site a job goes to, from a snapshot of every site.
#include <vector>

#include "models/scheduling/params.hpp"
#include "models/workload/job.hpp"

namespace sovcap::scheduling {

struct SiteView {
  int site = -1;
  bool allowed = false;  // sovereignty rules (and a pool of the right kind) allow the job here
  double latency_s = 0;  // from the job's origin
  bool meets_latency = true;  // the round trip is within the job's class's latency target (or it has none)
  int free_units = 0;     // usable (in service, within the power cap) and not busy; may be < 0
  int total_units = 0;
  double queued_units = 0;
  double wait_s = 0;      // estimated wait before the job would start here (Pool::estimated_wait_s)
  int reserved_units = 0; // units this site keeps free for jobs that may run nowhere else (0 for those jobs)
  double renewable_surplus_mw = 0;
  double carbon_gco2_per_kwh = 0;
};

// The chosen site's `site` field, or -1 when no allowed site can ever fit the job (reject).
// Candidates: allowed and total_units >= job.units. Remaining ties go to the lower site index.
//   nearest:           lowest latency
//   earliest_start:    a site that can start the job now (wait_s == 0) first; otherwise a site
//                      keeping no reserve; then least (queued_units - free_units + reserved_units)
//                      / total_units, then lowest latency
//   greenest:          largest renewable surplus, then lowest carbon intensity, then lowest latency
//   sovereignty_first: the first candidate in the order given that can start the job now
//                      (free_units >= units), else the nearest candidate
// With LatencyRule::prefer, the rule first looks only at the candidates that meet the job's latency
// target and can start it at once (free_units - queued_units - reserved_units >= units); if there are none, at
// every candidate: a target is kept while it costs no wait, and never blocks a job.
int choose_site(const workload::Job& job, const std::vector<SiteView>& sites, Placement rule,
                LatencyRule latency = LatencyRule::ignore);

}  // namespace sovcap::scheduling
