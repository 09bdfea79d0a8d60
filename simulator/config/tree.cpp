#include "simulator/config/tree.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "simulator/config/regular_file.hpp"

namespace sovcap::config {
namespace {

// A scenario or spec is a few kB; a million-value inline list takes yaml-cpp
// about 600 bytes a value. Long data goes in files read without a YAML tree.
constexpr std::int64_t kMaxFileBytes = 1 << 20;

Place place_of(const YAML::Mark& m, const Place& origin, const Place& fallback) {
  if (m.line < 0) return fallback;
  Place p = origin;
  p.line = origin.line + m.line;
  p.column = (m.line == 0 ? origin.column : 1) + m.column;
  return p;
}

// What one document may expand to. YAML aliases share a node, so a few anchors
// can stand for gigabytes once copied into a tree (an "alias bomb"), and an
// alias inside its own anchor (`x: &a [*a]`) for an endless one.
constexpr size_t kMaxNodes = 1'000'000;
constexpr size_t kMaxBytes = 32u << 20;  // scalars and keys, as expanded

struct Budget {
  size_t nodes = 0, bytes = 0;
  std::vector<YAML::Node> open;  // the maps and lists being converted, outermost first
};

class Blown : public std::exception {};

Node convert(const YAML::Node& y, const Place& origin, const Place& fallback, std::vector<Diagnostic>& diags,
             Budget& b) {
  Node n;
  n.place = place_of(y.Mark(), origin, fallback);
  if (++b.nodes > kMaxNodes || (y.IsScalar() && (b.bytes += y.Scalar().size()) > kMaxBytes)) {
    diags.push_back(diagnostic_at(n.place, "", "the document expands to more than " + std::to_string(kMaxNodes) +
                                  " values or " + std::to_string(kMaxBytes >> 20) + " MB of text (YAML aliases repeat what they name)",
                                  "a scenario of plain values; long data in a CSV profile, trace or empirical file"));
    throw Blown();
  }
  if (y.IsSequence() || y.IsMap()) {
    for (const auto& o : b.open)
      if (o.is(y)) {
        diags.push_back(diagnostic_at(n.place, "", "a YAML alias inside the value it names (an endless value)",
                                      "aliases (*name) of values defined before, outside themselves"));
        throw Blown();
      }
    b.open.push_back(y);
  }
  struct Pop {
    Budget& b;
    bool on;
    ~Pop() {
      if (on) b.open.pop_back();
    }
  } pop{b, y.IsSequence() || y.IsMap()};
  switch (y.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      n.kind = Node::Kind::null;
      break;
    case YAML::NodeType::Scalar:
      n.kind = Node::Kind::scalar;
      n.scalar = y.Scalar();
      break;
    case YAML::NodeType::Sequence:
      n.kind = Node::Kind::seq;
      for (const auto& item : y) n.items.push_back(convert(item, origin, n.place, diags, b));
      break;
    case YAML::NodeType::Map:
      n.kind = Node::Kind::map;
      for (const auto& kv : y) {
        Entry e;
        e.key_place = place_of(kv.first.Mark(), origin, n.place);
        if (!kv.first.IsScalar()) {
          diags.push_back(diagnostic_at(e.key_place, "", "a key must be a plain name", "a word such as 'capacity'"));
          continue;
        }
        e.key = kv.first.Scalar();
        b.bytes += e.key.size();
        e.value = convert(kv.second, origin, e.key_place, diags, b);
        if (n.get(e.key)) {
          diags.push_back(diagnostic_at(e.key_place, e.key, "duplicate key", "each key once per map"));
          continue;
        }
        n.entries.push_back(std::move(e));
      }
      break;
  }
  return n;
}

}  // namespace

const Node* Node::get(const std::string& key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e.value;
  return nullptr;
}

Node* Node::get(const std::string& key) {
  auto* e = entry(key);
  return e ? &e->value : nullptr;
}

Entry* Node::entry(const std::string& key) {
  for (auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

const char* Node::kind_name() const {
  switch (kind) {
    case Kind::null: return "nothing";
    case Kind::scalar: return "a single value";
    case Kind::map: return "a map";
    case Kind::seq: return "a list";
  }
  return "?";
}

Diagnostic diagnostic_at(const Place& at, std::string key_path, std::string message, std::string allowed) {
  return Diagnostic{at.file, at.line, at.column, std::move(key_path), std::move(message), std::move(allowed)};
}

namespace {

// Where the first byte lies that is not part of well-formed UTF-8 (no overlong
// forms, no surrogates, nothing above U+10FFFF), or npos.
size_t invalid_utf8_at(const std::string& s) {
  auto cont = [&](size_t i) { return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80; };
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3 : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (n == 0) return i;
    for (size_t k = 1; k < n; ++k)
      if (!cont(i + k)) return i;
    if (n >= 3) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d > 0x9F) || (c == 0xF0 && d < 0x90) || (c == 0xF4 && d > 0x8F))
        return i;
    }
    i += n;
  }
  return std::string::npos;
}

}  // namespace

std::optional<Node> parse_yaml(const std::string& text, const Place& origin, std::vector<Diagnostic>& diags) {
  if (size_t bad = invalid_utf8_at(text); bad != std::string::npos) {
    // Text that is not UTF-8 would reach names, results and tools garbled: stop at the first bad byte.
    Place at{origin.file, origin.line ? origin.line : 1, origin.line ? origin.column : 1};
    size_t line_start = bad == 0 ? std::string::npos : text.rfind('\n', bad - 1);
    at.line += static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
    at.column = line_start == std::string::npos ? at.column + static_cast<int>(bad) : static_cast<int>(bad - line_start);
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
    // The line up to the bad byte names the key (the tree cannot be built yet).
    size_t from = line_start == std::string::npos ? 0 : line_start + 1;
    std::string before = text.substr(from, std::min<size_t>(bad - from, 60));
    before.erase(0, std::min(before.find_first_not_of(" \t"), before.size()));
    std::string where = before.empty() ? "" : " after '" + before + "'";
    diags.push_back(diagnostic_at(at, "", std::string("not UTF-8 text: byte ") + hex + where, "a file saved as UTF-8"));
    return std::nullopt;
  }
  try {
    YAML::Node y = YAML::Load(text);
    Place start = origin;
    if (start.line == 0) start.line = 1, start.column = 1;
    Budget budget;
    return convert(y, start, start, diags, budget);
  } catch (const Blown&) {
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    Place at = place_of(e.mark, origin.line ? origin : Place{origin.file, 1, 1}, Place{origin.file, 1, 1});
    diags.push_back(diagnostic_at(at, "", "YAML syntax: " + e.msg));
    return std::nullopt;
  }
}

std::optional<Node> read_yaml_file(const std::string& path, std::vector<Diagnostic>& diags) {
  if (std::string what = not_a_regular_file(path); !what.empty()) {
    bool missing = what == "no such file";
    diags.push_back(Diagnostic{path, 0, 0, "", "cannot read the file: " + (missing ? std::strerror(ENOENT) : "it is " + what),
                               missing ? "" : "a regular YAML file"});
    return std::nullopt;
  }
  if (auto size = file_size_or(path); size > kMaxFileBytes) {
    diags.push_back(Diagnostic{path, 0, 0, "", "the file is " + std::to_string(size) + " bytes, more than a YAML file may be",
                               "at most " + std::to_string(kMaxFileBytes) + " bytes; long data in a CSV profile, trace or empirical file"});
    return std::nullopt;
  }
  std::ifstream in(path);
  if (!in) {
    diags.push_back(Diagnostic{path, 0, 0, "", std::string("cannot read the file: ") + std::strerror(errno), ""});
    return std::nullopt;
  }
  note_input_file(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_yaml(ss.str(), Place{path, 1, 1}, diags);
}

}  // namespace sovcap::config
