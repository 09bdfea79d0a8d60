#pragma once
// A pool's statistics: exact time integrals of its power and occupancy (PoolMeters), and counts of
// what capping and failures did (PoolCounts). The pool feeds them; they decide nothing.
#include <cstdint>

namespace sovcap::scheduling {

class PoolMeters {
 public:
  // dt_s during which idle_kw + busy_kw were drawn, `busy_units` ran at speed f, cap-suspended jobs
  // of `cap_waiting_units` waited in the queue and the cap bound (capped) or not.
  void add(double dt_s, double idle_kw, double busy_kw, int busy_units, double f, int64_t cap_waiting_units, bool capped) {
    const double kwh = (idle_kw + busy_kw) * dt_s / 3600.0;
    it_kwh_ += kwh;
    interval_kwh_ += kwh;
    idle_kwh_ += idle_kw * dt_s / 3600.0;
    delayed_s_ += (static_cast<double>(busy_units) * (1.0 - f) + static_cast<double>(cap_waiting_units)) * dt_s;
    busy_unit_s_ += static_cast<double>(busy_units) * dt_s;
    interval_busy_unit_s_ += static_cast<double>(busy_units) * dt_s;
    if (capped) capped_s_ += dt_s;
  }

  double it_kwh() const { return it_kwh_; }
  double idle_kwh() const { return idle_kwh_; }
  double busy_unit_s() const { return busy_unit_s_; }
  double delayed_s() const { return delayed_s_; }
  double capped_s() const { return capped_s_; }
  // Since the previous take (or since 0), accumulated on their own so that a step's figure carries
  // only its own rounding, not that of a difference of two year-long sums.
  double take_interval_it_kwh() {
    double kwh = interval_kwh_;
    interval_kwh_ = 0;
    return kwh;
  }
  double take_interval_busy_unit_s() {
    double u = interval_busy_unit_s_;
    interval_busy_unit_s_ = 0;
    return u;
  }

 private:
  double it_kwh_ = 0, idle_kwh_ = 0, interval_kwh_ = 0, delayed_s_ = 0, capped_s_ = 0;
  double busy_unit_s_ = 0, interval_busy_unit_s_ = 0;
};

struct PoolCounts {
  // Capping: set_power_cap_kw calls that changed the speed, powered units off or suspended; jobs
  // suspended by the cap (of which emergency_suspensions non-preemptible); jobs preempted by
  // higher-priority ones.
  uint64_t capping_actions = 0, suspensions = 0, emergency_suspensions = 0, preemptions = 0;
  // Failures: nodes failed, jobs restarted, unit-seconds of work redone.
  uint64_t node_failures = 0, job_restarts = 0;
  double lost_work_s = 0;
  uint64_t jobs_killed = 0;  // at their requested time
};

}  // namespace sovcap::scheduling
