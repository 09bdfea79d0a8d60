#pragma once
// What the section readers produce: the Scenario plus the places of the values
// that the cross-checks (ids, references, reachability) need to point at.
#include <map>
#include <string>
#include <vector>

#include "simulator/config/reader.hpp"
#include "simulator/config/scenario.hpp"

namespace sovcap::config {

struct ItemRef {
  std::string path;    // key path of the item
  Place place;         // the item
  Place id_place;      // its id
  Place node_place;    // its `node` value, if any
  bool node_given = false;
};

struct NodeDecl {
  std::string id;
  bool has_coords = false;
  double latitude_deg = 0, longitude_deg = 0;
  ItemRef ref;
};

struct LinkRef {
  ItemRef ref;
  Place a_place, b_place;
};

struct ClassRef {
  ItemRef ref;
  std::vector<Place> allowed_places;  // one per allowed_sites entry
  Place pool_place;
  // region_weights as written: region id -> weight, with the key places.
  std::vector<std::pair<std::string, double>> region_weights;
  std::vector<Place> region_weight_places;
  Place region_weights_place;
  bool region_weights_given = false;
};

struct Draft {
  Scenario sc;
  std::vector<ItemRef> sites, regions;
  std::vector<std::vector<ItemRef>> pools;  // per site
  std::vector<NodeDecl> nodes;              // network.nodes as written
  std::vector<LinkRef> links;
  std::vector<ClassRef> classes;
  Place network_place;  // the network section (or the file, if absent)
  Place trace_place;    // workload.trace, if given
  std::string swf_class;  // workload.swf.class as written ("" = the first class)
  Place swf_class_place;
};

// Section readers, in this order (later ones use the scenario's start and duration).
void read_scenario_section(Ctx& ctx, MapReader& root, Draft& d);
void read_sites(Ctx& ctx, MapReader& root, Draft& d);
void read_regions(Ctx& ctx, MapReader& root, Draft& d);
void read_network(Ctx& ctx, MapReader& root, Draft& d);
void read_classes(Ctx& ctx, MapReader& root, Draft& d);
// The top-level `economics` section (after the network: it names links).
void read_economics_section(Ctx& ctx, MapReader& root, Draft& d);
// A site's `costs`, `tariff` and `water` (read_economics.cpp).
void read_site_economics(Ctx& ctx, const MapReader& site, SiteSpec& s);
// The `workload` section: `trace` (a CSV or SWF job trace, read and parsed here) and `swf` (how SWF
// records become jobs).
void read_workload_section(Ctx& ctx, MapReader& root, Draft& d);
// The trace's class and region ids against the scenario's (after the sections are read).
void check_trace(Ctx& ctx, Draft& d);
// Duplicate ids, references to unknown ids, the topology's nodes, regions that
// cannot reach a site, classes without a pool to run on.
void cross_check(Ctx& ctx, Draft& d);
// Arrivals, node failures and link failures whose expected numbers over the run
// would make it explode (each key valid alone): an error with the limit.
void check_run_bounds(Ctx& ctx, const Draft& d);

// A time given as a duration since the start ("90d") or an ISO 8601 instant,
// as seconds since the scenario start. An instant before the start is an error,
// or 0 when before_start_is_start (things already in place when the run begins).
double read_time_since_start(Ctx& ctx, MapReader& m, const std::string& key, int64_t start_utc_s,
                             std::optional<double> def, bool before_start_is_start = false);

// The top-level keys of a scenario file.
const std::vector<std::string>& top_level_keys();

}  // namespace sovcap::config
