#pragma once
// Command-line overrides, "KEY.PATH=VALUE", applied to the YAML tree before validation.
#include <string>
#include <vector>

#include "simulator/config/tree.hpp"

namespace sovcap::config {

// The place an override's errors are reported at: file "--set", line 1.
inline constexpr const char* kOverrideFile = "--set";

// Each override sets the value at KEY.PATH (dot-separated map keys; list items
// by index, "sites.0", or by id, "sites.dakhla") to VALUE parsed as YAML.
// Missing maps along the path are created, so a misspelt key lands in the tree
// and the validator reports it as unknown, at "--set:1:COL". The top-level keys
// `seed` and `duration` mean scenario.seed and scenario.duration (--seed,
// --duration). Malformed overrides, missing list items and paths through
// single values are reported here.
void apply_overrides(Node& root, const std::vector<std::string>& overrides, std::vector<Diagnostic>& diags);

}  // namespace sovcap::config
