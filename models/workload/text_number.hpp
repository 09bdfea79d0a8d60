#pragma once
// Locale-independent, whole-token number parsing shared by the file readers.
#include <optional>
#include <string_view>

namespace sovcap::workload {

// The number the whole token spells ("12", "-1", "3.5e3"), or nothing.
std::optional<double> parse_number(std::string_view token);

// token without leading and trailing blanks (spaces, tabs, '\r').
std::string_view trim(std::string_view token);

}  // namespace sovcap::workload
