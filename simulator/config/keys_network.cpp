// The declarations of the network's keys. Defaults not written here are the model's own.
#include "simulator/config/keys_network.hpp"

namespace sovcap::config {
namespace {

using namespace keys;
using network::LinkSpec;
using network::NodeSpec;
using network::Outage;
using Q = Quantity;

constexpr Key<Scenario> kNetwork[] = {
    list<Scenario>("nodes", "network.nodes",
                   "backbone nodes: ids that sites and regions attach to, or routers with coordinates (see \"Nodes\")"),
    list<Scenario>("links", "network.links", "the backbone's links"),
    map<Scenario>("replication", "network.replication", "data copied between sites"),
    whole<Scenario>("inputs_in_flight", SOVCAP_AT(inputs_in_flight), between(1, 100000),
                    "job inputs moving at once per region; later ones wait in order (a bound on the flow solver's "
                    "work; docs/network.md, \"What the bound costs\")"),
};

constexpr Key<Scenario> kReplication[] = {
    quantity<Scenario>("volume", SOVCAP_AT(replication_gb), Q::data, "GB", non_negative(),
                       "sent from each site to each other site every `every`, as one batch per direction; 0 = none"),
    quantity<Scenario>("every", SOVCAP_AT(replication_every_s), Q::duration, "s", positive(), "the replication period"),
};

constexpr Key<NodeSpec> kNode[] = {
    id<NodeSpec>("id", SOVCAP_AT(id), "the node's id (a list item may be the id alone: `- rabat`)").required(),
    number<NodeSpec>("latitude", SOVCAP_AT(latitude_deg), "deg", between(-90, 90), "north positive; given with longitude")
        .default_in_words("the first site's (else region's) attached to it"),
    number<NodeSpec>("longitude", SOVCAP_AT(longitude_deg), "deg", between(-180, 180), "east positive; given with latitude")
        .default_in_words("the first site's (else region's) attached to it"),
};

constexpr Key<LinkSpec> kLink[] = {
    id<LinkSpec>("id", SOVCAP_AT(id), "the link's id").derived("A-B", [](LinkSpec& l) { l.id = l.a + "-" + l.b; }),
    id<LinkSpec>("a", SOVCAP_AT(a), "one end: a known node").required(),
    id<LinkSpec>("b", SOVCAP_AT(b), "the other end: a known node, not a").required(),
    // What SimGrid's solver represents (bytes/s in doubles, to a precision of 1e-5): 1 kbps to 1 Pbps.
    quantity<LinkSpec>("bandwidth", SOVCAP_AT(bandwidth_gbps), Q::bandwidth, "Gbps", between(1e-6, 1e6), "capacity"),
    quantity<LinkSpec>("latency", SOVCAP_AT(latency_s), Q::duration, "s", between(0, 3600),
                       "one-way latency; auto = great-circle distance x route_factor at fibre speed")
        .or_word("auto", -1),
    number<LinkSpec>("route_factor", SOVCAP_AT(route_factor), "1", between(1, 10),
                     "fibre path / great-circle distance (assumption)"),
    list<LinkSpec>("outages", "network.links.outages", "planned outages"),
    quantity<LinkSpec>("mtbf", SOVCAP_AT(mtbf_s), Q::duration, "s", non_negative(),
                       "mean time between random failures; 0 = none"),
    quantity<LinkSpec>("mttr", SOVCAP_AT(mttr_s), Q::duration, "s", non_negative(), "mean time to repair; > 0 when mtbf is"),
};

constexpr Key<Outage> kOutage[] = {
    time<Outage>("start", SOVCAP_AT(start_s), false, "when the outage begins, at or after scenario.start").required(),
    quantity<Outage>("duration", SOVCAP_AT(duration_s), Q::duration, "s", positive(), "how long the link is down").required(),
};

}  // namespace

KeyTable<Scenario> network_keys() { return key_table("network", kNetwork); }
KeyTable<Scenario> replication_keys() { return key_table("network.replication", kReplication); }
KeyTable<NodeSpec> node_keys() { return key_table("network.nodes", kNode); }
KeyTable<LinkSpec> link_keys() { return key_table("network.links", kLink); }
KeyTable<Outage> outage_keys() { return key_table("network.links.outages", kOutage); }

}  // namespace sovcap::config
