#pragma once
// Two scenarios compared key by key, walking the declarations (keys.hpp): what the round-trip
// test uses, so that a key declared anywhere is compared without a hand-written list.
#include "simulator/config/key_io.hpp"
#include "simulator/config/scenario.hpp"

namespace sovcap::config {

// Every declared key of a and b, item by item (lists of different lengths are a difference).
KeyComparison compare_scenarios(const Scenario& a, const Scenario& b);

}  // namespace sovcap::config
