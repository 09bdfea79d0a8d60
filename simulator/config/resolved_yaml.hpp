#pragma once
// The fully resolved scenario as YAML: every default filled in, quantities with
// their units, re-loadable to the same Scenario.
#include <string>

#include "simulator/config/scenario.hpp"

namespace sovcap::config {

std::string resolved_yaml(const Scenario& sc);

}  // namespace sovcap::config
