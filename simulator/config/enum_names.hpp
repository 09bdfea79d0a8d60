#pragma once
// Reading and writing an enum through the spellings declared next to it (an array of
// {value, "name"} pairs in the model's params header), never by position.
#include <string>
#include <utility>
#include <vector>

#include "simulator/config/reader.hpp"

namespace sovcap::config {

template <typename E, size_t N>
const char* spelling(E value, const std::pair<E, const char*> (&names)[N]) {
  for (const auto& [v, name] : names)
    if (v == value) return name;
  return "?";
}

template <typename E, size_t N>
std::vector<std::string> spellings(const std::pair<E, const char*> (&names)[N]) {
  std::vector<std::string> out;
  for (const auto& [v, name] : names) out.emplace_back(name);
  return out;
}

// The value spelled `name` (the first value when no spelling matches: callers read through choose()).
template <typename E, size_t N>
E named(const std::string& name, const std::pair<E, const char*> (&names)[N]) {
  for (const auto& [v, n] : names)
    if (name == n) return v;
  return names[0].first;
}

// The value named at `key` (def when absent; an unknown name is reported with the choices).
template <typename E, size_t N>
E choose(MapReader& m, const std::string& key, const std::pair<E, const char*> (&names)[N], E def) {
  int at = -1;
  for (size_t i = 0; i < N; ++i)
    if (names[i].first == def) at = static_cast<int>(i);
  return names[m.choice(key, spellings(names), at < 0 ? 0 : at)].first;
}

}  // namespace sovcap::config
