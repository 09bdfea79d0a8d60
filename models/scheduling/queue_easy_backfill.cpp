// EASY backfilling (Lifka 1995; Mu'alem & Feitelson 2001) on requested times. The head starts when
// it fits; otherwise it gets a reservation at the earliest time enough units free up, given the
// running jobs' requested ends. A later job may start now if it fits and either ends (by its
// requested time) before the reservation or uses only units spare at the reservation.
//
// All times are on the pool's work clock: every running job runs at the same speed, so "ends before
// the reservation" does not depend on throttling.
//
// Cost: a full pass (after any completion, start, suspension or cap change: the pool's epoch) walks
// the running jobs by requested end up to the reservation and scans the queue until no unit is
// free: O(R + Q) in the worst case. Between epochs the reservation is cached and only jobs that
// arrived since the last pass are examined (jobs already examined cannot have become startable:
// free and spare units only shrink and time only brings the reservation closer): O(log Q) each.
// If the head fits in units but not in power, nothing is backfilled (reservations ignore power).
#include <iterator>
#include <limits>
#include <map>

#include "models/scheduling/queue_discipline.hpp"

namespace sovcap::scheduling {
namespace {

class EasyBackfillQueue final : public QueueDiscipline {
 public:
  void push(QueuedJob job, bool front) override {
    if (front) job.seq = --front_seq_;
    int64_t seq = job.seq;
    q_.emplace(seq, std::move(job));
  }
  size_t size() const override { return q_.size(); }
  bool needs_reservations() const override { return true; }

  void schedule(PoolAccess& pool) override {
    while (!q_.empty() && fits(pool, q_.begin()->second)) start(pool, q_.begin());
    if (q_.empty()) {
      cached_ = false;
      return;
    }
    auto head = q_.begin();
    auto from = std::next(head);
    if (cached_ && pool.epoch() == epoch_ && head->first == head_seq_) {
      from = q_.upper_bound(scanned_to_);
    } else {
      head_seq_ = head->first;
      int units = head->second.job.units;
      backfill_ = units > pool.free_units();  // else it is power that blocks the head
      if (backfill_) {
        Reservation r = pool.reserve(units);
        shadow_w_s_ = r.shadow_work_s;
        extra_units_ = r.extra_units;
      }
    }
    if (backfill_) {
      for (auto it = from; it != q_.end() && pool.free_units() > 0;) {
        const QueuedJob& job = it->second;
        if (fits(pool, job)) {
          bool ends_before = pool.work_clock_s() + job.requested_left_s <= shadow_w_s_;
          if (ends_before || job.job.units <= extra_units_) {
            if (!ends_before) extra_units_ -= job.job.units;
            it = start(pool, it);
            continue;
          }
        }
        ++it;
      }
    }
    scanned_to_ = q_.rbegin()->first;
    epoch_ = pool.epoch();
    cached_ = true;
  }

  std::vector<QueuedJob> take_all() override {
    std::vector<QueuedJob> out;
    for (auto& kv : q_) out.push_back(std::move(kv.second));
    q_.clear();
    cached_ = false;
    return out;
  }

 private:
  using Map = std::map<int64_t, QueuedJob>;
  static bool fits(const PoolAccess& pool, const QueuedJob& job) {
    return job.job.units <= pool.free_units() && pool.power_allows(job.job.units);
  }
  Map::iterator start(PoolAccess& pool, Map::iterator it) {
    QueuedJob job = std::move(it->second);
    auto next = q_.erase(it);
    pool.start(std::move(job));
    return next;
  }

  Map q_;
  int64_t front_seq_ = 0;
  // The last pass, valid while the pool's epoch and the head are unchanged.
  bool cached_ = false;
  uint64_t epoch_ = 0;
  int64_t head_seq_ = 0, scanned_to_ = 0;
  bool backfill_ = false;
  double shadow_w_s_ = 0;
  int extra_units_ = 0;
};

}  // namespace

std::unique_ptr<QueueDiscipline> make_easy_backfill_queue() { return std::make_unique<EasyBackfillQueue>(); }

}  // namespace sovcap::scheduling
