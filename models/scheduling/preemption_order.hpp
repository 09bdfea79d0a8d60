#pragma once
// Which running job a pool suspends first. A higher-priority job may preempt preemptible jobs of
// lower priority; a power cap that even the lowest speed cannot meet suspends preemptible jobs
// first and, as a last resort, non-preemptible ones (an emergency checkpoint). Either way: lowest
// priority first, latest started first among equals. Slots and units only: no power, no queue.
#include <cstdint>
#include <map>
#include <set>
#include <tuple>

namespace sovcap::scheduling {

class PreemptionOrder {
 public:
  struct Victim {
    uint32_t slot = 0;
    bool emergency = false;  // a non-preemptible job
  };

  // run_seq: the job's start order (later starts go first).
  void add(uint32_t slot, int priority, int64_t run_seq, int units, bool preemptible);
  void remove(uint32_t slot, int priority, int64_t run_seq, int units, bool preemptible);

  // The job a cap suspends next; false when nothing runs.
  bool next_for_cap(Victim& out) const;
  // Units held by preemptible jobs of priority below `priority`.
  int preemptible_units_below(int priority) const;
  // The preemptible job a higher-priority one suspends next (only when one runs).
  uint32_t next_preemptible() const { return std::get<2>(*preemptible_.begin()); }

 private:
  using Key = std::tuple<int, int64_t, uint32_t>;  // (priority, -run_seq, slot)
  std::set<Key> preemptible_;
  std::map<int, int> preemptible_units_;  // by priority
  std::set<Key> nonpreemptible_;          // for emergency suspension only
};

inline void PreemptionOrder::add(uint32_t slot, int priority, int64_t run_seq, int units, bool preemptible) {
  if (preemptible) {
    preemptible_.insert({priority, -run_seq, slot});
    preemptible_units_[priority] += units;
  } else {
    nonpreemptible_.insert({priority, -run_seq, slot});
  }
}

inline void PreemptionOrder::remove(uint32_t slot, int priority, int64_t run_seq, int units, bool preemptible) {
  if (preemptible) {
    preemptible_.erase({priority, -run_seq, slot});
    if ((preemptible_units_[priority] -= units) == 0) preemptible_units_.erase(priority);
  } else {
    nonpreemptible_.erase({priority, -run_seq, slot});
  }
}

}  // namespace sovcap::scheduling
