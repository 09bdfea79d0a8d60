#include "simulator/config/overrides.hpp"

#include <charconv>

namespace sovcap::config {
namespace {

struct Segment {
  std::string key;
  int column;  // 1-based, in the override text
};

std::vector<Segment> split_path(const std::string& path) {
  std::vector<Segment> out;
  size_t start = 0;
  while (true) {
    size_t dot = path.find('.', start);
    out.push_back({path.substr(start, dot == std::string::npos ? std::string::npos : dot - start),
                   static_cast<int>(start) + 1});
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

Place at(int column) { return Place{kOverrideFile, 1, column}; }

// The list item named by seg: an index or an item's id.
Node* find_item(Node& seq, const std::string& seg) {
  size_t index = 0;
  auto r = std::from_chars(seg.data(), seg.data() + seg.size(), index);
  if (r.ec == std::errc() && r.ptr == seg.data() + seg.size()) return index < seq.items.size() ? &seq.items[index] : nullptr;
  for (auto& item : seq.items) {
    const Node* id = item.is_map() ? item.get("id") : nullptr;
    if (id && id->is_scalar() && id->scalar == seg) return &item;
  }
  return nullptr;
}

void apply_one(Node& root, const std::string& text, std::vector<Diagnostic>& diags) {
  size_t eq = text.find('=');
  if (eq == std::string::npos || eq == 0) {
    diags.push_back(diagnostic_at(at(1), "", "malformed override '" + text + "'", "KEY.PATH=VALUE, e.g. scenario.seed=7"));
    return;
  }
  std::string path = text.substr(0, eq);
  std::vector<Segment> segs = split_path(path);
  if (path == "seed" || path == "duration") segs.insert(segs.begin(), Segment{"scenario", 1});
  for (const auto& s : segs)
    if (s.key.empty()) {
      diags.push_back(diagnostic_at(at(s.column), path, "empty key in the path", "KEY.PATH with keys separated by single dots"));
      return;
    }
  auto value = parse_yaml(text.substr(eq + 1), at(static_cast<int>(eq) + 2), diags);
  if (!value) return;

  Node* cur = &root;
  std::string walked;
  for (size_t i = 0; i < segs.size(); ++i) {
    const auto& s = segs[i];
    const bool last = i + 1 == segs.size();
    walked += (walked.empty() ? "" : ".") + s.key;
    if (cur->is_null()) cur->kind = Node::Kind::map, cur->place = at(s.column);
    Node* next = nullptr;
    if (cur->is_map()) {
      next = cur->get(s.key);
      if (!next) {
        Entry e;
        e.key = s.key;
        e.key_place = at(s.column);
        e.value.kind = last ? Node::Kind::null : Node::Kind::map;
        e.value.place = at(s.column);
        cur->entries.push_back(std::move(e));
        next = &cur->entries.back().value;
      }
    } else if (cur->is_seq()) {
      next = find_item(*cur, s.key);
      if (!next) {
        diags.push_back(diagnostic_at(at(s.column), walked, "no list item with index or id '" + s.key + "'",
                                      "an index from 0 to " + std::to_string(cur->items.size()) + " (exclusive) or an item's id"));
        return;
      }
    } else {
      diags.push_back(diagnostic_at(at(s.column), walked, "'" + walked.substr(0, walked.size() - s.key.size() - 1) +
                                    "' is a single value; it has no key '" + s.key + "'", "a path through maps and lists"));
      return;
    }
    cur = next;
  }
  *cur = *value;
}

}  // namespace

void apply_overrides(Node& root, const std::vector<std::string>& overrides, std::vector<Diagnostic>& diags) {
  for (const auto& o : overrides) apply_one(root, o, diags);
}

}  // namespace sovcap::config
