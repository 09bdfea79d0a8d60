#include "models/scheduling/pool.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "models/scheduling/job_interruption.hpp"

namespace sovcap::scheduling {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

// A completion computed from the work clock may land a rounding error after the time the caller
// got from next_completion_s(); accept it within this slack, or the caller would spin.
double slack_s(double t_s) { return 1e-9 + 1e-12 * std::fabs(t_s); }

}  // namespace

Pool::Pool(const PoolSpec& spec, QueuePolicy policy)
    : spec_(spec),
      policy_(policy),
      waiting_(make_queue(policy, spec)),
      running_(waiting_.policy().needs_reservations()),
      power_(spec) {
  if (spec.nodes < 0 || spec.units_per_node < 1) throw std::invalid_argument("pool " + spec.id + ": needs nodes >= 0 and units_per_node >= 1");
  if (!(spec.min_speed > 0 && spec.min_speed <= 1)) throw std::invalid_argument("pool " + spec.id + ": min_speed must be in (0, 1]");
  total_units_ = spec.nodes * spec.units_per_node;
}

Pool::Pool(Pool&&) noexcept = default;
Pool& Pool::operator=(Pool&&) noexcept = default;
Pool::~Pool() = default;

size_t Pool::queued_jobs() const { return waiting_.size(); }

bool Pool::can_ever_fit(const workload::Job& job) const { return job.units >= 1 && job.units <= total_units_; }

int Pool::usable_units() const { return power_.usable_units(total_units_ - down_units_); }

double Pool::estimated_wait_s(int units, int priority) const {
  const int usable = usable_units();
  if (usable < units) return inf;
  const int64_t ahead = waiting_.work_ahead_unit_s(priority);  // queued unit-seconds that go before the job
  const int busy = running_.busy_units();
  const int free = usable - busy;
  if (ahead == 0 && free >= units) return 0;
  // Units it needs beyond those free (all of its units when jobs queued ahead take the free ones
  // first), as a share of the busy units: that share of the running jobs' requested work must end.
  const double need = ahead > 0 ? units : units - std::max(free, 0);
  const double share = busy > 0 ? std::min(1.0, need / busy) : 0.0;
  const double running = std::max(0.0, static_cast<double>(running_.req_end_unit_s()) - busy * w_s_);
  return (static_cast<double>(ahead) + share * running) / usable / power_.speed();
}

std::vector<workload::Job> Pool::take_waiting(const std::function<bool(const workload::Job&)>& keep_out) {
  auto taken = waiting_.take_if([&](const QueuedJob& q) { return std::isnan(q.job.start_s) && keep_out(q.job); });
  std::vector<workload::Job> out;
  out.reserve(taken.size());
  for (auto& q : taken) out.push_back(std::move(q.job));
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
  waiting_.push(std::move(q), false);
}

const std::vector<workload::Job>& Pool::start_ready(double now_s) {
  advance(now_s);
  started_.clear();
  power_.clear_blocked();
  waiting_.policy().schedule(*this);
  return started_;
}

double Pool::next_completion_s() const {
  if (running_.empty()) return inf;
  return t_s_ + std::max(0.0, running_.first_end().first - w_s_) / power_.speed();
}

double Pool::next_event_s() const { return std::min(next_completion_s(), waiting_.policy().next_release_s()); }

const std::vector<workload::Job>& Pool::complete_until(double now_s) {
  advance(now_s);
  collected_.clear();
  collected_.swap(done_);
  return collected_;
}

double Pool::it_power_kw() const { return power_.it_power_kw(total_units_, running_.busy_units(), down_units_); }

bool Pool::capped() const {
  if (power_.uncapped()) return false;
  return power_.speed() < 1.0 || power_.off_units() > 0 || waiting_.cap_suspended() > 0 || power_.blocked();
}

void Pool::set_power_cap_kw(double cap_kw, double now_s) {
  advance(now_s);
  if (!power_.set_cap(cap_kw)) return;
  ++epoch_;
  bool acted = false;
  // Even with every free unit off and the running jobs at min_speed the cap is exceeded: suspend
  // preemptible jobs (lowest priority, latest started first), then, as a last resort,
  // non-preemptible ones (an emergency checkpoint), until the rest fit.
  PreemptionOrder::Victim v;
  while (power_.over_cap_at_min_speed(running_.busy_units()) && victims_.next_for_cap(v)) {
    if (v.emergency) ++counts_.emergency_suspensions;
    suspend(v.slot, true);
    acted = true;
  }
  if (rebalance()) acted = true;
  if (acted) ++counts_.capping_actions;
}

void Pool::set_green(bool green) {
  waiting_.policy().set_green(green);
  ++epoch_;
}

double Pool::it_energy_kwh(double now_s) {
  advance(now_s);
  return meters_.it_kwh();
}

double Pool::idle_energy_kwh(double now_s) {
  advance(now_s);
  return meters_.idle_kwh();
}

double Pool::take_interval_busy_unit_s(double now_s) {
  advance(now_s);
  return meters_.take_interval_busy_unit_s();
}

double Pool::busy_unit_s(double now_s) {
  advance(now_s);
  return meters_.busy_unit_s();
}

double Pool::take_interval_it_energy_kwh(double now_s) {
  advance(now_s);
  return meters_.take_interval_it_kwh();
}

void Pool::integrate_to(double t_s) {
  double dt = t_s - t_s_;
  if (dt <= 0) return;
  const int busy = running_.busy_units();
  meters_.add(dt, power_.idle_kw(total_units_, busy, down_units_), power_.busy_kw(busy, power_.speed()), busy,
              power_.speed(), waiting_.cap_suspended_units(), capped());
  w_s_ += power_.speed() * dt;
  t_s_ = t_s;
}

void Pool::advance(double now_s) {
  while (!running_.empty()) {
    auto [w_end, slot] = running_.first_end();
    double t_end = t_s_ + std::max(0.0, w_end - w_s_) / power_.speed();
    if (t_end > now_s + slack_s(now_s)) break;
    integrate_to(std::min(t_end, now_s));
    finish(slot, std::max(t_s_, std::min(t_end, now_s)));
    // Power freed: a throttled pool speeds up again (and units power back on).
    rebalance();
    ++epoch_;
  }
  integrate_to(now_s);
}

void Pool::finish(uint32_t slot, double t_s) {
  const RunningJob& r = running_[slot];
  workload::Job job = r.q.job;
  job.energy_kwh = job_energy_kwh(r, t_s, r.w_end_s);  // at its end the job has done exactly its work
  job.end_s = t_s;
  job.status = r.q.ends_killed ? workload::JobStatus::killed : workload::JobStatus::completed;
  if (r.q.ends_killed) ++counts_.jobs_killed;
  remove_running(slot);
  done_.push_back(std::move(job));
}

void Pool::remove_running(uint32_t slot) {
  const RunningJob& r = running_[slot];
  victims_.remove(slot, r.q.job.priority, r.run_seq, r.q.job.units, r.q.job.preemptible);
  running_.remove(slot);
}

void Pool::start(QueuedJob&& q) {
  waiting_.left(q);
  if (std::isnan(q.job.start_s)) q.job.start_s = t_s_;
  q.suspended_at_s = std::numeric_limits<double>::quiet_NaN();
  const uint32_t slot = running_.add(std::move(q), w_s_, t_s_);
  const RunningJob& r = running_[slot];
  victims_.add(slot, r.q.job.priority, r.run_seq, r.q.job.units, r.q.job.preemptible);
  rebalance();  // power_allows() let it start at full speed; free units may power off for it
  started_.push_back(r.q.job);
}

void Pool::suspend(uint32_t slot, bool by_cap) {
  const RunningJob& r = running_[slot];
  QueuedJob q = suspended_job(r, w_s_, job_energy_kwh(r, t_s_, w_s_));
  if (by_cap) {
    q.suspended_at_s = t_s_;
    ++counts_.suspensions;
  } else {
    ++counts_.preemptions;
  }
  remove_running(slot);
  if (!by_cap) rebalance();  // (a cap suspension rebalances once all are done)
  ++epoch_;
  waiting_.push(std::move(q), true);
}

void Pool::kill_for_failure(uint32_t slot) {
  const RunningJob& r = running_[slot];
  Restart restart = restarted_job(r, w_s_, job_energy_kwh(r, t_s_, w_s_));
  counts_.lost_work_s += restart.lost_unit_s;
  ++counts_.job_restarts;
  remove_running(slot);
  ++epoch_;
  waiting_.push(std::move(restart.job), true);
}

void Pool::fail_node(double now_s, double u01) {
  advance(now_s);
  const int node = spec_.units_per_node;
  if (total_units_ - down_units_ < node) return;  // every node is already down
  ++counts_.node_failures;
  // The unit hit, counted over the units in service with the busy ones first (in end order).
  int hit = std::min(total_units_ - down_units_ - 1, static_cast<int>(u01 * (total_units_ - down_units_)));
  if (hit < running_.busy_units()) {
    const uint32_t slot = running_.slot_holding_unit(hit);
    if (slot != RunningJobs::kNoSlot) kill_for_failure(slot);
  }
  // GPU jobs mostly take whole nodes, so the job hit is the one on the node. If the node's other
  // units are still busy (small jobs), they leave service as those jobs end: until then free_units()
  // is below zero and nothing starts.
  down_units_ += node;
  power_.power_all_on();
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
  const int avail = free_units();
  if (avail >= units) return {w_s_, avail - units};
  return running_.reserve(avail, units);
}

bool Pool::preempt_for(int units, int priority) {
  int need = units - free_units();
  if (need <= 0) return true;
  if (victims_.preemptible_units_below(priority) < need) return false;
  while (need > 0) {
    uint32_t slot = victims_.next_preemptible();
    need -= running_[slot].q.job.units;
    suspend(slot, false);
  }
  return true;
}

std::vector<workload::Job> Pool::drain(double now_s) {
  advance(now_s);
  std::vector<workload::Job> out = std::move(done_);
  done_.clear();
  for (uint32_t slot = 0; slot < running_.slots(); ++slot) {
    const RunningJob& r = running_[slot];
    if (!r.live) continue;
    workload::Job job = r.q.job;
    job.energy_kwh = job_energy_kwh(r, t_s_, w_s_);
    job.status = workload::JobStatus::unfinished;
    remove_running(slot);
    out.push_back(std::move(job));
  }
  for (auto& q : waiting_.take_all()) {
    q.job.status = workload::JobStatus::unfinished;
    out.push_back(std::move(q.job));
  }
  power_.clear_blocked();
  rebalance();
  ++epoch_;
  return out;
}

}  // namespace sovcap::scheduling
