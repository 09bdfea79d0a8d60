#pragma once
// Per-class, per-site and per-region job statistics, accumulated as jobs are
// recorded. Percentiles of waits are exact (numpy's "linear" method) with memory
// that does not grow with jobs that waited 0 s: those are counted per group, and
// every other started job keeps one 12-byte record (its wait and its packed
// class/region/site key), not one double per grouping. finish_waits() sorts the
// records once and reads every group's order statistics off them.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <vector>

#include "models/workload/job.hpp"
#include "simulator/output/percentiles.hpp"

namespace sovcap::output {

struct JobGroup {
  int64_t jobs = 0, completed = 0, rejected = 0, killed = 0, unfinished = 0;
  int64_t started = 0;             // jobs with a finite wait (start_s - submit_s)
  int64_t zero_waits = 0;          // ... of which waited exactly 0 s
  WaitStats waits{};               // of the started jobs; set by JobStats::finish_waits() (NaN when none)
  double slowdown_sum = 0;         // bounded slowdown of completed jobs
  double transfer_sum_s = 0;
  double data_gb = 0;              // input + output
  double energy_kwh = 0;
  double gpu_hours = 0;            // GPUs x actual run time of GPU-pool jobs that started and ended
  double core_hours = 0;           // cores x actual run time of CPU-pool jobs that started and ended
  int64_t deadline_jobs = 0;       // jobs with a deadline (flexible ones)
  int64_t deadline_misses = 0;     // ... that ended after it, or had not ended when it passed
};

class JobStats {
 public:
  static constexpr double slowdown_tau_s = 10.0;

  // horizon_s: the end of the run; an unfinished job misses a deadline only if it fell before it.
  // Throws std::length_error if classes x regions x (sites + 1) exceeds 2^32 (the packed key).
  // class_gpu: per class, whether its jobs run on GPUs (GPU-hours) or cores (core-hours); empty = all GPUs.
  JobStats(size_t classes, size_t regions, size_t sites, double horizon_s = std::numeric_limits<double>::infinity(),
           std::vector<bool> class_gpu = {});
  // Indices are checked by the caller (the job table rejects bad ones first).
  void add(const workload::Job& job);
  // Fill every group's `waits` (mean, p50, p95, p99), exactly as wait_stats() of the group's waits.
  // Call once, after the last add(); frees the records.
  void finish_waits();

  std::vector<JobGroup>& classes() { return classes_; }
  std::vector<JobGroup>& regions() { return regions_; }
  std::vector<JobGroup>& sites() { return sites_; }  // jobs with site == -1 are in no site group
  JobGroup& all() { return all_; }                   // totals
  size_t wait_records() const { return records_.size(); }  // started jobs with a non-zero wait

#pragma pack(push, 4)
  struct WaitRecord {
    double wait_s;
    uint32_t key;  // (class * regions + region) * (sites + 1) + site + 1
  };
#pragma pack(pop)

 private:
  std::vector<JobGroup> classes_, regions_, sites_;
  JobGroup all_;
  double horizon_s_;
  std::vector<bool> class_gpu_;
  std::deque<WaitRecord> records_;  // a deque: no reallocation copies while it grows
  bool finished_ = false;
};

// Bounded slowdown: max(1, (wait + run) / max(run, tau)).
double bounded_slowdown(double wait_s, double run_s, double tau_s = JobStats::slowdown_tau_s);

}  // namespace sovcap::output
