#pragma once
// The jobs waiting in one pool: its queue policy's queue, with the sums the pool reads without
// walking it: units asked for, requested work by priority (for placement's wait estimate), and the
// cap-suspended jobs among them (for the capping statistics).
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "models/scheduling/queue_discipline.hpp"

namespace sovcap::scheduling {

class WaitingJobs {
 public:
  explicit WaitingJobs(std::unique_ptr<QueueDiscipline> queue) : queue_(std::move(queue)) {}

  QueueDiscipline& policy() { return *queue_; }
  const QueueDiscipline& policy() const { return *queue_; }
  size_t size() const { return queue_->size(); }
  int64_t units() const { return units_; }
  size_t cap_suspended() const { return cap_suspended_; }
  int64_t cap_suspended_units() const { return cap_suspended_units_; }

  // `front`: put back (suspended, preempted or restarted), ahead of jobs not yet started.
  void push(QueuedJob q, bool front);
  // The policy took q out of its queue to start it (the pool calls this from its start()).
  void left(const QueuedJob& q);
  // Queued unit-seconds of requested work that go before a job of `priority`: all of them, or, when
  // the policy orders by priority, those of priority >= it.
  int64_t work_ahead_unit_s(int priority) const;
  // Remove and return, in queue order, the jobs for which keep_out is true.
  std::vector<QueuedJob> take_if(const std::function<bool(const QueuedJob&)>& keep_out);
  // Remove and return every job (end of run).
  std::vector<QueuedJob> take_all();

 private:
  static int64_t work_unit_s(const QueuedJob& q) { return std::llround(q.job.units * q.requested_left_s); }

  std::unique_ptr<QueueDiscipline> queue_;
  int64_t units_ = 0;
  // Requested unit-seconds by priority, in whole unit-seconds (exact sums).
  std::map<int, int64_t> work_;
  size_t cap_suspended_ = 0;
  int64_t cap_suspended_units_ = 0;
};

inline void WaitingJobs::push(QueuedJob q, bool front) {
  units_ += q.job.units;
  work_[q.job.priority] += work_unit_s(q);
  if (!std::isnan(q.suspended_at_s)) {
    ++cap_suspended_;
    cap_suspended_units_ += q.job.units;
  }
  queue_->push(std::move(q), front);
}

inline void WaitingJobs::left(const QueuedJob& q) {
  units_ -= q.job.units;
  if ((work_[q.job.priority] -= work_unit_s(q)) == 0) work_.erase(q.job.priority);
  if (!std::isnan(q.suspended_at_s)) {  // its wait was counted as delay while it lasted
    --cap_suspended_;
    cap_suspended_units_ -= q.job.units;
  }
}

}  // namespace sovcap::scheduling
