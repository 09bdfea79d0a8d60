#pragma once
// `extends: base.yaml`: a scenario written as changes to another one.
#include <optional>
#include <string>
#include <vector>

#include "simulator/config/tree.hpp"

namespace sovcap::config {

// Lay over on top of base: maps merge key by key, recursively; lists whose
// items all are maps with an `id` (in both) merge item by item by id (new ids
// are appended); any other value (scalars, other lists) replaces the base's.
void merge_over(Node& base, const Node& over);

// Read path and, recursively, the files it extends (relative to the extending
// file's directory), merged. Reports unreadable files, syntax errors and
// cycles (a config that includes itself). Nothing when a file of the chain
// could not be read or parsed, or the chain is broken: validating a partial
// scenario would only add noise to the real error.
std::optional<Node> load_tree(const std::string& path, std::vector<Diagnostic>& diags);

}  // namespace sovcap::config
