#pragma once
// Reads the KPIs of a finished result back, defensively: anything that is not
// a complete result of this schema_version (figures.hpp) becomes one SummaryError naming the file and what is wrong.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "simulator/output/h5_handle.hpp"

namespace sovcap::output {

struct SummaryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A compound summary table: the row labels (its first string column) and its numeric columns.
struct SummaryTable {
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, std::vector<double>>> columns;  // numeric columns, in file order
  // The column, or NaNs when absent (older or partial tables print as "-").
  std::vector<double> column(const std::string& name) const;
};

struct ResultSummary {
  std::string path, schema, scenario, sovcap_version, start_utc, created_utc;
  uint64_t seed = 0;
  double duration_s = 0, wall_s = 0;
  std::vector<std::pair<std::string, double>> kpis;  // every numeric /summary attribute: declared ones first
  SummaryTable sites, classes, regions;               // regions empty when absent
};

ResultSummary read_result_summary(const std::string& path);

// The one reader of a result's compound summary tables: row labels from the first string column,
// every numeric column (as double) in file order. Throws SummaryError "<path>: ..." when the dataset
// is missing, not a compound table, or has no string column.
SummaryTable read_summary_table(hid_t file, const std::string& path, const std::string& dataset);

// Every numeric scalar attribute of `summary`: the KPIs declared in figures.cpp in their order,
// then any others by name.
std::vector<std::pair<std::string, double>> read_kpi_attributes(hid_t summary);

}  // namespace sovcap::output
