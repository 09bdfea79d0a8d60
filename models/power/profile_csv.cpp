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

}  // namespace

ProfileError::ProfileError(std::string file, int line, std::string message)
    : std::runtime_error(file + ":" + std::to_string(line) + ": error: " + message),
      file_(std::move(file)), line_(line), message_(std::move(message)) {}

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
    const auto t = parse_iso_utc_s(trim(line.substr(0, comma)));
    if (!t)
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
    if (!p.t_.empty() && *t <= p.t_.back())
      throw ProfileError(name, line_no, "timestamps must increase strictly");
    p.t_.push_back(*t);
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
