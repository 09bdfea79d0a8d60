#pragma once
#include <string>
#include <utility>

namespace sovcap::scheduling {

enum class QueuePolicy { fcfs, easy_backfill, easy_backfill_fifo, priority, sjf, carbon_aware };
// Each policy with its name in scenarios (the reader's choices, `check` and the resolved YAML read
// this table; docs/scheduling.md describes them).
struct QueuePolicyName {
  QueuePolicy policy;
  const char* name;
};
inline constexpr QueuePolicyName kQueuePolicyNames[] = {
    {QueuePolicy::fcfs, "fcfs"},
    {QueuePolicy::easy_backfill, "easy_backfill"},          // EASY over a priority-ordered queue
    {QueuePolicy::easy_backfill_fifo, "easy_backfill_fifo"},  // EASY over the submit order
    {QueuePolicy::priority, "priority"},
    {QueuePolicy::sjf, "sjf"},
    {QueuePolicy::carbon_aware, "carbon_aware"},
};
inline const char* queue_policy_name(QueuePolicy p) {
  for (const auto& n : kQueuePolicyNames)
    if (n.policy == p) return n.name;
  return "?";
}
enum class Placement { nearest, earliest_start, greenest, sovereignty_first };
// Each placement rule with its name in scenarios (read, resolved and described through this table).
inline constexpr std::pair<Placement, const char*> kPlacementNames[] = {
    {Placement::nearest, "nearest"},
    {Placement::earliest_start, "earliest_start"},
    {Placement::greenest, "greenest"},
    {Placement::sovereignty_first, "sovereignty_first"},
};
// What placement makes of a class's latency target: ignore it (misses are only counted), or prefer
// the sites that meet it while one of them can start the job at once (placement.hpp).
enum class LatencyRule { ignore, prefer };
inline constexpr std::pair<LatencyRule, const char*> kLatencyRuleNames[] = {{LatencyRule::ignore, "ignore"},
                                                                            {LatencyRule::prefer, "prefer"}};

struct PoolSpec {
  std::string id;
  bool gpu = true;
  int nodes = 1;
  int units_per_node = 8;     // GPUs per node (GPU pool) or cores per node (CPU pool)
  double node_peak_kw = 10.2; // DGX H100 system maximum
  double node_idle_kw = 2.5;
  double min_speed = 0.5;                  // lowest common speed power capping may throttle to (0..1]
  double carbon_deadline_margin_s = 3600;  // carbon_aware: release a held job this long before it would miss its deadline
  double node_mtbf_s = 0;                  // mean time between failures of one node; 0 = nodes never fail
  double node_mttr_s = 0;                  // mean time to repair a failed node
};

struct SchedulingSpec {
  QueuePolicy policy = QueuePolicy::fcfs;
  Placement placement = Placement::nearest;
  LatencyRule latency = LatencyRule::ignore;
};

}  // namespace sovcap::scheduling
