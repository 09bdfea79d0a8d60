#include "models/power/profile_csv.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>

#include "models/power/calendar.hpp"

namespace sovcap::power {
namespace {

std::string trim(const std::string& s) {
  size_t a = 0, b = s.size();
  while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
  return s.substr(a, b - a);
}

bool digits(const std::string& s, size_t at, size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

ProfileError::ProfileError(std::string file, int line, std::string message)
    : std::runtime_error(file + ":" + std::to_string(line) + ": error: " + message),
      file_(std::move(file)), line_(line), message_(std::move(message)) {}

bool parse_utc_timestamp(const std::string& text, double& unix_s) {
  const std::string s = trim(text);
  int y, mo, d, h = 0, mi = 0, se = 0;
  // YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|+00:00]
  if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d))
    return false;
  size_t i = 10;
  double frac = 0;
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    if (!digits(s, i + 1, 2, h) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2, mi)) return false;
    i += 6;
    if (i < s.size() && s[i] == ':') {
      if (!digits(s, i + 1, 2, se)) return false;
      i += 3;
      if (i < s.size() && s[i] == '.') {
        size_t j = i + 1;
        double scale = 0.1;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) {
          frac += (s[j] - '0') * scale;
          scale /= 10;
          ++j;
        }
        if (j == i + 1) return false;
        i = j;
      }
    }
  }
  const std::string zone = s.substr(i);
  if (!(zone.empty() || zone == "Z" || zone == "+00:00" || zone == "+0000")) return false;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 60) return false;
  const int64_t day = days_from_civil(y, mo, d);
  if (civil_from_days(day).day != d) return false;  // e.g. 2030-02-30
  unix_s = static_cast<double>(day) * 86400.0 + h * 3600.0 + mi * 60.0 + se + frac;
  return true;
}

Profile Profile::read(const std::string& path, const ProfileBounds& bounds) {
  std::ifstream in(path);
  if (!in) throw ProfileError(path, 0, "cannot open the profile file");
  return parse(in, path, bounds);
}

Profile Profile::parse(std::istream& in, const std::string& name, const ProfileBounds& bounds) {
  Profile p;
  std::string raw;
  int line_no = 0;
  bool seen_data = false;
  while (std::getline(in, raw)) {
    ++line_no;
    std::string line = raw;
    if (auto hash = line.find('#'); hash != std::string::npos) line.erase(hash);
    line = trim(line);
    if (line.empty()) continue;
    if (!seen_data && !std::isdigit(static_cast<unsigned char>(line[0]))) {
      seen_data = true;  // the header: one, before any data
      continue;
    }
    seen_data = true;
    const auto comma = line.find(',');
    if (comma == std::string::npos) throw ProfileError(name, line_no, "expected 'timestamp,value'");
    double t;
    if (!parse_utc_timestamp(line.substr(0, comma), t))
      throw ProfileError(name, line_no,
                         "bad timestamp '" + trim(line.substr(0, comma)) +
                             "' (expected UTC ISO 8601, e.g. 2030-01-01T00:00:00Z or 2030-01-01 00:00)");
    const std::string vtext = trim(line.substr(comma + 1));
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(vtext.c_str(), &end);
    if (vtext.empty() || end != vtext.c_str() + vtext.size() || errno == ERANGE || !std::isfinite(v))
      throw ProfileError(name, line_no, "bad value '" + vtext + "' (expected a finite number)");
    if (!(v >= bounds.lo && v <= bounds.hi))
      throw ProfileError(name, line_no, "value " + vtext + " is physically impossible (" + bounds.allowed + ")");
    if (!p.t_.empty() && t <= p.t_.back())
      throw ProfileError(name, line_no, "timestamps must increase strictly");
    p.t_.push_back(t);
    p.v_.push_back(v);
  }
  if (p.t_.empty()) throw ProfileError(name, line_no, "no data rows");
  return p;
}

double Profile::at(double unix_s) const {
  if (unix_s <= t_.front()) return v_.front();
  if (unix_s >= t_.back()) return v_.back();
  const size_t i = static_cast<size_t>(std::upper_bound(t_.begin(), t_.end(), unix_s) - t_.begin());
  const double f = (unix_s - t_[i - 1]) / (t_[i] - t_[i - 1]);
  return v_[i - 1] + f * (v_[i] - v_[i - 1]);
}

}  // namespace sovcap::power
