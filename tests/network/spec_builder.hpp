#pragma once
// Small hand-made topologies for the network tests.
#include <string>

#include "models/network/params.hpp"

namespace sovcap::network::test {

inline NodeSpec node(const std::string& id, NodeKind kind = NodeKind::router, double lat = 0,
                     double lon = 0) {
  NodeSpec n;
  n.id = id;
  n.kind = kind;
  n.latitude_deg = lat;
  n.longitude_deg = lon;
  return n;
}

// A link with a given latency (ms), so routes do not depend on coordinates.
inline LinkSpec link(const std::string& id, const std::string& a, const std::string& b,
                     double latency_ms = 1, double bandwidth_gbps = 100) {
  LinkSpec l;
  l.id = id;
  l.a = a;
  l.b = b;
  l.latency_s = latency_ms * 1e-3;
  l.bandwidth_gbps = bandwidth_gbps;
  return l;
}

}  // namespace sovcap::network::test
