#pragma once
// A YAML document as a tree that remembers, for every value and key, the file,
// line and column it came from, so that merged files (extends) and command-line
// overrides still name the right place in errors.
#include <optional>
#include <string>
#include <vector>

#include "simulator/config/diagnostics.hpp"

namespace sovcap::config {

struct Place {
  std::string file;
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based
};

struct Entry;

struct Node {
  enum class Kind { null, scalar, map, seq };
  Kind kind = Kind::null;
  std::string scalar;
  std::vector<Entry> entries;  // map, in file order
  std::vector<Node> items;     // seq
  Place place;

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_map() const { return kind == Kind::map; }
  bool is_seq() const { return kind == Kind::seq; }
  // The value under key in a map, or nullptr.
  const Node* get(const std::string& key) const;
  Node* get(const std::string& key);
  Entry* entry(const std::string& key);
  // "a number", "a map", "a list", "nothing" (for messages).
  const char* kind_name() const;
};

struct Entry {
  std::string key;
  Place key_place;
  Node value;
};

// The diagnostic for a place.
Diagnostic diagnostic_at(const Place& at, std::string key_path, std::string message, std::string allowed = "");

// Parse YAML text; syntax errors and duplicate keys become diagnostics (and
// nothing is returned on a syntax error). origin shifts the places (line 1
// column origin.column is where text starts), for overrides given on one line.
std::optional<Node> parse_yaml(const std::string& text, const Place& origin, std::vector<Diagnostic>& diags);

// Read and parse a file; an unreadable file is a diagnostic at line 0.
std::optional<Node> read_yaml_file(const std::string& path, std::vector<Diagnostic>& diags);

}  // namespace sovcap::config
