#include "simulator/optimize/evaluator.hpp"

#include <cmath>
#include <filesystem>

#include "simulator/optimize/scoring.hpp"
#include "simulator/sweep/driver.hpp"
#include "simulator/sweep/kpis.hpp"

namespace sovcap::optimize {
namespace {
namespace fs = std::filesystem;

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += x + '\x1f';
  return s;
}

std::vector<std::string> keys_of(const Spec& spec) {
  std::vector<std::string> k;
  for (const auto& v : spec.variables) k.push_back(v.key);
  return k;
}

}  // namespace

sweep::SweepSpec runs_spec(const Spec& spec) {
  sweep::SweepSpec sw;
  sw.path = spec.path;
  sw.base = spec.base;
  sw.fixed = spec.fixed;
  sw.kpis_only = true;
  return sw;
}

Evaluator::Evaluator(const Spec& spec, std::string dir, std::string exe, int jobs, bool quiet)
    : spec_(spec), dir_(std::move(dir)), exe_(std::move(exe)), jobs_(jobs), quiet_(quiet), archive_(dir_, keys_of(spec)),
      runs_{dir_ + "/runs"} {
  runs_.create();
  runs_.remove_stale_temps();
}

size_t Evaluator::resume() {
  size_t n = archive_.load();
  for (size_t i = 0; i < archive_.rows().size(); ++i) row_of_run_[archive_.rows()[i].run] = i;
  return n;
}

long Evaluator::design_id(const std::vector<std::string>& values) {
  auto [it, fresh] = designs_.emplace(joined(values), static_cast<long>(designs_.size()));
  (void)fresh;
  return it->second;
}

std::string Evaluator::run_key(const std::string& phase, const std::string& window, uint64_t seed,
                               const std::vector<std::string>& values) const {
  return phase + '\x1e' + window + '\x1e' + std::to_string(seed) + '\x1e' + joined(values);
}

std::vector<std::string> Evaluator::windows(const std::string& phase) const {
  if (phase == "full" || spec_.screening_duration.empty()) return {""};
  if (spec_.screening_starts.empty()) return {"start"};  // the scenario's own start, the screening duration
  return spec_.screening_starts;
}

void Evaluator::check_kpis() const {
  std::string missing;
  for (const auto& o : spec_.objectives)
    if (archive_.kpi_index(o.kpi) < 0)
      missing += config::diagnostic_at(o.place, "objectives", "no KPI '" + o.kpi + "' in the results").format() + "\n";
  for (const auto& c : spec_.constraints)
    if (archive_.kpi_index(c.kpi) < 0)
      missing += config::diagnostic_at(c.place, "constraints", "no KPI '" + c.kpi + "' in the results").format() + "\n";
  if (!missing.empty()) {
    std::string names;
    for (const auto& n : archive_.kpi_names()) names += (names.empty() ? "" : ", ") + n;
    throw MissingKpi(missing + "  (KPIs: " + names + ")");
  }
}

std::vector<Score> Evaluator::evaluate(const std::vector<std::vector<std::string>>& designs, const std::string& phase,
                                       long generation) {
  struct Pending {
    long design;
    std::string window;
    uint64_t seed;
    std::vector<std::string> values;
  };
  std::map<long, Pending> wanted;  // run id -> what it is, for runs not yet in the archive
  std::vector<std::vector<long>> design_runs(designs.size());
  std::vector<sweep::Point> points;
  std::deque<long> pending;
  for (size_t d = 0; d < designs.size(); ++d) {
    long id = design_id(designs[d]);
    for (const auto& w : windows(phase))
      for (uint64_t seed : spec_.seeds) {
        auto [it, fresh] = run_ids_.emplace(run_key(phase, w, seed, designs[d]), static_cast<long>(run_ids_.size()));
        design_runs[d].push_back(it->second);
        if (!fresh || row_of_run_.count(it->second)) continue;
        wanted[it->second] = {id, w, seed, designs[d]};
      }
  }
  // Point index == run id, so the sweep runner's points vector spans every id handed out.
  std::vector<sweep::Point> all(static_cast<size_t>(run_ids_.size()));
  for (auto& [run, p] : wanted) {
    sweep::Point pt;
    pt.index = run;
    pt.seed = p.seed;
    if (!p.window.empty()) {
      pt.params.emplace_back("duration", spec_.screening_duration);
      if (p.window != "start") pt.params.emplace_back("scenario.start", p.window);
    }
    for (size_t v = 0; v < spec_.variables.size(); ++v) pt.params.emplace_back(spec_.variables[v].key, p.values[v]);
    all[static_cast<size_t>(run)] = pt;
  }
  auto record = [&](long run, const sweep::PointOutcome& o) {
    const Pending& p = wanted.at(run);
    RunRecord r;
    r.run = run;
    r.design = p.design;
    r.generation = generation;
    r.phase = phase;
    r.window = p.window;
    r.seed = p.seed;
    r.values = p.values;
    sweep::Kpis k;
    if (o.ok()) {
      try {
        k = sweep::read_kpis(runs_.result(run));
      } catch (const std::exception& e) {
        r.status = "failed";
        r.error = e.what();
      }
    } else {
      r.status = "failed";
      r.error = o.message;
    }
    archive_.append(r, k);
    row_of_run_[run] = archive_.rows().size() - 1;
    std::error_code ec;
    fs::remove(runs_.result(run), ec);  // the archive holds what the search needs
    fs::remove(runs_.log(run), ec);
  };
  for (auto& [run, p] : wanted) {
    if (runs_.done(run))  // finished before a kill, not yet in the archive
      record(run, sweep::PointOutcome{run, 0, ""});
    else
      pending.push_back(run);
  }
  // row_of_run_ follows compact()'s order.
  auto reindex = [&] {
    row_of_run_.clear();
    for (size_t i = 0; i < archive_.rows().size(); ++i) row_of_run_[archive_.rows()[i].run] = i;
  };
  if (!pending.empty()) {
    sweep::SweepSpec sw = runs_spec(spec_);
    sweep::SweepRun run{sw, all, runs_, exe_, jobs_, true, {}};
    run.on_done = [&](const sweep::PointOutcome& o) { record(o.point, o); };
    started_ += static_cast<long>(pending.size());
    signal_ = runner_ ? runner_(run, std::move(pending)).signal : sweep::run_local(run, std::move(pending), 0).signal;
  }
  if (!wanted.empty()) {
    archive_.compact();
    reindex();
  }
  if (signal_) throw std::runtime_error("interrupted");
  if (!archive_.kpi_names().empty()) check_kpis();

  std::vector<Score> out;
  for (size_t d = 0; d < designs.size(); ++d) {
    Score s;
    s.design = design_id(designs[d]);
    s.values = designs[d];
    // Per seed: the mean over windows; then over seeds.
    auto combined = [&](const std::string& kpi, bool higher_is_worse) {
      long col = archive_.kpi_index(kpi);
      std::map<uint64_t, std::pair<double, int>> per_seed;
      for (long run : design_runs[d]) {
        const auto& row = archive_.rows()[row_of_run_.at(run)];
        double v = row.status == "ok" && col >= 0 ? row.kpis[static_cast<size_t>(col)] : std::nan("");
        auto& acc = per_seed[row.seed];
        acc.first += v;
        acc.second += 1;
      }
      std::vector<double> xs;
      for (auto& [seed, acc] : per_seed) xs.push_back(acc.first / acc.second);
      return combine(xs, spec_.combine, spec_.cvar_level, higher_is_worse);
    };
    for (long run : design_runs[d]) s.failed = s.failed || archive_.rows()[row_of_run_.at(run)].status != "ok";
    for (const auto& o : spec_.objectives) s.objectives.push_back(combined(o.kpi, !o.maximize));
    for (const auto& c : spec_.constraints) {
      // The side a constraint guards decides which side is worse.
      double v = combined(c.kpi, c.max.has_value());
      s.constraints.push_back(v);
      s.violation += violation(c, v);
    }
    for (double v : s.objectives)
      if (std::isnan(v)) s.failed = true;
    if (s.failed) s.violation = kFailedViolation;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace sovcap::optimize
