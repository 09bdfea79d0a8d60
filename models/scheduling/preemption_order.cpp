#include "models/scheduling/preemption_order.hpp"

namespace sovcap::scheduling {

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
