// EASY backfilling (Lifka 1995; Mu'alem & Feitelson 2001) on requested times. The queue is ordered
// by priority (highest first), then submission, as Slurm's priority plugin orders the queue its
// backfill scheduler walks; or, for easy_backfill_fifo, by submission alone. The head (the first job
// in that order) starts when it fits; otherwise it gets a reservation at the earliest time enough units free up, given the
// running jobs' requested ends. A later job may start now if it fits and either ends (by its
// requested time) before the reservation or uses only units spare at the reservation.
//
// All times are on the pool's work clock: every running job runs at the same speed, so "ends before
// the reservation" does not depend on throttling.
//
// Cost: a full pass (after any completion, suspension, cap or green change: the pool's epoch)
// walks the running jobs by requested end up to the reservation, O(R_shadow), and finds each
// backfill candidate by a pruned descent of one BackfillIndex per priority level (levels in
// priority order: candidates are examined in queue order) instead of scanning the queue. Between
// epochs the reservation is cached and only jobs that arrived since the last pass are examined
// (jobs already examined cannot have become startable: free and spare units only shrink, and time
// only brings the reservation closer).
// If the head fits in units but not in power, nothing is backfilled (reservations ignore power).
#include <algorithm>
#include <functional>
#include <iterator>
#include <map>

#include "models/scheduling/backfill_index.hpp"
#include "models/scheduling/queue_discipline.hpp"

namespace sovcap::scheduling {
namespace {

class EasyBackfillQueue final : public QueueDiscipline {
 public:
  explicit EasyBackfillQueue(bool by_priority) : by_priority_(by_priority) {}

  void push(QueuedJob job, bool front) override {
    Level& l = levels_[by_priority_ ? job.job.priority : 0];
    if (front) {
      job.seq = --front_seq_;
      int64_t seq = job.seq;
      l.front.emplace(seq, std::move(job));
    } else {
      l.index.push_back(std::move(job));
    }
    ++size_;
  }
  size_t size() const override { return size_; }
  bool needs_reservations() const override { return true; }
  bool orders_by_priority() const override { return by_priority_; }

  std::vector<QueuedJob> take_if(const std::function<bool(const QueuedJob&)>& keep_out) override {
    std::vector<QueuedJob> out;
    for (auto& kv : levels_) {
      Level& l = kv.second;
      for (auto it = l.front.begin(); it != l.front.end();) {
        if (keep_out(it->second)) {
          out.push_back(std::move(it->second));
          it = l.front.erase(it);
        } else {
          ++it;
        }
      }
      for (size_t p = 0, n = l.index.last() + 1; p < n; ++p)  // last() is npos when empty: n = 0
        if (l.index.live(p) && keep_out(l.index.at(p))) out.push_back(l.index.take(p));
    }
    size_ -= out.size();
    cached_ = false;
    return out;
  }

  void schedule(PoolAccess& pool) override {
    // The head starts whenever it fits.
    while (Level* l = head_level()) {
      if (!fits(pool, l->head())) break;
      pool.start(l->pop_head());
      --size_;
    }
    Level* hl = head_level();
    if (hl == nullptr) {
      cached_ = false;
      return;
    }
    bool full = !(cached_ && pool.epoch() == epoch_ && hl->head().seq == head_seq_);
    if (full) {
      for (auto& kv : levels_) kv.second.index.compact();  // positions change: this pass recomputes all it needs
      const QueuedJob& h = hl->head();
      head_seq_ = h.seq;
      backfill_ = h.job.units > pool.free_units();  // else it is power that blocks the head
      if (backfill_) {
        Reservation r = pool.reserve(h.job.units);
        shadow_w_s_ = r.shadow_work_s;
        extra_units_ = r.extra_units;
      }
    }
    if (backfill_ && pool.power_allows(1)) {
      // In queue order: levels by priority, put-back jobs first within a level. The head itself
      // never qualifies (it needs more units than are free). Without a new epoch only the jobs
      // that arrived since the last pass can have become startable.
      for (auto& kv : levels_) {
        if (pool.free_units() <= 0) break;
        Level& l = kv.second;
        if (full) backfill_front(pool, l);
        size_t from = full ? 0 : l.scanned_to + 1;  // npos + 1 == 0: a level new since the last pass
        while (pool.free_units() > 0) {
          double room_s = shadow_w_s_ - pool.work_clock_s();
          BackfillIndex::Query q{pool.free_units(), std::min(pool.free_units(), extra_units_), room_s};
          size_t p = l.index.find(from, q);
          if (p == BackfillIndex::npos) break;
          from = p + 1;
          const QueuedJob& job = l.index.at(p);
          if (!pool.power_allows(job.job.units)) continue;
          if (!(job.requested_left_s <= room_s)) extra_units_ -= job.job.units;
          pool.start(l.index.take(p));
          --size_;
        }
      }
    }
    for (auto& kv : levels_) kv.second.scanned_to = kv.second.index.last();  // npos when empty
    epoch_ = pool.epoch();
    cached_ = true;
  }

  std::vector<QueuedJob> take_all() override {
    std::vector<QueuedJob> out;
    for (auto& kv : levels_) {
      for (auto& f : kv.second.front) out.push_back(std::move(f.second));
      kv.second.front.clear();
      for (auto& j : kv.second.index.take_all()) out.push_back(std::move(j));
      kv.second.scanned_to = BackfillIndex::npos;
    }
    size_ = 0;
    cached_ = false;
    return out;
  }

 private:
  // The jobs of one priority: put back (suspended, killed by a failure) first, by (negative) seq,
  // then the rest in arrival order.
  struct Level {
    std::map<int64_t, QueuedJob> front;
    BackfillIndex index;
    size_t scanned_to = BackfillIndex::npos;  // the last index position examined by a pass

    bool empty() const { return front.empty() && index.empty(); }
    const QueuedJob& head() const { return front.empty() ? index.at(index.first()) : front.begin()->second; }
    QueuedJob pop_head() {
      if (front.empty()) return index.take(index.first());
      QueuedJob job = std::move(front.begin()->second);
      front.erase(front.begin());
      return job;
    }
  };

  static bool fits(const PoolAccess& pool, const QueuedJob& job) {
    return job.job.units <= pool.free_units() && pool.power_allows(job.job.units);
  }
  Level* head_level() {
    for (auto& kv : levels_)
      if (!kv.second.empty()) return &kv.second;
    return nullptr;
  }
  // Put-back jobs are rare (suspensions, failures): a plain walk, skipping the head.
  void backfill_front(PoolAccess& pool, Level& l) {
    for (auto it = l.front.begin(); it != l.front.end() && pool.free_units() > 0;) {
      const QueuedJob& job = it->second;
      bool ends_before = job.requested_left_s <= shadow_w_s_ - pool.work_clock_s();
      if (job.seq != head_seq_ && fits(pool, job) && (ends_before || job.job.units <= extra_units_)) {
        if (!ends_before) extra_units_ -= job.job.units;
        QueuedJob j = std::move(it->second);
        it = l.front.erase(it);
        pool.start(std::move(j));
        --size_;
      } else {
        ++it;
      }
    }
  }

  bool by_priority_;
  std::map<int, Level, std::greater<int>> levels_;  // highest priority first; one level without by_priority_
  size_t size_ = 0;
  int64_t front_seq_ = 0;
  // The last pass, valid while the pool's epoch and the head are unchanged.
  bool cached_ = false;
  uint64_t epoch_ = 0;
  int64_t head_seq_ = 0;
  bool backfill_ = false;
  double shadow_w_s_ = 0;
  int extra_units_ = 0;
};

}  // namespace

std::unique_ptr<QueueDiscipline> make_easy_backfill_queue(bool by_priority) {
  return std::make_unique<EasyBackfillQueue>(by_priority);
}

}  // namespace sovcap::scheduling
