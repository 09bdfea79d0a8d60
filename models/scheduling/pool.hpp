#pragma once
// A space-shared pool of identical units (GPUs or cores): a queue, a policy, running jobs, and an
// event calendar of completions. It keeps the clocks and drives its parts, each with one purpose:
// the waiting jobs and their policy (waiting_jobs.hpp), the running jobs (running_jobs.hpp), who is
// suspended first (preemption_order.hpp), what a stopped job keeps (job_interruption.hpp), power,
// capping and speed (pool_power.hpp), and the statistics (pool_meters.hpp).
//
// Time runs only forward: every call takes `now_s` >= the last one. Running jobs share one speed f,
// so a "work clock" W(t) = integral of f dt makes throttling O(1): a job ends when W reaches
// W_at_start + work left, and running jobs are indexed by that W_end.
#include <cstdint>
#include <functional>
#include <vector>

#include "models/scheduling/params.hpp"
#include "models/scheduling/pool_meters.hpp"
#include "models/scheduling/pool_power.hpp"
#include "models/scheduling/preemption_order.hpp"
#include "models/scheduling/queue_discipline.hpp"
#include "models/scheduling/running_jobs.hpp"
#include "models/scheduling/waiting_jobs.hpp"
#include "models/workload/job.hpp"

namespace sovcap::scheduling {

class Pool : private PoolAccess {
 public:
  Pool(const PoolSpec& spec, QueuePolicy policy);
  Pool(Pool&&) noexcept;
  Pool& operator=(Pool&&) noexcept;
  ~Pool();

  const PoolSpec& spec() const { return spec_; }
  QueuePolicy policy() const { return policy_; }
  int total_units() const { return total_units_; }
  int busy_units() const { return running_.busy_units(); }
  size_t running_jobs() const { return running_.count(); }
  size_t queued_jobs() const;
  int64_t queued_units() const { return waiting_.units(); }  // units the queued jobs ask for, in all
  // Admission control: 1 <= units <= total units.
  bool can_ever_fit(const workload::Job& job) const;
  // Units that can run now at full speed: in service (not on failed nodes) and within the power cap.
  int usable_units() const;
  // Placement's estimate of how long a job of `units` and `priority` queued now would wait here
  // (docs/scheduling.md, "Placement across sites"): 0 when nothing queued goes ahead of it and it
  // fits in the usable units free; else the work ahead of it (queued jobs that go first, by
  // requested time, and the share of the running jobs' requested work that must end to free its
  // units) over the usable units, at the current speed. +inf while the usable units are fewer than
  // it needs.
  double estimated_wait_s(int units, int priority) const;
  // Remove and return the queued jobs that never started and for which keep_out is true (in queue
  // order; placement moves them to another site).
  std::vector<workload::Job> take_waiting(const std::function<bool(const workload::Job&)>& keep_out);

  // Queue a job (throws std::invalid_argument if it can never fit). requested_s < runtime_s counts as runtime_s.
  void submit(workload::Job job, double now_s);
  // Start every queued job the policy allows at now_s, within the power cap; returns copies of the
  // started jobs (start_s set; a resumed job keeps its first start_s and is returned again), valid
  // until the next start_ready (the buffer is reused: no allocation per call).
  const std::vector<workload::Job>& start_ready(double now_s);
  // Real time of the earliest completion at the current speed; +inf if nothing runs.
  double next_completion_s() const;
  // min(next_completion_s(), the time a held job is released by the policy): when to wake up next.
  double next_event_s() const;
  // Remove and return every job finished by now_s (end_s, energy_kwh, status = completed set), valid
  // until the next complete_until (the buffer is reused).
  const std::vector<workload::Job>& complete_until(double now_s);

  // Power control from now on: at most cap_kw of IT power (+inf = no cap), always. When the pool
  // would exceed it: (1) free units are powered off (as many as needed; a start may power them off
  // too), (2) no new starts while the running jobs alone exceed it, (3) a common speed f in
  // [min_speed, 1] (work-conserving), (4) if even min_speed exceeds it, suspend preemptible jobs
  // (lowest priority, latest started first), (5) then, as a last resort, non-preemptible ones
  // (emergency checkpoint), back to the queue front with their remaining work, until it fits (a
  // cap of 0 suspends everything). As jobs end, f rises again and units power back on.
  void set_power_cap_kw(double cap_kw, double now_s);
  double power_cap_kw() const { return power_.cap_kw(); }
  // Carbon-aware policy: whether power is "green" now (other policies ignore it).
  void set_green(bool green);
  double speed() const { return power_.speed(); }

  double it_power_kw() const;  // instantaneous, as of the last call
  int powered_off_units() const { return power_.off_units(); }  // free units switched off by the cap
  // Whether the cap binds now: throttled, units powered off, cap-suspended jobs waiting, or the last
  // start_ready found a job it could start but for power.
  bool capped() const;
  // Time (s) during which capped() held, up to the last call's time.
  double capped_s() const { return meters_.capped_s(); }
  // Exact integrals since 0 of IT power and of the idle units' power (busy units' idle share is the
  // jobs'). Identity: it_energy == sum of jobs' energy_kwh (finished, running so far, suspended) + idle_energy.
  double it_energy_kwh(double now_s);
  double idle_energy_kwh(double now_s);
  // IT energy since the previous call (or since 0), accumulated on its own so that a step's energy
  // carries only its own rounding, not that of a difference of two year-long sums.
  double take_interval_it_energy_kwh(double now_s);
  // Busy-unit-seconds (integral of busy units dt) since the previous call (or since 0): the exact
  // time-weighted occupancy of the step, not a snapshot at its end.
  double take_interval_busy_unit_s(double now_s);
  double busy_unit_s(double now_s);  // the same integral since 0
  // Unit-seconds of work capping put off: integral over running jobs of units x (1 - f) dt, plus
  // units x the time power-cap-suspended jobs wait in the queue (until they resume or the pool is
  // drained). Up to the last call's time. Jobs kept waiting by (2) alone are not counted. Weighted by
  // units like lost_work_s(), so both are GPU-seconds on a GPU pool (core-seconds on a CPU pool).
  double delayed_work_s() const { return meters_.delayed_s(); }
  // Capping statistics: set_power_cap_kw calls that changed f, powered units off or suspended; jobs
  // suspended by the cap (of which emergency_suspensions non-preemptible); jobs preempted by
  // higher-priority ones.
  uint64_t capping_actions() const { return counts_.capping_actions; }
  uint64_t suspensions() const { return counts_.suspensions; }
  uint64_t emergency_suspensions() const { return counts_.emergency_suspensions; }
  uint64_t preemptions() const { return counts_.preemptions; }

  // Node failures. A failed node takes units_per_node units out of service until it is repaired
  // (they draw nothing). The failure hits the unit at u01 among the units in service: if a job runs
  // there it is killed and goes back to the queue front with the work since its last checkpoint lost
  // (all of it without checkpoints). The pool does not track which node a job is on: the node's other
  // units, if other jobs hold them, leave service as those jobs end (GPU jobs mostly fill whole nodes).
  void fail_node(double now_s, double u01);
  void repair_node(double now_s);
  int down_units() const { return down_units_; }
  uint64_t node_failures() const { return counts_.node_failures; }
  uint64_t job_restarts() const { return counts_.job_restarts; }
  double lost_work_s() const { return counts_.lost_work_s; }  // unit-seconds (GPU- or core-seconds) redone after failures
  // Jobs killed at their requested time (a class with kill_at_time_limit whose job needs longer):
  // each ends there with status killed.
  uint64_t jobs_killed() const { return counts_.jobs_killed; }

  // At the end: every finished-but-uncollected job, then every running and queued job as
  // unfinished (running and suspended ones with their energy so far). The pool is empty afterwards.
  std::vector<workload::Job> drain(double now_s);

 private:
  // PoolAccess, for the policy.
  double now_s() const override { return t_s_; }
  int free_units() const override { return total_units_ - running_.busy_units() - down_units_; }
  bool power_allows(int units) const override { return power_.allows(running_.busy_units(), units); }
  void start(QueuedJob&& job) override;
  double work_clock_s() const override { return w_s_; }
  uint64_t epoch() const override { return epoch_; }
  Reservation reserve(int units) const override;
  bool preempt_for(int units, int priority) override;

  // Move the clocks to now_s, finishing (into done_) every job that ends on the way.
  void advance(double now_s);
  void integrate_to(double t_s);
  void finish(uint32_t slot, double t_s);
  void suspend(uint32_t slot, bool by_cap);
  void kill_for_failure(uint32_t slot);
  void remove_running(uint32_t slot);
  double job_energy_kwh(const RunningJob& r, double t_s, double w_s) const {
    return r.q.job.energy_kwh + power_.segment_kwh(r.q.job.units, t_s - r.t_seg_s, w_s - r.w_seg_s);
  }
  bool rebalance() { return power_.rebalance(total_units_, running_.busy_units(), down_units_); }

  PoolSpec spec_;
  QueuePolicy policy_;
  WaitingJobs waiting_;     // queueing and dispatch (the policy's queue)
  RunningJobs running_;     // the running jobs and their end order
  PreemptionOrder victims_; // who is suspended first
  PoolPower power_;         // cap, speed, powered-off units
  PoolMeters meters_;       // energy and occupancy integrals
  PoolCounts counts_;       // capping and failure counts
  int total_units_ = 0;
  int down_units_ = 0;  // units of failed nodes

  double t_s_ = 0;  // time of the last update
  double w_s_ = 0;  // work clock at t_s_
  uint64_t epoch_ = 0;
  int64_t next_seq_ = 1;

  std::vector<workload::Job> done_;       // finished, not yet collected
  std::vector<workload::Job> collected_;  // returned by the last complete_until
  std::vector<workload::Job> started_;    // started in the current start_ready
};

}  // namespace sovcap::scheduling
