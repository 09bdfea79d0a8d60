#pragma once
// The small interface between a Pool and its queue policy. The pool owns the running jobs, the
// work clock and the power cap; the policy owns the queue and decides what to start, through PoolAccess.
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

#include "models/scheduling/params.hpp"
#include "models/scheduling/queued_job.hpp"

namespace sovcap::scheduling {

// EASY's view of the future: when (on the work clock) enough units free up for the head, and how
// many units are spare at that moment.
struct Reservation {
  double shadow_work_s = 0;  // work-clock value of the reserved start
  int extra_units = 0;       // units free at the reserved start beyond the head's need
};

class PoolAccess {
 public:
  virtual double now_s() const = 0;
  virtual int free_units() const = 0;
  // Starting `units` more keeps IT power within the cap (and nothing is throttled).
  virtual bool power_allows(int units) const = 0;
  virtual void start(QueuedJob&& job) = 0;
  virtual double work_clock_s() const = 0;
  // Changes whenever the running set, the speed, the cap or the green signal change other than by
  // start(): a policy may cache decisions made under one epoch.
  virtual uint64_t epoch() const = 0;
  // By the running jobs' requested ends (EASY); `units` must be <= total units.
  virtual Reservation reserve(int units) const = 0;
  // Suspend preemptible running jobs of priority < `priority` (lowest first) so `units` are free;
  // does nothing and returns false when that cannot free enough. Suspended jobs are pushed back.
  virtual bool preempt_for(int units, int priority) = 0;

 protected:
  ~PoolAccess() = default;
};

class QueueDiscipline {
 public:
  virtual ~QueueDiscipline() = default;
  // `front`: a job put back (suspended or preempted) goes ahead of jobs not yet started.
  virtual void push(QueuedJob job, bool front) = 0;
  virtual size_t size() const = 0;
  // Start every job the policy allows now.
  virtual void schedule(PoolAccess& pool) = 0;
  // Empty the queue (end of run).
  virtual std::vector<QueuedJob> take_all() = 0;
  // Remove and return, in queue order, the jobs for which keep_out is true (placement moving jobs
  // that have not started to another site).
  virtual std::vector<QueuedJob> take_if(const std::function<bool(const QueuedJob&)>& keep_out) = 0;
  // Whether a job of higher priority goes ahead of every job of lower priority.
  virtual bool orders_by_priority() const { return false; }
  virtual void set_green(bool /*green*/) {}
  // Earliest time a held job becomes startable without any other event; +inf if none.
  virtual double next_release_s() const { return std::numeric_limits<double>::infinity(); }
  // Whether the pool must keep the requested-end index for reserve().
  virtual bool needs_reservations() const { return false; }
};

std::unique_ptr<QueueDiscipline> make_fcfs_queue();
// by_priority: the queue is ordered by priority (highest first), then submission; else by submission.
std::unique_ptr<QueueDiscipline> make_easy_backfill_queue(bool by_priority);
std::unique_ptr<QueueDiscipline> make_priority_queue();
std::unique_ptr<QueueDiscipline> make_sjf_queue();
std::unique_ptr<QueueDiscipline> make_carbon_aware_queue(double deadline_margin_s);
std::unique_ptr<QueueDiscipline> make_queue(QueuePolicy policy, const PoolSpec& spec);

}  // namespace sovcap::scheduling
