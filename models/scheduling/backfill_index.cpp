#include "models/scheduling/backfill_index.hpp"

#include <algorithm>
#include <limits>

namespace sovcap::scheduling {
namespace {
constexpr int kNoUnits = std::numeric_limits<int>::max();
constexpr double kNoReq = std::numeric_limits<double>::infinity();
}  // namespace

void BackfillIndex::rebuild(size_t capacity) {
  cap_ = 1;
  while (cap_ < capacity) cap_ *= 2;
  min_units_.assign(2 * cap_, kNoUnits);
  min_req_s_.assign(2 * cap_, kNoReq);
  for (size_t p = 0; p < jobs_.size(); ++p)
    if (live_flag_[p]) {
      min_units_[cap_ + p] = jobs_[p].job.units;
      min_req_s_[cap_ + p] = jobs_[p].requested_left_s;
    }
  for (size_t n = cap_ - 1; n >= 1; --n) {
    min_units_[n] = std::min(min_units_[2 * n], min_units_[2 * n + 1]);
    min_req_s_[n] = std::min(min_req_s_[2 * n], min_req_s_[2 * n + 1]);
  }
}

void BackfillIndex::set_leaf(size_t pos, int units, double req) {
  size_t n = cap_ + pos;
  min_units_[n] = units;
  min_req_s_[n] = req;
  for (n /= 2; n >= 1; n /= 2) {
    min_units_[n] = std::min(min_units_[2 * n], min_units_[2 * n + 1]);
    min_req_s_[n] = std::min(min_req_s_[2 * n], min_req_s_[2 * n + 1]);
  }
}

size_t BackfillIndex::push_back(QueuedJob job) {
  size_t pos = jobs_.size();
  jobs_.push_back(std::move(job));
  live_flag_.push_back(1);
  ++live_;
  if (jobs_.size() > cap_)
    rebuild(std::max<size_t>(64, 2 * jobs_.size()));
  else
    set_leaf(pos, jobs_[pos].job.units, jobs_[pos].requested_left_s);
  return pos;
}

size_t BackfillIndex::first() const {
  while (first_ < jobs_.size() && !live_flag_[first_]) ++first_;
  return first_ < jobs_.size() ? first_ : npos;
}

QueuedJob BackfillIndex::take(size_t pos) {
  live_flag_[pos] = 0;
  --live_;
  set_leaf(pos, kNoUnits, kNoReq);
  return std::move(jobs_[pos]);
}

bool BackfillIndex::may(size_t node, const Query& q) const {
  int u = min_units_[node];
  return u <= q.max_any_units || (u <= q.max_units && min_req_s_[node] <= q.max_req_s);
}

size_t BackfillIndex::find(size_t node, size_t lo, size_t hi, size_t from, const Query& q) const {
  if (hi <= from || !may(node, q)) return npos;
  if (hi - lo == 1) {
    // A leaf: both conditions hold for this one job (the mins are its own values).
    return lo;
  }
  size_t mid = lo + (hi - lo) / 2;
  size_t r = find(2 * node, lo, mid, from, q);
  return r != npos ? r : find(2 * node + 1, mid, hi, from, q);
}

size_t BackfillIndex::find(size_t from, const Query& q) const {
  if (cap_ == 0 || from >= jobs_.size()) return npos;
  return find(1, 0, cap_, from, q);
}

std::vector<QueuedJob> BackfillIndex::take_all() {
  std::vector<QueuedJob> out;
  for (size_t p = 0; p < jobs_.size(); ++p)
    if (live_flag_[p]) out.push_back(std::move(jobs_[p]));
  jobs_.clear();
  live_flag_.clear();
  live_ = 0;
  first_ = 0;
  rebuild(0);
  return out;
}

size_t BackfillIndex::compact() {
  // Every dead position goes, not only those before the first live job: a head that waits long
  // while later jobs backfill would otherwise keep them all (memory growing with the jobs run).
  size_t dead = jobs_.size() - live_;
  if (dead < 1024 || dead < jobs_.size() / 2) return 0;
  size_t out = 0;
  for (size_t p = 0; p < jobs_.size(); ++p)
    if (live_flag_[p]) {
      if (out != p) jobs_[out] = std::move(jobs_[p]);
      ++out;
    }
  jobs_.resize(out);
  if (jobs_.capacity() > 4 * std::max<size_t>(out, 1024)) jobs_.shrink_to_fit();
  live_flag_.assign(out, 1);
  first_ = 0;
  rebuild(std::max<size_t>(64, 2 * out));
  return dead;
}

}  // namespace sovcap::scheduling
