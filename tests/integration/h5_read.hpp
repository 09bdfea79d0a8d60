#pragma once
// Minimal HDF5 reading for tests, independent of the writer's code: read a
// float64 dataset, one column of a compound table, or an attribute.
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace h5test {

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

  bool exists(const std::string& path) const {
    // Check each prefix: H5Lexists fails on a missing intermediate group.
    size_t pos = 0;
    while ((pos = path.find('/', pos + 1)) != std::string::npos)
      if (H5Lexists(id_, path.substr(0, pos).c_str(), H5P_DEFAULT) <= 0) return false;
    return H5Lexists(id_, path.c_str(), H5P_DEFAULT) > 0;
  }

  std::vector<double> doubles(const std::string& path) const {
    hid_t d = open(path);
    std::vector<double> v(size(d));
    if (!v.empty()) H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
    H5Dclose(d);
    return v;
  }

  // One field of a compound dataset, converted to double by HDF5.
  std::vector<double> column(const std::string& path, const std::string& field) const {
    hid_t d = open(path);
    std::vector<double> v(size(d));
    hid_t t = H5Tcreate(H5T_COMPOUND, sizeof(double));
    H5Tinsert(t, field.c_str(), 0, H5T_NATIVE_DOUBLE);
    herr_t rc = v.empty() ? 0 : H5Dread(d, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
    H5Tclose(t);
    H5Dclose(d);
    if (rc < 0) throw std::runtime_error("cannot read column " + field + " of " + path);
    return v;
  }

  // An enum field read through a memory enum built from `names` (value = position):
  // HDF5 converts enums by name, so a missing or misspelled name fails the read.
  std::vector<int> enum_column(const std::string& path, const std::string& field,
                               const std::vector<std::string>& names) const {
    hid_t d = open(path);
    hid_t e = H5Tenum_create(H5T_NATIVE_INT);
    for (int i = 0; i < static_cast<int>(names.size()); ++i) H5Tenum_insert(e, names[i].c_str(), &i);
    hid_t t = H5Tcreate(H5T_COMPOUND, sizeof(int));
    H5Tinsert(t, field.c_str(), 0, e);
    std::vector<int> v(size(d));
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

  std::string attr_string(const std::string& obj, const std::string& name) const {
    hid_t a = H5Aopen_by_name(id_, obj.c_str(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT);
    if (a < 0) throw std::runtime_error("no attribute " + obj + "@" + name);
    hid_t t = H5Aget_type(a);
    std::string out;
    if (H5Tis_variable_str(t) > 0) {
      char* s = nullptr;
      hid_t mt = H5Tcopy(H5T_C_S1);
      H5Tset_size(mt, H5T_VARIABLE);
      H5Aread(a, mt, &s);
      out = s ? s : "";
      H5free_memory(s);
      H5Tclose(mt);
    } else {
      std::vector<char> buf(H5Tget_size(t) + 1, '\0');
      H5Aread(a, t, buf.data());
      out = buf.data();
    }
    H5Tclose(t);
    H5Aclose(a);
    return out;
  }

  hid_t id() const { return id_; }

 private:
  hid_t open(const std::string& path) const {
    hid_t d = H5Dopen2(id_, path.c_str(), H5P_DEFAULT);
    if (d < 0) throw std::runtime_error("no dataset " + path);
    return d;
  }
  static size_t size(hid_t d) {
    hid_t s = H5Dget_space(d);
    hssize_t n = H5Sget_simple_extent_npoints(s);
    H5Sclose(s);
    return static_cast<size_t>(n);
  }
  hid_t id_;
};

}  // namespace h5test
