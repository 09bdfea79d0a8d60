#pragma once
// What a running job keeps when it stops before its end and goes back to the queue. Suspended (by a
// power cap or a preemption) it keeps all the work done; killed by a node failure it keeps the work
// up to its last checkpoint (none without checkpoints) and the rest is done again. Work is measured
// in seconds at full speed, on the pool's work clock.
#include "models/scheduling/queued_job.hpp"
#include "models/scheduling/running_jobs.hpp"

namespace sovcap::scheduling {

// Work a job that had done `done_s` of its `work_s` keeps after a crash when it checkpoints every
// `interval_s` (<= 0: never): the last whole multiple of the interval, within [0, work_s].
double checkpointed_work_s(double done_s, double interval_s, double work_s);

// The job r suspended at work clock w_s, having used energy_kwh in all: to resume with the work it has left.
QueuedJob suspended_job(const RunningJob& r, double w_s, double energy_kwh);

struct Restart {
  QueuedJob job;             // to run again from its last checkpoint
  double lost_unit_s = 0;    // units x the work since that checkpoint
};
// The job r killed by a node failure at work clock w_s, having used energy_kwh in all.
Restart restarted_job(const RunningJob& r, double w_s, double energy_kwh);

}  // namespace sovcap::scheduling
