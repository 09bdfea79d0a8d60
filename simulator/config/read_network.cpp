// The `network` section: backbone nodes (routers, or ids that sites and regions attach to) and links.
#include "simulator/config/draft.hpp"
#include "simulator/config/key_io.hpp"
#include "simulator/config/keys_network.hpp"

namespace sovcap::config {

void read_network(Ctx& ctx, MapReader& root, Draft& d) {
  MapReader net(ctx, root.get("network"), "network", key_names(network_keys()), root.place());
  const ReadEnv env{d.sc.start_utc_s};
  read_keys(ctx, net, network_keys(), d.sc, env);
  d.network_place = net.place();
  if (const Node* nodes = net.list("nodes")) {
    const auto keys = node_keys();
    for (size_t i = 0; i < nodes->items.size(); ++i) {
      const Node& item = nodes->items[i];
      NodeDecl decl;
      decl.ref.place = item.place;
      decl.ref.id_place = item.place;
      if (item.is_scalar()) {  // an id only: a site or region gives its coordinates
        decl.id = item.scalar;
        decl.ref.path = "network.nodes." + item.scalar;
      } else {
        MapReader m(ctx, &item, item_path("network.nodes", item, i), key_names(keys), item.place);
        if (!m.is_map()) continue;
        network::NodeSpec n;
        read_key(ctx, m, keys.at("id"), n, env);
        decl.id = n.id;
        decl.ref.path = m.path();
        decl.ref.id_place = m.place("id");
        decl.has_coords = m.has("latitude") || m.has("longitude");
        if (decl.has_coords) {  // both, or neither
          for (const char* k : {"latitude", "longitude"}) {
            if (!m.has(k)) m.missing(k);
            read_key(ctx, m, keys.at(k), n, env);
          }
          decl.latitude_deg = n.latitude_deg;
          decl.longitude_deg = n.longitude_deg;
        }
      }
      d.nodes.push_back(decl);
    }
  }
  {
    MapReader m(ctx, net.get("replication"), net.path("replication"), key_names(replication_keys()), net.place());
    read_keys(ctx, m, replication_keys(), d.sc, env);
  }
  if (const Node* links = net.list("links")) {
    const auto keys = link_keys();
    for (size_t i = 0; i < links->items.size(); ++i) {
      const Node& item = links->items[i];
      MapReader m(ctx, &item, item_path("network.links", item, i), key_names(keys), item.place);
      if (!m.is_map()) continue;
      network::LinkSpec l;
      read_key(ctx, m, keys.at("a"), l, env);  // the id's default is a-b
      read_key(ctx, m, keys.at("b"), l, env);
      read_keys(ctx, m, keys, l, env, {"a", "b"});
      if (const Node* outages = m.list("outages")) {
        for (size_t k = 0; k < outages->items.size(); ++k) {
          const Node& o = outages->items[k];
          MapReader om(ctx, &o, m.path("outages") + "." + std::to_string(k), key_names(outage_keys()), o.place);
          network::Outage out;
          read_keys(ctx, om, outage_keys(), out, env);
          l.outages.push_back(out);
        }
      }
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
