#include "simulator/sweep/spec.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "simulator/config/tree.hpp"
#include "simulator/config/units.hpp"
#include "simulator/sweep/sampling.hpp"
#include "simulator/sweep/spec_base.hpp"

namespace sovcap::sweep {
namespace {

using config::Diagnostic;
using config::Node;
using config::Place;

constexpr long kMaxPoints = 10'000'000;  // beyond this a spec is surely a mistake
const config::Quantity kKinds[] = {config::Quantity::duration, config::Quantity::power, config::Quantity::energy,
                                   config::Quantity::data, config::Quantity::bandwidth};

class Parser {
 public:
  explicit Parser(std::vector<Diagnostic>& diags) : diags_(diags) {}

  void error(const Place& at, const std::string& key, const std::string& what, const std::string& allowed = "") {
    diags_.push_back(config::diagnostic_at(at, key, what, allowed));
  }

  bool check_map(const Node& n, const std::string& path, const std::vector<std::string>& known) {
    return check_keys(n, path, known, diags_);
  }

  std::optional<double> number(const Node* n, const std::string& path) {
    if (!n->is_scalar()) {
      error(n->place, path, std::string("expected a number, found ") + n->kind_name());
      return std::nullopt;
    }
    try {
      return config::parse_plain_number(n->scalar);
    } catch (const config::UnitError&) {
      error(n->place, path, "'" + n->scalar + "' is not a number", "a plain number; put the unit under 'unit'");
      return std::nullopt;
    }
  }

  std::optional<long> count(const Node* n, const std::string& path, long min) {
    auto v = number(n, path);
    if (!v) return std::nullopt;
    if (*v != std::floor(*v) || *v < static_cast<double>(min) || *v > static_cast<double>(kMaxPoints)) {
      error(n->place, path, "'" + n->scalar + "' is not a whole number of at least " + std::to_string(min),
            fmt::format("{}..{}", min, kMaxPoints));
      return std::nullopt;
    }
    return static_cast<long>(*v);
  }

  std::optional<uint64_t> seed_value(const Node* n, const std::string& path) { return read_seed(*n, path, diags_); }

  std::string unit(const Node* n, const std::string& path) {
    if (!n) return "";
    if (!n->is_scalar()) {
      error(n->place, path, std::string("expected a unit, found ") + n->kind_name());
      return "";
    }
    for (auto q : kKinds) {
      try {
        config::parse_quantity("1" + n->scalar, q);
        return n->scalar;
      } catch (const config::UnitError&) {
      }
    }
    error(n->place, path, "unknown unit '" + n->scalar + "'",
          "s, min, h, d, y; kW, MW; kWh, MWh, GWh; MB, GB, TB; Gbps, or leave it out for a plain number");
    return "";
  }

  void parameter(const Node& n, const std::string& path, SweepSpec& spec) {
    static const std::vector<std::string> known = {"key", "values", "range", "random", "lhs"};
    if (!check_map(n, path, known)) return;
    Parameter p;
    const Node* key = n.get("key");
    if (!key || !key->is_scalar() || key->scalar.empty())
      error(key ? key->place : n.place, path + ".key", "missing the key to vary", "a KEY.PATH such as sites.dakhla.battery.energy");
    else
      p.key = key->scalar;
    int kinds = 0;
    for (const char* k : {"values", "range", "random", "lhs"}) kinds += n.get(k) ? 1 : 0;
    if (kinds != 1) {
      error(n.place, path, kinds == 0 ? "no values given" : "more than one way of giving values",
            "exactly one of values, range, random, lhs");
      return;
    }
    if (const Node* v = n.get("values")) {
      p.kind = Parameter::Kind::values;
      if (!v->is_seq() || v->items.empty()) {
        error(v->place, path + ".values", std::string("expected a non-empty list, found ") + v->kind_name());
        return;
      }
      for (size_t i = 0; i < v->items.size(); ++i) {
        const Node& item = v->items[i];
        if (!item.is_scalar())
          error(item.place, fmt::format("{}.values.{}", path, i), std::string("expected a single value, found ") + item.kind_name(),
                "a number, a quantity such as 500MWh, or a word");
        else
          p.values.push_back(item.scalar);
      }
    } else if (const Node* r = n.get("range")) {
      p.kind = Parameter::Kind::range;
      std::string rp = path + ".range";
      if (!check_map(*r, rp, {"from", "to", "step", "unit"})) return;
      const Node *from = r->get("from"), *to = r->get("to"), *step = r->get("step");
      for (auto [node, name] : {std::pair{from, "from"}, std::pair{to, "to"}, std::pair{step, "step"}})
        if (!node) error(r->place, rp + "." + name, "missing", "from, to and step are required");
      p.unit = unit(r->get("unit"), rp + ".unit");
      if (!from || !to || !step) return;
      auto a = number(from, rp + ".from"), b = number(to, rp + ".to"), s = number(step, rp + ".step");
      if (!a || !b || !s) return;
      if (*s <= 0) return error(step->place, rp + ".step", "step must be positive", "a number > 0");
      if (*b < *a) return error(to->place, rp + ".to", "'to' is below 'from'", "to >= from");
      double n_steps = std::floor((*b - *a) / *s + 1e-9);
      if (n_steps + 1 > static_cast<double>(kMaxPoints))
        return error(step->place, rp + ".step", "too many values", fmt::format("at most {}", kMaxPoints));
      for (long i = 0; i <= static_cast<long>(n_steps); ++i) p.values.push_back(format_number(*a + static_cast<double>(i) * *s) + p.unit);
    } else {
      bool lhs = n.get("lhs") != nullptr;
      p.kind = lhs ? Parameter::Kind::lhs : Parameter::Kind::random;
      const Node* d = n.get(lhs ? "lhs" : "random");
      std::string rp = path + (lhs ? ".lhs" : ".random");
      if (!check_map(*d, rp, {"min", "max", "unit"})) return;
      const Node *lo = d->get("min"), *hi = d->get("max");
      for (auto [node, name] : {std::pair{lo, "min"}, std::pair{hi, "max"}})
        if (!node) error(d->place, rp + "." + name, "missing", "min and max are required");
      p.unit = unit(d->get("unit"), rp + ".unit");
      if (!lo || !hi) return;
      auto a = number(lo, rp + ".min"), b = number(hi, rp + ".max");
      if (!a || !b) return;
      if (*b <= *a) return error(hi->place, rp + ".max", "'max' is not above 'min'", "max > min");
      p.min = *a;
      p.max = *b;
    }
    spec.parameters.push_back(std::move(p));
  }


 private:
  std::vector<Diagnostic>& diags_;
};

}  // namespace

std::string format_number(double v) { return fmt::format("{}", v); }

bool numeric_value(const std::string& text, double& si) {
  try {
    si = config::parse_plain_number(text);
    return true;
  } catch (const config::UnitError&) {
  }
  for (auto q : kKinds) {
    try {
      si = config::parse_quantity(text, q);
      return true;
    } catch (const config::UnitError&) {
    }
  }
  return false;
}

std::string value_unit(const std::string& text) {
  for (auto q : kKinds) {
    try {
      // A plain number gives NaN: it has no unit.
      double v = config::parse_quantity(text, q, std::nan(""));
      if (!std::isnan(v)) return config::base_unit(q);
    } catch (const config::UnitError&) {
    }
  }
  return "";
}

SweepSpec load_spec(const std::string& path) {
  std::vector<Diagnostic> diags;
  auto root = config::read_yaml_file(path, diags);
  if (!root) throw ConfigError(diags);
  Parser p(diags);
  SweepSpec spec;
  spec.path = path;
  static const std::vector<std::string> known = {"base", "set", "parameters", "combine", "samples", "replications", "seed"};
  if (!p.check_map(*root, "", known)) throw ConfigError(diags);

  spec.base = read_base(*root, path, "sweep", diags);
  spec.fixed = read_set(*root, diags);

  if (const Node* params = root->get("parameters")) {
    if (!params->is_seq())
      p.error(params->place, "parameters", std::string("expected a list, found ") + params->kind_name(),
              "a list of {key: K, values|range|random|lhs: ...}");
    else
      for (size_t i = 0; i < params->items.size(); ++i) p.parameter(params->items[i], fmt::format("parameters.{}", i), spec);
  }
  for (size_t i = 0; i < spec.parameters.size(); ++i)
    for (size_t j = 0; j < i; ++j)
      if (!spec.parameters[i].key.empty() && spec.parameters[i].key == spec.parameters[j].key)
        p.error(root->get("parameters")->items[i].place, fmt::format("parameters.{}.key", i),
                "'" + spec.parameters[i].key + "' is varied twice", "each key once; use combine: zip to tie values together");

  const Node* combine = root->get("combine");
  if (combine) {
    if (combine->is_scalar() && combine->scalar == "grid")
      spec.combine = Combine::grid;
    else if (combine->is_scalar() && combine->scalar == "zip")
      spec.combine = Combine::zip;
    else
      p.error(combine->place, "combine", "'" + (combine->is_scalar() ? combine->scalar : std::string(combine->kind_name())) + "' is not a way to combine",
              "grid (every combination) or zip (the i-th value of each parameter together)");
  }

  if (const Node* s = root->get("seed"))
    if (auto v = p.seed_value(s, "seed")) spec.seed = *v;

  bool any_sampled = std::any_of(spec.parameters.begin(), spec.parameters.end(), [](const Parameter& x) { return x.sampled(); });
  const Node* samples = root->get("samples");
  if (samples) {
    if (auto v = p.count(samples, "samples", 1)) spec.samples = *v;
    if (!any_sampled) p.error(samples->place, "samples", "no random or lhs parameter to sample", "leave samples out");
  } else if (any_sampled) {
    p.error(root->place, "samples", "random and lhs parameters need the number of samples", "samples: N, N >= 1");
  }

  if (const Node* r = root->get("replications")) {
    if (r->is_seq()) {
      if (r->items.empty()) p.error(r->place, "replications", "the list of seeds is empty", "at least one seed");
      for (size_t i = 0; i < r->items.size(); ++i)
        if (auto v = p.seed_value(&r->items[i], fmt::format("replications.{}", i))) spec.seeds.push_back(*v);
    } else if (auto n = p.count(r, "replications", 1)) {
      for (long i = 0; i < *n; ++i) spec.seeds.push_back(spec.seed + static_cast<uint64_t>(i));
    }
  }
  if (spec.seeds.empty()) spec.seeds.push_back(spec.seed);

  // zip needs equal lengths; grid a bounded product.
  if (diags.empty()) {
    std::vector<long> lengths;
    bool sampled_axis = false;
    for (const auto& q : spec.parameters) {
      if (q.sampled()) {
        if (!sampled_axis) lengths.push_back(spec.samples);
        sampled_axis = true;
      } else {
        lengths.push_back(static_cast<long>(q.values.size()));
      }
    }
    if (spec.combine == Combine::zip && !lengths.empty() &&
        std::any_of(lengths.begin(), lengths.end(), [&](long n) { return n != lengths[0]; })) {
      std::string list;
      for (const auto& q : spec.parameters)
        list += (list.empty() ? "" : ", ") + q.key + ": " + std::to_string(q.sampled() ? spec.samples : static_cast<long>(q.values.size()));
      p.error(combine->place, "combine", "zip needs as many values for every parameter (" + list + ")",
              "equal lengths, or combine: grid");
    }
    double total = static_cast<double>(spec.seeds.size());
    if (spec.combine == Combine::grid)
      for (long n : lengths) total *= static_cast<double>(n);
    else if (!lengths.empty())
      total *= static_cast<double>(lengths[0]);
    if (total > static_cast<double>(kMaxPoints))
      p.error(root->place, "parameters", fmt::format("the sweep would have {:.0f} points", total), fmt::format("at most {}", kMaxPoints));
  }
  if (!diags.empty()) throw ConfigError(diags);
  return spec;
}

std::vector<Point> expand(const SweepSpec& spec) {
  // Draw the sampled parameters first, in spec order, so the design depends only on the seed.
  boost::random::mt19937_64 rng(spec.seed);
  std::vector<std::vector<std::string>> drawn(spec.parameters.size());
  for (size_t i = 0; i < spec.parameters.size(); ++i) {
    const auto& q = spec.parameters[i];
    if (!q.sampled()) continue;
    auto xs = q.kind == Parameter::Kind::lhs ? latin_hypercube_column(rng, spec.samples, q.min, q.max)
                                             : uniform_samples(rng, spec.samples, q.min, q.max);
    for (double x : xs) drawn[i].push_back(format_number(x) + q.unit);
  }
  // Axes: each listed parameter is one; all sampled parameters together are one
  // (their draws stay paired), placed where the first of them is.
  struct Axis {
    std::vector<size_t> params;
    long size = 0;
  };
  std::vector<Axis> axes;
  long sampled_axis = -1;
  for (size_t i = 0; i < spec.parameters.size(); ++i) {
    const auto& q = spec.parameters[i];
    if (q.sampled()) {
      if (sampled_axis < 0) {
        sampled_axis = static_cast<long>(axes.size());
        axes.push_back({{}, spec.samples});
      }
      axes[static_cast<size_t>(sampled_axis)].params.push_back(i);
    } else {
      axes.push_back({{i}, static_cast<long>(q.values.size())});
    }
  }
  auto value = [&](size_t param, long k) -> const std::string& {
    const auto& q = spec.parameters[param];
    return q.sampled() ? drawn[param][static_cast<size_t>(k)] : q.values[static_cast<size_t>(k)];
  };

  std::vector<std::vector<long>> combos;  // per combination, the index along each axis
  if (spec.combine == Combine::zip) {
    long n = axes.empty() ? 1 : axes[0].size;
    for (long k = 0; k < n; ++k) combos.emplace_back(axes.size(), k);
  } else {
    std::vector<long> idx(axes.size(), 0);
    while (true) {
      combos.push_back(idx);
      long a = static_cast<long>(axes.size()) - 1;  // last axis fastest
      while (a >= 0 && ++idx[static_cast<size_t>(a)] == axes[static_cast<size_t>(a)].size) idx[static_cast<size_t>(a--)] = 0;
      if (a < 0) break;
    }
  }

  std::vector<Point> points;
  for (const auto& combo : combos) {
    Overrides params(spec.parameters.size());
    for (size_t a = 0; a < axes.size(); ++a)
      for (size_t param : axes[a].params) params[param] = {spec.parameters[param].key, value(param, combo[a])};
    for (uint64_t s : spec.seeds) points.push_back({static_cast<long>(points.size()), params, s});
  }
  return points;
}

}  // namespace sovcap::sweep
