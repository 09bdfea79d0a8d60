#include "simulator/sweep/kpis.hpp"

#include <cmath>
#include <stdexcept>

#include "simulator/output/figures.hpp"
#include "simulator/output/h5_handle.hpp"
#include "simulator/output/summary_reader.hpp"

namespace sovcap::sweep {

using output::Hid;

Kpis read_kpis(const std::string& path) {
  output::h5_quiet();
  if (H5Fis_hdf5(path.c_str()) <= 0) throw std::runtime_error(path + ": not an HDF5 file");
  Hid file(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
  if (!file.valid()) throw std::runtime_error(path + ": cannot open: " + output::h5_error_detail());
  for (const char* p : {"summary/sites", "summary/classes", "summary/regions"})
    if (std::string why = output::h5_not_hard_link(file, p); !why.empty()) throw std::runtime_error(path + ": " + why);
  if (H5Lexists(file, "summary", H5P_DEFAULT) <= 0) throw std::runtime_error(path + ": no /summary (not a finished run?)");
  Hid summary(H5Gopen2(file, "summary", H5P_DEFAULT));
  if (!summary.valid()) throw std::runtime_error(path + ": /summary is not a group");
  Kpis k = output::read_kpi_attributes(summary);
  if (H5Lexists(file, "/summary/sites", H5P_DEFAULT) > 0) {
    try {
      auto sites = output::read_summary_table(file, path, "/summary/sites");
      for (size_t r = 0; r < sites.labels.size(); ++r)
        for (const auto& [name, v] : sites.columns) k.emplace_back(sites.labels[r] + "." + name, v[r]);
    } catch (const output::SummaryError&) {
      // a sites table without labels adds no per-site KPIs; the run's own KPIs stand
    }
  }
  return k;
}

double kpi(const Kpis& k, const std::string& name) {
  for (const auto& [n, v] : k)
    if (n == name) return v;
  return std::nan("");
}

std::string kpi_unit(const std::string& name) {
  if (const auto* f = output::find_figure(output::Table::kpi, name)) return f->unit;
  auto dot = name.rfind('.');
  if (dot != std::string::npos)
    if (const auto* f = output::find_figure(output::Table::sites, name.substr(dot + 1))) return f->unit;
  return "-";
}

}  // namespace sovcap::sweep
