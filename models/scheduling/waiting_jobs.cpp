#include "models/scheduling/waiting_jobs.hpp"

namespace sovcap::scheduling {

int64_t WaitingJobs::work_ahead_unit_s(int priority) const {
  int64_t ahead = 0;
  if (queue_->orders_by_priority()) {
    for (auto it = work_.lower_bound(priority); it != work_.end(); ++it) ahead += it->second;
  } else {
    for (const auto& kv : work_) ahead += kv.second;
  }
  return ahead;
}

std::vector<QueuedJob> WaitingJobs::take_if(const std::function<bool(const QueuedJob&)>& keep_out) {
  auto taken = queue_->take_if(keep_out);
  for (const auto& q : taken) left(q);
  return taken;
}

std::vector<QueuedJob> WaitingJobs::take_all() {
  auto all = queue_->take_all();
  units_ = 0;
  work_.clear();
  cap_suspended_ = 0;
  cap_suspended_units_ = 0;
  return all;
}

}  // namespace sovcap::scheduling
