#pragma once
// A small compound table built column by column and written in one go: the
// summaries and the topology. String columns are fixed-length (numpy
// 'S' fields in h5py), numbers are float64 or int64.
#include <cstdint>
#include <string>
#include <vector>

#include "simulator/output/h5_handle.hpp"

namespace sovcap::output {

class ColumnTable {
 public:
  explicit ColumnTable(size_t rows) : rows_(rows) {}
  ColumnTable& strings(const std::string& name, std::vector<std::string> values);
  ColumnTable& doubles(const std::string& name, const std::string& units, std::vector<double> values);
  ColumnTable& ints(const std::string& name, const std::string& units, std::vector<int64_t> values);

  // Creates dataset `name` under `parent` with attributes `units` ("col: unit, ..."),
  // `columns` and `columns_units` (parallel string arrays, in member order).
  void write(hid_t parent, const std::string& name) const;

 private:
  enum class Kind { text, real, integer };
  struct Column {
    std::string name, units;
    Kind kind;
    std::vector<std::string> text;
    std::vector<double> real;
    std::vector<int64_t> integer;
    size_t width = 0;  // bytes in a row
  };
  void check_rows(const std::string& name, size_t n) const;
  size_t rows_;
  std::vector<Column> columns_;
};

// The `units` attribute text of a compound dataset: "name: unit, name: unit".
std::string units_listing(const std::vector<std::string>& names, const std::vector<std::string>& units);

// A fixed-length, null-terminated (ASCII-labelled) string type of `width` bytes (at least 1),
// room for the terminator included.
Hid fixed_string_type(size_t width);

}  // namespace sovcap::output
