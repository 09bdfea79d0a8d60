#include "simulator/output/topology_tables.hpp"

#include "simulator/output/column_table.hpp"

namespace sovcap::output {

void write_topology(hid_t group, const std::vector<TopologyNodeRow>& nodes, const std::vector<TopologyLinkRow>& links) {
  std::vector<std::string> id, kind, a, b;
  std::vector<double> lat, lon, bw, latency, length;
  for (const auto& n : nodes) {
    id.push_back(n.id);
    kind.push_back(n.kind);
    lat.push_back(n.latitude_deg);
    lon.push_back(n.longitude_deg);
  }
  ColumnTable(nodes.size())
      .strings("id", id)
      .strings("kind", kind)
      .doubles("latitude_deg", "deg", lat)
      .doubles("longitude_deg", "deg", lon)
      .write(group, "nodes");
  id.clear();
  for (const auto& l : links) {
    id.push_back(l.id);
    a.push_back(l.a);
    b.push_back(l.b);
    bw.push_back(l.bandwidth_gbps);
    latency.push_back(l.latency_s);
    length.push_back(l.length_km);
  }
  ColumnTable(links.size())
      .strings("id", id)
      .strings("a", a)
      .strings("b", b)
      .doubles("bandwidth_gbps", "Gbps", bw)
      .doubles("latency_s", "s", latency)
      .doubles("length_km", "km", length)
      .write(group, "links");
}

}  // namespace sovcap::output
