#include "models/network/topology_error.hpp"

#include <cmath>
#include <set>
#include <sstream>

namespace sovcap::network {

namespace {

std::string joined(const std::vector<std::string>& messages) {
  std::string out = "invalid topology:";
  for (const auto& m : messages) out += "\n  " + m;
  return out;
}

std::string num(double x) {
  std::ostringstream s;
  s << x;
  return s.str();
}

void check_node(const NodeSpec& n, std::set<std::string>& seen, std::vector<std::string>& errors) {
  const std::string where = "node '" + n.id + "': ";
  if (n.id.empty()) errors.push_back("node '': id must not be empty");
  else if (!seen.insert(n.id).second) errors.push_back(where + "duplicate node id");
  if (!std::isfinite(n.latitude_deg) || n.latitude_deg < -90 || n.latitude_deg > 90)
    errors.push_back(where + "latitude_deg must be in [-90, 90] (got " + num(n.latitude_deg) + ")");
  if (!std::isfinite(n.longitude_deg) || n.longitude_deg < -180 || n.longitude_deg > 180)
    errors.push_back(where + "longitude_deg must be in [-180, 180] (got " + num(n.longitude_deg) + ")");
}

void check_link(const LinkSpec& l, const std::set<std::string>& nodes, std::set<std::string>& seen,
                std::vector<std::string>& errors) {
  const std::string where = "link '" + l.id + "': ";
  if (l.id.empty()) errors.push_back("link '': id must not be empty");
  else if (!seen.insert(l.id).second) errors.push_back(where + "duplicate link id");
  for (const std::string* end : {&l.a, &l.b})
    if (!nodes.count(*end)) errors.push_back(where + "unknown node '" + *end + "'");
  if (l.a == l.b) errors.push_back(where + "self-loop: both ends are node '" + l.a + "'");
  // !(x > 0) also catches NaN.
  if (!(l.bandwidth_gbps > 0) || !std::isfinite(l.bandwidth_gbps))
    errors.push_back(where + "bandwidth_gbps must be > 0 (got " + num(l.bandwidth_gbps) + ")");
  if (!std::isfinite(l.latency_s))
    errors.push_back(where + "latency_s must be finite (< 0 to derive it from the coordinates)");
  if (l.latency_s < 0 && (!(l.route_factor >= 1) || !std::isfinite(l.route_factor)))
    errors.push_back(where + "route_factor must be >= 1 (got " + num(l.route_factor) + ")");
  for (size_t i = 0; i < l.outages.size(); ++i) {
    const Outage& o = l.outages[i];
    const std::string at = where + "outages[" + std::to_string(i) + "]: ";
    if (!(o.start_s >= 0) || !std::isfinite(o.start_s))
      errors.push_back(at + "start_s must be >= 0 (got " + num(o.start_s) + ")");
    if (!(o.duration_s > 0) || !std::isfinite(o.duration_s))
      errors.push_back(at + "duration_s must be > 0 (got " + num(o.duration_s) + ")");
  }
  if (!(l.mtbf_s >= 0) || !std::isfinite(l.mtbf_s))
    errors.push_back(where + "mtbf_s must be >= 0 (0 = no random failures; got " + num(l.mtbf_s) + ")");
  if (l.mtbf_s > 0 && (!(l.mttr_s > 0) || !std::isfinite(l.mttr_s)))
    errors.push_back(where + "mttr_s must be > 0 when mtbf_s > 0 (got " + num(l.mttr_s) + ")");
}

}  // namespace

TopologyError::TopologyError(std::vector<std::string> messages)
    : std::runtime_error(joined(messages)), messages_(std::move(messages)) {}

std::vector<std::string> topology_errors(const TopologySpec& spec) {
  std::vector<std::string> errors;
  std::set<std::string> node_ids, link_ids;
  for (const auto& n : spec.nodes) check_node(n, node_ids, errors);
  for (const auto& l : spec.links) check_link(l, node_ids, link_ids, errors);
  return errors;
}

}  // namespace sovcap::network
