// The `network` section: backbone nodes (routers, or ids that sites and regions attach to) and links.
#include "simulator/config/draft.hpp"

namespace sovcap::config {

void read_network(Ctx& ctx, MapReader& root, Draft& d) {
  MapReader net(ctx, root.get("network"), "network", {"nodes", "links", "replication", "inputs_in_flight"}, root.place());
  d.sc.inputs_in_flight = static_cast<int>(net.integer("inputs_in_flight", 16, between(1, 100000)));
  d.network_place = net.place();
  if (const Node* nodes = net.list("nodes")) {
    for (size_t i = 0; i < nodes->items.size(); ++i) {
      const Node& item = nodes->items[i];
      NodeDecl decl;
      decl.ref.place = item.place;
      decl.ref.id_place = item.place;
      if (item.is_scalar()) {  // an id only: a site or region gives its coordinates
        decl.id = item.scalar;
        decl.ref.path = "network.nodes." + item.scalar;
      } else {
        MapReader m(ctx, &item, item_path("network.nodes", item, i), {"id", "latitude", "longitude"}, item.place);
        if (!m.is_map()) continue;
        decl.id = m.id("id", std::nullopt);
        decl.ref.path = m.path();
        decl.ref.id_place = m.place("id");
        decl.has_coords = m.has("latitude") || m.has("longitude");
        if (decl.has_coords) {
          decl.latitude_deg = m.number("latitude", std::nullopt, between(-90, 90));
          decl.longitude_deg = m.number("longitude", std::nullopt, between(-180, 180));
        }
      }
      d.nodes.push_back(decl);
    }
  }
  if (const Node* rep = net.get("replication")) {
    MapReader m(ctx, rep, "network.replication", {"volume", "every"}, rep->place);
    d.sc.replication_gb = m.quantity("volume", Quantity::data, 0.0, non_negative());
    d.sc.replication_every_s = m.quantity("every", Quantity::duration, 3600.0, positive());
  }
  if (const Node* links = net.list("links")) {
    for (size_t i = 0; i < links->items.size(); ++i) {
      const Node& item = links->items[i];
      MapReader m(ctx, &item, item_path("network.links", item, i),
                  {"id", "a", "b", "bandwidth", "latency", "route_factor", "outages", "mtbf", "mttr"}, item.place);
      if (!m.is_map()) continue;
      network::LinkSpec l;
      l.a = m.id("a", std::nullopt);
      l.b = m.id("b", std::nullopt);
      l.id = m.id("id", l.a + "-" + l.b);
      // What SimGrid's solver represents (bytes/s in doubles, to a precision of 1e-5): 1 kbps to 1 Pbps.
      l.bandwidth_gbps = m.quantity("bandwidth", Quantity::bandwidth, l.bandwidth_gbps, between(1e-6, 1e6));
      const Node* lat = m.get("latency");
      if (!(lat && lat->is_scalar() && lat->scalar == "auto"))
        l.latency_s = m.quantity("latency", Quantity::duration, l.latency_s, between(0, 3600));
      l.route_factor = m.number("route_factor", l.route_factor, between(1, 10));
      if (const Node* outages = m.list("outages")) {
        for (size_t k = 0; k < outages->items.size(); ++k) {
          const Node& o = outages->items[k];
          MapReader om(ctx, &o, m.path("outages") + "." + std::to_string(k), {"start", "duration"}, o.place);
          network::Outage out;
          out.start_s = read_time_since_start(ctx, om, "start", d.sc.start_utc_s, std::nullopt);
          out.duration_s = om.quantity("duration", Quantity::duration, std::nullopt, positive());
          l.outages.push_back(out);
        }
      }
      l.mtbf_s = m.quantity("mtbf", Quantity::duration, 0.0, non_negative());
      l.mttr_s = m.quantity("mttr", Quantity::duration, 0.0, non_negative());
      if (l.mtbf_s > 0 && !(l.mttr_s > 0))
        ctx.error(m.place("mttr"), m.path("mttr"), "random failures need a repair time", "mttr > 0 when mtbf > 0");
      LinkRef ref;
      ref.ref = ItemRef{m.path(), item.place, m.has("id") ? m.place("id") : item.place, Place{}, false};
      ref.a_place = m.place("a");
      ref.b_place = m.place("b");
      d.links.push_back(ref);
      d.sc.topology.links.push_back(l);
    }
  }
}

}  // namespace sovcap::config
