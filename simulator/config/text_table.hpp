#pragma once
// The one plain-text table printer (check's description, `summary`, `schema`):
// columns two spaces apart, widths in UTF-8 code points (names have accents),
// no trailing spaces.
#include <string>
#include <vector>

namespace sovcap::config {

class TextTable {
 public:
  // by_content: numbers right-aligned, text left-aligned, headers left-aligned.
  // names_then_numbers: the first column left-aligned, every other one right-aligned,
  // headers included (a column of names, then columns of figures).
  enum class Alignment { by_content, names_then_numbers };

  explicit TextTable(std::vector<std::string> header, Alignment alignment = Alignment::by_content)
      : header_(std::move(header)), alignment_(alignment) {}
  // A row shorter than the header leaves its last cells empty.
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Each line indented by indent spaces.
  std::string render(int indent = 2) const;

 private:
  std::vector<std::string> header_;
  Alignment alignment_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace sovcap::config
