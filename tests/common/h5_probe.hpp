#pragma once
// The one HDF5 reader of the tests: results read back with the bare HDF5 C API,
// independently of the writer's own helpers.
#include <hdf5.h>
#include <hdf5_hl.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace probe {

class File {
 public:
  explicit File(const std::string& path) {
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    id_ = H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
    if (id_ < 0) throw std::runtime_error("cannot open " + path);
  }
  ~File() { H5Fclose(id_); }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  hid_t id() const { return id_; }

  bool exists(const std::string& path) const {
    size_t pos = 0;
    while ((pos = path.find('/', pos + 1)) != std::string::npos)
      if (H5Lexists(id_, path.substr(0, pos).c_str(), H5P_DEFAULT) <= 0) return false;
    return H5Lexists(id_, path.c_str(), H5P_DEFAULT) > 0;
  }
  bool has_attr(const std::string& obj, const std::string& name) const {
    return H5Aexists_by_name(id_, obj.c_str(), name.c_str(), H5P_DEFAULT) > 0;
  }

  std::vector<double> doubles(const std::string& path) const {
    hid_t d = dataset(path);
    std::vector<double> v(npoints(d));
    if (!v.empty()) H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
    H5Dclose(d);
    return v;
  }

  // One compound field converted to double.
  std::vector<double> column(const std::string& path, const std::string& field) const {
    hid_t d = dataset(path);
    std::vector<double> v(npoints(d));
    hid_t t = H5Tcreate(H5T_COMPOUND, sizeof(double));
    H5Tinsert(t, field.c_str(), 0, H5T_NATIVE_DOUBLE);
    herr_t rc = v.empty() ? 0 : H5Dread(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
    H5Tclose(t);
    H5Dclose(d);
    if (rc < 0) throw std::runtime_error("cannot read column " + field + " of " + path);
    return v;
  }

  // One fixed-length string field.
  std::vector<std::string> strings(const std::string& path, const std::string& field) const {
    hid_t d = dataset(path);
    hid_t ft = H5Dget_type(d);
    int idx = H5Tget_member_index(ft, field.c_str());
    if (idx < 0) throw std::runtime_error("no field " + field + " in " + path);
    hid_t mt_file = H5Tget_member_type(ft, idx);
    size_t w = H5Tget_size(mt_file);
    hid_t st = H5Tcopy(H5T_C_S1);
    H5Tset_size(st, w);
    hid_t t = H5Tcreate(H5T_COMPOUND, w);
    H5Tinsert(t, field.c_str(), 0, st);
    size_t n = npoints(d);
    std::vector<char> buf(n * w + 1, '\0');
    herr_t rc = n ? H5Dread(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()) : 0;
    std::vector<std::string> out;
    for (size_t i = 0; i < n; ++i) out.emplace_back(std::string(&buf[i * w], w).c_str());
    H5Tclose(t);
    H5Tclose(st);
    H5Tclose(mt_file);
    H5Tclose(ft);
    H5Dclose(d);
    if (rc < 0) throw std::runtime_error("cannot read strings " + field);
    return out;
  }

  // Field names of a compound dataset, in order.
  std::vector<std::string> fields(const std::string& path) const {
    hid_t d = dataset(path);
    hid_t t = H5Dget_type(d);
    std::vector<std::string> out;
    for (int i = 0; i < H5Tget_nmembers(t); ++i) {
      char* n = H5Tget_member_name(t, i);
      out.emplace_back(n);
      H5free_memory(n);
    }
    H5Tclose(t);
    H5Dclose(d);
    return out;
  }

  // Names and values of an enum field's type, as stored in the file.
  std::vector<std::pair<std::string, long>> enum_members(const std::string& path, const std::string& field) const {
    hid_t d = dataset(path);
    hid_t t = H5Dget_type(d);
    hid_t e = H5Tget_member_type(t, H5Tget_member_index(t, field.c_str()));
    std::vector<std::pair<std::string, long>> out;
    if (H5Tget_class(e) == H5T_ENUM) {
      hid_t base = H5Tget_super(e);
      size_t size = H5Tget_size(base);
      H5Tclose(base);
      for (int i = 0; i < H5Tget_nmembers(e); ++i) {
        char* n = H5Tget_member_name(e, i);
        alignas(8) unsigned char raw[8] = {0};
        H5Tget_member_value(e, i, raw);
        long v = size == 1 ? *reinterpret_cast<int8_t*>(raw)
                 : size == 4 ? *reinterpret_cast<int32_t*>(raw) : static_cast<long>(*reinterpret_cast<int64_t*>(raw));
        out.emplace_back(n, v);
        H5free_memory(n);
      }
    }
    H5Tclose(e);
    H5Tclose(t);
    H5Dclose(d);
    return out;
  }

  // An enum field read through a memory enum built from `names` (value = position):
  // HDF5 converts enums by name, so a missing or misspelled name fails the read.
  std::vector<int> enum_column(const std::string& path, const std::string& field,
                               const std::vector<std::string>& names) const {
    hid_t d = dataset(path);
    hid_t e = H5Tenum_create(H5T_NATIVE_INT);
    for (int i = 0; i < static_cast<int>(names.size()); ++i) H5Tenum_insert(e, names[i].c_str(), &i);
    hid_t t = H5Tcreate(H5T_COMPOUND, sizeof(int));
    H5Tinsert(t, field.c_str(), 0, e);
    std::vector<int> v(npoints(d));
    herr_t rc = v.empty() ? 0 : H5Dread(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
    H5Tclose(t);
    H5Tclose(e);
    H5Dclose(d);
    if (rc < 0) throw std::runtime_error("cannot read enum column " + field + " of " + path);
    return v;
  }

  double attr_double(const std::string& obj, const std::string& name) const {
    hid_t a = H5Aopen_by_name(id_, obj.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT);
    if (a < 0) throw std::runtime_error("no attribute " + obj + "@" + name);
    double v = 0;
    H5Aread(a, H5T_NATIVE_DOUBLE, &v);
    H5Aclose(a);
    return v;
  }

  H5T_class_t attr_class(const std::string& obj, const std::string& name) const {
    hid_t a = H5Aopen_by_name(id_, obj.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT);
    if (a < 0) throw std::runtime_error("no attribute " + obj + "@" + name);
    hid_t t = H5Aget_type(a);
    H5T_class_t c = H5Tget_class(t);
    H5Tclose(t);
    H5Aclose(a);
    return c;
  }

  // A scalar variable-length string attribute, or each element of a string array attribute.
  std::vector<std::string> attr_strings(const std::string& obj, const std::string& name) const {
    hid_t a = H5Aopen_by_name(id_, obj.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT);
    if (a < 0) throw std::runtime_error("no attribute " + obj + "@" + name);
    hid_t s = H5Aget_space(a);
    size_t n = static_cast<size_t>(H5Sget_simple_extent_npoints(s));
    hid_t mt = H5Tcopy(H5T_C_S1);
    H5Tset_size(mt, H5T_VARIABLE);
    std::vector<char*> p(n, nullptr);
    herr_t rc = H5Aread(a, mt, p.data());
    std::vector<std::string> out;
    for (char* c : p) {
      out.emplace_back(c ? c : "");
      H5free_memory(c);
    }
    H5Tclose(mt);
    H5Sclose(s);
    H5Aclose(a);
    if (rc < 0) throw std::runtime_error("not a variable-length string: " + obj + "@" + name);
    return out;
  }
  std::string attr_string(const std::string& obj, const std::string& name) const {
    auto v = attr_strings(obj, name);
    return v.empty() ? "" : v[0];
  }

  bool is_scale_attached(const std::string& series, const std::string& scale) const {
    hid_t d = dataset(series), s = dataset(scale);
    htri_t r = H5DSis_attached(d, s, 0);
    H5Dclose(d);
    H5Dclose(s);
    return r > 0;
  }
  bool is_scale(const std::string& path) const {
    hid_t d = dataset(path);
    htri_t r = H5DSis_scale(d);
    H5Dclose(d);
    return r > 0;
  }
  // Chunk length of a 1-D chunked dataset, 0 if not chunked; `unlimited` whether it can grow.
  hsize_t chunk(const std::string& path, bool* unlimited = nullptr) const {
    hid_t d = dataset(path);
    hid_t p = H5Dget_create_plist(d);
    hsize_t c = 0;
    if (H5Pget_layout(p) == H5D_CHUNKED) H5Pget_chunk(p, 1, &c);
    if (unlimited) {
      hid_t s = H5Dget_space(d);
      hsize_t dims = 0, max = 0;
      H5Sget_simple_extent_dims(s, &dims, &max);
      *unlimited = max == H5S_UNLIMITED;
      H5Sclose(s);
    }
    H5Pclose(p);
    H5Dclose(d);
    return c;
  }
  H5T_class_t type_class(const std::string& path) const {
    hid_t d = dataset(path);
    hid_t t = H5Dget_type(d);
    H5T_class_t c = H5Tget_class(t);
    H5Tclose(t);
    H5Dclose(d);
    return c;
  }

 private:
  hid_t dataset(const std::string& path) const {
    hid_t d = H5Dopen2(id_, path.c_str(), H5P_DEFAULT);
    if (d < 0) throw std::runtime_error("no dataset " + path);
    return d;
  }
  static size_t npoints(hid_t d) {
    hid_t s = H5Dget_space(d);
    hssize_t n = H5Sget_simple_extent_npoints(s);
    H5Sclose(s);
    return static_cast<size_t>(n);
  }
  hid_t id_;
};

}  // namespace probe
