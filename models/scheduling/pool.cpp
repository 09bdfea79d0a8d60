#include "models/scheduling/pool.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

namespace sovcap::scheduling {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// A completion computed from the work clock may land a rounding error after the time the caller
// got from next_completion_s(); accept it within this slack, or the caller would spin.
double slack_s(double t_s) { return 1e-9 + 1e-12 * std::fabs(t_s); }

}  // namespace

Pool::Pool(const PoolSpec& spec, QueuePolicy policy)
    : spec_(spec), policy_(policy), queue_(make_queue(policy, spec)) {
  if (spec.nodes < 0 || spec.units_per_node < 1) throw std::invalid_argument("pool " + spec.id + ": needs nodes >= 0 and units_per_node >= 1");
  if (!(spec.min_speed > 0 && spec.min_speed <= 1)) throw std::invalid_argument("pool " + spec.id + ": min_speed must be in (0, 1]");
  keep_req_index_ = queue_->needs_reservations();
  total_units_ = spec.nodes * spec.units_per_node;
  idle_u_kw_ = spec.node_idle_kw / spec.units_per_node;
  dyn_u_kw_ = std::max(0.0, spec.node_peak_kw - spec.node_idle_kw) / spec.units_per_node;
  min_speed_ = spec.min_speed;
}

Pool::Pool(Pool&&) noexcept = default;
Pool& Pool::operator=(Pool&&) noexcept = default;
Pool::~Pool() = default;

size_t Pool::queued_jobs() const { return queue_->size(); }

namespace {
int64_t queued_work(const QueuedJob& q) { return std::llround(q.job.units * q.requested_left_s); }
}  // namespace

void Pool::enqueue(QueuedJob q, bool front) {
  queued_units_ += q.job.units;
  queued_work_[q.job.priority] += queued_work(q);
  queue_->push(std::move(q), front);
}

bool Pool::can_ever_fit(const workload::Job& job) const { return job.units >= 1 && job.units <= total_units_; }

int Pool::usable_units() const {
  int usable = std::max(0, total_units_ - down_units_);
  const double peak_u_kw = idle_u_kw_ + dyn_u_kw_;
  if (!std::isinf(cap_kw_) && peak_u_kw > 0) usable = std::min<double>(usable, std::floor(cap_kw_ / peak_u_kw));
  return usable;
}

double Pool::estimated_wait_s(int units, int priority) const {
  const int usable = usable_units();
  if (usable < units) return inf;
  int64_t ahead = 0;  // queued unit-seconds that go before the job
  if (queue_->orders_by_priority()) {
    for (auto it = queued_work_.lower_bound(priority); it != queued_work_.end(); ++it) ahead += it->second;
  } else {
    for (const auto& kv : queued_work_) ahead += kv.second;
  }
  const int free = usable - busy_units_;
  if (ahead == 0 && free >= units) return 0;
  // Units it needs beyond those free (all of its units when jobs queued ahead take the free ones
  // first), as a share of the busy units: that share of the running jobs' requested work must end.
  const double need = ahead > 0 ? units : units - std::max(free, 0);
  const double share = busy_units_ > 0 ? std::min(1.0, need / busy_units_) : 0.0;
  const double running = std::max(0.0, static_cast<double>(running_req_end_) - busy_units_ * w_s_);
  return (static_cast<double>(ahead) + share * running) / usable / f_;
}

std::vector<workload::Job> Pool::take_waiting(const std::function<bool(const workload::Job&)>& keep_out) {
  auto taken = queue_->take_if([&](const QueuedJob& q) { return std::isnan(q.job.start_s) && keep_out(q.job); });
  std::vector<workload::Job> out;
  out.reserve(taken.size());
  for (auto& q : taken) {
    queued_units_ -= q.job.units;
    if ((queued_work_[q.job.priority] -= queued_work(q)) == 0) queued_work_.erase(q.job.priority);
    out.push_back(std::move(q.job));
  }
  if (!out.empty()) ++epoch_;
  return out;
}

void Pool::submit(workload::Job job, double now_s) {
  if (!can_ever_fit(job))
    throw std::invalid_argument("pool " + spec_.id + ": job " + std::to_string(job.id) + " needs " +
                                std::to_string(job.units) + " units of " + std::to_string(total_units_));
  advance(now_s);
  QueuedJob q;
  q.work_s = std::max(0.0, job.runtime_s);
  if (job.kill_at_time_limit && job.requested_s > 0 && job.requested_s < q.work_s) {
    q.work_s = job.requested_s;
    q.ends_killed = true;
  }
  q.remaining_s = q.work_s;
  q.requested_left_s = std::max(q.remaining_s, job.requested_s);
  q.seq = next_seq_++;
  q.job = std::move(job);
  enqueue(std::move(q), false);
}

const std::vector<workload::Job>& Pool::start_ready(double now_s) {
  advance(now_s);
  started_.clear();
  power_blocked_ = false;
  queue_->schedule(*this);
  return started_;
}

double Pool::next_completion_s() const {
  if (by_end_.empty()) return inf;
  return t_s_ + std::max(0.0, by_end_.begin()->first - w_s_) / f_;
}

double Pool::next_event_s() const { return std::min(next_completion_s(), queue_->next_release_s()); }

const std::vector<workload::Job>& Pool::complete_until(double now_s) {
  advance(now_s);
  collected_.clear();
  collected_.swap(done_);
  return collected_;
}

double Pool::busy_power_at(double f) const { return busy_units_ * (idle_u_kw_ + f * dyn_u_kw_); }

double Pool::it_power_kw() const {
  return std::max(0, total_units_ - busy_units_ - off_units_ - down_units_) * idle_u_kw_ + busy_power_at(f_);
}

bool Pool::capped() const {
  if (std::isinf(cap_kw_)) return false;
  return f_ < 1.0 || off_units_ > 0 || cap_waiting_ > 0 || power_blocked_;
}

bool Pool::rebalance() {
  double f = 1.0;
  int off = 0;
  if (!std::isinf(cap_kw_)) {
    const int free = std::max(0, total_units_ - busy_units_ - down_units_);
    if (busy_power_at(1.0) <= cap_kw_) {
      // The running jobs fit at full speed: power off just enough free units (whole units, so the
      // pool stays at or under the cap).
      double excess = busy_power_at(1.0) + free * idle_u_kw_ - cap_kw_;
      if (excess > 0 && idle_u_kw_ > 0) off = static_cast<int>(std::min<double>(free, std::ceil(excess / idle_u_kw_)));
    } else {
      off = free;
      if (busy_units_ > 0 && dyn_u_kw_ > 0)
        f = std::clamp((cap_kw_ - busy_units_ * idle_u_kw_) / (busy_units_ * dyn_u_kw_), min_speed_, 1.0);
    }
  }
  bool changed = f != f_ || off != off_units_;
  f_ = f;
  off_units_ = off;
  return changed;
}

bool Pool::power_allows(int units) const {
  if (std::isinf(cap_kw_)) return true;
  // Running jobs get the power first: no start while they are throttled. Otherwise a start may
  // power free units off to make room.
  bool ok = f_ >= 1.0 && (busy_units_ + units) * (idle_u_kw_ + dyn_u_kw_) <= cap_kw_;
  if (!ok) power_blocked_ = true;
  return ok;
}

void Pool::set_power_cap_kw(double cap_kw, double now_s) {
  advance(now_s);
  if (cap_kw == cap_kw_) return;
  cap_kw_ = std::max(0.0, cap_kw);
  power_blocked_ = false;
  ++epoch_;
  bool acted = false;
  // Even with every free unit off and the running jobs at min_speed the cap is exceeded: suspend
  // preemptible jobs (lowest priority, latest started first), then, as a last resort,
  // non-preemptible ones (an emergency checkpoint), until the rest fit.
  while (!std::isinf(cap_kw_) && busy_units_ > 0 && busy_power_at(min_speed_) > cap_kw_) {
    const auto& from = preemptible_.empty() ? nonpreemptible_ : preemptible_;
    if (from.empty()) break;  // cannot happen: a running job is in one of the two
    if (&from == &nonpreemptible_) ++emergency_suspensions_;
    suspend(std::get<2>(*from.begin()), true);
    acted = true;
  }
  if (rebalance()) acted = true;
  if (acted) ++capping_actions_;
}

void Pool::set_green(bool green) {
  queue_->set_green(green);
  ++epoch_;
}

double Pool::it_energy_kwh(double now_s) {
  advance(now_s);
  return it_kwh_;
}

double Pool::idle_energy_kwh(double now_s) {
  advance(now_s);
  return idle_kwh_;
}

double Pool::take_interval_busy_unit_s(double now_s) {
  advance(now_s);
  double u = interval_busy_unit_s_;
  interval_busy_unit_s_ = 0;
  return u;
}

double Pool::busy_unit_s(double now_s) {
  advance(now_s);
  return busy_unit_s_;
}

double Pool::take_interval_it_energy_kwh(double now_s) {
  advance(now_s);
  double kwh = interval_kwh_;
  interval_kwh_ = 0;
  return kwh;
}

void Pool::integrate_to(double t_s) {
  double dt = t_s - t_s_;
  if (dt <= 0) return;
  const double idle_kw = std::max(0, total_units_ - busy_units_ - off_units_ - down_units_) * idle_u_kw_;
  const double kwh = (idle_kw + busy_power_at(f_)) * dt / 3600.0;
  it_kwh_ += kwh;
  interval_kwh_ += kwh;
  idle_kwh_ += idle_kw * dt / 3600.0;
  delayed_s_ += (static_cast<double>(busy_units_) * (1.0 - f_) + static_cast<double>(cap_waiting_units_)) * dt;
  busy_unit_s_ += static_cast<double>(busy_units_) * dt;
  interval_busy_unit_s_ += static_cast<double>(busy_units_) * dt;
  if (capped()) capped_s_ += dt;
  w_s_ += f_ * dt;
  t_s_ = t_s;
}

void Pool::advance(double now_s) {
  while (!by_end_.empty()) {
    auto [w_end, slot] = *by_end_.begin();
    double t_end = t_s_ + std::max(0.0, w_end - w_s_) / f_;
    if (t_end > now_s + slack_s(now_s)) break;
    integrate_to(std::min(t_end, now_s));
    finish(slot, std::max(t_s_, std::min(t_end, now_s)));
    // Power freed: a throttled pool speeds up again (and units power back on).
    rebalance();
    ++epoch_;
  }
  integrate_to(now_s);
}

double Pool::job_energy_kwh(const Running& r, double t_s, double w_s) const {
  double seg = r.q.job.units * (idle_u_kw_ * (t_s - r.t_seg_s) + dyn_u_kw_ * (w_s - r.w_seg_s)) / 3600.0;
  return r.q.job.energy_kwh + seg;
}

void Pool::finish(uint32_t slot, double t_s) {
  Running& r = slots_[slot];
  workload::Job job = r.q.job;
  job.energy_kwh = job_energy_kwh(r, t_s, r.w_end_s);  // at its end the job has done exactly its work
  job.end_s = t_s;
  job.status = r.q.ends_killed ? workload::JobStatus::killed : workload::JobStatus::completed;
  if (r.q.ends_killed) ++jobs_killed_;
  remove_running(slot);
  done_.push_back(std::move(job));
}

void Pool::remove_running(uint32_t slot) {
  Running& r = slots_[slot];
  by_end_.erase({r.w_end_s, slot});
  if (keep_req_index_) by_req_end_.erase({r.w_req_end_s, slot});
  if (r.q.job.preemptible) {
    preemptible_.erase({r.q.job.priority, -r.run_seq, slot});
    if ((preemptible_units_[r.q.job.priority] -= r.q.job.units) == 0) preemptible_units_.erase(r.q.job.priority);
  } else {
    nonpreemptible_.erase({r.q.job.priority, -r.run_seq, slot});
  }
  busy_units_ -= r.q.job.units;
  running_req_end_ -= std::llround(r.q.job.units * r.w_req_end_s);
  --running_count_;
  r.live = false;
  free_slots_.push_back(slot);
}

void Pool::start(QueuedJob&& q) {
  uint32_t slot;
  if (free_slots_.empty()) {
    slot = static_cast<uint32_t>(slots_.size());
    slots_.emplace_back();
    slot_units_.push_back(0);
  } else {
    slot = free_slots_.back();
    free_slots_.pop_back();
  }
  Running& r = slots_[slot];
  queued_units_ -= q.job.units;
  if ((queued_work_[q.job.priority] -= queued_work(q)) == 0) queued_work_.erase(q.job.priority);
  r.q = std::move(q);
  slot_units_[slot] = r.q.job.units;
  if (std::isnan(r.q.job.start_s)) r.q.job.start_s = t_s_;
  if (!std::isnan(r.q.suspended_at_s)) {  // its wait was counted as delay while it lasted
    --cap_waiting_;
    cap_waiting_units_ -= r.q.job.units;
    r.q.suspended_at_s = std::numeric_limits<double>::quiet_NaN();
  }
  r.w_seg_s = w_s_;
  r.t_seg_s = t_s_;
  r.w_end_s = w_s_ + r.q.remaining_s;
  r.w_req_end_s = w_s_ + std::max(r.q.remaining_s, r.q.requested_left_s);
  r.run_seq = next_run_seq_++;
  r.live = true;
  running_req_end_ += std::llround(r.q.job.units * r.w_req_end_s);
  by_end_.insert({r.w_end_s, slot});
  if (keep_req_index_) by_req_end_.insert({r.w_req_end_s, slot});
  if (r.q.job.preemptible) {
    preemptible_.insert({r.q.job.priority, -r.run_seq, slot});
    preemptible_units_[r.q.job.priority] += r.q.job.units;
  } else {
    nonpreemptible_.insert({r.q.job.priority, -r.run_seq, slot});
  }
  busy_units_ += r.q.job.units;
  ++running_count_;
  rebalance();  // power_allows() let it start at full speed; free units may power off for it
  started_.push_back(r.q.job);
}

void Pool::suspend(uint32_t slot, bool by_cap) {
  Running& r = slots_[slot];
  QueuedJob q = r.q;
  q.job.energy_kwh = job_energy_kwh(r, t_s_, w_s_);
  q.remaining_s = std::max(0.0, r.w_end_s - w_s_);
  q.requested_left_s = std::max(q.remaining_s, r.w_req_end_s - w_s_);
  if (by_cap) {
    q.suspended_at_s = t_s_;
    ++cap_waiting_;
    cap_waiting_units_ += q.job.units;
    ++suspensions_;
  } else {
    ++preemptions_;
  }
  remove_running(slot);
  if (!by_cap) rebalance();  // (a cap suspension rebalances once all are done)
  ++epoch_;
  enqueue(std::move(q), true);
}

void Pool::kill_for_failure(uint32_t slot) {
  Running& r = slots_[slot];
  QueuedJob q = r.q;
  q.job.energy_kwh = job_energy_kwh(r, t_s_, w_s_);  // the energy spent stays spent
  double done_s = q.work_s - std::max(0.0, r.w_end_s - w_s_);
  double kept_s = 0;  // work saved by the last checkpoint
  if (q.job.checkpoint_interval_s > 0) kept_s = std::floor(done_s / q.job.checkpoint_interval_s) * q.job.checkpoint_interval_s;
  kept_s = std::clamp(kept_s, 0.0, q.work_s);
  lost_work_s_ += (done_s - kept_s) * q.job.units;
  q.remaining_s = q.work_s - kept_s;
  q.requested_left_s = std::max(q.remaining_s, std::max(q.job.requested_s, q.work_s) - kept_s);
  ++job_restarts_;
  remove_running(slot);
  ++epoch_;
  enqueue(std::move(q), true);
}

void Pool::fail_node(double now_s, double u01) {
  advance(now_s);
  const int node = spec_.units_per_node;
  if (total_units_ - down_units_ < node) return;  // every node is already down
  ++node_failures_;
  // The unit hit, counted over the units in service with the busy ones first (in end order).
  int hit = std::min(total_units_ - down_units_ - 1, static_cast<int>(u01 * (total_units_ - down_units_)));
  if (hit < busy_units_) {
    int seen = 0;
    for (const auto& [w_end, slot] : by_end_) {
      seen += slot_units_[slot];  // (a compact copy: no cache miss into the slot per running job)
      if (hit < seen) {
        kill_for_failure(slot);
        break;
      }
    }
  }
  // GPU jobs mostly take whole nodes, so the job hit is the one on the node. If the node's other
  // units are still busy (small jobs), they leave service as those jobs end: until then free_units()
  // is below zero and nothing starts.
  down_units_ += node;
  off_units_ = 0;
  rebalance();
  ++epoch_;
}

void Pool::repair_node(double now_s) {
  advance(now_s);
  down_units_ = std::max(0, down_units_ - spec_.units_per_node);
  rebalance();
  ++epoch_;
}

Reservation Pool::reserve(int units) const {
  int avail = free_units();
  if (avail >= units) return {w_s_, avail - units};
  // The spare units at the reservation are all the units free then: every job whose requested end
  // ties with the one that makes room counts, whatever their order in the index.
  for (auto it = by_req_end_.begin(); it != by_req_end_.end(); ++it) {
    avail += slots_[it->second].q.job.units;
    if (avail < units) continue;
    for (auto next = std::next(it); next != by_req_end_.end() && next->first == it->first; ++next)
      avail += slots_[next->second].q.job.units;
    return {it->first, avail - units};
  }
  return {inf, 0};  // only when units > total, which submit() refuses
}

bool Pool::preempt_for(int units, int priority) {
  int need = units - free_units();
  if (need <= 0) return true;
  int avail = 0;
  for (auto it = preemptible_units_.begin(); it != preemptible_units_.end() && it->first < priority; ++it) avail += it->second;
  if (avail < need) return false;
  while (need > 0) {
    uint32_t slot = std::get<2>(*preemptible_.begin());
    need -= slots_[slot].q.job.units;
    suspend(slot, false);
  }
  return true;
}

std::vector<workload::Job> Pool::drain(double now_s) {
  advance(now_s);
  std::vector<workload::Job> out = std::move(done_);
  done_.clear();
  for (uint32_t slot = 0; slot < slots_.size(); ++slot) {
    Running& r = slots_[slot];
    if (!r.live) continue;
    workload::Job job = r.q.job;
    job.energy_kwh = job_energy_kwh(r, t_s_, w_s_);
    job.status = workload::JobStatus::unfinished;
    remove_running(slot);
    out.push_back(std::move(job));
  }
  for (auto& q : queue_->take_all()) {
    q.job.status = workload::JobStatus::unfinished;
    out.push_back(std::move(q.job));
  }
  queued_units_ = 0;
  queued_work_.clear();
  cap_waiting_ = 0;
  cap_waiting_units_ = 0;
  power_blocked_ = false;
  rebalance();
  ++epoch_;
  return out;
}

}  // namespace sovcap::scheduling
