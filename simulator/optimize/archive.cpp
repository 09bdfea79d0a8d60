#include "simulator/optimize/archive.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "simulator/output/column_table.hpp"
#include "simulator/output/h5_attributes.hpp"
#include "simulator/output/h5_handle.hpp"
#include "simulator/sweep/layout.hpp"
#include "simulator/sweep/merge.hpp"

namespace sovcap::optimize {
namespace {

const char* kFixed[] = {"run", "design", "generation", "phase", "window", "seed", "status", "error"};
constexpr size_t kNFixed = sizeof kFixed / sizeof kFixed[0];

std::string number_text(double v) {
  if (std::isnan(v)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// One CSV line into fields (RFC 4180 quoting, as sweep::csv_field writes it).
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

}  // namespace

Archive::Archive(std::string dir, std::vector<std::string> variable_keys)
    : dir_(std::move(dir)), keys_(std::move(variable_keys)) {}

long Archive::kpi_index(const std::string& name) const {
  for (size_t i = 0; i < kpi_names_.size(); ++i)
    if (kpi_names_[i] == name) return static_cast<long>(i);
  return -1;
}

std::string Archive::header() const {
  std::string h;
  for (const char* f : kFixed) h += std::string(h.empty() ? "" : ",") + f;
  for (const auto& k : keys_) h += "," + sweep::csv_field("var." + k);
  for (const auto& k : kpi_names_) h += "," + sweep::csv_field(k);
  return h;
}

size_t Archive::load() {
  std::ifstream in(csv_path(), std::ios::binary);
  if (!in) return 0;
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  size_t complete = text.rfind('\n');
  if (complete == std::string::npos) return 0;
  if (complete + 1 != text.size()) std::filesystem::resize_file(csv_path(), complete + 1);  // a torn last row
  std::istringstream lines(text.substr(0, complete + 1));
  std::string line;
  std::getline(lines, line);
  auto head = split_csv(line);
  if (head.size() < kNFixed + keys_.size())
    throw std::runtime_error(csv_path() + ": not an archive of this search (header: " + line.substr(0, 200) + ")");
  for (size_t i = 0; i < kNFixed; ++i)
    if (head[i] != kFixed[i]) throw std::runtime_error(csv_path() + ": not an archive of a sovcap search");
  for (size_t i = 0; i < keys_.size(); ++i)
    if (head[kNFixed + i] != "var." + keys_[i])
      throw std::runtime_error(csv_path() + ": the archive's variables differ from the spec's (column " + head[kNFixed + i] + ")");
  kpi_names_.assign(head.begin() + static_cast<long>(kNFixed + keys_.size()), head.end());
  while (std::getline(lines, line)) {
    auto f = split_csv(line);
    if (f.size() != head.size()) throw std::runtime_error(csv_path() + ": a row with " + std::to_string(f.size()) + " fields");
    RunRecord r;
    r.run = std::stol(f[0]);
    r.design = std::stol(f[1]);
    r.generation = std::stol(f[2]);
    r.phase = f[3];
    r.window = f[4];
    r.seed = std::stoull(f[5]);
    r.status = f[6];
    r.error = f[7];
    for (size_t i = 0; i < keys_.size(); ++i) r.values.push_back(f[kNFixed + i]);
    for (size_t i = kNFixed + keys_.size(); i < f.size(); ++i) r.kpis.push_back(f[i].empty() ? std::nan("") : std::stod(f[i]));
    rows_.push_back(std::move(r));
  }
  return rows_.size();
}

void Archive::append(RunRecord r, const std::vector<std::pair<std::string, double>>& kpis) {
  bool fresh = rows_.empty() && kpi_names_.empty();
  if (fresh && r.status == "ok")
    for (const auto& [n, v] : kpis) kpi_names_.push_back(n);
  r.kpis.assign(kpi_names_.size(), std::nan(""));
  for (const auto& [n, v] : kpis) {
    long i = kpi_index(n);
    if (i >= 0) r.kpis[static_cast<size_t>(i)] = v;
  }
  std::string line;
  // The header is written with the first ok row, which fixes the KPI columns; rows before it
  // (failures) wait in memory and are written then.
  if (kpi_names_.empty()) {
    rows_.push_back(std::move(r));
    return;
  }
  std::error_code ec;
  if (!std::filesystem::exists(csv_path(), ec)) {
    line = header() + "\n";
    for (auto& old : rows_) {
      old.kpis.assign(kpi_names_.size(), std::nan(""));
      line += row_text(old);
    }
  }
  line += row_text(r);
  rows_.push_back(std::move(r));
  int fd = ::open(csv_path().c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0) throw std::runtime_error("cannot open " + csv_path());
  size_t off = 0;
  while (off < line.size()) {
    ssize_t n = ::write(fd, line.data() + off, line.size() - off);
    if (n <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot write " + csv_path());
    }
    off += static_cast<size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
}

std::string Archive::row_text(const RunRecord& x) const {
  std::string s = std::to_string(x.run) + "," + std::to_string(x.design) + "," + std::to_string(x.generation) + "," + x.phase +
                  "," + sweep::csv_field(x.window) + "," + std::to_string(x.seed) + "," + x.status + "," + sweep::csv_field(x.error);
  for (const auto& v : x.values) s += "," + sweep::csv_field(v);
  for (double v : x.kpis) s += "," + number_text(v);
  return s + "\n";
}

void Archive::compact() {
  std::stable_sort(rows_.begin(), rows_.end(), [](const RunRecord& a, const RunRecord& b) { return a.run < b.run; });
  if (!kpi_names_.empty()) {
    std::string text = header() + "\n";
    for (auto& r : rows_) {
      r.kpis.resize(kpi_names_.size(), std::nan(""));
      text += row_text(r);
    }
    sweep::write_file_atomically(csv_path(), text);
  }
  write_h5();
}

void Archive::write_h5() const {
  using namespace output;
  h5_quiet();
  std::string tmp = h5_path() + ".tmp." + std::to_string(::getpid());
  {
    Hid file(H5Fcreate(tmp.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), "cannot create " + tmp);
    write_attr(file, "schema", "sovcap-optimize/1");
    size_t n = rows_.size();
    ColumnTable t(n);
    std::vector<int64_t> run, design, gen, seed;
    std::vector<std::string> phase, window, status, error;
    for (const auto& r : rows_) {
      run.push_back(r.run);
      design.push_back(r.design);
      gen.push_back(r.generation);
      seed.push_back(static_cast<int64_t>(r.seed));
      phase.push_back(r.phase);
      window.push_back(r.window);
      status.push_back(r.status);
      error.push_back(r.error);
    }
    t.ints("run", "1", run).ints("design", "1", design).ints("generation", "1", gen).strings("phase", phase);
    t.strings("window", window).ints("seed", "1", seed).strings("status", status).strings("error", error);
    for (size_t k = 0; k < keys_.size(); ++k) {
      std::vector<std::string> col;
      for (const auto& r : rows_) col.push_back(r.values[k]);
      t.strings("var." + keys_[k], col);
    }
    for (size_t k = 0; k < kpi_names_.size(); ++k) {
      std::vector<double> col;
      for (const auto& r : rows_) col.push_back(k < r.kpis.size() ? r.kpis[k] : std::nan(""));
      t.doubles(kpi_names_[k], "-", col);
    }
    if (n > 0) t.write(file, "evaluations");
  }
  if (std::rename(tmp.c_str(), h5_path().c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot rename " + tmp + " onto " + h5_path());
  }
}

}  // namespace sovcap::optimize
