#pragma once
// A plain-text table with aligned columns: the first column left-aligned
// (names), the others right-aligned (numbers).
#include <string>
#include <vector>

namespace sovcap::output {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> headers) : headers_(std::move(headers)) {}
  void row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  std::string str() const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
};

// A number with `decimals` digits after the point; "-" for NaN.
std::string fixed(double v, int decimals);
// A count with thousands separators ("1,234,567"); "-" for NaN.
std::string count(double v);
// A fraction as a percentage with one decimal ("87.5"); "-" for NaN.
std::string percent(double fraction);

}  // namespace sovcap::output
