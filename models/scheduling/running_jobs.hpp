#pragma once
// The jobs running in one pool, in reusable slots, indexed by the work-clock value at which each
// ends (and, for policies that reserve, by its requested end). It knows units and work-clock
// values only: no power, no queue, no statistics (pool.hpp drives it).
#include <cstdint>
#include <memory>
#include <set>
#include <utility>
#include <vector>

#include <ext/pb_ds/assoc_container.hpp>
#include <ext/pb_ds/tree_policy.hpp>

#include "models/scheduling/queue_discipline.hpp"
#include "models/scheduling/queued_job.hpp"

namespace sovcap::scheduling {

struct RunningJob {
  QueuedJob q;
  double w_seg_s = 0;      // work clock at this run segment's start
  double t_seg_s = 0;      // real time at this run segment's start
  double w_end_s = 0;      // work clock at which it ends
  double w_req_end_s = 0;  // ... at which it would end by its requested time
  int64_t run_seq = 0;     // start order over the pool's life (later starts are suspended first)
  bool live = false;
};

// A node of the end-order index keeps the units of its subtree, so the job holding the k-th busy
// unit in end order is found in O(log n) (node failures: about 68,000 in the default year, each of
// which walked the running jobs one by one; thousands run at Dakhla).
template <class NodeCItr, class NodeItr, class CmpFn, class Alloc>
struct SubtreeUnits {
  using metadata_type = int64_t;
  void operator()(NodeItr it, NodeCItr end) {
    const NodeItr l = it.get_l_child(), r = it.get_r_child();
    const_cast<int64_t&>(it.get_metadata()) =
        (l == end ? 0 : l.get_metadata()) + (r == end ? 0 : r.get_metadata()) + (*it)->second;
  }
  // The key of the element holding unit `hit` (0-based) counting units in key order; false when
  // hit >= the total.
  template <class Key>
  bool key_at_unit(int64_t hit, Key& out) const {
    NodeCItr it = node_begin();
    const NodeCItr end = node_end();
    while (it != end) {
      const NodeCItr l = it.get_l_child();
      const int64_t left = l == end ? 0 : l.get_metadata();
      if (hit < left) {
        it = l;
        continue;
      }
      hit -= left;
      if (hit < (*it)->second) {
        out = (*it)->first;
        return true;
      }
      hit -= (*it)->second;
      it = it.get_r_child();
    }
    return false;
  }
  virtual NodeCItr node_begin() const = 0;
  virtual NodeCItr node_end() const = 0;
  virtual ~SubtreeUnits() = default;
};

class RunningJobs {
 public:
  using Key = std::pair<double, uint32_t>;  // (work clock, slot)

  explicit RunningJobs(bool keep_req_index) : keep_req_index_(keep_req_index), by_end_(std::make_unique<EndIndex>()) {}

  int busy_units() const { return busy_units_; }
  size_t count() const { return count_; }
  bool empty() const { return by_end_->empty(); }
  // (work clock at its end, slot) of the job that ends first; only when !empty().
  const Key& first_end() const { return by_end_->begin()->first; }
  // Sum over running jobs of units x requested end on the work clock, each rounded to whole
  // unit-seconds (an exact sum, for placement's wait estimate).
  int64_t req_end_unit_s() const { return req_end_unit_s_; }

  RunningJob& operator[](uint32_t slot) { return slots_[slot]; }
  const RunningJob& operator[](uint32_t slot) const { return slots_[slot]; }
  uint32_t slots() const { return static_cast<uint32_t>(slots_.size()); }

  // Start q's next run segment at work clock w_s and real time t_s (it ends after its remaining
  // work); returns its slot.
  uint32_t add(QueuedJob&& q, double w_s, double t_s);
  void remove(uint32_t slot);

  static constexpr uint32_t kNoSlot = UINT32_MAX;
  // The slot of the job holding busy unit `hit`, counting the busy units job by job in end order;
  // kNoSlot when hit >= busy_units(). O(log n): the index keeps each subtree's units.
  uint32_t slot_holding_unit(int hit) const;
  // EASY's reservation for `units` when `free_units` are free now (fewer than `units`): the first
  // requested end at which enough units are free, with every job ending at that same instant.
  Reservation reserve(int free_units, int units) const;

 private:
  bool keep_req_index_ = false;
  std::vector<RunningJob> slots_;
  std::vector<uint32_t> free_slots_;
  // (work clock at the end, slot) -> units, ordered by key (a red-black tree, as std::set).
  using EndIndex = __gnu_pbds::tree<Key, int, std::less<Key>, __gnu_pbds::rb_tree_tag, SubtreeUnits>;
  std::unique_ptr<EndIndex> by_end_;  // held by pointer: Pool moves noexcept
  std::set<Key> by_req_end_;  // only when keep_req_index_
  int busy_units_ = 0;
  size_t count_ = 0;
  int64_t req_end_unit_s_ = 0;
  int64_t next_run_seq_ = 1;
};

}  // namespace sovcap::scheduling
