#include "models/scheduling/running_jobs.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace sovcap::scheduling {

uint32_t RunningJobs::add(QueuedJob&& q, double w_s, double t_s) {
  uint32_t slot;
  if (free_slots_.empty()) {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  RunningJob& r = slots_[slot];
  r.q = std::move(q);
  r.w_seg_s = w_s;
  r.t_seg_s = t_s;
  r.w_end_s = w_s + r.q.remaining_s;
  r.w_req_end_s = w_s + std::max(r.q.remaining_s, r.q.requested_left_s);
  r.run_seq = next_run_seq_++;
  r.live = true;
  req_end_unit_s_ += std::llround(r.q.job.units * r.w_req_end_s);
  by_end_->insert({{r.w_end_s, slot}, r.q.job.units});
  if (keep_req_index_) by_req_end_.insert({r.w_req_end_s, slot});
  busy_units_ += r.q.job.units;
  ++count_;
  return slot;
}

void RunningJobs::remove(uint32_t slot) {
  RunningJob& r = slots_[slot];
  by_end_->erase({r.w_end_s, slot});
  if (keep_req_index_) by_req_end_.erase({r.w_req_end_s, slot});
  busy_units_ -= r.q.job.units;
  req_end_unit_s_ -= std::llround(r.q.job.units * r.w_req_end_s);
  --count_;
  r.live = false;
  free_slots_.push_back(slot);
}

uint32_t RunningJobs::slot_holding_unit(int hit) const {
  Key k;
  return by_end_->key_at_unit(hit, k) ? k.second : kNoSlot;
}

Reservation RunningJobs::reserve(int free_units, int units) const {
  int avail = free_units;
  // The spare units at the reservation are all the units free then: every job whose requested end
  // ties with the one that makes room counts, whatever their order in the index.
  for (auto it = by_req_end_.begin(); it != by_req_end_.end(); ++it) {
    avail += slots_[it->second].q.job.units;
    if (avail < units) continue;
    for (auto next = std::next(it); next != by_req_end_.end() && next->first == it->first; ++next)
      avail += slots_[next->second].q.job.units;
    return {it->first, avail - units};
  }
  return {std::numeric_limits<double>::infinity(), 0};  // only when units > total, which submit() refuses
}

}  // namespace sovcap::scheduling
