#include "models/scheduling/preemption_order.hpp"

namespace sovcap::scheduling {

void PreemptionOrder::add(uint32_t slot, int priority, int64_t run_seq, int units, bool preemptible) {
  if (preemptible) {
    preemptible_.insert({priority, -run_seq, slot});
    preemptible_units_[priority] += units;
  } else {
    nonpreemptible_.insert({priority, -run_seq, slot});
  }
}

void PreemptionOrder::remove(uint32_t slot, int priority, int64_t run_seq, int units, bool preemptible) {
  if (preemptible) {
    preemptible_.erase({priority, -run_seq, slot});
    if ((preemptible_units_[priority] -= units) == 0) preemptible_units_.erase(priority);
  } else {
    nonpreemptible_.erase({priority, -run_seq, slot});
  }
}

bool PreemptionOrder::next_for_cap(Victim& out) const {
  const bool emergency = preemptible_.empty();
  const auto& from = emergency ? nonpreemptible_ : preemptible_;
  if (from.empty()) return false;
  out = {std::get<2>(*from.begin()), emergency};
  return true;
}

int PreemptionOrder::preemptible_units_below(int priority) const {
  int units = 0;
  for (auto it = preemptible_units_.begin(); it != preemptible_units_.end() && it->first < priority; ++it) units += it->second;
  return units;
}

}  // namespace sovcap::scheduling
