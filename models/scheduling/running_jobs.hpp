#pragma once
// The jobs running in one pool, in reusable slots, indexed by the work-clock value at which each
// ends (and, for policies that reserve, by its requested end). It knows units and work-clock
// values only: no power, no queue, no statistics (pool.hpp drives it).
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

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

class RunningJobs {
 public:
  using Key = std::pair<double, uint32_t>;  // (work clock, slot)

  explicit RunningJobs(bool keep_req_index) : keep_req_index_(keep_req_index) {}

  int busy_units() const { return busy_units_; }
  size_t count() const { return count_; }
  bool empty() const { return by_end_.empty(); }
  // (work clock at its end, slot) of the job that ends first; only when !empty().
  const Key& first_end() const { return *by_end_.begin(); }
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
  // kNoSlot when hit >= busy_units().
  uint32_t slot_holding_unit(int hit) const;
  // EASY's reservation for `units` when `free_units` are free now (fewer than `units`): the first
  // requested end at which enough units are free, with every job ending at that same instant.
  Reservation reserve(int free_units, int units) const;

 private:
  bool keep_req_index_ = false;
  std::vector<RunningJob> slots_;
  std::vector<int> slot_units_;  // slots_[i].q.job.units, for slot_holding_unit's walk
  std::vector<uint32_t> free_slots_;
  std::set<Key> by_end_;
  std::set<Key> by_req_end_;  // only when keep_req_index_
  int busy_units_ = 0;
  size_t count_ = 0;
  int64_t req_end_unit_s_ = 0;
  int64_t next_run_seq_ = 1;
};

}  // namespace sovcap::scheduling
