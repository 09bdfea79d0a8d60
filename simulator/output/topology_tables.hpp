#pragma once
// /topology/nodes and /topology/links: the network as the run saw it.
#include <vector>

#include "simulator/output/h5_handle.hpp"
#include "simulator/output/samples.hpp"

namespace sovcap::output {

void write_topology(hid_t topology_group, const std::vector<TopologyNodeRow>& nodes,
                    const std::vector<TopologyLinkRow>& links);

}  // namespace sovcap::output
