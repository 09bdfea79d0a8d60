#pragma once
// Where a region's jobs come from: the classes' synthetic arrivals
// (workload::ArrivalStream) or, with `workload.trace`, the rows of a CSV job
// trace (workload::TraceStream). Both behind workload::JobSource.
#include <memory>

#include "models/workload/job_source.hpp"
#include "simulator/config/scenario.hpp"

namespace sovcap::engine {

// The job source of one region. A trace parsed by the loader is shared, not read
// again; a Scenario built without the loader has its trace_path read here.
std::unique_ptr<workload::JobSource> make_job_source(const config::Scenario& sc, int region);

}  // namespace sovcap::engine
