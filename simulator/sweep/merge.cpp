#include "simulator/sweep/merge.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "simulator/output/column_table.hpp"
#include "simulator/output/h5_attributes.hpp"
#include "simulator/output/h5_handle.hpp"
#include "simulator/sweep/kpis.hpp"

namespace sovcap::sweep {
namespace {

struct Row {
  std::string status, error;
  Kpis kpis;
};

Row read_row(const SweepDir& dir, long i) {
  Row r;
  std::error_code ec;
  if (std::filesystem::is_regular_file(dir.result(i), ec)) {
    try {
      r.kpis = read_kpis(dir.result(i));
      r.status = "ok";
    } catch (const std::exception& e) {
      r.status = "failed";
      r.error = std::string("unreadable result: ") + e.what();
    }
  } else if (std::filesystem::is_regular_file(dir.failure(i), ec)) {
    std::ifstream in(dir.failure(i));
    std::string code, message;
    std::getline(in, code);
    std::getline(in, message);
    r.status = "failed";
    r.error = "exit " + code + ": " + message;
  } else {
    r.status = "missing";
    r.error = "not run";
  }
  return r;
}

struct ParamColumn {
  std::string name, unit;
  bool numeric = true;
  std::vector<std::string> text;
  std::vector<double> value;
};

std::vector<ParamColumn> param_columns(const SweepSpec& spec, const std::vector<Point>& points) {
  std::vector<ParamColumn> cols;
  for (size_t j = 0; j < spec.parameters.size(); ++j) {
    ParamColumn c;
    c.name = "param." + spec.parameters[j].key;
    for (const auto& p : points) {
      const std::string& t = p.params[j].second;
      double v = 0;
      if (!numeric_value(t, v)) c.numeric = false;
      std::string u = value_unit(t);
      if (!u.empty()) c.unit = u;
      c.text.push_back(t);
      c.value.push_back(v);
    }
    if (c.unit.empty()) c.unit = "1";
    cols.push_back(std::move(c));
  }
  return cols;
}

std::string number_field(double v) { return std::isnan(v) ? "" : format_number(v); }

void write_h5(const std::string& path, const SweepSpec& spec, const std::vector<Point>& points,
              const std::vector<Row>& rows, const std::vector<ParamColumn>& params, const std::vector<std::string>& kpi_names,
              const std::vector<std::vector<double>>& kpi_values) {
  using namespace output;
  h5_quiet();
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    Hid fcpl(H5Pcreate(H5P_FILE_CREATE), "file creation properties");
    Hid file(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, fcpl, H5P_DEFAULT), "cannot create " + tmp);
    write_attr(file, "schema", "sovcap-sweep/1");
    write_attr(file, "spec", spec.path);
    write_attr(file, "base", spec.base);
    ColumnTable t(points.size());
    std::vector<int64_t> idx, seed;
    std::vector<std::string> status, error;
    for (size_t i = 0; i < points.size(); ++i) {
      idx.push_back(points[i].index);
      seed.push_back(static_cast<int64_t>(points[i].seed));
      status.push_back(rows[i].status);
      error.push_back(rows[i].error);
    }
    t.ints("point", "1", idx).ints("seed", "1", seed).strings("status", status).strings("error", error);
    for (const auto& c : params)
      if (c.numeric)
        t.doubles(c.name, c.unit, c.value);
      else
        t.strings(c.name, c.text);
    for (size_t k = 0; k < kpi_names.size(); ++k) t.doubles(kpi_names[k], kpi_unit(kpi_names[k]), kpi_values[k]);
    t.write(file, "points");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot rename " + tmp + " onto " + path);
  }
}

}  // namespace

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string plan_text(const SweepSpec& spec, const std::vector<Point>& points) {
  std::string out = "point,seed";
  for (const auto& [k, v] : spec.fixed) out += "," + csv_field("set." + k);
  for (const auto& p : spec.parameters) out += "," + csv_field("param." + p.key);
  out += "\n";
  for (const auto& p : points) {
    out += std::to_string(p.index) + "," + std::to_string(p.seed);
    for (const auto& [k, v] : spec.fixed) out += "," + csv_field(v);
    for (const auto& [k, v] : p.params) out += "," + csv_field(v);
    out += "\n";
  }
  return out;
}

MergeCounts write_summary(const SweepSpec& spec, const std::vector<Point>& points, const SweepDir& dir) {
  MergeCounts counts;
  std::vector<Row> rows;
  std::vector<std::string> kpi_names;
  std::map<std::string, size_t> kpi_col;
  for (const auto& p : points) {
    rows.push_back(read_row(dir, p.index));
    const Row& r = rows.back();
    (r.status == "ok" ? counts.ok : r.status == "failed" ? counts.failed : counts.missing)++;
    for (const auto& [name, v] : r.kpis)
      if (kpi_col.emplace(name, kpi_names.size()).second) kpi_names.push_back(name);
  }
  std::vector<std::vector<double>> kpi_values(kpi_names.size(), std::vector<double>(points.size(), std::nan("")));
  for (size_t i = 0; i < rows.size(); ++i)
    for (const auto& [name, v] : rows[i].kpis) kpi_values[kpi_col[name]][i] = v;
  auto params = param_columns(spec, points);

  std::string csv = "point,seed,status,error";
  for (const auto& c : params) csv += "," + csv_field(c.name);
  for (const auto& k : kpi_names) csv += "," + csv_field(k);
  csv += "\n";
  for (size_t i = 0; i < points.size(); ++i) {
    csv += std::to_string(points[i].index) + "," + std::to_string(points[i].seed) + "," + rows[i].status + "," +
           csv_field(rows[i].error);
    for (const auto& c : params) csv += "," + (c.numeric ? number_field(c.value[i]) : csv_field(c.text[i]));
    for (size_t k = 0; k < kpi_names.size(); ++k) csv += "," + number_field(kpi_values[k][i]);
    csv += "\n";
  }
  write_file_atomically(dir.summary_csv(), csv);
  write_h5(dir.summary_h5(), spec, points, rows, params, kpi_names, kpi_values);
  return counts;
}

}  // namespace sovcap::sweep
