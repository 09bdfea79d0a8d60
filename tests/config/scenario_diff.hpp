#pragma once
// Comparison of two Scenarios (everything but source_file and resolved_yaml): every declared key
// through its declaration (compare_scenarios), the rest field by field, written out by hand so that
// a field the resolved YAML forgets shows up as a difference.
#include <cmath>
#include <string>
#include <vector>

#include "simulator/config/key_compare.hpp"
#include "simulator/config/scenario.hpp"

namespace cfgtest {

class Diff {
 public:
  std::vector<std::string> found;
  template <class T>
  void eq(const std::string& what, const T& a, const T& b) {
    if (!(a == b)) found.push_back(what);
  }
  void eq(const std::string& what, double a, double b) {
    if (!(a == b || (std::isnan(a) && std::isnan(b)))) found.push_back(what + " " + std::to_string(a) + " vs " + std::to_string(b));
  }
  template <class T, size_t N>
  void eq(const std::string& what, const std::array<T, N>& a, const std::array<T, N>& b) {
    for (size_t i = 0; i < N; ++i) eq(what + "[" + std::to_string(i) + "]", a[i], b[i]);
  }
  void eq(const std::string& what, const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return found.push_back(what + ".size");
    for (size_t i = 0; i < a.size(); ++i) eq(what + "[" + std::to_string(i) + "]", a[i], b[i]);
  }
};

#define CFG_EQ(field) d.eq(p + #field, a.field, b.field)

// A distribution's values and weights (read by hand; its other keys are declared).
inline void diff_dist(Diff& d, const std::string& p, const sovcap::workload::DistributionSpec& a,
                      const sovcap::workload::DistributionSpec& b) {
  CFG_EQ(values); CFG_EQ(weights);
}

// What the declared keys (compared by compare_scenarios) do not cover: fields no key sets, and the
// sections still read by hand.
inline void diff_site(Diff& d, const std::string& p, const sovcap::config::SiteSpec& a, const sovcap::config::SiteSpec& b) {
  if (a.pools.size() != b.pools.size()) return d.found.push_back(p + "pools.size");
  for (size_t i = 0; i < a.pools.size(); ++i) CFG_EQ(pools[i].carbon_deadline_margin_s);
}

inline std::vector<std::string> differences(const sovcap::config::Scenario& a, const sovcap::config::Scenario& b) {
  Diff d;
  for (auto& k : sovcap::config::compare_scenarios(a, b).differences) d.found.push_back(k);
  std::string p;
  CFG_EQ(start_utc_s);
  CFG_EQ(trace_path); CFG_EQ(swf.class_index);  // read by hand (workload.trace, workload.swf.class)
  if (a.sites.size() != b.sites.size()) d.found.push_back("sites.size");
  for (size_t i = 0; i < a.sites.size() && i < b.sites.size(); ++i) diff_site(d, "sites." + a.sites[i].id + ".", a.sites[i], b.sites[i]);
  for (size_t i = 0; i < a.topology.nodes.size() && i < b.topology.nodes.size(); ++i) CFG_EQ(topology.nodes[i].kind);
  if (a.classes.size() != b.classes.size()) d.found.push_back("classes.size");
  for (size_t i = 0; i < a.classes.size() && i < b.classes.size(); ++i) {
    p = "classes." + a.classes[i].id + ".";
    const auto& ca = a.classes[i];
    const auto& cb = b.classes[i];
    auto& a_ = ca; auto& b_ = cb;
    {
      const auto& a = a_; const auto& b = b_;
      CFG_EQ(region_weights);  // read by hand: a map of region ids
      diff_dist(d, p + "units.", a.units, b.units);
      diff_dist(d, p + "runtime.", a.runtime_s, b.runtime_s);
    }
  }
  return d.found;
}

#undef CFG_EQ

}  // namespace cfgtest
