#include "models/workload/csv_trace.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <istream>
#include <iterator>
#include <sstream>

#include "models/workload/text_number.hpp"

namespace sovcap::workload {
namespace {

enum Column { submit, cls, region, units, runtime, requested, input, output, column_count };
const std::array<const char*, column_count> column_names = {"submit_s",  "class",       "region",   "units",
                                                            "runtime_s", "requested_s", "input_gb", "output_gb"};
constexpr int required_columns = 5;  // submit_s .. runtime_s

// Into `out`, reused from line to line (no allocation per row).
void split_commas(std::string_view line, std::vector<std::string_view>& out) {
  out.clear();
  size_t b = 0;
  for (;;) {
    size_t c = line.find(',', b);
    out.push_back(trim(line.substr(b, c == std::string_view::npos ? std::string_view::npos : c - b)));
    if (c == std::string_view::npos) return;
    b = c + 1;
  }
}

std::string allowed_columns() {
  std::string s;
  for (auto n : column_names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

}  // namespace

namespace {

void parse_rows(std::istream& in, const std::string& name, CsvTrace& trace) {
  trace.path = name;
  std::array<int, column_count> where;  // column -> cell index, -1 = absent
  where.fill(-1);
  size_t cells = 0;
  bool have_header = false;
  std::string raw;
  std::vector<std::string_view> f;
  int line = 0;
  while (std::getline(in, raw)) {
    ++line;
    std::string_view text = trim(raw);
    if (text.empty() || text.front() == '#') continue;
    split_commas(text, f);
    if (!have_header) {
      for (size_t i = 0; i < f.size(); ++i) {
        int c = 0;
        while (c < column_count && f[i] != column_names[c]) ++c;
        if (c == column_count)
          throw TraceError(name, line, "unknown column '" + std::string(f[i]) + "' (columns: " + allowed_columns() + ")");
        if (where[c] >= 0) throw TraceError(name, line, "column '" + std::string(f[i]) + "' appears twice");
        where[c] = static_cast<int>(i);
      }
      for (int c = 0; c < required_columns; ++c)
        if (where[c] < 0) throw TraceError(name, line, std::string("missing column '") + column_names[c] + "'");
      cells = f.size();
      have_header = true;
      continue;
    }
    if (f.size() != cells) {
      std::string count = std::to_string(f.size()) + " cells, the header has " + std::to_string(cells);
      if (in.eof() && f.size() < cells)  // the last line, cut short before its newline
        throw TraceError(name, line, "truncated last line: " + count + " and no newline at the end");
      throw TraceError(name, line, count);
    }
    // A numeric cell; an empty optional cell stays absent.
    auto number = [&](Column c, bool required) -> double {
      if (where[c] < 0) return CsvJob::absent;
      std::string_view cell = f[where[c]];
      if (cell.empty()) {
        if (required) throw TraceError(name, line, std::string(column_names[c]) + " is empty");
        return CsvJob::absent;
      }
      auto v = parse_number(cell);
      if (!v) throw TraceError(name, line, std::string(column_names[c]) + " is not a number: '" + std::string(cell) + "'");
      return *v;
    };
    CsvJob j;
    j.line = line;
    j.submit_s = number(submit, true);
    j.class_id = std::string(f[where[cls]]);
    j.region_id = std::string(f[where[region]]);
    double u = number(units, true);
    j.runtime_s = number(runtime, true);
    j.requested_s = number(requested, false);
    j.input_gb = number(input, false);
    j.output_gb = number(output, false);
    if (j.class_id.empty()) throw TraceError(name, line, "class is empty");
    if (j.submit_s < 0) throw TraceError(name, line, "submit_s must be >= 0");
    if (u < 1 || u != std::floor(u) || u > 2147483647.0)
      throw TraceError(name, line, "units must be a whole number >= 1, got " + std::string(f[where[units]]));
    j.units = static_cast<int64_t>(u);
    if (!(j.runtime_s > 0)) throw TraceError(name, line, "runtime_s must be > 0");
    if (j.requested_s < j.runtime_s)  // false when absent (NaN)
      throw TraceError(name, line, "requested_s must be >= runtime_s");
    if (j.input_gb < 0) throw TraceError(name, line, "input_gb must be >= 0");
    if (j.output_gb < 0) throw TraceError(name, line, "output_gb must be >= 0");
    trace.jobs.push_back(std::move(j));
  }
  if (in.bad()) throw TraceError(name, line, "read error");
  if (!have_header)
    throw TraceError(name, 0, "no header line (expected submit_s,class,region,units,runtime_s[,requested_s,input_gb,output_gb])");
}

}  // namespace

CsvTrace parse_csv_trace(std::istream& in, const std::string& name) {
  CsvTrace trace;
  parse_rows(in, name, trace);
  return trace;
}

CsvTrace read_csv_trace(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw TraceError(path, 0, "cannot open file");
  // Read it whole and count its lines first: the rows vector is sized once (a million rows
  // would otherwise be moved some twenty times while it grows).
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  if (file.bad()) throw TraceError(path, 0, "read error");
  size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  std::istringstream in(std::move(text));
  CsvTrace trace;
  trace.jobs.reserve(lines);
  parse_rows(in, path, trace);
  return trace;
}

}  // namespace sovcap::workload
