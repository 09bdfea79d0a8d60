#include "simulator/output/job_stats.hpp"

#include <algorithm>
#include <cmath>

namespace sovcap::output {

double bounded_slowdown(double wait_s, double run_s, double tau_s) {
  return std::max(1.0, (wait_s + run_s) / std::max(run_s, tau_s));
}

namespace {

void count(JobGroup& g, const workload::Job& j, double horizon_s) {
  using workload::JobStatus;
  ++g.jobs;
  switch (j.status) {
    case JobStatus::completed: ++g.completed; break;
    case JobStatus::rejected: ++g.rejected; break;
    case JobStatus::killed: ++g.killed; break;
    case JobStatus::unfinished: ++g.unfinished; break;
  }
  double wait = j.start_s - j.submit_s;
  double run = j.end_s - j.start_s;
  if (std::isfinite(wait)) g.waits_s.push_back(wait);
  if (j.status == JobStatus::completed && std::isfinite(wait) && std::isfinite(run))
    g.slowdown_sum += bounded_slowdown(wait, run);
  if (std::isfinite(run)) g.gpu_hours += j.units * run / 3600.0;
  g.transfer_sum_s += j.transfer_s;
  g.data_gb += j.input_gb + j.output_gb;
  g.energy_kwh += j.energy_kwh;
  if (std::isfinite(j.deadline_s) && j.status != JobStatus::rejected) {
    ++g.deadline_jobs;
    bool ended = j.status == JobStatus::completed;
    if ((ended && j.end_s > j.deadline_s) || (!ended && j.deadline_s <= horizon_s)) ++g.deadline_misses;
  }
}

}  // namespace

void JobStats::add(const workload::Job& j) {
  count(classes_.at(j.class_index), j, horizon_s_);
  count(regions_.at(j.origin_region), j, horizon_s_);
  if (j.site >= 0) count(sites_.at(j.site), j, horizon_s_);
  count(all_, j, horizon_s_);
}

}  // namespace sovcap::output
