// `sovcap size`: bisection on one parameter; each probe runs several seeds in
// parallel (as `sovcap run` children) and passes if every target holds on the
// means over seeds.
#include <fmt/format.h>
#include <stdlib.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <thread>

#include "simulator/config/regular_file.hpp"
#include "simulator/sweep/commands.hpp"
#include "simulator/sweep/driver.hpp"
#include "simulator/sweep/interrupt.hpp"
#include "simulator/sweep/kpis.hpp"
#include "simulator/sweep/local_pool.hpp"
#include "simulator/sweep/size.hpp"

namespace sovcap::sweep {
namespace {

namespace fs = std::filesystem;

struct Stop {
  int code;
  bool keep_logs = false;  // a run failed: its log stays for a look
};

std::string with_unit(double v, const std::string& unit) { return format_number(v) + (unit.empty() ? "" : " " + unit); }

class Prober {
 public:
  Prober(const SizeArgs& a, const std::vector<Target>& targets, SweepSpec& spec, SweepDir dir)
      : a_(a), targets_(targets), spec_(spec), dir_(std::move(dir)) {}

  Probe operator()(double value) {
    long first = count_ * a_.seeds;
    ++count_;
    LocalPool pool(exe(), spec_, dir_, a_.jobs);
    std::vector<Point> points;
    for (int s = 0; s < a_.seeds; ++s)
      points.push_back({first + s, {{a_.param, format_number(value) + a_.unit}}, static_cast<uint64_t>(s + 1)});
    size_t next = 0, finished = 0;
    std::vector<PointOutcome> outcomes;
    while (finished < points.size()) {
      if (int sig = interrupt_signal()) {
        pool.stop_all();
        throw Stop{128 + sig};
      }
      while (pool.has_slot() && next < points.size()) pool.start(points[next++]);
      for (auto& o : pool.reap()) {
        ++finished;
        outcomes.push_back(o);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    for (const auto& o : outcomes)
      if (!o.ok()) {
        std::cerr << "size: the run at " << a_.param << " = " << with_unit(value, a_.unit) << " failed: " << o.message
                  << "\n  log: " << dir_.log(o.point) << "\n";
        throw Stop{o.exit_code == 2 ? 2 : 1, true};
      }
    Probe p;
    p.value = value;
    p.pass = true;
    std::vector<Kpis> runs;
    for (const auto& pt : points) runs.push_back(read_kpis(dir_.result(pt.index)));
    for (const auto& t : targets_) {
      double sum = 0;
      for (const auto& k : runs) sum += kpi(k, t.kpi);
      double mean = sum / static_cast<double>(runs.size());
      if (std::isnan(mean)) {
        std::string names;
        for (const auto& [n, v] : runs.front()) names += (names.empty() ? "" : ", ") + n;
        std::cerr << "size: error: --target " << t.text << ": no KPI '" << t.kpi << "' in the results (KPIs: " << names << ")\n";
        throw Stop{2};
      }
      p.means.emplace_back(t.kpi, mean);
      p.pass = p.pass && t.holds(mean);
    }
    if (!a_.quiet) {
      std::string kpis;
      for (const auto& [n, v] : p.means) kpis += fmt::format("{}{} = {:.6g}", kpis.empty() ? "" : ", ", n, v);
      std::cout << fmt::format("probe {}: {} = {}: {} -> {}", count_, a_.param, with_unit(value, a_.unit), kpis,
                               p.pass ? "pass" : "fail")
                << std::endl;
    }
    return p;
  }

 private:
  std::string exe() const { return a_.self_exe.empty() ? self_executable() : a_.self_exe; }
  const SizeArgs& a_;
  const std::vector<Target>& targets_;
  SweepSpec& spec_;
  SweepDir dir_;
  long count_ = 0;
};

}  // namespace

int cmd_size(const SizeArgs& a) {
  std::vector<std::string> errors;
  std::vector<Target> targets;
  for (const auto& t : a.targets) {
    try {
      targets.push_back(parse_target(t));
    } catch (const std::invalid_argument& e) {
      errors.push_back(e.what());
    }
  }
  if (a.targets.empty()) errors.push_back("give at least one --target, e.g. --target \"wait_p95_s<=7200\"");
  if (a.param.empty()) errors.push_back("--param KEY.PATH is required");
  if (!(a.hi > a.lo)) errors.push_back(fmt::format("--hi ({}) must be above --lo ({})", a.hi, a.lo));
  if (a.tol < 0) errors.push_back("--tol must not be negative");
  if (a.seeds < 1) errors.push_back("--seeds must be at least 1");
  if (a.jobs < 1) errors.push_back("-j must be at least 1");
  if (std::string what = config::not_a_regular_file(a.config); what == "no such file")
    errors.push_back("no such scenario file: " + a.config);
  else if (!what.empty())
    errors.push_back(a.config + " is " + what + ", not a scenario file");
  if (!a.unit.empty()) {
    double v = 0;
    if (!numeric_value("1" + a.unit, v)) errors.push_back("--unit " + a.unit + " is not a unit (s, h, d; kW, MW; kWh, MWh, GWh; GB, TB; Gbps)");
  }
  SweepSpec spec;
  spec.base = a.config;
  for (const auto& o : a.overrides) {
    auto eq = o.find('=');
    if (eq == std::string::npos || eq == 0)
      errors.push_back("--set " + o + ": expected KEY.PATH=VALUE");
    else
      spec.fixed.emplace_back(o.substr(0, eq), o.substr(eq + 1));
  }
  if (!errors.empty()) {
    for (const auto& e : errors) std::cerr << "size: error: " << e << "\n";
    return 2;
  }
  double tol = a.tol > 0 ? a.tol : (a.hi - a.lo) / 100;

  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/sovcap-size-XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!::mkdtemp(buf.data())) {
    std::cerr << "size: error: cannot create a temporary directory " << pattern << "\n";
    return 1;
  }
  SweepDir dir{std::string(buf.data())};
  dir.create();
  InterruptGuard guard;
  int code = 0;
  bool keep = false;
  try {
    Prober prober(a, targets, spec, dir);
    Sizing s = bisect(a.lo, a.hi, tol, std::ref(prober));
    switch (s.outcome) {
      case Sizing::Outcome::met_at_lo:
        std::cout << "answer: the targets are already met at lo: " << a.param << " = " << with_unit(a.lo, a.unit) << "\n";
        break;
      case Sizing::Outcome::not_met_at_hi:
        std::cout << "answer: the targets are not met even at hi: " << a.param << " = " << with_unit(a.hi, a.unit) << "\n";
        code = 1;
        break;
      case Sizing::Outcome::found:
        std::cout << "answer: " << a.param << " = " << with_unit(s.answer, a.unit) << " (smallest value meeting every target, within "
                  << with_unit(tol, a.unit) << "; " << s.probes.size() << " probes of " << a.seeds << " seeds)\n";
        break;
    }
  } catch (const Stop& st) {
    code = st.code;
    keep = st.keep_logs;
  } catch (const std::exception& e) {
    std::cerr << "size: error: " << e.what() << "\n";
    code = 1;
  }
  std::error_code ec_rm;
  if (keep)
    std::cerr << "size: the runs' logs are kept in " << dir.root << "/logs\n";
  else
    fs::remove_all(dir.root, ec_rm);
  return code;
}

}  // namespace sovcap::sweep
