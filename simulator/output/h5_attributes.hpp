#pragma once
// Writing and reading HDF5 attributes. Strings are variable-length with
// HDF5's default (ASCII) character set: h5py returns them as str, and C readers
// using plain H5T_C_S1 read them (HDF5 converts no string between character
// sets). Non-ASCII text is stored as its UTF-8 bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "simulator/output/h5_handle.hpp"

namespace sovcap::output {

void write_attr(hid_t obj, const std::string& name, const std::string& value);
void write_attr(hid_t obj, const std::string& name, const char* value);
void write_attr(hid_t obj, const std::string& name, double value);
void write_attr(hid_t obj, const std::string& name, uint64_t value);
void write_attr(hid_t obj, const std::string& name, int64_t value);
void write_attr(hid_t obj, const std::string& name, const std::vector<std::string>& values);
void write_attr(hid_t obj, const std::string& name, const std::vector<int64_t>& values);  // 1-D int64

bool has_attr(hid_t obj, const std::string& name);
// Empty when the attribute is missing or not readable as the asked type.
std::optional<std::string> read_attr_string(hid_t obj, const std::string& name);
std::optional<double> read_attr_double(hid_t obj, const std::string& name);
std::optional<uint64_t> read_attr_uint64(hid_t obj, const std::string& name);  // integers only

// A variable-length string type (caller owns it).
Hid vlen_string_type();

}  // namespace sovcap::output
