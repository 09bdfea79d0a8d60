#pragma once
// The keys of the `network` section: the backbone's nodes and links, replication (keys_network.cpp).
#include "models/network/params.hpp"
#include "simulator/config/keys.hpp"
#include "simulator/config/scenario.hpp"

namespace sovcap::config {

KeyTable<Scenario> network_keys();               // network
KeyTable<Scenario> replication_keys();           // network.replication
KeyTable<network::NodeSpec> node_keys();         // network.nodes
KeyTable<network::LinkSpec> link_keys();         // network.links
KeyTable<network::Outage> outage_keys();         // network.links.outages

}  // namespace sovcap::config
