#pragma once
// `sovcap summary`: the KPI table (or JSON) of a finished result.
#include <ostream>
#include <string>

#include "simulator/output/summary_reader.hpp"

namespace sovcap::output {

// Prints the KPIs of the result at `path` on `out` (a text table, or JSON when
// `json`). Returns 0, or 2 after one line on `err` naming the file and what is
// wrong (not HDF5, not sovcap/1, missing groups).
int print_summary(const std::string& path, bool json, std::ostream& out, std::ostream& err);

// The text tables: run header, scenario KPIs, sites (energy; jobs), classes, regions.
std::string format_kpi_table(const ResultSummary& summary);
// One JSON object: {"file", "scenario", ..., "kpis": {...}, "sites": [...], "classes": [...], "regions": [...]};
// NaN becomes null.
std::string format_kpi_json(const ResultSummary& summary);

}  // namespace sovcap::output
