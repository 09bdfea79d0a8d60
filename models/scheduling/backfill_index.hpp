#pragma once
// EASY's queue index: jobs in arrival order (append-only positions) over a segment tree of
// (min units, min requested time left), so "the first job after position p that could be
// backfilled" is found by a pruned descent instead of a scan of the queue. Dead positions are
// compacted away once they are over half the array (amortized O(1)).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/scheduling/queued_job.hpp"

namespace sovcap::scheduling {

class BackfillIndex {
 public:
  // A job qualifies if units <= max_any_units, or units <= max_units and requested_left_s <= max_req_s.
  struct Query {
    int max_units = 0;
    int max_any_units = 0;
    double max_req_s = 0;
  };
  static constexpr size_t npos = static_cast<size_t>(-1);

  size_t push_back(QueuedJob job);          // returns its position
  size_t size() const { return live_; }
  bool empty() const { return live_ == 0; }
  size_t first() const;                      // position of the first live job, npos if none
  size_t last() const { return jobs_.empty() ? npos : jobs_.size() - 1; }
  const QueuedJob& at(size_t pos) const { return jobs_[pos]; }
  bool live(size_t pos) const { return live_flag_[pos] != 0; }
  QueuedJob take(size_t pos);                // remove and return
  // The first live position >= from that satisfies q, npos if none.
  size_t find(size_t from, const Query& q) const;
  std::vector<QueuedJob> take_all();
  // Drops the dead positions once they are over half the array (amortized O(1)); live jobs keep
  // their order but positions change: call only between passes. Returns the positions removed.
  size_t compact();

 private:
  bool may(size_t node, const Query& q) const;
  size_t find(size_t node, size_t lo, size_t hi, size_t from, const Query& q) const;
  void set_leaf(size_t pos, int units, double req);
  void rebuild(size_t capacity);

  std::vector<QueuedJob> jobs_;
  std::vector<char> live_flag_;
  std::vector<int> min_units_;     // segment tree, 1-based, leaves at cap_ + pos
  std::vector<double> min_req_s_;
  size_t cap_ = 0;
  size_t live_ = 0;
  mutable size_t first_ = 0;       // no live job before it
};

}  // namespace sovcap::scheduling
