#include "simulator/config/loader.hpp"

#include <algorithm>
#include <tuple>

#include "models/workload/arrival_stream.hpp"
#include "simulator/config/draft.hpp"
#include "simulator/config/extends.hpp"
#include "simulator/config/overrides.hpp"
#include "simulator/config/resolved_yaml.hpp"

namespace sovcap::config {
namespace {

// The models' own checks, as a last line: anything they reject that the
// loader's checks let through is reported at the class.
void model_checks(Ctx& ctx, Draft& d) {
  for (size_t k = 0; k < d.sc.classes.size(); ++k)
    if (auto e = workload::validate(d.sc.classes[k], d.sc.regions.size()); !e.empty())
      ctx.error(d.classes[k].ref.place, d.classes[k].ref.path, e);
  check_trace(ctx, d);
}

// In reading order: files as first met, then line and column; duplicates dropped.
std::vector<Diagnostic> unique(std::vector<Diagnostic> diags) {
  std::vector<std::string> files;
  for (const auto& d : diags)
    if (std::find(files.begin(), files.end(), d.file) == files.end()) files.push_back(d.file);
  auto rank = [&](const Diagnostic& d) {
    return std::make_tuple(std::find(files.begin(), files.end(), d.file) - files.begin(), d.line, d.column);
  };
  std::stable_sort(diags.begin(), diags.end(), [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
  std::vector<Diagnostic> out;
  for (auto& d : diags)
    if (std::none_of(out.begin(), out.end(), [&](const Diagnostic& o) { return o.format() == d.format(); }))
      out.push_back(std::move(d));
  return out;
}

}  // namespace

Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  std::vector<Diagnostic> diags;
  auto tree = load_tree(path, diags);
  if (!tree) throw ConfigError(unique(std::move(diags)));
  apply_overrides(*tree, overrides, diags);

  Ctx ctx{diags};
  Draft d;
  d.sc.source_file = path;
  std::vector<std::string> keys = top_level_keys();
  keys.erase(std::find(keys.begin(), keys.end(), "extends"));  // consumed by load_tree
  MapReader root(ctx, &*tree, "", keys, tree->place);
  read_scenario_section(ctx, root, d);
  read_sites(ctx, root, d);
  read_regions(ctx, root, d);
  read_network(ctx, root, d);
  read_economics_section(ctx, root, d);
  read_classes(ctx, root, d);
  read_workload_section(ctx, root, d);
  cross_check(ctx, d);
  check_run_bounds(ctx, d);
  if (diags.empty()) model_checks(ctx, d);
  if (!diags.empty()) throw ConfigError(unique(std::move(diags)));
  d.sc.resolved_yaml = resolved_yaml(d.sc);
  return d.sc;
}

}  // namespace sovcap::config
