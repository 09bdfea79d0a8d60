#pragma once
// Plain description of the backbone: nodes with coordinates, links with bandwidth.
#include <string>
#include <vector>

namespace sovcap::network {

enum class NodeKind { region, site, router };

struct NodeSpec {
  std::string id;
  NodeKind kind = NodeKind::router;
  double latitude_deg = 0;
  double longitude_deg = 0;
};

struct Outage {
  double start_s = 0;
  double duration_s = 0;
};

struct LinkSpec {
  std::string id;
  std::string a, b;              // node ids
  double bandwidth_gbps = 10;
  double latency_s = -1;         // < 0: derived from great-circle distance
  double route_factor = 1.3;     // fibre path length / great-circle distance (assumption)
  std::vector<Outage> outages;
  double mtbf_s = 0;             // 0 = no random failures
  double mttr_s = 0;
};

struct TopologySpec {
  std::vector<NodeSpec> nodes;
  std::vector<LinkSpec> links;
};

}  // namespace sovcap::network
