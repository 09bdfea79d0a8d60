#pragma once
#include <cstdint>
#include <limits>
#include <utility>

namespace sovcap::workload {

enum class JobStatus : int8_t { completed = 0, rejected = 1, killed = 2, unfinished = 3 };
// Each status's name, as the result's /jobs enum stores it; every value once.
inline constexpr std::pair<const char*, JobStatus> kJobStatusNames[] = {{"completed", JobStatus::completed},
                                                                      {"rejected", JobStatus::rejected},
                                                                      {"killed", JobStatus::killed},
                                                                      {"unfinished", JobStatus::unfinished}};

// One job from arrival to end. Times are seconds since scenario start; NaN = not reached.
struct Job {
  static constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  uint64_t id = 0;
  int32_t class_index = 0;
  int32_t origin_region = 0;   // index into the scenario's regions
  int32_t site = -1;           // index into the scenario's sites; -1 = not placed
  int32_t pool = -1;           // index into the site's pools
  int32_t units = 1;           // GPUs (GPU pools) or cores (CPU pools)
  double runtime_s = 0;        // work at full speed
  double requested_s = 0;      // user's run-time estimate (>= runtime_s), for backfilling
  double input_gb = 0;
  double output_gb = 0;
  int32_t priority = 0;        // higher first
  bool preemptible = false;
  bool kill_at_time_limit = false;  // killed at requested_s if it needs longer (its class's kill_at_time_limit)
  double checkpoint_interval_s = 0;  // work between checkpoints; 0 = none (a killed job restarts from scratch)
  double deadline_s = std::numeric_limits<double>::infinity();  // absolute, flexible jobs
  double submit_s = nan;
  double arrive_site_s = nan;  // input data landed at the site
  double start_s = nan;
  double end_s = nan;
  double transfer_s = 0;
  double energy_kwh = 0;
  JobStatus status = JobStatus::unfinished;
};

}  // namespace sovcap::workload
