#pragma once
// The declared scenario keys for people and tools: `sovcap schema --keys [--json|--markdown]`.
#include <string>

namespace sovcap::config {

std::string format_keys_text();
std::string format_keys_json();
// One section's table, as docs/config.md holds it.
std::string format_keys_markdown(const std::string& section);
// Every section's table between <!-- keys:SECTION --> markers (tools/update-config-doc).
std::string format_keys_markdown_all();

}  // namespace sovcap::config
