#include "models/workload/text_number.hpp"

#include <charconv>
#include <cmath>

namespace sovcap::workload {

std::optional<double> parse_number(std::string_view token) {
  token = trim(token);
  if (token.empty()) return std::nullopt;
  if (token.front() == '+') token.remove_prefix(1);  // from_chars refuses a leading '+'
  double v = 0;
  auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), v);
  if (ec != std::errc() || end != token.data() + token.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::string_view trim(std::string_view token) {
  const char* blanks = " \t\r\n\v\f";
  auto b = token.find_first_not_of(blanks);
  if (b == std::string_view::npos) return {};
  auto e = token.find_last_not_of(blanks);
  return token.substr(b, e - b + 1);
}

}  // namespace sovcap::workload
