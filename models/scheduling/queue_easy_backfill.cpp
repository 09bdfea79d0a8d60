// EASY backfilling (Lifka 1995; Mu'alem & Feitelson 2001) on requested times. The head starts when
// it fits; otherwise it gets a reservation at the earliest time enough units free up, given the
// running jobs' requested ends. A later job may start now if it fits and either ends (by its
// requested time) before the reservation or uses only units spare at the reservation.
//
// All times are on the pool's work clock: every running job runs at the same speed, so "ends before
// the reservation" does not depend on throttling.
//
// Cost: a full pass (after any completion, suspension, cap or green change: the pool's epoch)
// walks the running jobs by requested end up to the reservation, O(R_shadow), and finds each
// backfill candidate by a pruned descent of BackfillIndex instead of scanning the queue. Between
// epochs the reservation is cached and only jobs that arrived since the last pass are examined
// (jobs already examined cannot have become startable: free and spare units only shrink, and time
// only brings the reservation closer).
// If the head fits in units but not in power, nothing is backfilled (reservations ignore power).
#include <algorithm>
#include <iterator>
#include <map>

#include "models/scheduling/backfill_index.hpp"
#include "models/scheduling/queue_discipline.hpp"

namespace sovcap::scheduling {
namespace {

class EasyBackfillQueue final : public QueueDiscipline {
 public:
  void push(QueuedJob job, bool front) override {
    if (front) {
      job.seq = --front_seq_;
      int64_t seq = job.seq;
      front_.emplace(seq, std::move(job));
    } else {
      index_.push_back(std::move(job));
    }
  }
  size_t size() const override { return front_.size() + index_.size(); }
  bool needs_reservations() const override { return true; }

  void schedule(PoolAccess& pool) override {
    // The head starts whenever it fits.
    while (const QueuedJob* h = head()) {
      if (!fits(pool, *h)) break;
      pool.start(pop_head());
    }
    const QueuedJob* h = head();
    if (h == nullptr) {
      cached_ = false;
      return;
    }
    bool in_front = !front_.empty();
    size_t from;
    bool full = !(cached_ && pool.epoch() == epoch_ && h->seq == head_seq_);
    if (!full) {
      from = scanned_to_ + 1;
    } else {
      if (!in_front) index_.compact();  // positions change: this pass recomputes all it needs
      h = head();
      head_seq_ = h->seq;
      backfill_ = h->job.units > pool.free_units();  // else it is power that blocks the head
      if (backfill_) {
        Reservation r = pool.reserve(h->job.units);
        shadow_w_s_ = r.shadow_work_s;
        extra_units_ = r.extra_units;
      }
      from = in_front ? 0 : index_.first() + 1;
    }
    if (backfill_ && pool.power_allows(1)) {
      if (full && in_front) backfill_front(pool);
      while (pool.free_units() > 0) {
        double room_s = shadow_w_s_ - pool.work_clock_s();
        BackfillIndex::Query q{pool.free_units(), std::min(pool.free_units(), extra_units_), room_s};
        size_t p = index_.find(from, q);
        if (p == BackfillIndex::npos) break;
        from = p + 1;
        const QueuedJob& job = index_.at(p);
        if (!pool.power_allows(job.job.units)) continue;
        if (!(job.requested_left_s <= room_s)) extra_units_ -= job.job.units;
        pool.start(index_.take(p));
      }
    }
    scanned_to_ = index_.last();  // npos when empty, and npos + 1 == 0
    epoch_ = pool.epoch();
    cached_ = true;
  }

  std::vector<QueuedJob> take_all() override {
    std::vector<QueuedJob> out;
    for (auto& kv : front_) out.push_back(std::move(kv.second));
    front_.clear();
    for (auto& j : index_.take_all()) out.push_back(std::move(j));
    cached_ = false;
    return out;
  }

 private:
  static bool fits(const PoolAccess& pool, const QueuedJob& job) {
    return job.job.units <= pool.free_units() && pool.power_allows(job.job.units);
  }
  // Put-back jobs come first; they are rare (suspensions).
  const QueuedJob* head() const {
    if (!front_.empty()) return &front_.begin()->second;
    size_t p = index_.first();
    return p == BackfillIndex::npos ? nullptr : &index_.at(p);
  }
  QueuedJob pop_head() {
    if (!front_.empty()) {
      QueuedJob job = std::move(front_.begin()->second);
      front_.erase(front_.begin());
      return job;
    }
    return index_.take(index_.first());
  }
  void backfill_front(PoolAccess& pool) {
    for (auto it = std::next(front_.begin()); it != front_.end() && pool.free_units() > 0;) {
      const QueuedJob& job = it->second;
      bool ends_before = job.requested_left_s <= shadow_w_s_ - pool.work_clock_s();
      if (fits(pool, job) && (ends_before || job.job.units <= extra_units_)) {
        if (!ends_before) extra_units_ -= job.job.units;
        QueuedJob j = std::move(it->second);
        it = front_.erase(it);
        pool.start(std::move(j));
      } else {
        ++it;
      }
    }
  }

  std::map<int64_t, QueuedJob> front_;  // put back, by (negative) seq
  BackfillIndex index_;                 // the rest, in arrival order
  int64_t front_seq_ = 0;
  // The last pass, valid while the pool's epoch and the head are unchanged.
  bool cached_ = false;
  uint64_t epoch_ = 0;
  int64_t head_seq_ = 0;
  size_t scanned_to_ = 0;
  bool backfill_ = false;
  double shadow_w_s_ = 0;
  int extra_units_ = 0;
};

}  // namespace

std::unique_ptr<QueueDiscipline> make_easy_backfill_queue() { return std::make_unique<EasyBackfillQueue>(); }

}  // namespace sovcap::scheduling
