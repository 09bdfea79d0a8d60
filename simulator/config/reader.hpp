#pragma once
// Typed, checked reading of one YAML map: unknown keys (with a suggestion),
// wrong types, units and ranges all become diagnostics, and reading goes on so
// that every error is found in one pass.
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "simulator/config/tree.hpp"
#include "simulator/config/units.hpp"

namespace sovcap::config {

// An interval a number must lie in; text() says it for messages ("> 0", "from 0 to 1").
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false, hi_open = false;
  bool contains(double x) const;
  std::string text() const;
};

constexpr Range any() { return Range{}; }
constexpr Range positive() { return Range{0, std::numeric_limits<double>::infinity(), true, false}; }  // > 0
constexpr Range non_negative() { return Range{0}; }                                                   // >= 0
constexpr Range fraction() { return Range{0, 1}; }                                                    // [0, 1]
constexpr Range efficiency() { return Range{0, 1, true, false}; }                                     // (0, 1]
constexpr Range between(double lo, double hi) { return Range{lo, hi}; }                               // [lo, hi]
constexpr Range above(double lo) { return Range{lo, std::numeric_limits<double>::infinity(), true, false}; }  // > lo
constexpr Range at_least(double lo) { return Range{lo}; }

// Where diagnostics go.
struct Ctx {
  std::vector<Diagnostic>& diags;
  void error(const Place& at, const std::string& path, std::string message, std::string allowed = "") {
    diags.push_back(diagnostic_at(at, path, std::move(message), std::move(allowed)));
  }
};

// "parent.id" for a list item with a plain id, else "parent.index".
std::string item_path(const std::string& parent, const Node& item, size_t index);

// Scalar reading shared by maps and lists: nothing when the node is not a scalar
// of the wanted kind (the error is reported).
std::optional<double> read_number(Ctx& ctx, const Node& n, const std::string& path, const Range& r);
std::optional<double> read_quantity(Ctx& ctx, const Node& n, const std::string& path, Quantity q, const Range& r,
                                    double plain_factor = 1.0);

class MapReader {
 public:
  // node may be nullptr or null (an absent or empty section: every key takes
  // its default). Anything else than a map is an error. Keys outside known are
  // reported at once, with "did you mean" when one is close.
  MapReader(Ctx& ctx, const Node* node, std::string path, std::vector<std::string> known, const Place& fallback);

  bool is_map() const { return ok_; }
  bool has(const std::string& key) const { return get(key) != nullptr; }
  const Node* get(const std::string& key) const;
  std::string path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  const std::string& path() const { return path_; }
  const Place& place() const { return place_; }
  // The value's place if present, else the map's.
  Place place(const std::string& key) const;

  // Getters: def = nothing makes the key required (its absence is an error).
  std::string text(const std::string& key, std::optional<std::string> def);
  // An id: letters, digits, '_' and '-' (ids appear in key paths and HDF5 names).
  std::string id(const std::string& key, std::optional<std::string> def);
  double number(const std::string& key, std::optional<double> def, const Range& r = any());
  double quantity(const std::string& key, Quantity q, std::optional<double> def, const Range& r = any(),
                  double plain_factor = 1.0);
  int64_t integer(const std::string& key, std::optional<int64_t> def, const Range& r = any());
  uint64_t unsigned_integer(const std::string& key, uint64_t def);
  bool flag(const std::string& key, bool def);
  // The index of the value among names.
  int choice(const std::string& key, const std::vector<std::string>& names, int def);
  // A list of numbers, each in r; nothing if absent.
  std::optional<std::vector<double>> numbers(const std::string& key, const Range& r = any(), Quantity* q = nullptr);
  // Exactly N numbers, each in r; out is left unchanged if absent.
  template <size_t N>
  void fixed(const std::string& key, std::array<double, N>& out, const Range& r) {
    auto v = numbers(key, r);
    if (!v) return;
    if (v->size() != N) {
      ctx_.error(place(key), path(key), "expected " + std::to_string(N) + " numbers, found " + std::to_string(v->size()),
                 "a list of " + std::to_string(N) + " numbers");
      return;
    }
    std::copy(v->begin(), v->end(), out.begin());
  }
  std::vector<std::string> strings(const std::string& key);
  // The list under key, or nullptr (absent, or not a list: reported).
  const Node* list(const std::string& key);
  // A path to a file, made absolute relative to the file the value came from.
  std::string file_path(const std::string& key);
  // Report a missing required key.
  void missing(const std::string& key);

 private:
  const Node* scalar(const std::string& key, const char* expected, const std::string& allowed);
  Ctx& ctx_;
  const Node* node_ = nullptr;
  std::string path_;
  Place place_;
  bool ok_ = true;
};

}  // namespace sovcap::config
