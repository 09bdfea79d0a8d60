#pragma once
// A pool's power: linear per unit, idle_u = node_idle_kw / units_per_node and
// peak_u = node_peak_kw / units_per_node; a busy unit at speed f draws idle_u + f * (peak_u - idle_u),
// a free unit idle_u while powered on, 0 while powered off or on a failed node. Under a cap it keeps
// the common speed f of the running jobs and the free units powered off (only a binding cap powers
// units off). It knows unit counts, never which jobs run (pool.hpp tells it).
#include <algorithm>
#include <cmath>
#include <limits>

#include "models/scheduling/params.hpp"

namespace sovcap::scheduling {

class PoolPower {
 public:
  explicit PoolPower(const PoolSpec& spec)
      : idle_u_kw_(spec.node_idle_kw / spec.units_per_node),
        dyn_u_kw_(std::max(0.0, spec.node_peak_kw - spec.node_idle_kw) / spec.units_per_node),
        min_speed_(spec.min_speed) {}

  double cap_kw() const { return cap_kw_; }
  bool uncapped() const { return std::isinf(cap_kw_); }
  double speed() const { return f_; }
  double min_speed() const { return min_speed_; }
  int off_units() const { return off_units_; }
  // The last dispatch met a job it could start but for power.
  bool blocked() const { return blocked_; }
  void clear_blocked() { blocked_ = false; }

  // Power of `busy` busy units at speed f, and of the free units powered on.
  double busy_kw(int busy, double f) const { return busy * (idle_u_kw_ + f * dyn_u_kw_); }
  double idle_kw(int total, int busy, int down) const {
    return std::max(0, total - busy - off_units_ - down) * idle_u_kw_;
  }
  double it_power_kw(int total, int busy, int down) const { return idle_kw(total, busy, down) + busy_kw(busy, f_); }
  // Energy (kWh) of a run segment of `units` lasting dt_s of real time and dw_s of work clock.
  double segment_kwh(int units, double dt_s, double dw_s) const {
    return units * (idle_u_kw_ * dt_s + dyn_u_kw_ * dw_s) / 3600.0;
  }

  // Units that can run at full speed within the cap, of the `in_service` ones.
  int usable_units(int in_service) const;
  // Whether `units` more may start on top of `busy`: running jobs get the power first (no start
  // while they are throttled); a start may power free units off to make room. A refusal sets blocked().
  bool allows(int busy, int units) const;
  // A new cap (clamped at 0); false when it equals the current one (nothing changes).
  bool set_cap(double cap_kw);
  // Even with every free unit off, `busy` units at min_speed exceed the cap: jobs must be suspended.
  bool over_cap_at_min_speed(int busy) const { return !uncapped() && busy > 0 && busy_kw(busy, min_speed_) > cap_kw_; }
  // Set f and the powered-off units for the cap and the units busy: units off first, then f in
  // [min_speed, 1]. Returns whether either changed.
  bool rebalance(int total, int busy, int down);
  // A failed node: every free unit powers back on until the next rebalance.
  void power_all_on() { off_units_ = 0; }

 private:
  double idle_u_kw_ = 0, dyn_u_kw_ = 0;  // per unit: idle, and peak - idle
  double min_speed_ = 1;
  double cap_kw_ = std::numeric_limits<double>::infinity();
  double f_ = 1;
  int off_units_ = 0;
  mutable bool blocked_ = false;
};

inline int PoolPower::usable_units(int in_service) const {
  int usable = std::max(0, in_service);
  const double peak_u_kw = idle_u_kw_ + dyn_u_kw_;
  if (!uncapped() && peak_u_kw > 0) usable = std::min<double>(usable, std::floor(cap_kw_ / peak_u_kw));
  return usable;
}

inline bool PoolPower::allows(int busy, int units) const {
  if (uncapped()) return true;
  bool ok = f_ >= 1.0 && (busy + units) * (idle_u_kw_ + dyn_u_kw_) <= cap_kw_;
  if (!ok) blocked_ = true;
  return ok;
}

inline bool PoolPower::set_cap(double cap_kw) {
  if (cap_kw == cap_kw_) return false;
  cap_kw_ = std::max(0.0, cap_kw);
  blocked_ = false;
  return true;
}

inline bool PoolPower::rebalance(int total, int busy, int down) {
  double f = 1.0;
  int off = 0;
  if (!uncapped()) {
    const int free = std::max(0, total - busy - down);
    if (busy_kw(busy, 1.0) <= cap_kw_) {
      // The running jobs fit at full speed: power off just enough free units (whole units, so the
      // pool stays at or under the cap).
      double excess = busy_kw(busy, 1.0) + free * idle_u_kw_ - cap_kw_;
      if (excess > 0 && idle_u_kw_ > 0) off = static_cast<int>(std::min<double>(free, std::ceil(excess / idle_u_kw_)));
    } else {
      off = free;
      if (busy > 0 && dyn_u_kw_ > 0) f = std::clamp((cap_kw_ - busy * idle_u_kw_) / (busy * dyn_u_kw_), min_speed_, 1.0);
    }
  }
  bool changed = f != f_ || off != off_units_;
  f_ = f;
  off_units_ = off;
  return changed;
}

}  // namespace sovcap::scheduling
