#pragma once
// Text for the machine-readable outputs (`--json`, `schema --markdown`, the
// optimiser's summary.json): one escaper each for JSON strings, JSON numbers
// and Markdown table cells.
#include <string>
#include <string_view>

namespace sovcap::config {

// A JSON string literal, quoted, with quotes, backslashes and control characters escaped (RFC 8259).
std::string json_string(std::string_view s);
// A JSON number (the shortest text that reads back the same); null for NaN and infinities.
std::string json_number(double v);
// Text for a Markdown table cell: a pipe would end the cell.
std::string markdown_cell(std::string_view s);

}  // namespace sovcap::config
