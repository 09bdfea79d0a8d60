#include "simulator/sweep/kpis.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "simulator/output/h5_handle.hpp"

namespace sovcap::sweep {
namespace {

using output::Hid;

const char* const kOrder[] = {"jobs_submitted", "jobs_completed", "jobs_rejected", "jobs_killed", "jobs_unfinished",
                              "wait_mean_s", "wait_p50_s", "wait_p95_s", "wait_p99_s", "mean_slowdown",
                              "gpu_utilization", "energy_it_mwh", "energy_facility_mwh", "mean_pue", "solar_mwh",
                              "wind_mwh", "grid_import_mwh", "curtailed_mwh", "renewable_fraction", "carbon_t",
                              "unserved_mwh"};

size_t rank_of(const std::string& name) {
  for (size_t i = 0; i < std::size(kOrder); ++i)
    if (name == kOrder[i]) return i;
  return std::size(kOrder);
}

herr_t collect(hid_t loc, const char* name, const H5A_info_t*, void* data) {
  Hid attr(H5Aopen(loc, name, H5P_DEFAULT));
  if (!attr.valid()) return 0;
  Hid type(H5Aget_type(attr));
  Hid space(H5Aget_space(attr));
  auto cls = H5Tget_class(type);
  if ((cls != H5T_INTEGER && cls != H5T_FLOAT) || H5Sget_simple_extent_npoints(space) != 1) return 0;
  double v = std::nan("");
  if (H5Aread(attr, H5T_NATIVE_DOUBLE, &v) < 0) v = std::nan("");
  static_cast<Kpis*>(data)->emplace_back(name, v);
  return 0;
}

// Per-site numeric fields of /summary/sites, labelled by the first string field.
void read_sites(hid_t file, Kpis& out) {
  if (H5Lexists(file, "/summary/sites", H5P_DEFAULT) <= 0) return;
  Hid ds(H5Dopen2(file, "/summary/sites", H5P_DEFAULT));
  Hid type(H5Dget_type(ds));
  if (!ds.valid() || H5Tget_class(type) != H5T_COMPOUND) return;
  Hid space(H5Dget_space(ds));
  hssize_t n = H5Sget_simple_extent_npoints(space);
  if (n <= 0) return;
  int members = H5Tget_nmembers(type);
  std::vector<std::string> labels;
  std::vector<std::pair<std::string, std::vector<double>>> columns;
  for (int m = 0; m < members; ++m) {
    char* raw = H5Tget_member_name(type, m);
    std::string name = raw ? raw : "";
    H5free_memory(raw);
    auto cls = H5Tget_member_class(type, m);
    if (cls == H5T_STRING && labels.empty()) {
      Hid ft(H5Tget_member_type(type, m));
      bool vlen = H5Tis_variable_str(ft) > 0;
      size_t width = vlen ? sizeof(char*) : H5Tget_size(ft);
      Hid st(H5Tcopy(H5T_C_S1));
      H5Tset_size(st, vlen ? H5T_VARIABLE : width);
      Hid mt(H5Tcreate(H5T_COMPOUND, width));
      H5Tinsert(mt, name.c_str(), 0, st);
      labels.resize(static_cast<size_t>(n));
      if (vlen) {
        std::vector<char*> p(static_cast<size_t>(n), nullptr);
        if (H5Dread(ds, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, p.data()) >= 0)
          for (size_t i = 0; i < p.size(); ++i) {
            labels[i] = p[i] ? p[i] : "";
            H5free_memory(p[i]);
          }
      } else {
        std::vector<char> buf(static_cast<size_t>(n) * width, '\0');
        if (H5Dread(ds, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, buf.data()) >= 0)
          for (size_t i = 0; i < labels.size(); ++i) labels[i] = std::string(&buf[i * width], strnlen(&buf[i * width], width));
      }
    } else if (cls == H5T_INTEGER || cls == H5T_FLOAT) {
      Hid mt(H5Tcreate(H5T_COMPOUND, sizeof(double)));
      H5Tinsert(mt, name.c_str(), 0, H5T_NATIVE_DOUBLE);
      std::vector<double> v(static_cast<size_t>(n), std::nan(""));
      if (H5Dread(ds, mt, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data()) < 0) v.assign(v.size(), std::nan(""));
      columns.emplace_back(name, std::move(v));
    }
  }
  if (labels.empty()) return;
  for (size_t r = 0; r < labels.size(); ++r)
    for (const auto& [name, v] : columns) out.emplace_back(labels[r] + "." + name, v[r]);
}

}  // namespace

Kpis read_kpis(const std::string& path) {
  output::h5_quiet();
  if (H5Fis_hdf5(path.c_str()) <= 0) throw std::runtime_error(path + ": not an HDF5 file");
  Hid file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
  if (!file.valid()) throw std::runtime_error(path + ": cannot open: " + output::h5_error_detail());
  if (H5Lexists(file, "summary", H5P_DEFAULT) <= 0) throw std::runtime_error(path + ": no /summary (not a finished run?)");
  Hid summary(H5Gopen2(file, "summary", H5P_DEFAULT));
  if (!summary.valid()) throw std::runtime_error(path + ": /summary is not a group");
  Kpis k;
  hsize_t idx = 0;
  H5Aiterate2(summary, H5_INDEX_NAME, H5_ITER_INC, &idx, collect, &k);
  std::stable_sort(k.begin(), k.end(), [](const auto& a, const auto& b) { return rank_of(a.first) < rank_of(b.first); });
  read_sites(file, k);
  return k;
}

double kpi(const Kpis& k, const std::string& name) {
  for (const auto& [n, v] : k)
    if (n == name) return v;
  return std::nan("");
}

}  // namespace sovcap::sweep
