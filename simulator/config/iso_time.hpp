#pragma once
// ISO 8601 UTC instants ("2030-01-01T00:00:00Z") to and from Unix seconds.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sovcap::config {

// Accepts YYYY-MM-DD, YYYY-MM-DDTHH:MM, YYYY-MM-DDTHH:MM:SS, each optionally
// followed by Z or +HH:MM / -HH:MM (a space may replace the T). Dates are
// checked (month 1-12, day within the month, leap years). Nothing = not an instant.
std::optional<int64_t> parse_iso_utc(std::string_view text);

// "YYYY-MM-DDTHH:MM:SSZ".
std::string format_iso_utc(int64_t unix_s);

}  // namespace sovcap::config
