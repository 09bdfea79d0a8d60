#include "models/scheduling/job_interruption.hpp"

#include <algorithm>
#include <cmath>

namespace sovcap::scheduling {

double checkpointed_work_s(double done_s, double interval_s, double work_s) {
  double kept_s = 0;
  if (interval_s > 0) kept_s = std::floor(done_s / interval_s) * interval_s;
  return std::clamp(kept_s, 0.0, work_s);
}

QueuedJob suspended_job(const RunningJob& r, double w_s, double energy_kwh) {
  QueuedJob q = r.q;
  q.job.energy_kwh = energy_kwh;
  q.remaining_s = std::max(0.0, r.w_end_s - w_s);
  q.requested_left_s = std::max(q.remaining_s, r.w_req_end_s - w_s);
  return q;
}

Restart restarted_job(const RunningJob& r, double w_s, double energy_kwh) {
  Restart out{r.q, 0};
  QueuedJob& q = out.job;
  q.job.energy_kwh = energy_kwh;  // the energy spent stays spent
  const double done_s = q.work_s - std::max(0.0, r.w_end_s - w_s);
  const double kept_s = checkpointed_work_s(done_s, q.job.checkpoint_interval_s, q.work_s);
  out.lost_unit_s = (done_s - kept_s) * q.job.units;
  q.remaining_s = q.work_s - kept_s;
  q.requested_left_s = std::max(q.remaining_s, std::max(q.job.requested_s, q.work_s) - kept_s);
  return out;
}

}  // namespace sovcap::scheduling
