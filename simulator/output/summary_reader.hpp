#pragma once
// Reads the KPIs of a finished result back, defensively: anything that is not
// a complete sovcap/1 result becomes one SummaryError naming the file and what is wrong.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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
  std::vector<std::pair<std::string, double>> kpis;  // /summary attributes, in a fixed order
  SummaryTable sites, classes, regions;               // regions empty when absent
};

ResultSummary read_result_summary(const std::string& path);

}  // namespace sovcap::output
