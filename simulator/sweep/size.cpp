#include "simulator/sweep/size.hpp"

#include <cmath>

#include "simulator/sweep/spec.hpp"

namespace sovcap::sweep {

bool Target::holds(double v) const {
  if (std::isnan(v)) return false;
  switch (op) {
    case Op::le: return v <= value;
    case Op::ge: return v >= value;
    case Op::lt: return v < value;
    case Op::gt: return v > value;
  }
  return false;
}

Target parse_target(const std::string& text) {
  static const std::pair<const char*, Target::Op> ops[] = {
      {"<=", Target::Op::le}, {">=", Target::Op::ge}, {"<", Target::Op::lt}, {">", Target::Op::gt}};
  auto trim = [](std::string s) {
    auto b = s.find_first_not_of(" \t");
    auto e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  for (const auto& [sym, op] : ops) {
    auto at = text.find(sym);
    if (at == std::string::npos) continue;
    Target t;
    t.kpi = trim(text.substr(0, at));
    t.op = op;
    t.text = text;
    std::string rhs = trim(text.substr(at + std::string(sym).size()));
    if (t.kpi.empty()) throw std::invalid_argument("target '" + text + "' names no KPI (e.g. wait_p95_s<=7200)");
    if (!numeric_value(rhs, t.value))
      throw std::invalid_argument("target '" + text + "': '" + rhs + "' is not a number (a number, or a quantity such as 2h)");
    return t;
  }
  throw std::invalid_argument("target '" + text + "' has no comparison (KPI<=X, KPI>=X, KPI<X or KPI>X)");
}

Sizing bisect(double lo, double hi, double tol, const std::function<Probe(double)>& probe) {
  Sizing s;
  auto run = [&](double v) {
    s.probes.push_back(probe(v));
    return s.probes.back().pass;
  };
  if (run(lo)) {
    s.outcome = Sizing::Outcome::met_at_lo;
    s.answer = lo;
    return s;
  }
  if (!run(hi)) {
    s.outcome = Sizing::Outcome::not_met_at_hi;
    s.answer = hi;
    return s;
  }
  double fail = lo, pass = hi;
  while (pass - fail > tol) {
    double mid = 0.5 * (fail + pass);
    if (mid <= fail || mid >= pass) break;  // floating point can split no further
    (run(mid) ? pass : fail) = mid;
  }
  s.outcome = Sizing::Outcome::found;
  s.answer = pass;
  return s;
}

}  // namespace sovcap::sweep
