#pragma once
// Sizing: the smallest value of one parameter (battery energy, GPU nodes, ...)
// that meets every target, by bisection, assuming the targets only get easier
// as the parameter grows. Each probe is judged on KPI means over several seeds.
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sovcap::sweep {

// "wait_p95_s<=7200", "renewable_fraction >= 0.9", "dakhla.wait_p95_s<2h".
struct Target {
  enum class Op { le, ge, lt, gt };
  std::string kpi;
  Op op = Op::le;
  double value = 0;   // in the KPI's unit (quantities such as 2h are converted to the base unit)
  std::string text;   // as given
  bool holds(double v) const;
};

// Throws std::invalid_argument with what is wrong and what is allowed.
Target parse_target(const std::string& text);

struct Probe {
  double value = 0;
  std::vector<std::pair<std::string, double>> means;  // the targets' KPIs, means over seeds
  bool pass = false;
};

struct Sizing {
  enum class Outcome { found, met_at_lo, not_met_at_hi };
  Outcome outcome = Outcome::found;
  double answer = 0;  // found: smallest passing value seen (within tol of the threshold); met_at_lo: lo
  std::vector<Probe> probes;
};

// Probes lo, then hi, then bisects until the passing and failing values are within tol.
// The probe function may throw; the exception passes through.
Sizing bisect(double lo, double hi, double tol, const std::function<Probe(double)>& probe);

}  // namespace sovcap::sweep
