#include "simulator/config/extends.hpp"

#include <algorithm>
#include <filesystem>

#include "simulator/config/regular_file.hpp"

namespace sovcap::config {
namespace fs = std::filesystem;
namespace {

constexpr size_t kMaxChain = 64;

const Node* id_of(const Node& item) {
  const Node* id = item.is_map() ? item.get("id") : nullptr;
  return id && id->is_scalar() ? id : nullptr;
}

bool all_have_ids(const Node& seq) {
  return std::all_of(seq.items.begin(), seq.items.end(), [](const Node& n) { return id_of(n) != nullptr; });
}

std::string canonical(const std::string& path) {
  std::error_code ec;
  auto a = fs::absolute(path, ec);
  if (ec) return path;
  auto c = fs::weakly_canonical(a, ec);
  return ec ? a.string() : c.string();
}

std::optional<Node> load(const std::string& path, std::vector<std::string>& stack, std::vector<Diagnostic>& diags) {
  auto tree = read_yaml_file(path, diags);
  if (!tree) return std::nullopt;
  if (tree->is_null()) tree->kind = Node::Kind::map;  // an empty file is an empty scenario
  if (!tree->is_map()) {
    diags.push_back(diagnostic_at(tree->place, "", "a scenario must be a map of keys, found " + std::string(tree->kind_name()),
                                  "keys such as scenario, sites, regions, network, classes"));
    return std::nullopt;
  }
  auto* ext = tree->entry("extends");
  if (!ext) return tree;
  Entry extends = *ext;
  tree->entries.erase(tree->entries.begin() + (ext - tree->entries.data()));
  if (!extends.value.is_scalar() || extends.value.scalar.empty()) {
    diags.push_back(diagnostic_at(extends.value.place, "extends", "expected a file name, found " +
                                  std::string(extends.value.kind_name()), "a path relative to this file"));
    return std::nullopt;
  }
  fs::path base = extends.value.scalar;
  if (base.is_relative()) base = fs::path(path).parent_path() / base;
  std::string key = canonical(base.string());
  if (std::find(stack.begin(), stack.end(), key) != stack.end()) {
    std::string chain;
    for (auto it = std::find(stack.begin(), stack.end(), key); it != stack.end(); ++it)
      chain += fs::path(*it).filename().string() + " -> ";
    diags.push_back(diagnostic_at(extends.value.place, "extends",
                                  "a config that includes itself: " + chain + fs::path(key).filename().string(),
                                  "a chain of extends without cycles"));
    return std::nullopt;
  }
  if (std::string what = not_a_regular_file(base.string()); !what.empty()) {
    diags.push_back(diagnostic_at(extends.value.place, "extends", "cannot read '" + base.string() + "': " + what,
                                  "an existing regular file, relative to this file"));
    return std::nullopt;
  }
  if (stack.size() >= kMaxChain) {
    diags.push_back(diagnostic_at(extends.value.place, "extends", "more than " + std::to_string(kMaxChain) + " files extend each other",
                                  "a chain of at most " + std::to_string(kMaxChain) + " files"));
    return std::nullopt;
  }
  stack.push_back(key);
  auto merged = load(base.string(), stack, diags);
  stack.pop_back();
  if (!merged) return std::nullopt;
  merge_over(*merged, *tree);
  return merged;
}

// A map that names its kind (`type` of a distribution, `model` of cooling) and names another kind
// than the base's.
bool changes_kind(const Node& base, const Node& over) {
  for (const char* key : {"type", "model"}) {
    const Node* b = base.get(key);
    const Node* o = over.get(key);
    if (b && o && b->is_scalar() && o->is_scalar() && b->scalar != o->scalar) return true;
  }
  return false;
}

}  // namespace

void merge_over(Node& base, const Node& over) {
  if (base.is_map() && over.is_map() && changes_kind(base, over)) {
    base = over;  // another distribution or cooling model: the base's parameters do not apply
    return;
  }
  if (base.is_map() && over.is_map()) {
    for (const auto& e : over.entries) {
      if (auto* b = base.entry(e.key)) {
        b->key_place = e.key_place;
        merge_over(b->value, e.value);
      } else {
        base.entries.push_back(e);
      }
    }
    return;
  }
  if (base.is_seq() && over.is_seq() && all_have_ids(base) && all_have_ids(over)) {
    for (const auto& item : over.items) {
      auto same = std::find_if(base.items.begin(), base.items.end(),
                               [&](const Node& b) { return id_of(b)->scalar == id_of(item)->scalar; });
      if (same != base.items.end())
        merge_over(*same, item);
      else
        base.items.push_back(item);
    }
    return;
  }
  base = over;
}

std::optional<Node> load_tree(const std::string& path, std::vector<Diagnostic>& diags) {
  std::vector<std::string> stack{canonical(path)};
  return load(path, stack, diags);
}

}  // namespace sovcap::config
