#pragma once
// The keys of the `scenario`, `scheduling`, `regions`, `classes` and `workload` sections (keys_scenario.cpp).
#include "models/scheduling/params.hpp"
#include "models/workload/params.hpp"
#include "simulator/config/keys.hpp"
#include "simulator/config/scenario.hpp"

namespace sovcap::config {

KeyTable<Scenario> top_keys();                            // the file's top level
KeyTable<Scenario> scenario_keys();                       // scenario
KeyTable<scheduling::SchedulingSpec> scheduling_keys();   // scheduling
KeyTable<workload::RegionSpec> region_keys();             // regions
KeyTable<workload::JobClassSpec> class_keys();            // classes
KeyTable<workload::DistributionSpec> units_keys();        // classes.units: a distribution of plain numbers
KeyTable<workload::DistributionSpec> runtime_keys();      // classes.runtime: a distribution of durations
KeyTable<Scenario> workload_keys();                       // workload
KeyTable<Scenario> swf_keys();                            // workload.swf

}  // namespace sovcap::config
