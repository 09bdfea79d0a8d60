#pragma once
// How `sovcap summary` writes a number, by the figure's display format.
#include <string>

namespace sovcap::output {

// A number with `decimals` digits after the point; "-" for NaN.
std::string fixed(double v, int decimals);
// A count with thousands separators ("1,234,567"); "-" for NaN.
std::string count(double v);
// A fraction as a percentage with one decimal ("87.5"); "-" for NaN.
std::string percent(double fraction);

}  // namespace sovcap::output
