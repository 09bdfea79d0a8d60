#include "simulator/sweep/spec_base.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>

#include "simulator/config/regular_file.hpp"
#include "simulator/config/suggest.hpp"

namespace sovcap::sweep {
namespace {

using config::Node;

// A node (a scalar, list or map) as one line of flow YAML, quoted where YAML needs it.
void emit(YAML::Emitter& out, const Node& n) {
  if (n.is_seq()) {
    out << YAML::Flow << YAML::BeginSeq;
    for (const auto& item : n.items) emit(out, item);
    out << YAML::EndSeq;
  } else if (n.is_map()) {
    out << YAML::Flow << YAML::BeginMap;
    for (const auto& e : n.entries) {
      out << YAML::Key << e.key << YAML::Value;
      emit(out, e.value);
    }
    out << YAML::EndMap;
  } else if (n.is_scalar()) {
    out << n.scalar;
  } else {
    out << YAML::Null;
  }
}

std::string flow_yaml(const Node& n) {
  YAML::Emitter out;
  emit(out, n);
  return out.c_str();
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

void flatten(const Node& n, const std::string& prefix, Overrides& out, std::vector<config::Diagnostic>& diags) {
  for (const auto& e : n.entries) {
    std::string key = prefix.empty() ? e.key : prefix + "." + e.key;
    if (e.value.is_map())
      flatten(e.value, key, out, diags);
    else if (e.value.is_scalar())
      out.emplace_back(key, e.value.scalar);
    else if (e.value.is_seq())
      out.emplace_back(key, flow_yaml(e.value));
    else
      diags.push_back(config::diagnostic_at(e.value.place, "set." + key,
                                            std::string("expected a value, found ") + e.value.kind_name(),
                                            "a number, a quantity, a word or a list"));
  }
}

}  // namespace

std::string read_base(const Node& root, const std::string& spec_path, const std::string& verb,
                      std::vector<config::Diagnostic>& diags) {
  const Node* base = root.get("base");
  if (!base || !base->is_scalar() || base->scalar.empty()) {
    diags.push_back(config::diagnostic_at(base ? base->place : root.place, "base", "missing the scenario to " + verb,
                                          "a config path relative to this file, e.g. ../morocco-2030.yaml"));
    return "";
  }
  std::filesystem::path b(base->scalar);
  if (b.is_relative()) b = std::filesystem::path(spec_path).parent_path() / b;
  std::string path = b.lexically_normal().string();
  if (std::string what = config::not_a_regular_file(path); what == "no such file")
    diags.push_back(config::diagnostic_at(base->place, "base", "no such scenario file: " + path));
  else if (!what.empty())
    diags.push_back(config::diagnostic_at(base->place, "base", path + " is " + what + ", not a scenario file",
                                          "a regular YAML file"));
  return path;
}

Overrides read_set(const Node& root, std::vector<config::Diagnostic>& diags) {
  Overrides out;
  const Node* set = root.get("set");
  if (!set) return out;
  if (!set->is_map())
    diags.push_back(config::diagnostic_at(set->place, "set",
                                          std::string("expected a map of KEY.PATH: value, found ") + set->kind_name()));
  else
    flatten(*set, "", out, diags);
  return out;
}

bool check_keys(const Node& n, const std::string& path, const std::vector<std::string>& known,
                std::vector<config::Diagnostic>& diags) {
  if (!n.is_map()) {
    diags.push_back(config::diagnostic_at(n.place, path, std::string("expected a map, found ") + n.kind_name(),
                                          "keys: " + join(known)));
    return false;
  }
  for (const auto& e : n.entries) {
    if (std::find(known.begin(), known.end(), e.key) != known.end()) continue;
    std::string hint = config::did_you_mean(e.key, known);
    diags.push_back(config::diagnostic_at(e.key_place, path.empty() ? e.key : path + "." + e.key,
                                          "unknown key '" + e.key + "'" + (hint.empty() ? "" : "; " + hint),
                                          "keys here: " + join(known)));
  }
  return true;
}

std::optional<uint64_t> read_seed(const Node& n, const std::string& path, std::vector<config::Diagnostic>& diags) {
  if (n.is_scalar() && !n.scalar.empty() && n.scalar.size() <= 19 &&
      std::all_of(n.scalar.begin(), n.scalar.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::stoull(n.scalar);
  diags.push_back(config::diagnostic_at(n.place, path,
                                        (n.is_scalar() ? "'" + n.scalar + "'" : std::string(n.kind_name())) + " is not a seed",
                                        "a whole number from 0 to 10^19-1"));
  return std::nullopt;
}

}  // namespace sovcap::sweep
