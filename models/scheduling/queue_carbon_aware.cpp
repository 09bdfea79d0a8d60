// Carbon-aware FCFS: while the pool is told its power is "dirty", flexible jobs (a finite deadline)
// are held, unless waiting longer would miss the deadline: a held job is released once
// now + requested time left >= deadline - margin. Among the jobs not held the order is strict FCFS;
// a held job does not block the jobs behind it. Jobs without a deadline are never held.
//
// Cost: O(log Q) per job; a switch to dirty re-holds the flexible jobs waiting, O(Q log Q), once per switch.
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <utility>

#include "models/scheduling/queue_discipline.hpp"

namespace sovcap::scheduling {
namespace {

class CarbonAwareQueue final : public QueueDiscipline {
 public:
  explicit CarbonAwareQueue(double margin_s) : margin_s_(margin_s) {}

  void push(QueuedJob job, bool front) override {
    if (front) job.seq = --front_seq_;
    if (!green_ && flexible(job))
      hold(std::move(job));
    else
      ready_.emplace(job.seq, std::move(job));
  }
  size_t size() const override { return ready_.size() + held_.size(); }

  void schedule(PoolAccess& pool) override {
    release_until(pool.now_s());
    while (!ready_.empty()) {
      int units = ready_.begin()->second.job.units;
      if (units > pool.free_units() || !pool.power_allows(units)) break;
      QueuedJob job = std::move(ready_.begin()->second);
      ready_.erase(ready_.begin());
      pool.start(std::move(job));
    }
  }

  void set_green(bool green) override {
    if (green == green_) return;
    green_ = green;
    if (green_) {
      for (auto& kv : held_) ready_.emplace(kv.first, std::move(kv.second));
      held_.clear();
      by_release_.clear();
    } else {
      for (auto it = ready_.begin(); it != ready_.end();) {
        if (flexible(it->second)) {
          hold(std::move(it->second));
          it = ready_.erase(it);
        } else {
          ++it;
        }
      }
    }
  }

  double next_release_s() const override {
    return by_release_.empty() ? std::numeric_limits<double>::infinity() : by_release_.begin()->first;
  }

  std::vector<QueuedJob> take_if(const std::function<bool(const QueuedJob&)>& keep_out) override {
    std::vector<QueuedJob> out;
    for (auto it = ready_.begin(); it != ready_.end();) {
      if (keep_out(it->second)) {
        out.push_back(std::move(it->second));
        it = ready_.erase(it);
      } else {
        ++it;
      }
    }
    for (auto it = held_.begin(); it != held_.end();) {
      if (keep_out(it->second)) {
        by_release_.erase({release_s(it->second), it->first});
        out.push_back(std::move(it->second));
        it = held_.erase(it);
      } else {
        ++it;
      }
    }
    return out;
  }
  std::vector<QueuedJob> take_all() override {
    std::vector<QueuedJob> out;
    for (auto& kv : ready_) out.push_back(std::move(kv.second));
    for (auto& kv : held_) out.push_back(std::move(kv.second));
    ready_.clear();
    held_.clear();
    by_release_.clear();
    return out;
  }

 private:
  static bool flexible(const QueuedJob& job) { return std::isfinite(job.job.deadline_s); }
  double release_s(const QueuedJob& job) const { return job.job.deadline_s - margin_s_ - job.requested_left_s; }

  void hold(QueuedJob job) {
    double r = release_s(job);
    by_release_.emplace(r, job.seq);
    held_.emplace(job.seq, std::move(job));
  }
  // Held jobs whose deadline is near join the ready ones, in their FCFS place.
  void release_until(double now_s) {
    while (!by_release_.empty() && by_release_.begin()->first <= now_s) {
      int64_t seq = by_release_.begin()->second;
      by_release_.erase(by_release_.begin());
      auto it = held_.find(seq);
      ready_.emplace(seq, std::move(it->second));
      held_.erase(it);
    }
  }

  double margin_s_;
  bool green_ = true;
  int64_t front_seq_ = 0;
  std::map<int64_t, QueuedJob> ready_, held_;
  std::set<std::pair<double, int64_t>> by_release_;
};

}  // namespace

std::unique_ptr<QueueDiscipline> make_carbon_aware_queue(double deadline_margin_s) {
  return std::make_unique<CarbonAwareQueue>(deadline_margin_s);
}

}  // namespace sovcap::scheduling
