#pragma once
// A queue ordered by (rank, seq): the common core of the SJF and priority policies. Jobs put back
// at the front get decreasing negative seq numbers, so the latest put back is first within its rank.
#include <cstdint>
#include <iterator>
#include <map>
#include <utility>
#include <vector>

#include "models/scheduling/queued_job.hpp"

namespace sovcap::scheduling {

class RankedQueue {
 public:
  using Key = std::pair<double, int64_t>;
  using Map = std::map<Key, QueuedJob>;

  void push(double rank, QueuedJob job, bool front) {
    if (front) job.seq = --front_seq_;
    Key k{rank, job.seq};
    q_.emplace(k, std::move(job));
  }
  size_t size() const { return q_.size(); }
  bool empty() const { return q_.empty(); }
  Map::iterator head() { return q_.begin(); }
  QueuedJob pop_head() {
    QueuedJob job = std::move(q_.begin()->second);
    q_.erase(q_.begin());
    return job;
  }
  template <class Pred>
  std::vector<QueuedJob> take_if(const Pred& keep_out) {
    std::vector<QueuedJob> out;
    for (auto it = q_.begin(); it != q_.end();) {
      if (keep_out(it->second)) {
        out.push_back(std::move(it->second));
        it = q_.erase(it);
      } else {
        ++it;
      }
    }
    return out;
  }
  std::vector<QueuedJob> take_all() {
    std::vector<QueuedJob> out;
    out.reserve(q_.size());
    for (auto& kv : q_) out.push_back(std::move(kv.second));
    q_.clear();
    return out;
  }

 private:
  Map q_;
  int64_t front_seq_ = 0;
};

}  // namespace sovcap::scheduling
