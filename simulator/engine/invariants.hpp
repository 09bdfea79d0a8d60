#pragma once
// Runtime invariants of a run, checked in debug builds (active unless NDEBUG;
// force with -DSOVCAP_INVARIANTS=1 or =0). A broken invariant throws
// InvariantError naming the check, the place in the source and the values; in
// an actor that becomes the run's failure (exit 1 with the message), like any
// other exception. In release builds the checks compile to nothing and their
// arguments are not evaluated.
//
//   power balance per site and sample (DESIGN.md, to 1e-6 MW plus 1e-9 relative):
//     solar + wind + battery_discharge + grid_import + unserved
//       == facility + battery_charge + curtailed + grid_export
//   GPU/CPU accounting: 0 <= busy <= total
//   job times: submit <= arrive_site <= start <= end (times not reached are NaN
//     and skipped), no time negative or infinite
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>

#include "models/workload/job.hpp"
#include "simulator/output/samples.hpp"

#ifndef SOVCAP_INVARIANTS
#ifdef NDEBUG
#define SOVCAP_INVARIANTS 0
#else
#define SOVCAP_INVARIANTS 1
#endif
#endif

#if SOVCAP_INVARIANTS
#define SOVCAP_INVARIANT(cond, what)                                                 \
  do {                                                                               \
    if (!(cond)) ::sovcap::engine::invariant_broken(#cond, __FILE__, __LINE__, what); \
  } while (0)
#else
#define SOVCAP_INVARIANT(cond, what) \
  do {                               \
    if (false) {                     \
      (void)(cond);                  \
      (void)(what);                  \
    }                                \
  } while (0)
#endif

namespace sovcap::engine {

class InvariantError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

[[noreturn]] inline void invariant_broken(const char* cond, const char* file, int line, const std::string& what) {
  throw InvariantError("invariant broken: " + what + " [" + cond + " at " + file + ":" + std::to_string(line) + "]");
}

namespace invariant_detail {
inline std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}
}  // namespace invariant_detail

// One site's sample at simulated time t_s.
inline void check_sample(const std::string& site, double t_s, const output::SiteSample& s) {
  using invariant_detail::num;
  const double supply = s.solar_mw + s.wind_mw + s.battery_discharge_mw + s.grid_import_mw + s.unserved_mw;
  const double demand = s.facility_power_mw + s.battery_charge_mw + s.curtailed_mw + s.grid_export_mw;
  SOVCAP_INVARIANT(std::abs(supply - demand) <= 1e-6 + 1e-9 * std::max(std::abs(supply), std::abs(demand)),
                   "power balance of site '" + site + "' at t=" + num(t_s) + " s: supply " + num(supply) +
                       " MW (solar+wind+discharge+import+unserved) != demand " + num(demand) +
                       " MW (facility+charge+curtailed+export)");
  SOVCAP_INVARIANT(s.busy_gpus >= 0 && s.busy_gpus <= s.total_gpus * (1 + 1e-12),  // a step mean: rounding
                   "GPU accounting of site '" + site + "' at t=" + num(t_s) + " s: busy " + num(s.busy_gpus) +
                       " of " + num(s.total_gpus));
  SOVCAP_INVARIANT(s.busy_cpus >= 0 && s.busy_cpus <= s.total_cpus * (1 + 1e-12),
                   "CPU accounting of site '" + site + "' at t=" + num(t_s) + " s: busy " + num(s.busy_cpus) +
                       " of " + num(s.total_cpus));
}

// A job as it is recorded: its times in order (NaN = not reached).
inline void check_job(const workload::Job& j) {
  using invariant_detail::num;
  const double times[] = {j.submit_s, j.arrive_site_s, j.start_s, j.end_s};
  const char* names[] = {"submit", "arrive", "start", "end"};
  int last = -1;
  for (int i = 0; i < 4; ++i) {
    if (std::isnan(times[i])) continue;
    SOVCAP_INVARIANT(std::isfinite(times[i]) && times[i] >= 0,
                     "job " + std::to_string(j.id) + ": " + names[i] + " time " + num(times[i]) + " s");
    SOVCAP_INVARIANT(last < 0 || times[last] <= times[i],
                     "job " + std::to_string(j.id) + " state machine: " + names[last < 0 ? 0 : last] + " " +
                         num(times[last < 0 ? 0 : last]) + " s after " + names[i] + " " + num(times[i]) +
                         " s (submit <= arrive <= start <= end)");
    last = i;
  }
}

}  // namespace sovcap::engine
