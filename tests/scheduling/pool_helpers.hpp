#pragma once
// Small builders for pool tests.
#include <cstdint>
#include <limits>
#include <vector>

#include "models/scheduling/pool.hpp"

namespace sovcap::scheduling::testing {

inline PoolSpec pool_spec(int nodes, int units_per_node, double peak_kw = 10.0, double idle_kw = 2.0) {
  PoolSpec s;
  s.id = "test";
  s.nodes = nodes;
  s.units_per_node = units_per_node;
  s.node_peak_kw = peak_kw;
  s.node_idle_kw = idle_kw;
  return s;
}

inline workload::Job job(uint64_t id, int units, double runtime_s, double requested_s = -1) {
  workload::Job j;
  j.id = id;
  j.units = units;
  j.runtime_s = runtime_s;
  j.requested_s = requested_s < 0 ? runtime_s : requested_s;
  return j;
}

inline std::vector<uint64_t> ids(const std::vector<workload::Job>& jobs) {
  std::vector<uint64_t> out;
  for (const auto& j : jobs) out.push_back(j.id);
  return out;
}

}  // namespace sovcap::scheduling::testing
