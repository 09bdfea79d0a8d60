// Checks across sections: unique ids, references to known ids, the topology's
// nodes and their coordinates, regions that cannot reach a site.
#include <algorithm>
#include <map>

#include "models/network/topology.hpp"
#include "simulator/config/enum_names.hpp"
#include "simulator/config/draft.hpp"
#include "simulator/config/suggest.hpp"

namespace sovcap::config {
namespace {

template <class Get>
void check_unique(Ctx& ctx, size_t count, const std::string& what, Get get) {
  std::map<std::string, size_t> seen;
  for (size_t i = 0; i < count; ++i) {
    auto [id, ref] = get(i);
    if (id.empty()) continue;
    auto [it, fresh] = seen.emplace(id, i);
    if (!fresh)
      ctx.error(ref->id_place, ref->path, "duplicate " + what + " id '" + id + "'",
                "each " + what + " id once; the first is " + get(it->second).second->path);
  }
}

std::string unknown(const std::string& what, const std::string& id, const std::vector<std::string>& known) {
  std::string hint = did_you_mean(id, known);
  return "unknown " + what + " '" + id + "'" + (hint.empty() ? "" : "; " + hint);
}

std::string listing(const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size() && i < 20; ++i) out += (i ? ", " : "") + ids[i];
  if (ids.size() > 20) out += ", ...";
  return out.empty() ? "none defined" : out;
}

struct NodeBuild {
  network::NodeSpec spec;
  bool has_coords = false;
  bool has_site = false, has_region = false;
  Place place;
  std::string path;
};

// Nodes: network.nodes first, then the own nodes of sites and regions that do
// not name one; then explicit `node:` references are resolved.
void build_nodes(Ctx& ctx, Draft& d) {
  auto& sc = d.sc;
  std::vector<NodeBuild> nodes;
  std::map<std::string, size_t> index;
  for (const auto& decl : d.nodes) {
    if (decl.id.empty()) continue;
    if (index.count(decl.id)) {
      ctx.error(decl.ref.id_place, decl.ref.path, "duplicate node id '" + decl.id + "'", "each node id once");
      continue;
    }
    NodeBuild b;
    b.spec.id = decl.id;
    b.has_coords = decl.has_coords;
    b.spec.latitude_deg = decl.latitude_deg;
    b.spec.longitude_deg = decl.longitude_deg;
    b.place = decl.ref.place;
    b.path = decl.ref.path;
    index[decl.id] = nodes.size();
    nodes.push_back(b);
  }
  auto own = [&](const std::string& id, const ItemRef& ref) {
    if (id.empty() || index.count(id)) return;
    NodeBuild b;
    b.spec.id = id;
    b.place = ref.place;
    b.path = ref.path;
    index[id] = nodes.size();
    nodes.push_back(b);
  };
  for (size_t i = 0; i < sc.sites.size(); ++i)
    if (!d.sites[i].node_given) own(sc.sites[i].node, d.sites[i]);
  for (size_t i = 0; i < sc.regions.size(); ++i)
    if (!d.regions[i].node_given) own(sc.regions[i].node, d.regions[i]);

  std::vector<std::string> ids;
  for (const auto& n : nodes) ids.push_back(n.spec.id);
  auto attach = [&](const std::string& node, const ItemRef& ref, double lat, double lon, bool site) {
    auto it = index.find(node);
    if (it == index.end()) {
      if (!node.empty())
        ctx.error(ref.node_place, ref.path + ".node", unknown("node", node, ids), "a node of network.nodes, or a site's or region's own node: " + listing(ids));
      return;
    }
    auto& b = nodes[it->second];
    if (!b.has_coords) b.has_coords = true, b.spec.latitude_deg = lat, b.spec.longitude_deg = lon;
    (site ? b.has_site : b.has_region) = true;
  };
  // Sites first, so that a node shared by a site and a region takes the site's place.
  for (size_t i = 0; i < sc.sites.size(); ++i)
    attach(sc.sites[i].node, d.sites[i], sc.sites[i].power.location.latitude_deg, sc.sites[i].power.location.longitude_deg, true);
  for (size_t i = 0; i < sc.regions.size(); ++i)
    attach(sc.regions[i].node, d.regions[i], sc.regions[i].latitude_deg, sc.regions[i].longitude_deg, false);

  for (auto& b : nodes) {
    if (!b.has_coords)
      ctx.error(b.place, b.path, "node '" + b.spec.id + "' has no coordinates",
                "give it latitude and longitude, or attach a site or region to it");
    b.spec.kind = b.has_site ? network::NodeKind::site : b.has_region ? network::NodeKind::region : network::NodeKind::router;
    sc.topology.nodes.push_back(b.spec);
  }
}

void check_links(Ctx& ctx, Draft& d) {
  auto& sc = d.sc;
  std::vector<std::string> ids;
  for (const auto& n : sc.topology.nodes) ids.push_back(n.id);
  for (size_t i = 0; i < sc.topology.links.size(); ++i) {
    const auto& l = sc.topology.links[i];
    const auto& r = d.links[i];
    for (auto [end, place, key] : {std::tuple{l.a, r.a_place, "a"}, std::tuple{l.b, r.b_place, "b"}})
      if (!end.empty() && std::find(ids.begin(), ids.end(), end) == ids.end())
        ctx.error(place, r.ref.path + "." + key, unknown("node", end, ids), "a node id: " + listing(ids));
    if (!l.a.empty() && l.a == l.b) ctx.error(r.b_place, r.ref.path + ".b", "a link from a node to itself", "two different nodes");
  }
}

// Regions whose node has no path (over links, ignoring outages) to any site's
// node, found by the network model itself. Run only on a topology whose ids
// all resolved, so that its errors are not reported twice.
void check_reachability(Ctx& ctx, Draft& d) {
  auto& sc = d.sc;
  try {
    network::Topology topo(sc.topology);
    for (const auto& node : topo.unreachable_regions())
      for (size_t i = 0; i < sc.regions.size(); ++i)
        if (sc.regions[i].node == node)
          ctx.error(d.regions[i].place, d.regions[i].path,
                    "region '" + sc.regions[i].id + "' (node '" + node + "') cannot reach any site over network.links",
                    "a chain of links from the region's node to a site's node");
  } catch (const network::TopologyError& e) {
    for (const auto& m : e.messages()) ctx.error(d.network_place, "network", m);
  }
}

void check_classes(Ctx& ctx, Draft& d) {
  auto& sc = d.sc;
  std::vector<std::string> site_ids, region_ids;
  for (const auto& s : sc.sites) site_ids.push_back(s.id);
  for (const auto& r : sc.regions) region_ids.push_back(r.id);
  for (size_t k = 0; k < sc.classes.size(); ++k) {
    auto& c = sc.classes[k];
    const auto& ref = d.classes[k];
    for (size_t i = 0; i < c.allowed_sites.size() && i < ref.allowed_places.size(); ++i)
      if (std::find(site_ids.begin(), site_ids.end(), c.allowed_sites[i]) == site_ids.end())
        ctx.error(ref.allowed_places[i], ref.ref.path + ".allowed_sites." + std::to_string(i),
                  unknown("site", c.allowed_sites[i], site_ids), "site ids: " + listing(site_ids));
    bool runnable = false;
    for (const auto& s : sc.sites) {
      bool allowed = c.allowed_sites.empty() ||
                     std::find(c.allowed_sites.begin(), c.allowed_sites.end(), s.id) != c.allowed_sites.end();
      for (const auto& p : s.pools) runnable = runnable || (allowed && p.gpu == (c.pool == workload::PoolKind::gpu));
    }
    const char* kind = spelling(c.pool, workload::kPoolKindNames);
    if (!runnable && !sc.sites.empty())
      ctx.error(ref.pool_place, ref.ref.path + ".pool",
                std::string("no site") + (c.allowed_sites.empty() ? "" : " in allowed_sites") + " has a " + kind + " pool",
                "a pool kind that an allowed site has");
    if (ref.region_weights_given) {
      c.region_weights.assign(sc.regions.size(), 0.0);
      for (size_t i = 0; i < ref.region_weights.size(); ++i) {
        const auto& [id, w] = ref.region_weights[i];
        auto it = std::find(region_ids.begin(), region_ids.end(), id);
        if (it == region_ids.end())
          ctx.error(ref.region_weight_places[i], ref.ref.path + ".region_weights." + id, unknown("region", id, region_ids),
                    "region ids: " + listing(region_ids));
        else
          c.region_weights[it - region_ids.begin()] = w;
      }
      double sum = 0;
      for (double w : c.region_weights) sum += w;
      if (!(sum > 0) && !sc.regions.empty())
        ctx.error(ref.region_weights_place, ref.ref.path + ".region_weights", "every region weighs 0", "at least one weight > 0");
    }
  }
  double total = 0;
  for (const auto& r : sc.regions) total += r.weight;
  if (!sc.regions.empty() && !(total > 0))
    ctx.error(d.regions[0].place, "regions", "every region's weight is 0", "at least one weight > 0");
}

}  // namespace

void cross_check(Ctx& ctx, Draft& d) {
  auto& sc = d.sc;
  check_unique(ctx, sc.sites.size(), "site", [&](size_t i) { return std::pair{sc.sites[i].id, &d.sites[i]}; });
  check_unique(ctx, sc.regions.size(), "region", [&](size_t i) { return std::pair{sc.regions[i].id, &d.regions[i]}; });
  check_unique(ctx, sc.classes.size(), "class", [&](size_t i) { return std::pair{sc.classes[i].id, &d.classes[i].ref}; });
  check_unique(ctx, sc.topology.links.size(), "link",
               [&](size_t i) { return std::pair{sc.topology.links[i].id, &d.links[i].ref}; });
  for (size_t s = 0; s < sc.sites.size(); ++s)
    check_unique(ctx, sc.sites[s].pools.size(), "pool",
                 [&](size_t i) { return std::pair{sc.sites[s].pools[i].id, &d.pools[s][i]}; });
  const size_t before = ctx.diags.size();
  build_nodes(ctx, d);
  check_links(ctx, d);
  if (ctx.diags.size() == before) check_reachability(ctx, d);
  check_classes(ctx, d);
}

}  // namespace sovcap::config
