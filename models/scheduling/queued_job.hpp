#pragma once
// A job waiting in a pool's queue: new, or put back (suspended/preempted) with the work it has left.
#include <cstdint>
#include <limits>

#include "models/workload/job.hpp"

namespace sovcap::scheduling {

struct QueuedJob {
  workload::Job job;            // start_s is the first start; energy_kwh is the energy used so far
  double remaining_s = 0;       // work left, in seconds at full speed
  double requested_left_s = 0;  // the user's estimate of the work left (>= remaining_s), for backfilling
  // Work the job will do here: runtime_s, or requested_s when the class kills jobs at their time
  // limit and the job needs longer (it then ends killed).
  double work_s = 0;
  bool ends_killed = false;
  int64_t seq = 0;              // queue order: submission order; the queue gives put-back jobs lower numbers
  // Set while a job waits after a power-cap suspension, so the delay counts toward capping stats.
  double suspended_at_s = std::numeric_limits<double>::quiet_NaN();
};

}  // namespace sovcap::scheduling
