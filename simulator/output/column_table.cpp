#include "simulator/output/column_table.hpp"

#include <algorithm>
#include <cstring>

#include "simulator/output/h5_attributes.hpp"

namespace sovcap::output {

Hid fixed_string_type(size_t width) {
  Hid t(H5Tcopy(H5T_C_S1), "string type");
  // Null-terminated with room for the terminator: C readers using plain
  // H5T_C_S1 of the stored size read whole names; numpy strips the nulls.
  h5_check(H5Tset_size(t, std::max<size_t>(width, 1)), "string size");
  h5_check(H5Tset_strpad(t, H5T_STR_NULLTERM), "string padding");
  return t;
}

std::string units_listing(const std::vector<std::string>& names, const std::vector<std::string>& units) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i] + ": " + units[i];
  return out;
}

void ColumnTable::check_rows(const std::string& name, size_t n) const {
  if (n != rows_) throw H5Error("column " + name + " has " + std::to_string(n) + " rows, the table " + std::to_string(rows_));
}

ColumnTable& ColumnTable::strings(const std::string& name, std::vector<std::string> values) {
  check_rows(name, values.size());
  Column c{name, "-", Kind::text, std::move(values), {}, {}, 1};
  for (const auto& v : c.text) c.width = std::max(c.width, v.size() + 1);
  columns_.push_back(std::move(c));
  return *this;
}

ColumnTable& ColumnTable::doubles(const std::string& name, const std::string& units, std::vector<double> values) {
  check_rows(name, values.size());
  columns_.push_back(Column{name, units, Kind::real, {}, std::move(values), {}, sizeof(double)});
  return *this;
}

ColumnTable& ColumnTable::ints(const std::string& name, const std::string& units, std::vector<int64_t> values) {
  check_rows(name, values.size());
  columns_.push_back(Column{name, units, Kind::integer, {}, {}, std::move(values), sizeof(int64_t)});
  return *this;
}

void ColumnTable::write(hid_t parent, const std::string& name) const {
  size_t row_bytes = 0;
  for (const auto& c : columns_) row_bytes += c.width;
  Hid type(H5Tcreate(H5T_COMPOUND, std::max<size_t>(row_bytes, 1)), "compound type for " + name);
  std::vector<unsigned char> buf(rows_ * row_bytes, 0);
  size_t offset = 0;
  std::vector<std::string> names, units;
  for (const auto& c : columns_) {
    names.push_back(c.name);
    units.push_back(c.units);
    if (c.kind == Kind::text) {
      Hid st = fixed_string_type(c.width);
      h5_check(H5Tinsert(type, c.name.c_str(), offset, st), "column " + c.name);
      for (size_t r = 0; r < rows_; ++r) std::memcpy(&buf[r * row_bytes + offset], c.text[r].data(), c.text[r].size());
    } else if (c.kind == Kind::real) {
      h5_check(H5Tinsert(type, c.name.c_str(), offset, H5T_NATIVE_DOUBLE), "column " + c.name);
      for (size_t r = 0; r < rows_; ++r) std::memcpy(&buf[r * row_bytes + offset], &c.real[r], sizeof(double));
    } else {
      h5_check(H5Tinsert(type, c.name.c_str(), offset, H5T_NATIVE_INT64), "column " + c.name);
      for (size_t r = 0; r < rows_; ++r) std::memcpy(&buf[r * row_bytes + offset], &c.integer[r], sizeof(int64_t));
    }
    offset += c.width;
  }
  hsize_t n = rows_;
  Hid space(H5Screate_simple(1, &n, nullptr), "dataspace for " + name);
  Hid dcpl = creation_props(H5P_DATASET_CREATE);
  Hid ds(H5Dcreate2(parent, name.c_str(), type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT), "create table " + name);
  if (rows_ > 0) h5_check(H5Dwrite(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()), "write table " + name);
  write_attr(ds, "units", units_listing(names, units));
  write_attr(ds, "columns", names);
  write_attr(ds, "columns_units", units);
}

}  // namespace sovcap::output
