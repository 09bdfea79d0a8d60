#pragma once
// Per-class, per-site and per-region job statistics, accumulated as jobs are
// recorded. Waits are kept (8 bytes a job per grouping) for exact percentiles.
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "models/workload/job.hpp"

namespace sovcap::output {

struct JobGroup {
  int64_t jobs = 0, completed = 0, rejected = 0, killed = 0, unfinished = 0;
  std::vector<double> waits_s;     // jobs that started: start_s - submit_s
  double slowdown_sum = 0;         // bounded slowdown of completed jobs
  double transfer_sum_s = 0;
  double data_gb = 0;              // input + output
  double energy_kwh = 0;
  double gpu_hours = 0;            // units x actual run time of jobs that started and ended
  int64_t deadline_jobs = 0;       // jobs with a deadline (flexible ones)
  int64_t deadline_misses = 0;     // ... that ended after it, or had not ended when it passed
};

class JobStats {
 public:
  static constexpr double slowdown_tau_s = 10.0;

  // horizon_s: the end of the run; an unfinished job misses a deadline only if it fell before it.
  JobStats(size_t classes, size_t regions, size_t sites, double horizon_s = std::numeric_limits<double>::infinity())
      : classes_(classes), regions_(regions), sites_(sites), horizon_s_(horizon_s) {}
  // Indices are checked by the caller (the job table rejects bad ones first).
  void add(const workload::Job& job);

  std::vector<JobGroup>& classes() { return classes_; }
  std::vector<JobGroup>& regions() { return regions_; }
  std::vector<JobGroup>& sites() { return sites_; }  // jobs with site == -1 are in no site group
  JobGroup& all() { return all_; }                   // totals; waits_s of every started job

 private:
  std::vector<JobGroup> classes_, regions_, sites_;
  JobGroup all_;
  double horizon_s_;
};

// Bounded slowdown: max(1, (wait + run) / max(run, tau)).
double bounded_slowdown(double wait_s, double run_s, double tau_s = JobStats::slowdown_tau_s);

}  // namespace sovcap::output
