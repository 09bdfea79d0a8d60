#include "simulator/config/text_table.hpp"

#include <algorithm>
#include <cctype>

namespace sovcap::config {
namespace {

bool numeric(const std::string& s) {
  return !s.empty() && (std::isdigit(static_cast<unsigned char>(s[0])) ||
                        (s.size() > 1 && (s[0] == '-' || s[0] == '+') && std::isdigit(static_cast<unsigned char>(s[1]))));
}

// Display width: count UTF-8 code points, not bytes.
size_t width(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace

std::string TextTable::render(int indent) const {
  std::vector<size_t> w(header_.size(), 0);
  for (size_t c = 0; c < header_.size(); ++c) w[c] = width(header_[c]);
  for (const auto& r : rows_)
    for (size_t c = 0; c < r.size() && c < w.size(); ++c) w[c] = std::max(w[c], width(r[c]));
  auto right_aligned = [this](const std::string& cell, size_t column, bool head) {
    if (alignment_ == Alignment::names_then_numbers) return column > 0;
    return !head && numeric(cell);
  };
  auto line = [&](const std::vector<std::string>& r, bool head) {
    std::string out(static_cast<size_t>(std::max(indent, 0)), ' ');
    for (size_t c = 0; c < w.size(); ++c) {
      std::string cell = c < r.size() ? r[c] : "";
      std::string pad(w[c] - width(cell), ' ');
      out += right_aligned(cell, c, head) ? pad + cell : cell + pad;
      if (c + 1 < w.size()) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(header_, true);
  for (const auto& r : rows_) out += line(r, false);
  return out;
}

}  // namespace sovcap::config
