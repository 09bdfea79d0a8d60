#pragma once
// What a sweep spec and an optimisation spec share: `base:`, the scenario they
// run, `set:`, the overrides every run gets, and how keys and seeds are checked.
// Errors are appended to diags.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simulator/config/diagnostics.hpp"
#include "simulator/config/tree.hpp"
#include "simulator/sweep/spec.hpp"

namespace sovcap::sweep {

// `base:` resolved against the spec's directory and checked to be a regular file
// ("" with an error when it is missing). verb: what the spec does with it ("sweep").
std::string read_base(const config::Node& root, const std::string& spec_path, const std::string& verb,
                      std::vector<config::Diagnostic>& diags);

// `set:`, flat ({a.b.c: 1}) or nested ({a: {b: {c: 1}}}), as KEY.PATH=VALUE pairs in
// order; a list is one value, in flow YAML, as `--set KEY=[a, b]` takes it.
Overrides read_set(const config::Node& root, std::vector<config::Diagnostic>& diags);

// Unknown keys of a map (each with a did-you-mean); false, with an error, if n is not a map.
bool check_keys(const config::Node& n, const std::string& path, const std::vector<std::string>& known,
                std::vector<config::Diagnostic>& diags);

// A run or sampling seed: a whole number from 0 to 10^19-1, in digits.
std::optional<uint64_t> read_seed(const config::Node& n, const std::string& path, std::vector<config::Diagnostic>& diags);

}  // namespace sovcap::sweep
