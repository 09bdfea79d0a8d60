#include "simulator/output/h5_attributes.hpp"

namespace sovcap::output {
namespace {

void write_raw(hid_t obj, const std::string& name, hid_t type, hid_t space, const void* data) {
  // Replace an existing attribute: callers may rewrite (e.g. summaries at finish).
  if (H5Aexists(obj, name.c_str()) > 0) h5_check(H5Adelete(obj, name.c_str()), "delete attribute " + name);
  Hid a(H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT), "create attribute " + name);
  h5_check(H5Awrite(a, type, data), "write attribute " + name);
}

void write_scalar(hid_t obj, const std::string& name, hid_t type, const void* data) {
  Hid space(H5Screate(H5S_SCALAR), "scalar space");
  write_raw(obj, name, type, space, data);
}

}  // namespace

Hid vlen_string_type() {
  Hid t(H5Tcopy(H5T_C_S1), "string type");
  h5_check(H5Tset_size(t, H5T_VARIABLE), "string size");
  return t;
}

void write_attr(hid_t obj, const std::string& name, const std::string& value) { write_attr(obj, name, value.c_str()); }

void write_attr(hid_t obj, const std::string& name, const char* value) {
  Hid t = vlen_string_type();
  write_scalar(obj, name, t, &value);
}

void write_attr(hid_t obj, const std::string& name, double value) { write_scalar(obj, name, H5T_NATIVE_DOUBLE, &value); }
void write_attr(hid_t obj, const std::string& name, uint64_t value) { write_scalar(obj, name, H5T_NATIVE_UINT64, &value); }
void write_attr(hid_t obj, const std::string& name, int64_t value) { write_scalar(obj, name, H5T_NATIVE_INT64, &value); }

void write_attr(hid_t obj, const std::string& name, const std::vector<std::string>& values) {
  Hid t = vlen_string_type();
  std::vector<const char*> ptrs;
  for (const auto& v : values) ptrs.push_back(v.c_str());
  hsize_t n = values.size();
  Hid space(H5Screate_simple(1, &n, nullptr), "attribute space");
  // HDF5 refuses a null buffer even for no elements (an empty vector's data() may be null).
  const char* none = nullptr;
  write_raw(obj, name, t, space, ptrs.empty() ? &none : ptrs.data());
}

void write_attr(hid_t obj, const std::string& name, const std::vector<int64_t>& values) {
  hsize_t n = values.size();
  Hid space(H5Screate_simple(1, &n, nullptr), "attribute space");
  const int64_t none = 0;  // as above: no elements, but not a null buffer
  write_raw(obj, name, H5T_NATIVE_INT64, space, values.empty() ? &none : values.data());
}

bool has_attr(hid_t obj, const std::string& name) { return H5Aexists(obj, name.c_str()) > 0; }

std::optional<std::string> read_attr_string(hid_t obj, const std::string& name) {
  if (!has_attr(obj, name)) return std::nullopt;
  Hid a(H5Aopen(obj, name.c_str(), H5P_DEFAULT));
  if (!a.valid()) return std::nullopt;
  Hid ft(H5Aget_type(a));
  if (!ft.valid() || H5Tget_class(ft) != H5T_STRING) return std::nullopt;
  Hid space(H5Aget_space(a));
  if (H5Sget_simple_extent_npoints(space) != 1) return std::nullopt;
  if (H5Tis_variable_str(ft) > 0) {
    Hid mt = vlen_string_type();
    H5Tset_cset(mt, H5Tget_cset(ft));  // HDF5 converts no string between character sets
    char* s = nullptr;
    if (H5Aread(a, mt, &s) < 0) return std::nullopt;
    std::string out = s ? s : "";
    H5free_memory(s);
    return out;
  }
  size_t n = H5Tget_size(ft);
  Hid mt(H5Tcopy(H5T_C_S1));
  H5Tset_size(mt, n);
  H5Tset_cset(mt, H5Tget_cset(ft));
  std::string buf(n, '\0');
  if (H5Aread(a, mt, buf.data()) < 0) return std::nullopt;
  return std::string(buf.c_str());
}

std::optional<double> read_attr_double(hid_t obj, const std::string& name) {
  if (!has_attr(obj, name)) return std::nullopt;
  Hid a(H5Aopen(obj, name.c_str(), H5P_DEFAULT));
  if (!a.valid()) return std::nullopt;
  Hid ft(H5Aget_type(a));
  auto cls = H5Tget_class(ft);
  if (cls != H5T_INTEGER && cls != H5T_FLOAT) return std::nullopt;
  Hid space(H5Aget_space(a));
  if (H5Sget_simple_extent_npoints(space) != 1) return std::nullopt;
  double v = 0;
  if (H5Aread(a, H5T_NATIVE_DOUBLE, &v) < 0) return std::nullopt;
  return v;
}

std::optional<uint64_t> read_attr_uint64(hid_t obj, const std::string& name) {
  if (!has_attr(obj, name)) return std::nullopt;
  Hid a(H5Aopen(obj, name.c_str(), H5P_DEFAULT));
  if (!a.valid()) return std::nullopt;
  Hid ft(H5Aget_type(a));
  Hid space(H5Aget_space(a));
  if (H5Tget_class(ft) != H5T_INTEGER || H5Sget_simple_extent_npoints(space) != 1) return std::nullopt;
  uint64_t v = 0;
  if (H5Aread(a, H5T_NATIVE_UINT64, &v) < 0) return std::nullopt;
  return v;
}

}  // namespace sovcap::output
