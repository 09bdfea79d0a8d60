// The `regions` and `classes` sections: where demand comes from and what it asks for.
#include <cmath>
#include <filesystem>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>

#include "models/workload/arrival_stream.hpp"
#include "models/workload/distribution.hpp"
#include "models/workload/csv_trace.hpp"
#include "models/workload/trace_error.hpp"
#include "simulator/config/enum_names.hpp"
#include "simulator/config/draft.hpp"
#include "simulator/config/key_io.hpp"
#include "simulator/config/keys_scenario.hpp"

namespace sovcap::config {
namespace {

using workload::DistributionSpec;


// A job's units and run time are drawn > 0: a distribution that can draw 0 or less (and would be
// rounded up to one unit, or give a job that takes no time) is a mistake in the file. uniform may
// start at 0 (units are the ceiling of the draw: uniform(0, 64] gives 1-64).
std::string fmt_num(double v) { return fmt::format("{:g}", v); }

void check_draws_positive(Ctx& ctx, const MapReader& m, const DistributionSpec& s, const std::string& key) {
  const std::string allowed = key == "units" ? "a number > 0; a job needs at least one GPU or core" : "a duration > 0; a job takes some time";
  auto bad = [](double v) { return !(v > 0); };
  switch (s.type) {
    case DistributionSpec::Type::constant:
      if (bad(s.value)) ctx.error(m.place("value"), m.path("value"), "a job's " + key + " must be > 0, got " + fmt_num(s.value), allowed);
      break;
    case DistributionSpec::Type::uniform:
      if (s.min < 0) ctx.error(m.place("min"), m.path("min"), "a job's " + key + " must be > 0: min is " + fmt_num(s.min), ">= 0, with max > 0");
      else if (bad(s.max)) ctx.error(m.place("max"), m.path("max"), "a job's " + key + " must be > 0: max is " + fmt_num(s.max), allowed);
      break;
    case DistributionSpec::Type::discrete:
    case DistributionSpec::Type::empirical:
      for (size_t i = 0; i < s.values.size(); ++i)
        if (bad(s.values[i])) {
          const char* where = m.has("file") ? "file" : "values";
          ctx.error(m.place(where), m.path(where),
                    "a job's " + key + " must be > 0: value " + std::to_string(i + 1) + " is " + fmt_num(s.values[i]), allowed);
          break;
        }
      break;
    default:  // exponential, lognormal, weibull: > 0 by their parameters
      break;
  }
  if (s.clamp_max != 0 && bad(s.clamp_max))
    ctx.error(m.place("clamp_max"), m.path("clamp_max"), "a job's " + key + " must be > 0: clamp_max is " + fmt_num(s.clamp_max),
              "> 0, or 0 for no upper bound");
}

// A distribution of durations (q = duration: parameters accept units) or of plain counts.
DistributionSpec read_distribution(Ctx& ctx, const MapReader& cls, const std::string& key, std::optional<Quantity> q) {
  DistributionSpec spec;
  const size_t errors_before = ctx.diags.size();
  const Node* n = cls.get(key);
  if (!n) {
    ctx.error(cls.place(), cls.path(key), "missing required key '" + key + "'",
              "a distribution such as {type: lognormal, median: 2h, sigma: 1.2}");
    return spec;
  }
  // First learn the type, then accept only its parameters.
  DistributionSpec::Type type = DistributionSpec::Type::constant;
  if (n->is_map())
    if (const Node* t = n->get("type"); t && t->is_scalar()) {
      for (const auto& [value, name] : DistributionSpec::kTypeNames)
        if (t->scalar == name) type = value;
    }
  const auto keys = q ? runtime_keys() : units_keys();
  MapReader m(ctx, n, cls.path(key), key_names(keys, spelling(type, DistributionSpec::kTypeNames)), cls.place());
  if (!m.is_map()) return spec;
  if (!m.has("type")) m.missing("type");
  read_key(ctx, m, keys.at("type"), spec, ReadEnv{});
  // The type's own numbers, and the clamps (values, weights and file below).
  const std::string type_name = spelling(spec.type, DistributionSpec::kTypeNames);
  for (const auto& k : keys)
    if (k.is_leaf() && std::string(k.name) != "type" && applies(k, type_name)) read_key(ctx, m, k, spec, ReadEnv{});
  const Range any_value = keys.at("value").range;
  switch (spec.type) {
    case DistributionSpec::Type::uniform:
      if (spec.max < spec.min) ctx.error(m.place("max"), m.path("max"), "max is below min", ">= min");
      break;
    case DistributionSpec::Type::discrete: {
      Quantity qq = q.value_or(Quantity::duration);
      auto v = m.numbers("values", any_value, q ? &qq : nullptr);
      auto w = m.numbers("weights", non_negative());
      if (!m.has("values")) m.missing("values");
      if (v) spec.values = *v;
      if (w) spec.weights = *w;
      if (v && w && v->size() != w->size())
        ctx.error(m.place("weights"), m.path("weights"),
                  std::to_string(w->size()) + " weights for " + std::to_string(v->size()) + " values", "one weight per value");
      if (!m.has("weights") && v) spec.weights.assign(v->size(), 1.0);  // equally likely
      break;
    }
    case DistributionSpec::Type::empirical: {
      Quantity qq = q.value_or(Quantity::duration);
      if (m.has("file") == m.has("values")) {
        ctx.error(m.place(), m.path(), "an empirical distribution needs either values or file", "values: [...] or file: path");
        break;
      }
      if (auto v = m.numbers("values", any_value, q ? &qq : nullptr)) spec.values = *v;
      if (m.has("file")) {
        std::string path = m.file_path("file");
        try {
          if (!path.empty()) spec.values = workload::read_empirical_values(path);  // plain numbers in the key's unit
        } catch (const std::exception& e) {
          ctx.error(m.place("file"), m.path("file"), e.what(), "one number per line, '#' comments");
        }
      }
      break;
    }
    default:  // constant, exponential, lognormal, weibull: their numbers are read above
      break;
  }
  if (spec.clamp_max != 0 && spec.clamp_max < spec.clamp_min)
    ctx.error(m.place("clamp_max"), m.path("clamp_max"), "clamp_max is below clamp_min", ">= clamp_min, or 0 for no upper bound");
  // The model's own check catches what the per-key checks above do not.
  if (auto e = workload::validate(spec); !e.empty() && ctx.diags.size() == errors_before)
    ctx.error(m.place(), m.path(), e, "see docs/config.md, distributions");
  if (ctx.diags.size() == errors_before) check_draws_positive(ctx, m, spec, key);
  return spec;
}

}  // namespace

void read_regions(Ctx& ctx, MapReader& root, Draft& d) {
  const Node* list = root.list("regions");
  if (!list || list->items.empty()) {
    ctx.error(root.place("regions"), "regions", "a scenario needs at least one region", "a list of regions with id, latitude, longitude");
    return;
  }
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& item = list->items[i];
    MapReader m(ctx, &item, item_path("regions", item, i), key_names(region_keys()), item.place);
    workload::RegionSpec r;
    read_keys(ctx, m, region_keys(), r, ReadEnv{});
    ItemRef ref{m.path(), item.place, m.place("id"), m.place("node"), m.has("node")};
    d.regions.push_back(ref);
    d.sc.regions.push_back(r);
  }
}

void read_classes(Ctx& ctx, MapReader& root, Draft& d) {
  const Node* list = root.list("classes");
  if (!list || list->items.empty()) {
    ctx.error(root.place("classes"), "classes", "a scenario needs at least one job class", "a list of classes with id, pool, rate, units, runtime");
    return;
  }
  for (size_t i = 0; i < list->items.size(); ++i) {
    const Node& item = list->items[i];
    MapReader m(ctx, &item, item_path("classes", item, i), key_names(class_keys()), item.place);
    workload::JobClassSpec c;
    ClassRef ref;
    read_keys(ctx, m, class_keys(), c, ReadEnv{});
    ref.pool_place = m.place("pool");
    if (const Node* rw = m.get("region_weights")) {
      ref.region_weights_given = true;
      ref.region_weights_place = rw->place;
      if (!rw->is_map()) {
        ctx.error(rw->place, m.path("region_weights"), std::string("expected a map of region id to weight, found ") + rw->kind_name(),
                  "{region_id: weight, ...}; regions left out weigh 0");
      } else {
        for (const auto& e : rw->entries) {
          auto w = read_number(ctx, e.value, m.path("region_weights") + "." + e.key, non_negative());
          ref.region_weights.emplace_back(e.key, w.value_or(0));
          ref.region_weight_places.push_back(e.key_place);
        }
      }
    }
    if (m.is_map()) {
      c.units = read_distribution(ctx, m, "units", std::nullopt);
      c.runtime_s = read_distribution(ctx, m, "runtime", Quantity::duration);
    }
    if (c.flexible && !(c.deadline_s > 0))
      ctx.error(m.place("deadline"), m.path("deadline"), "a flexible class needs a deadline", "a duration > 0, e.g. 24h");
    if (const Node* a = m.get("allowed_sites"); a && a->is_seq())
      for (const auto& it : a->items) ref.allowed_places.push_back(it.place);
    ref.ref = ItemRef{m.path(), item.place, m.place("id"), Place{}, false};
    d.classes.push_back(std::move(ref));
    d.sc.classes.push_back(std::move(c));
  }
}

namespace {

const char* kTraceAllowed =
    "a CSV job trace (.csv: submit_s,class,region,units,runtime_s[,requested_s,input_gb,output_gb]) or an SWF "
    "trace of the Parallel Workloads Archive (.swf, .swf.gz), relative to the YAML file that names it (docs/traces.md)";

bool is_swf_path(const std::string& path) {
  auto ends = [&](const std::string& tail) {
    return path.size() >= tail.size() && path.compare(path.size() - tail.size(), tail.size(), tail) == 0;
  };
  return ends(".swf") || ends(".swf.gz");
}

// workload.swf: every key with its default, read whether or not the trace is SWF (so a typo is
// reported either way).
void read_swf_mapping(Ctx& ctx, MapReader& parent, Draft& d, bool swf) {
  const Node* n = parent.get("swf");
  MapReader m(ctx, n, parent.path("swf"), key_names(swf_keys()), parent.place());
  d.swf_class = m.id("class", std::string());
  d.swf_class_place = m.place("class");
  read_keys(ctx, m, swf_keys(), d.sc, ReadEnv{});
  if (n && !swf && !d.sc.trace_path.empty())
    ctx.error(n->place, parent.path("swf"), "workload.swf maps SWF records, but workload.trace is not an SWF trace",
              "remove workload.swf, or give workload.trace a .swf or .swf.gz file");
}

// "trace.csv:12: units must be ..." (the trace's own place, inside the config's diagnostic).
std::string trace_message(const workload::TraceError& e) {
  return e.file() + (e.line() > 0 ? ":" + std::to_string(e.line()) : std::string()) + ": " + e.message();
}

}  // namespace

void read_workload_section(Ctx& ctx, MapReader& root, Draft& d) {
  MapReader m(ctx, root.get("workload"), "workload", key_names(workload_keys()), root.place());
  const Node* n = m.get("trace");
  if (!n) {
    read_swf_mapping(ctx, m, d, false);
    if (const Node* swf = m.get("swf"))
      ctx.error(swf->place, m.path("swf"), "workload.swf maps SWF records, but there is no workload.trace",
                "workload.trace: a .swf or .swf.gz file");
    return;
  }
  d.trace_place = n->place;
  if (n->is_scalar() && n->scalar.empty()) {
    ctx.error(n->place, m.path("trace"), "the trace path is empty", kTraceAllowed);
    return;
  }
  std::string path = m.file_path("trace");  // reports a value that is not text, or no such file
  if (path.empty()) return;  // not a regular file: reported
  d.sc.trace_path = path;
  const bool swf = is_swf_path(path);
  read_swf_mapping(ctx, m, d, swf);
  try {
    if (swf)
      d.sc.swf_trace = std::make_shared<const workload::SwfTrace>(workload::read_swf(path));
    else
      d.sc.trace = std::make_shared<const workload::CsvTrace>(workload::read_csv_trace(path));
  } catch (const workload::TraceError& e) {
    ctx.error(n->place, m.path("trace"), trace_message(e), kTraceAllowed);
  } catch (const std::exception& e) {
    ctx.error(n->place, m.path("trace"), e.what(), kTraceAllowed);
  }
}

void check_trace(Ctx& ctx, Draft& d) {
  if (d.sc.swf_trace) {
    // workload.swf.class: an id of this scenario (default: the first class).
    int k = d.swf_class.empty() ? 0 : -1;
    for (size_t i = 0; i < d.sc.classes.size() && k < 0; ++i)
      if (d.sc.classes[i].id == d.swf_class) k = static_cast<int>(i);
    if (k < 0) {
      std::string known;
      for (const auto& c : d.sc.classes) known += (known.empty() ? "" : ", ") + c.id;
      ctx.error(d.swf_class_place, "workload.swf.class", "unknown class '" + d.swf_class + "'",
                "a class id of this scenario: " + known);
    }
    d.sc.swf.class_index = std::max(k, 0);
    return;
  }
  if (!d.sc.trace) return;
  // Every row's class and region ids, whichever region's stream would read it (the messages
  // TraceStream gives; checked here without building a stream, which would copy every job).
  auto list = [](const auto& items) {
    std::string s;
    for (const auto& x : items) s += (s.empty() ? "" : ", ") + x.id;
    return s;
  };
  auto known = [](const auto& items, const std::string& id) {
    for (const auto& x : items)
      if (x.id == id) return true;
    return false;
  };
  const auto& t = *d.sc.trace;
  for (const auto& r : t.jobs) {
    std::string what;
    if (!known(d.sc.classes, r.class_id))
      what = "unknown class '" + r.class_id + "' (classes: " + list(d.sc.classes) + ")";
    else if (!r.region_id.empty() && !known(d.sc.regions, r.region_id))
      what = "unknown region '" + r.region_id + "' (regions: " + list(d.sc.regions) + ")";
    if (what.empty()) continue;
    ctx.error(d.trace_place, "workload.trace", trace_message(workload::TraceError(t.path, r.line, what)),
              "class and region ids of this scenario");
    return;  // the first bad row; one diagnostic per key
  }
}

}  // namespace sovcap::config
