#include "models/workload/swf_reader.hpp"

#include <cctype>
#include <cmath>
#include <fstream>
#include <istream>
#include <sstream>

#include <zlib.h>

#include "models/workload/text_number.hpp"

namespace sovcap::workload {
namespace {

const char* const field_names[swf_field_count] = {
    "job number",          "submit time",        "wait time",         "run time",
    "allocated processors", "average CPU time used", "used memory",   "requested processors",
    "requested time",      "requested memory",   "status",            "user id",
    "group id",            "executable number",  "queue number",      "partition number",
    "preceding job number", "think time"};

// Fields that hold counts or identifiers: the value must be a whole number.
constexpr bool integral_field[swf_field_count] = {true,  false, false, false, true, false, false, true, false,
                                                  false, true,  true,  true,  true, true,  true,  true,  false};

std::vector<std::string_view> split_blanks(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    size_t b = i;
    while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i > b) out.push_back(line.substr(b, i - b));
  }
  return out;
}

// "; Key: value" -> (Key, value); anything else is a comment.
bool header_field(std::string_view text, std::pair<std::string, std::string>& kv) {
  text = trim(text);
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view key = text.substr(0, colon);
  if (!std::isalpha(static_cast<unsigned char>(key[0]))) return false;
  for (char c : key)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  kv = {std::string(key), std::string(trim(text.substr(colon + 1)))};
  return true;
}

SwfJob parse_record(const std::vector<std::string_view>& f, const std::string& name, int line) {
  double v[swf_field_count];
  for (int i = 0; i < swf_field_count; ++i) {
    auto x = parse_number(f[i]);
    std::string where = "field " + std::to_string(i + 1) + " (" + field_names[i] + ")";
    if (!x) throw TraceError(name, line, where + " is not a number: '" + std::string(f[i]) + "'");
    if (integral_field[i] && *x != std::floor(*x))
      throw TraceError(name, line, where + " must be a whole number, got " + std::string(f[i]));
    // From 2^53 on, whole numbers are not exact (2^53 + 1 reads as 2^53) and int64 may overflow.
    if (integral_field[i] && *x >= 9007199254740992.0)
      throw TraceError(name, line, where + " is out of range: " + std::string(f[i]));
    if (*x < 0 && *x != -1)
      throw TraceError(name, line, where + " is negative (" + std::string(f[i]) + "); only -1 (unknown) is allowed");
    v[i] = *x;
  }
  if (v[10] > 5)
    throw TraceError(name, line, "field 11 (status) must be -1, 0 (failed), 1 (completed), 2-4 (partial) or 5 (cancelled), got " +
                                     std::string(f[10]));
  auto i64 = [&](int i) { return static_cast<int64_t>(v[i]); };
  SwfJob j;
  j.job_number = i64(0);
  j.submit_s = v[1];
  j.wait_s = v[2];
  j.run_s = v[3];
  j.allocated_procs = i64(4);
  j.avg_cpu_s = v[5];
  j.used_memory_kb = v[6];
  j.requested_procs = i64(7);
  j.requested_s = v[8];
  j.requested_memory_kb = v[9];
  j.status = static_cast<int>(v[10]);
  j.user_id = i64(11);
  j.group_id = i64(12);
  j.executable = i64(13);
  j.queue = i64(14);
  j.partition = i64(15);
  j.preceding_job = i64(16);
  j.think_time_s = v[17];
  j.line = line;
  return j;
}

}  // namespace

const char* swf_field_name(int index0) {
  return index0 >= 0 && index0 < swf_field_count ? field_names[index0] : "?";
}

std::optional<std::string> SwfTrace::header_value(const std::string& key) const {
  for (const auto& [k, v] : header)
    if (k == key) return v;
  return std::nullopt;
}

std::optional<int64_t> SwfTrace::header_int(const std::string& key) const {
  auto v = header_value(key);
  if (!v) return std::nullopt;
  auto x = parse_number(*v);
  if (!x || *x != std::floor(*x) || std::abs(*x) > 9007199254740992.0) return std::nullopt;
  return static_cast<int64_t>(*x);
}

SwfTrace parse_swf(std::istream& in, const std::string& name) {
  SwfTrace trace;
  trace.path = name;
  std::string raw;
  int line = 0;
  while (std::getline(in, raw)) {
    ++line;
    bool unterminated = in.eof();  // getline stopped at the end, not at a '\n'
    std::string_view text = trim(raw);
    if (text.empty()) continue;
    if (text.front() == ';') {
      std::pair<std::string, std::string> kv;
      if (header_field(text.substr(1), kv))
        trace.header.push_back(std::move(kv));
      else
        trace.comments.emplace_back(trim(text.substr(1)));
      continue;
    }
    auto fields = split_blanks(text);
    if (fields.size() != swf_field_count) {
      std::string count = std::to_string(fields.size()) + " fields, expected " + std::to_string(swf_field_count);
      if (unterminated && fields.size() < swf_field_count)
        throw TraceError(name, line, "truncated last line: " + count + " and no newline at the end");
      throw TraceError(name, line, count);
    }
    trace.jobs.push_back(parse_record(fields, name, line));
  }
  if (in.bad()) throw TraceError(name, line, "read error");
  return trace;
}

SwfTrace read_swf(const std::string& path) {
  const std::string gz = ".gz";
  if (path.size() > gz.size() && path.compare(path.size() - gz.size(), gz.size(), gz) == 0) {
    // The Parallel Workloads Archive ships its logs gzipped: inflate in memory, then parse as text.
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw TraceError(path, 0, "cannot open file");
    std::string text;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
    int err = Z_OK;
    std::string what = n < 0 ? gzerror(f, &err) : "";
    gzclose(f);
    if (n < 0) throw TraceError(path, 0, "not a readable gzip file: " + what);
    std::istringstream in(text);
    return parse_swf(in, path);
  }
  std::ifstream in(path);
  if (!in) throw TraceError(path, 0, "cannot open file");
  return parse_swf(in, path);
}

}  // namespace sovcap::workload
