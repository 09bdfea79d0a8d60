#include "simulator/optimize/spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "simulator/config/loader.hpp"
#include "simulator/config/suggest.hpp"
#include "simulator/config/units.hpp"
#include "simulator/output/figures.hpp"
#include "simulator/sweep/spec_base.hpp"

namespace sovcap::optimize {
namespace {

using config::Diagnostic;
using config::Node;
using config::Place;

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

std::string shown(const Node& n) { return n.is_scalar() ? "'" + n.scalar + "'" : std::string(n.kind_name()); }

class Parser {
 public:
  explicit Parser(std::vector<Diagnostic>& d) : diags_(d) {}

  void error(const Place& at, const std::string& key, const std::string& what, const std::string& allowed = "") {
    diags_.push_back(config::diagnostic_at(at, key, what, allowed));
  }

  bool check_map(const Node& n, const std::string& path, const std::vector<std::string>& known) {
    return sweep::check_keys(n, path, known, diags_);
  }

  std::optional<double> number(const Node& n, const std::string& path) {
    if (n.is_scalar()) try {
        return config::parse_plain_number(n.scalar);
      } catch (const config::UnitError&) {
      }
    error(n.place, path, shown(n) + " is not a number", "a plain number; put a unit under 'unit'");
    return std::nullopt;
  }

  std::optional<long> whole(const Node& n, const std::string& path, long lo, long hi) {
    auto v = number(n, path);
    if (!v) return std::nullopt;
    if (*v != std::floor(*v) || *v < static_cast<double>(lo) || *v > static_cast<double>(hi)) {
      error(n.place, path, shown(n) + " is out of range", fmt::format("a whole number from {} to {}", lo, hi));
      return std::nullopt;
    }
    return static_cast<long>(*v);
  }

  std::optional<uint64_t> seed(const Node& n, const std::string& path) { return sweep::read_seed(n, path, diags_); }

  std::string word(const Node& n, const std::string& path, const std::vector<std::string>& allowed) {
    if (n.is_scalar() && std::find(allowed.begin(), allowed.end(), n.scalar) != allowed.end()) return n.scalar;
    std::string hint = n.is_scalar() ? config::did_you_mean(n.scalar, allowed) : "";
    error(n.place, path, shown(n) + " is not allowed here" + (hint.empty() ? "" : "; " + hint), join(allowed));
    return "";
  }

  std::string unit(const Node& n, const std::string& path) {
    if (n.is_scalar())
      for (auto q : {config::Quantity::duration, config::Quantity::power, config::Quantity::energy, config::Quantity::data,
                     config::Quantity::bandwidth}) {
        try {
          config::parse_quantity("1" + n.scalar, q);
          return n.scalar;
        } catch (const config::UnitError&) {
        }
      }
    error(n.place, path, "unknown unit " + shown(n),
          "s, min, h, d, y; kW, MW; kWh, MWh, GWh; MB, GB, TB; Gbps, or leave it out for a plain number");
    return "";
  }

  std::string kpi_name(const Node* n, const Place& parent, const std::string& path) {
    if (n && n->is_scalar() && !n->scalar.empty()) return n->scalar;
    error(n ? n->place : parent, path, n ? shown(*n) + " is not a KPI name" : "missing the KPI",
          "a KPI of `sovcap summary --json`, e.g. carbon_t, wait_p95_s, dakhla.unserved_mwh");
    return "";
  }

  void variable(const Node& n, const std::string& path, Spec& spec) {
    if (!check_map(n, path, {"key", "min", "max", "unit", "integer", "choices"})) return;
    Variable v;
    v.place = n.place;
    const Node* key = n.get("key");
    if (!key || !key->is_scalar() || key->scalar.empty())
      error(key ? key->place : n.place, path + ".key", "missing the key to decide", "a KEY.PATH such as sites.dakhla.battery.energy");
    else
      v.key = key->scalar;
    const Node *lo = n.get("min"), *hi = n.get("max"), *ch = n.get("choices"), *in = n.get("integer");
    if (ch) {
      v.kind = Variable::Kind::choice;
      if (lo || hi || in || n.get("unit"))
        error(ch->place, path + ".choices", "choices go alone", "either choices, or min and max (with unit, integer)");
      if (!ch->is_seq() || ch->items.size() < 2) {
        error(ch->place, path + ".choices", std::string("expected a list of at least two values, found ") + ch->kind_name());
        return;
      }
      for (size_t i = 0; i < ch->items.size(); ++i) {
        const Node& item = ch->items[i];
        if (!item.is_scalar())
          error(item.place, fmt::format("{}.choices.{}", path, i), std::string("expected a single value, found ") + item.kind_name());
        else
          v.choices.push_back(item.scalar);
      }
      v.min = 0;
      v.max = static_cast<double>(v.choices.size()) - 1;
    } else {
      if (!lo || !hi) {
        error(n.place, path, "missing min or max", "min and max (bounds, in unit), or choices: [a, b, ...]");
        return;
      }
      auto a = number(*lo, path + ".min"), b = number(*hi, path + ".max");
      if (const Node* u = n.get("unit")) v.unit = unit(*u, path + ".unit");
      if (in) {
        if (in->is_scalar() && (in->scalar == "true" || in->scalar == "false"))
          v.kind = in->scalar == "true" ? Variable::Kind::integer : Variable::Kind::real;
        else
          error(in->place, path + ".integer", shown(*in) + " is not true or false", "true (whole values) or false");
      }
      if (!a || !b) return;
      if (*b <= *a) return error(hi->place, path + ".max", "'max' is not above 'min'", "max > min");
      if (v.kind == Variable::Kind::integer && (*a != std::floor(*a) || *b != std::floor(*b)))
        return error(lo->place, path + ".min", "an integer variable needs whole bounds", "whole min and max");
      v.min = *a;
      v.max = *b;
    }
    spec.variables.push_back(std::move(v));
  }

  void objective(const Node& n, const std::string& path, Spec& spec) {
    if (!check_map(n, path, {"kpi", "goal", "reference"})) return;
    Objective o;
    o.place = n.place;
    o.kpi = kpi_name(n.get("kpi"), n.place, path + ".kpi");
    if (const Node* g = n.get("goal"))
      o.maximize = word(*g, path + ".goal", {"min", "max"}) == "max";
    else
      error(n.place, path + ".goal", "missing the goal", "min or max");
    if (const Node* r = n.get("reference")) o.reference = number(*r, path + ".reference");
    spec.objectives.push_back(o);
  }

  void constraint(const Node& n, const std::string& path, Spec& spec) {
    if (!check_map(n, path, {"kpi", "min", "max"})) return;
    Constraint c;
    c.place = n.place;
    c.kpi = kpi_name(n.get("kpi"), n.place, path + ".kpi");
    if (const Node* lo = n.get("min")) c.min = number(*lo, path + ".min");
    if (const Node* hi = n.get("max")) c.max = number(*hi, path + ".max");
    if (!n.get("min") && !n.get("max")) error(n.place, path, "a constraint needs a bound", "min, max or both");
    if (c.min && c.max && *c.max < *c.min) error(n.get("max")->place, path + ".max", "'max' is below 'min'", "max >= min");
    spec.constraints.push_back(c);
  }

 private:
  std::vector<Diagnostic>& diags_;
};

std::vector<std::string> override_texts(const Overrides& o) {
  std::vector<std::string> out;
  for (const auto& [k, v] : o) out.push_back(k + "=" + v);
  return out;
}

// The scenario must load with the fixed overrides, and with each variable at its bounds (each
// choice): a wrong key or value is reported at the spec's line before any run.
void check_against_scenario(Parser& p, const Spec& spec, const Node& root) {
  auto fixed = override_texts(spec.fixed);
  try {
    auto sc = config::load_scenario(spec.base, fixed);
    // KPIs by name, from the results registry: a whole-run KPI, or "<site>.<column>".
    std::vector<std::string> names;
    for (const auto* f : output::figures_of(output::Table::kpi))
      if (f->type != output::Type::text) names.push_back(f->name);
    for (const auto& site : sc.sites)
      for (const auto* f : output::figures_of(output::Table::sites))
        if (f->type != output::Type::text) names.push_back(site.id + "." + f->name);
    auto check = [&](const std::string& kpi, const Place& at, const std::string& path) {
      if (kpi.empty() || std::find(names.begin(), names.end(), kpi) != names.end()) return;
      std::string hint = config::did_you_mean(kpi, names);
      p.error(at, path, "no KPI '" + kpi + "' in this scenario's results" + (hint.empty() ? "" : "; " + hint),
              "a KPI of `sovcap summary --json` (docs/results.md), or SITE.COLUMN of /summary/sites");
    };
    for (size_t i = 0; i < spec.objectives.size(); ++i)
      check(spec.objectives[i].kpi, spec.objectives[i].place, fmt::format("objectives.{}.kpi", i));
    for (size_t i = 0; i < spec.constraints.size(); ++i)
      check(spec.constraints[i].kpi, spec.constraints[i].place, fmt::format("constraints.{}.kpi", i));
  } catch (const config::ConfigError& e) {
    const Node* set = root.get("set");
    for (const auto& d : e.diagnostics)
      p.error(set ? set->place : root.place, "set", "the scenario does not load with these overrides: " + d.format());
    return;
  }
  for (size_t i = 0; i < spec.variables.size(); ++i) {
    const auto& v = spec.variables[i];
    std::vector<double> probe = v.kind == Variable::Kind::choice ? std::vector<double>() : std::vector<double>{v.min, v.max};
    for (size_t c = 0; c < v.choices.size(); ++c) probe.push_back(static_cast<double>(c));
    for (double x : probe) {
      auto o = fixed;
      o.push_back(v.key + "=" + v.text(x));
      try {
        config::load_scenario(spec.base, o);
      } catch (const config::ConfigError& e) {
        std::string why = e.diagnostics.empty() ? e.what() : e.diagnostics.front().message;
        if (!e.diagnostics.empty() && !e.diagnostics.front().allowed.empty()) why += " (" + e.diagnostics.front().allowed + ")";
        p.error(v.place, fmt::format("variables.{}", i), "the scenario rejects " + v.key + "=" + v.text(x) + ": " + why);
        break;
      }
    }
  }
}

}  // namespace

std::string Variable::text(double x) const {
  switch (kind) {
    case Kind::choice: {
      long i = std::clamp(std::lround(x), 0L, static_cast<long>(choices.size()) - 1);
      return choices[static_cast<size_t>(i)];
    }
    case Kind::integer:
      return sweep::format_number(std::round(x)) + unit;
    case Kind::real:
      break;
  }
  return sweep::format_number(x) + unit;
}

Spec load_spec(const std::string& path) {
  std::vector<Diagnostic> diags;
  auto root = config::read_yaml_file(path, diags);
  if (!root) throw ConfigError(diags);
  Parser p(diags);
  Spec spec;
  spec.path = path;
  static const std::vector<std::string> known = {"base",  "set",     "variables", "objectives", "constraints", "seeds",
                                                 "combine", "cvar_level", "algorithm", "screening", "near_optimal"};
  if (!p.check_map(*root, "", known)) throw ConfigError(diags);

  spec.base = sweep::read_base(*root, path, "optimise", diags);
  spec.fixed = sweep::read_set(*root, diags);

  auto list = [&](const char* key, const char* what) -> const Node* {
    const Node* n = root->get(key);
    if (!n) {
      p.error(root->place, key, std::string("missing the ") + what, std::string("a list under ") + key);
      return nullptr;
    }
    if (!n->is_seq() || n->items.empty()) {
      p.error(n->place, key, std::string("expected a non-empty list, found ") + n->kind_name());
      return nullptr;
    }
    return n;
  };
  if (const Node* vs = list("variables", "decision variables"))
    for (size_t i = 0; i < vs->items.size(); ++i) p.variable(vs->items[i], fmt::format("variables.{}", i), spec);
  for (size_t i = 0; i < spec.variables.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (!spec.variables[i].key.empty() && spec.variables[i].key == spec.variables[j].key)
        p.error(spec.variables[i].place, fmt::format("variables.{}.key", i), "'" + spec.variables[i].key + "' is decided twice",
                "each key once");
  if (const Node* os = list("objectives", "objectives")) {
    for (size_t i = 0; i < os->items.size(); ++i) p.objective(os->items[i], fmt::format("objectives.{}", i), spec);
    if (os->items.size() < 2)
      p.error(os->place, "objectives", "one objective: nothing to trade off",
              "two or three objectives (for one, use `sovcap size` or a sweep)");
    if (os->items.size() > 3) p.error(os->place, "objectives", "more than three objectives", "two or three");
  }
  if (const Node* cs = root->get("constraints")) {
    if (!cs->is_seq())
      p.error(cs->place, "constraints", std::string("expected a list, found ") + cs->kind_name());
    else
      for (size_t i = 0; i < cs->items.size(); ++i) p.constraint(cs->items[i], fmt::format("constraints.{}", i), spec);
  }

  if (const Node* s = root->get("seeds")) {
    if (s->is_seq()) {
      if (s->items.empty()) p.error(s->place, "seeds", "the list of seeds is empty", "at least one seed");
      for (size_t i = 0; i < s->items.size(); ++i)
        if (auto v = p.seed(s->items[i], fmt::format("seeds.{}", i))) spec.seeds.push_back(*v);
    } else if (auto n = p.whole(*s, "seeds", 1, 1000)) {
      for (long i = 1; i <= *n; ++i) spec.seeds.push_back(static_cast<uint64_t>(i));
    }
  }
  if (spec.seeds.empty()) spec.seeds.push_back(1);
  if (const Node* c = root->get("combine")) {
    auto w = p.word(*c, "combine", {"mean", "worst", "cvar"});
    spec.combine = w == "worst" ? Combine::worst : w == "cvar" ? Combine::cvar : Combine::mean;
  }
  if (const Node* l = root->get("cvar_level")) {
    if (auto v = p.number(*l, "cvar_level")) {
      if (!(*v >= 0 && *v < 1)) p.error(l->place, "cvar_level", shown(*l) + " is out of range", "0 <= level < 1 (0.8: the worst 20 %)");
      spec.cvar_level = *v;
    }
    if (spec.combine != Combine::cvar) p.error(l->place, "cvar_level", "cvar_level without combine: cvar", "combine: cvar");
  }

  if (const Node* a = root->get("algorithm")) {
    if (p.check_map(*a, "algorithm", {"name", "population", "generations", "seed"})) {
      if (const Node* n = a->get("name")) spec.algorithm = p.word(*n, "algorithm.name", {"nsga2", "moead"});
      if (const Node* n = a->get("population"))
        if (auto v = p.whole(*n, "algorithm.population", 8, 10000)) {
          spec.population = *v;
          if (spec.algorithm == "nsga2" && *v % 4 != 0)
            p.error(n->place, "algorithm.population", shown(*n) + " is not a multiple of 4", "NSGA-II: 8, 12, 16, ...");
        }
      if (const Node* n = a->get("generations"))
        if (auto v = p.whole(*n, "algorithm.generations", 0, 100000)) spec.generations = *v;
      if (const Node* n = a->get("seed"))
        if (auto v = p.seed(*n, "algorithm.seed")) spec.seed = *v;
    }
  }
  if (const Node* s = root->get("screening")) {
    if (p.check_map(*s, "screening", {"duration", "starts"})) {
      const Node* d = s->get("duration");
      if (!d) {
        p.error(s->place, "screening.duration", "missing", "the screening horizon of one window, e.g. 28d");
      } else {
        double s_ = 0;
        try {
          s_ = d->is_scalar() ? config::parse_duration_s(d->scalar) : 0;
        } catch (const config::UnitError&) {
        }
        if (s_ > 0)
          spec.screening_duration = d->scalar;
        else
          p.error(d->place, "screening.duration", shown(*d) + " is not a duration", "e.g. 7d, 28d, 720h");
      }
      if (const Node* st = s->get("starts")) {
        if (!st->is_seq() || st->items.empty())
          p.error(st->place, "screening.starts", std::string("expected a non-empty list, found ") + st->kind_name(),
                  "ISO 8601 starts, e.g. [2030-01-01T00:00:00Z, 2030-07-01T00:00:00Z]");
        else
          for (size_t i = 0; i < st->items.size(); ++i) {
            if (st->items[i].is_scalar())
              spec.screening_starts.push_back(st->items[i].scalar);
            else
              p.error(st->items[i].place, fmt::format("screening.starts.{}", i), "expected an ISO 8601 time");
          }
      }
    }
  }
  if (const Node* m = root->get("near_optimal")) {
    if (p.check_map(*m, "near_optimal", {"margin"}))
      if (const Node* g = m->get("margin"))
        if (auto v = p.number(*g, "near_optimal.margin")) {
          if (!(*v >= 0 && *v <= 1)) p.error(g->place, "near_optimal.margin", shown(*g) + " is out of range", "0..1 (0.05: within 5 %)");
          spec.near_optimal_margin = *v;
        }
  }
  if (diags.empty()) {
    check_against_scenario(p, spec, *root);
    // Each screening window must load too (a start outside the scenario's data is an error here).
    for (size_t i = 0; i < spec.screening_starts.size() && diags.empty(); ++i) {
      auto o = override_texts(spec.fixed);
      o.push_back("duration=" + spec.screening_duration);
      o.push_back("scenario.start=" + spec.screening_starts[i]);
      try {
        config::load_scenario(spec.base, o);
      } catch (const config::ConfigError& e) {
        p.error(root->get("screening")->get("starts")->items[i].place, fmt::format("screening.starts.{}", i),
                "the scenario rejects this window: " + (e.diagnostics.empty() ? std::string(e.what()) : e.diagnostics.front().message));
      }
    }
  }
  if (!diags.empty()) throw ConfigError(diags);
  return spec;
}

}  // namespace sovcap::optimize
