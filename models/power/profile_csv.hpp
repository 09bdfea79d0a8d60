#pragma once
// A time series "timestamp,value" read from CSV, linearly interpolated.
// Timestamps are ISO 8601 as parse_iso_utc_s (calendar.hpp) reads them:
// 2030-01-01T00:00:00Z, 2030-01-01T00:00Z, "2030-01-01 00:00[:00[.5]]", an
// offset such as +01:00 converted to UTC. A first line that does not start with a digit is a
// header; '#' starts a comment; blank lines are skipped. Times must increase
// strictly. Before the first and after the last sample the end values hold.
#include <istream>
#include <stdexcept>
#include <limits>
#include <string>
#include <vector>

namespace sovcap::power {

class ProfileError : public std::runtime_error {
 public:
  ProfileError(std::string file, int line, std::string message);
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_;
  std::string message_;
};

// The values a profile may hold (what is physically possible for its quantity);
// a value outside is an error at its line, saying `allowed`.
struct ProfileBounds {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  std::string allowed;
};

class Profile {
 public:
  static Profile read(const std::string& path, const ProfileBounds& bounds = {});
  static Profile parse(std::istream& in, const std::string& name, const ProfileBounds& bounds = {});

  double at(double unix_s) const;
  size_t size() const { return t_.size(); }
  double first_s() const { return t_.front(); }
  double last_s() const { return t_.back(); }

 private:
  std::vector<double> t_, v_;
};

}  // namespace sovcap::power
