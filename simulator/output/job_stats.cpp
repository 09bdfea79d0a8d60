#include "simulator/output/job_stats.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace sovcap::output {

double bounded_slowdown(double wait_s, double run_s, double tau_s) {
  return std::max(1.0, (wait_s + run_s) / std::max(run_s, tau_s));
}

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

void count(JobGroup& g, const workload::Job& j, double wait, double horizon_s, bool gpu) {
  using workload::JobStatus;
  ++g.jobs;
  switch (j.status) {
    case JobStatus::completed: ++g.completed; break;
    case JobStatus::rejected: ++g.rejected; break;
    case JobStatus::killed: ++g.killed; break;
    case JobStatus::unfinished: ++g.unfinished; break;
  }
  double run = j.end_s - j.start_s;
  if (std::isfinite(wait)) {
    ++g.started;
    if (wait == 0) ++g.zero_waits;
  }
  if (j.status == JobStatus::completed && std::isfinite(wait) && std::isfinite(run))
    g.slowdown_sum += bounded_slowdown(wait, run);
  if (std::isfinite(run)) (gpu ? g.gpu_hours : g.core_hours) += j.units * run / 3600.0;
  g.transfer_sum_s += j.transfer_s;
  g.data_gb += j.input_gb + j.output_gb;
  g.energy_kwh += j.energy_kwh;
  if (std::isfinite(j.deadline_s) && j.status != JobStatus::rejected) {
    ++g.deadline_jobs;
    bool ended = j.status == JobStatus::completed;
    if ((ended && j.end_s > j.deadline_s) || (!ended && j.deadline_s <= horizon_s)) ++g.deadline_misses;
  }
}

// One group's walk through the waits in ascending order: its running rank, its sum (in the same
// order as wait_stats' sum over the sorted values), and the values at the ranks percentile_ranked needs.
struct GroupWalk {
  int64_t n = 0, zeros = 0, rank = 0;
  bool zeros_done = false;
  double sum = 0;
  std::array<int64_t, 6> want{};  // ranks needed by p50, p95, p99 (lower and upper neighbours)
  std::array<double, 6> got{};

  explicit GroupWalk(const JobGroup& g) : n(g.started), zeros(g.zero_waits) {
    const double ps[3] = {50, 95, 99};
    for (int k = 0; k < 3; ++k) {
      auto [lo, hi] = percentile_ranks(static_cast<size_t>(n), ps[k]);
      want[2 * k] = static_cast<int64_t>(lo);
      want[2 * k + 1] = static_cast<int64_t>(hi);
    }
    got.fill(nan);
  }
  void take(double v) {
    for (size_t k = 0; k < want.size(); ++k)
      if (want[k] == rank) got[k] = v;
    ++rank;
  }
  void add_zeros() {  // the zero waits sit between the negative and the positive ones
    if (zeros_done) return;
    zeros_done = true;
    for (size_t k = 0; k < want.size(); ++k)
      if (want[k] >= rank && want[k] < rank + zeros) got[k] = 0.0;
    rank += zeros;  // (adding 0.0 to the sum changes nothing: it is +0.0 or below zero by then)
  }
  void add(double v) {
    if (v > 0) add_zeros();
    take(v);
    sum += v;
  }
  WaitStats result() {
    add_zeros();
    if (n == 0) return {nan, nan, nan, nan};
    auto at = [&](int k) { return percentile_from(static_cast<size_t>(n), got[2 * k], got[2 * k + 1], k == 0 ? 50 : k == 1 ? 95 : 99); };
    return {sum / static_cast<double>(n), at(0), at(1), at(2)};
  }
};

}  // namespace

JobStats::JobStats(size_t classes, size_t regions, size_t sites, double horizon_s, std::vector<bool> class_gpu)
    : classes_(classes), regions_(regions), sites_(sites), horizon_s_(horizon_s), class_gpu_(std::move(class_gpu)) {
  long double keys = static_cast<long double>(classes) * regions * (sites + 1);
  if (keys > 4294967296.0L)
    throw std::length_error("job statistics: classes x regions x (sites + 1) = " + std::to_string(static_cast<double>(keys)) +
                            " groups exceed 2^32");
}

void JobStats::add(const workload::Job& j) {
  double wait = j.start_s - j.submit_s;
  const bool gpu = class_gpu_.empty() || class_gpu_.at(j.class_index);
  count(classes_.at(j.class_index), j, wait, horizon_s_, gpu);
  count(regions_.at(j.origin_region), j, wait, horizon_s_, gpu);
  if (j.site >= 0) count(sites_.at(j.site), j, wait, horizon_s_, gpu);
  count(all_, j, wait, horizon_s_, gpu);
  if (std::isfinite(wait) && wait != 0) {
    auto key = (static_cast<uint64_t>(j.class_index) * regions_.size() + static_cast<uint64_t>(j.origin_region)) *
                   (sites_.size() + 1) +
               static_cast<uint64_t>(j.site + 1);
    records_.push_back({wait, static_cast<uint32_t>(key)});
  }
}

void JobStats::finish_waits() {
  if (finished_) return;
  finished_ = true;
  std::sort(records_.begin(), records_.end(),
            [](const WaitRecord& a, const WaitRecord& b) { return a.wait_s < b.wait_s; });
  const uint64_t per_class = regions_.size() * (sites_.size() + 1), per_region = sites_.size() + 1;
  std::vector<GroupWalk> cw, rw, sw;
  for (auto& g : classes_) cw.emplace_back(g);
  for (auto& g : regions_) rw.emplace_back(g);
  for (auto& g : sites_) sw.emplace_back(g);
  GroupWalk aw(all_);
  for (const auto& rec : records_) {
    double v = rec.wait_s;
    uint64_t key = rec.key;
    cw[key / per_class].add(v);
    rw[(key % per_class) / per_region].add(v);
    if (key % per_region > 0) sw[key % per_region - 1].add(v);
    aw.add(v);
  }
  for (size_t i = 0; i < classes_.size(); ++i) classes_[i].waits = cw[i].result();
  for (size_t i = 0; i < regions_.size(); ++i) regions_[i].waits = rw[i].result();
  for (size_t i = 0; i < sites_.size(); ++i) sites_[i].waits = sw[i].result();
  all_.waits = aw.result();
  std::deque<WaitRecord>().swap(records_);
}

}  // namespace sovcap::output
