#pragma once
// Writes what the registry (figures.hpp) declares, in its order: the computation
// puts each figure's values by name, and write() checks that every figure the
// table declares was put (with its declared type) and none other, so a figure
// cannot be written without a declaration nor declared without being written.
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "simulator/output/figures.hpp"
#include "simulator/output/h5_handle.hpp"

namespace sovcap::output {

// One summary table (/summary/sites, classes or regions) or /summary's KPI attributes.
class DeclaredTable {
 public:
  // rows: ignored for Table::kpi (one value each). network: whether When::network figures are written.
  DeclaredTable(Table table, size_t rows, bool network);
  DeclaredTable& text(const char* name, std::vector<std::string> values);
  DeclaredTable& real(const char* name, std::vector<double> values);
  DeclaredTable& count(const char* name, std::vector<int64_t> values);
  DeclaredTable& real(const char* name, double value) { return real(name, std::vector<double>{value}); }
  DeclaredTable& count(const char* name, int64_t value) { return count(name, std::vector<int64_t>{value}); }

  // A summary table: dataset `name` under `parent`. Table::kpi: attributes of `parent` plus `units`.
  // Throws std::logic_error when the values put and the declarations differ.
  void write(hid_t parent, const std::string& name = "") const;

 private:
  using Values = std::variant<std::vector<std::string>, std::vector<double>, std::vector<int64_t>>;
  void put(const char* name, Type type, Values values);
  std::vector<const Figure*> expected() const;
  Table table_;
  size_t rows_;
  bool network_;
  std::map<std::string, Values> values_;
};

}  // namespace sovcap::output
