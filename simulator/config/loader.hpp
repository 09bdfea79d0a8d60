#pragma once
// Loading a scenario: read the YAML (and what it extends), apply overrides,
// validate everything, and build the typed Scenario.
#include <string>
#include <vector>

#include "simulator/config/diagnostics.hpp"
#include "simulator/config/scenario.hpp"

namespace sovcap::config {

// Throws ConfigError listing every error found: unreadable files, YAML syntax,
// unknown keys (with "did you mean"), wrong types, units and ranges, duplicate
// and unknown ids, regions that cannot reach a site. overrides are
// "KEY.PATH=VALUE" (see overrides.hpp); "seed=N" and "duration=D" set
// scenario.seed and scenario.duration.
Scenario load_scenario(const std::string& path, const std::vector<std::string>& overrides = {});

}  // namespace sovcap::config
