#include "simulator/optimize/outputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "simulator/config/json_text.hpp"
#include "simulator/optimize/pareto.hpp"
#include "simulator/sweep/layout.hpp"
#include "simulator/sweep/merge.hpp"

namespace sovcap::optimize {
namespace {

std::string num(double v) { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); }

std::vector<long> feasible_ids(const SearchResult& r, long up_to_generation) {
  std::vector<long> ids;
  for (size_t i = 0; i < r.designs.size(); ++i)
    if (r.designs[i].design >= 0 && r.designs[i].feasible() && r.generation_of[i] <= up_to_generation)
      ids.push_back(static_cast<long>(i));
  return ids;
}

std::vector<long> front_of(const Spec& spec, const SearchResult& r, const std::vector<long>& ids) {
  std::vector<std::vector<double>> pts;
  for (long i : ids) pts.push_back(minimised(spec, r.designs[static_cast<size_t>(i)]));
  std::vector<long> out;
  for (size_t k : non_dominated(pts)) out.push_back(ids[k]);
  return out;
}

double hv_of(const Spec& spec, const SearchResult& r, const std::vector<long>& ids, const std::vector<double>& ref) {
  std::vector<std::vector<double>> pts;
  for (long i : front_of(spec, r, ids)) pts.push_back(minimised(spec, r.designs[static_cast<size_t>(i)]));
  return hypervolume(pts, ref);
}

}  // namespace

std::vector<double> minimised(const Spec& spec, const Score& s) {
  std::vector<double> v;
  for (size_t k = 0; k < spec.objectives.size(); ++k) v.push_back(spec.objectives[k].maximize ? -s.objectives[k] : s.objectives[k]);
  return v;
}

Outcome analyse(const Spec& spec, const SearchResult& r) {
  Outcome o;
  auto all = feasible_ids(r, spec.generations);
  o.front = front_of(spec, r, all);
  // Reference: the spec's, else the nadir of every feasible design pushed out by a tenth of the
  // range (so the extreme designs count), fixed for every generation.
  size_t m = spec.objectives.size();
  for (size_t k = 0; k < m; ++k) {
    const auto& obj = spec.objectives[k];
    if (obj.reference) {
      o.reference.push_back(obj.maximize ? -*obj.reference : *obj.reference);
      continue;
    }
    double lo = INFINITY, hi = -INFINITY;
    for (long i : all) {
      double v = minimised(spec, r.designs[static_cast<size_t>(i)])[k];
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    if (all.empty()) {
      o.reference.push_back(0);
      continue;
    }
    double span = hi - lo > 0 ? hi - lo : std::max(std::fabs(hi), 1.0);
    o.reference.push_back(hi + 0.1 * span);
  }
  o.hypervolume = hv_of(spec, r, all, o.reference);
  return o;
}

void write_outputs(const Spec& spec, const SearchResult& r, const Outcome& o, const std::string& dir, long runs) {
  using sweep::csv_field;
  std::vector<bool> on_front(r.designs.size(), false);
  for (long i : o.front) on_front[static_cast<size_t>(i)] = true;
  auto var_header = [&] {
    std::string h;
    for (const auto& v : spec.variables) h += "," + csv_field("var." + v.key);
    return h;
  };
  auto var_cells = [&](const Score& s) {
    std::string c;
    for (const auto& v : s.values) c += "," + csv_field(v);
    return c;
  };

  std::string d = "design,generation,feasible,failed,violation,on_front" + var_header();
  for (const auto& ob : spec.objectives) d += "," + csv_field("obj." + ob.kpi);
  for (const auto& c : spec.constraints) d += "," + csv_field("con." + c.kpi);
  d += "\n";
  for (size_t i = 0; i < r.designs.size(); ++i) {
    const auto& s = r.designs[i];
    if (s.design < 0) continue;
    d += fmt::format("{},{},{},{},{},{}", s.design, r.generation_of[i], s.feasible() ? 1 : 0, s.failed ? 1 : 0, num(s.violation),
                     on_front[i] ? 1 : 0) +
         var_cells(s);
    for (double v : s.objectives) d += "," + num(v);
    for (double v : s.constraints) d += "," + num(v);
    d += "\n";
  }
  sweep::write_file_atomically(dir + "/designs.csv", d);

  const auto& fid = o.fidelity;
  std::string f = "design,generation" + var_header();
  for (const auto& ob : spec.objectives) f += "," + csv_field("obj." + ob.kpi);
  if (fid.screened) {
    for (const auto& ob : spec.objectives) f += "," + csv_field("full.obj." + ob.kpi);
    f += ",full.feasible,full.on_front";
  }
  f += "\n";
  std::vector<std::vector<double>> full_pts;
  if (fid.screened)
    for (const auto& s : fid.full) full_pts.push_back(minimised(spec, s));
  for (size_t k = 0; k < o.front.size(); ++k) {
    const auto& s = r.designs[static_cast<size_t>(o.front[k])];
    f += fmt::format("{},{}", s.design, r.generation_of[static_cast<size_t>(o.front[k])]) + var_cells(s);
    for (double v : s.objectives) f += "," + num(v);
    if (fid.screened) {
      const auto& full = fid.full[k];
      for (double v : full.objectives) f += "," + num(v);
      bool dominated = false;
      if (full.feasible())
        for (size_t j = 0; j < fid.full.size(); ++j)
          dominated = dominated || (j != k && fid.full[j].feasible() && dominates(full_pts[j], full_pts[k]));
      f += fmt::format(",{},{}", full.feasible() ? 1 : 0, full.feasible() && !dominated ? 1 : 0);
    }
    f += "\n";
  }
  sweep::write_file_atomically(dir + "/front.csv", f);

  std::string h = "generation,designs,feasible,front_size,hypervolume,hypervolume_normalised\n";
  double box = 1;
  {
    auto all = feasible_ids(r, spec.generations);
    for (size_t k = 0; k < spec.objectives.size(); ++k) {
      double ideal = INFINITY;
      for (long i : all) ideal = std::min(ideal, minimised(spec, r.designs[static_cast<size_t>(i)])[k]);
      box *= all.empty() ? 1 : std::max(o.reference[k] - ideal, 1e-300);
    }
  }
  for (long g = 0; g <= spec.generations; ++g) {
    long designs = 0;
    for (size_t i = 0; i < r.designs.size(); ++i) designs += r.designs[i].design >= 0 && r.generation_of[i] <= g;
    auto ids = feasible_ids(r, g);
    double hv = hv_of(spec, r, ids, o.reference);
    h += fmt::format("{},{},{},{},{},{}\n", g, designs, ids.size(), front_of(spec, r, ids).size(), num(hv), num(hv / box));
  }
  sweep::write_file_atomically(dir + "/hypervolume.csv", h);

  std::string n = "objective,design,value,best,gap" + var_header() + "\n";
  auto all = feasible_ids(r, spec.generations);
  std::vector<std::vector<double>> pts;
  for (long i : all) pts.push_back(minimised(spec, r.designs[static_cast<size_t>(i)]));
  auto near = near_optimal(pts, spec.near_optimal_margin);
  for (size_t k = 0; k < near.size(); ++k) {
    double best = INFINITY;
    for (const auto& p : pts) best = std::min(best, p[k]);
    for (size_t idx : near[k]) {
      const auto& s = r.designs[static_cast<size_t>(all[idx])];
      double gap = best != 0 ? (pts[idx][k] - best) / std::fabs(best) : 0;
      double shown_best = spec.objectives[k].maximize ? -best : best;
      n += csv_field(spec.objectives[k].kpi) + fmt::format(",{},{},{},{}", s.design, num(s.objectives[k]), num(shown_best), num(gap)) +
           var_cells(s) + "\n";
    }
  }
  sweep::write_file_atomically(dir + "/near_optimal.csv", n);

  std::string j = "{\n";
  j += "  \"schema\": \"sovcap-optimize/1\",\n";
  j += "  \"spec\": " + config::json_string(spec.path) + ",\n  \"base\": " + config::json_string(spec.base) + ",\n";
  j += "  \"algorithm\": " + config::json_string(spec.algorithm) + fmt::format(",\n  \"population\": {},\n  \"generations\": {},\n  \"seed\": {},\n",
                                                                    spec.population, spec.generations, spec.seed);
  j += "  \"seeds\": [";
  for (size_t i = 0; i < spec.seeds.size(); ++i) j += (i ? ", " : "") + std::to_string(spec.seeds[i]);
  j += "],\n  \"combine\": " +
       config::json_string(spec.combine == Combine::mean ? "mean" : spec.combine == Combine::worst ? "worst" : "cvar") +
       ",\n  \"cvar_level\": " + config::json_number(spec.cvar_level) + ",\n";
  j += "  \"screening\": {\"duration\": " + config::json_string(spec.screening_duration) + ", \"starts\": [";
  for (size_t i = 0; i < spec.screening_starts.size(); ++i) j += (i ? ", " : "") + config::json_string(spec.screening_starts[i]);
  j += "]},\n  \"objectives\": [";
  for (size_t k = 0; k < spec.objectives.size(); ++k)
    j += std::string(k ? ", " : "") + "{\"kpi\": " + config::json_string(spec.objectives[k].kpi) +
         ", \"goal\": " + config::json_string(spec.objectives[k].maximize ? "max" : "min") +
         ", \"reference\": " + config::json_number(spec.objectives[k].maximize ? -o.reference[k] : o.reference[k]) + "}";
  j += "],\n  \"constraints\": [";
  for (size_t k = 0; k < spec.constraints.size(); ++k) {
    const auto& c = spec.constraints[k];
    j += std::string(k ? ", " : "") + "{\"kpi\": " + config::json_string(c.kpi) + ", \"min\": " + config::json_number(c.min ? *c.min : NAN) +
         ", \"max\": " + config::json_number(c.max ? *c.max : NAN) + "}";
  }
  j += "],\n  \"variables\": [";
  for (size_t k = 0; k < spec.variables.size(); ++k) {
    const auto& v = spec.variables[k];
    const char* kind = v.kind == Variable::Kind::real ? "real" : v.kind == Variable::Kind::integer ? "integer" : "choice";
    j += std::string(k ? ", " : "") + "{\"key\": " + config::json_string(v.key) + ", \"kind\": \"" + kind + "\", \"min\": " + config::json_number(v.min) +
         ", \"max\": " + config::json_number(v.max) + ", \"unit\": " + config::json_string(v.unit) + ", \"choices\": [";
    for (size_t c = 0; c < v.choices.size(); ++c) j += (c ? ", " : "") + config::json_string(v.choices[c]);
    j += "]}";
  }
  long feasible = 0, designs = 0;
  for (const auto& s : r.designs) {
    designs += s.design >= 0;
    feasible += s.design >= 0 && s.feasible();
  }
  j += fmt::format("],\n  \"near_optimal_margin\": {},\n  \"runs\": {},\n  \"designs\": {},\n  \"feasible\": {},\n  \"front_size\": {},\n",
                   spec.near_optimal_margin, runs, designs, feasible, o.front.size());
  j += "  \"hypervolume\": " + config::json_number(o.hypervolume) + ",\n  \"fidelity\": ";
  if (!fid.screened) {
    j += "null\n";
  } else {
    j += "{\"kendall_tau\": [";
    for (size_t k = 0; k < fid.kendall.size(); ++k) j += (k ? ", " : "") + config::json_number(fid.kendall[k]);
    j += fmt::format("], \"front_designs\": {}, \"still_feasible\": {}, \"still_non_dominated\": {}}}\n", o.front.size(),
                     fid.still_feasible, fid.still_front);
  }
  j += "}\n";
  sweep::write_file_atomically(dir + "/summary.json", j);
}

}  // namespace sovcap::optimize
