#pragma once
// "did you mean 'x'?" for misspelt keys and ids.
#include <string>
#include <vector>

namespace sovcap::config {

// Edit distance (insertions, deletions, substitutions, swaps of neighbours:
// optimal string alignment), case-insensitive.
int edit_distance(const std::string& a, const std::string& b);

// The candidate closest to word if it is close enough to be a likely typo
// (distance <= 1 for words of up to 3 letters, else <= max(2, length / 3)), else "".
std::string closest(const std::string& word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)"-ready text: "did you mean 'x'?" or "".
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace sovcap::config
