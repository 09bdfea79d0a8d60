#include <algorithm>
#include "simulator/output/summary_reader.hpp"

#include <cmath>
#include <cstring>
#include <filesystem>
#include <limits>

#include "simulator/config/regular_file.hpp"
#include "simulator/output/h5_attributes.hpp"
#include "simulator/output/h5_handle.hpp"
#include "simulator/output/figures.hpp"

namespace sovcap::output {
namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

[[noreturn]] void fail(const std::string& path, const std::string& what) { throw SummaryError(path + ": " + what); }

size_t rows(hid_t ds) {
  Hid space(H5Dget_space(ds));
  hssize_t n = H5Sget_simple_extent_npoints(space);
  return n < 0 ? 0 : static_cast<size_t>(n);
}

// A transfer list whose conversion buffers fit the table: HDF5's default is 1 MiB each, which it
// allocates zeroed for every read (a column at a time: ~40 ms of page faults for a summary).
Hid small_transfer(hid_t ds, hid_t file_type) {
  Hid dxpl(H5Pcreate(H5P_DATASET_XFER));
  size_t bytes = std::max<size_t>(rows(ds), 1) * std::max<size_t>(H5Tget_size(file_type), sizeof(double));
  H5Pset_buffer(dxpl, std::max<size_t>(bytes, 4096), nullptr, nullptr);
  return dxpl;
}

std::vector<double> read_number_column(hid_t ds, hid_t file_type, int member, hid_t dxpl) {
  std::vector<double> v(rows(ds));
  char* name = H5Tget_member_name(file_type, member);
  Hid mt(H5Tcreate(H5T_COMPOUND, sizeof(double)));
  herr_t rc = H5Tinsert(mt, name, 0, H5T_NATIVE_DOUBLE);
  H5free_memory(name);
  if (rc >= 0 && !v.empty()) rc = H5Dread(ds, mt, H5S_ALL, H5S_ALL, dxpl, v.data());
  if (rc < 0) v.assign(v.size(), nan);
  return v;
}

std::vector<std::string> read_string_column(hid_t ds, hid_t file_type, int member, hid_t dxpl) {
  size_t n = rows(ds);
  std::vector<std::string> out(n);
  char* name = H5Tget_member_name(file_type, member);
  Hid ft(H5Tget_member_type(file_type, member));
  bool vlen = H5Tis_variable_str(ft) > 0;
  Hid st(H5Tcopy(H5T_C_S1));
  size_t width = vlen ? sizeof(char*) : H5Tget_size(ft);
  H5Tset_size(st, vlen ? H5T_VARIABLE : width);
  H5Tset_cset(st, H5Tget_cset(ft));
  Hid mt(H5Tcreate(H5T_COMPOUND, width));
  herr_t rc = H5Tinsert(mt, name, 0, st);
  H5free_memory(name);
  if (n == 0 || rc < 0) return out;
  if (vlen) {
    std::vector<char*> ptrs(n, nullptr);
    if (H5Dread(ds, mt, H5S_ALL, H5S_ALL, dxpl, ptrs.data()) < 0) return out;
    for (size_t i = 0; i < n; ++i) {
      out[i] = ptrs[i] ? ptrs[i] : "";
      H5free_memory(ptrs[i]);
    }
  } else {
    std::vector<char> buf(n * width, '\0');
    if (H5Dread(ds, mt, H5S_ALL, H5S_ALL, dxpl, buf.data()) < 0) return out;
    for (size_t i = 0; i < n; ++i) out[i] = std::string(&buf[i * width], strnlen(&buf[i * width], width));
  }
  return out;
}

herr_t collect_number(hid_t loc, const char* name, const H5A_info_t*, void* data) {
  Hid attr(H5Aopen(loc, name, H5P_DEFAULT));
  if (!attr.valid()) return 0;
  Hid type(H5Aget_type(attr));
  Hid space(H5Aget_space(attr));
  auto cls = H5Tget_class(type);
  if ((cls != H5T_INTEGER && cls != H5T_FLOAT) || H5Sget_simple_extent_npoints(space) != 1) return 0;
  double v = nan;
  if (H5Aread(attr, H5T_NATIVE_DOUBLE, &v) < 0) v = nan;
  static_cast<std::vector<std::pair<std::string, double>>*>(data)->emplace_back(name, v);
  return 0;
}

}  // namespace

std::vector<std::pair<std::string, double>> read_kpi_attributes(hid_t summary) {
  std::vector<std::pair<std::string, double>> found, out;
  hsize_t idx = 0;
  H5Aiterate2(summary, H5_INDEX_NAME, H5_ITER_INC, &idx, collect_number, &found);
  auto value = [&](const std::string& name) -> const double* {
    for (const auto& [n, v] : found)
      if (n == name) return &v;
    return nullptr;
  };
  for (const Figure* f : figures_of(Table::kpi)) {
    const double* v = value(f->name);
    if (v) out.emplace_back(f->name, *v);
  }
  for (const auto& [n, v] : found)
    if (!find_figure(Table::kpi, n)) out.emplace_back(n, v);
  return out;
}

SummaryTable read_summary_table(hid_t file, const std::string& path, const std::string& dataset) {
  Hid ds(H5Dopen2(file, dataset.c_str(), H5P_DEFAULT));
  if (!ds.valid()) fail(path, "missing " + dataset + " (not a finished sovcap result?)");
  Hid type(H5Dget_type(ds));
  if (H5Tget_class(type) != H5T_COMPOUND) fail(path, dataset + " is not a compound table");
  SummaryTable t;
  bool have_labels = false;
  Hid dxpl = small_transfer(ds, type);
  int members = H5Tget_nmembers(type);
  for (int m = 0; m < members; ++m) {
    auto cls = H5Tget_member_class(type, m);
    char* raw = H5Tget_member_name(type, m);
    std::string name = raw ? raw : "";
    H5free_memory(raw);
    if (cls == H5T_STRING && !have_labels) {
      t.labels = read_string_column(ds, type, m, dxpl);
      have_labels = true;
    } else if (cls == H5T_INTEGER || cls == H5T_FLOAT) {
      t.columns.emplace_back(name, read_number_column(ds, type, m, dxpl));
    }
  }
  if (!have_labels) fail(path, dataset + " has no name column");
  return t;
}

std::vector<double> SummaryTable::column(const std::string& name) const {
  for (const auto& [n, values] : columns)
    if (n == name) return values;
  return std::vector<double>(labels.size(), nan);
}

ResultSummary read_result_summary(const std::string& path) {
  h5_quiet();
  if (std::string what = config::not_a_regular_file(path); what == "a directory")
    fail(path, "is a directory, not a result file");
  else if (!what.empty())
    fail(path, what == "no such file" ? what : "is " + what + ", not a result file");
  if (H5Fis_hdf5(path.c_str()) <= 0) fail(path, "not an HDF5 file (expected a sovcap result)");
  Hid file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
  if (!file.valid()) fail(path, "cannot open as HDF5: " + h5_error_detail());

  ResultSummary r;
  r.path = path;
  auto schema = read_attr_string(file, "schema");
  if (!schema) fail(path, "not a sovcap result (no root attribute 'schema')");
  if (*schema != schema_version) fail(path, "schema '" + *schema + "' is not supported (expected " + schema_version + ")");
  r.schema = *schema;
  r.scenario = read_attr_string(file, "scenario").value_or("");
  r.sovcap_version = read_attr_string(file, "sovcap_version").value_or("");
  r.start_utc = read_attr_string(file, "start_utc").value_or("");
  r.created_utc = read_attr_string(file, "created_utc").value_or("");
  r.seed = read_attr_uint64(file, "seed").value_or(0);
  r.duration_s = read_attr_double(file, "duration_s").value_or(nan);
  r.wall_s = read_attr_double(file, "wall_s").value_or(nan);

  for (const char* p : {"summary/sites", "summary/classes", "summary/regions"})
    if (std::string why = h5_not_hard_link(file, p); !why.empty()) fail(path, why);
  if (H5Lexists(file, "summary", H5P_DEFAULT) <= 0) fail(path, "missing group /summary (not a finished sovcap result?)");
  Hid summary(H5Gopen2(file, "summary", H5P_DEFAULT));
  if (!summary.valid()) fail(path, "/summary is not a group");
  if (!has_attr(summary, "jobs_submitted")) fail(path, "missing /summary attribute jobs_submitted");
  r.kpis = read_kpi_attributes(summary);

  for (const char* t : {"sites", "classes"})
    if (H5Lexists(summary, t, H5P_DEFAULT) <= 0) fail(path, std::string("missing /summary/") + t);
  r.sites = read_summary_table(file, path, "/summary/sites");
  r.classes = read_summary_table(file, path, "/summary/classes");
  if (H5Lexists(summary, "regions", H5P_DEFAULT) > 0) r.regions = read_summary_table(file, path, "/summary/regions");
  return r;
}

}  // namespace sovcap::output
