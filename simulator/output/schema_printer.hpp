#pragma once
// `sovcap schema`: the registry of results (figures.hpp) as text, JSON or the
// Markdown tables of docs/results.md.
#include <string>

#include "simulator/output/figures.hpp"

namespace sovcap::output {

// One aligned table per part of the file: name, type, unit, group, label.
std::string format_schema_text();
// {"schema": "sovcap/3", "groups": [...], "tables": [{"table", "path", "figures": [{name, type, unit, group,
// format, label, description, when}]}]}: what the Python tools read instead of lists of their own.
std::string format_schema_json();
// The Markdown table of one part, as docs/results.md holds it between
// "<!-- registry:NAME -->" and "<!-- /registry:NAME -->" (NAME = table_name()).
std::string format_schema_markdown(Table table);
// Every part's table with its markers, in file order.
std::string format_schema_markdown_all();

}  // namespace sovcap::output
