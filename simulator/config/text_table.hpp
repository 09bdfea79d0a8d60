#pragma once
// Plain aligned text tables: numbers right-aligned, text left-aligned.
#include <string>
#include <vector>

namespace sovcap::config {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Each line indented by indent spaces, columns two spaces apart.
  std::string render(int indent = 2) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace sovcap::config
