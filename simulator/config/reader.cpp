#include "simulator/config/reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "simulator/config/regular_file.hpp"
#include "simulator/config/suggest.hpp"

namespace sovcap::config {

bool Range::contains(double x) const {
  if (lo_open ? !(x > lo) : !(x >= lo)) return false;
  if (hi_open ? !(x < hi) : !(x <= hi)) return false;
  return true;
}

std::string Range::text() const {
  const bool has_lo = std::isfinite(lo), has_hi = std::isfinite(hi);
  if (has_lo && has_hi && !lo_open && !hi_open) return fmt::format("from {} to {}", lo, hi);
  std::string out;
  if (has_lo) out = fmt::format("{} {}", lo_open ? ">" : ">=", lo);
  if (has_hi) out += fmt::format("{}{} {}", out.empty() ? "" : " and ", hi_open ? "<" : "<=", hi);
  return out;
}


std::string item_path(const std::string& parent, const Node& item, size_t index) {
  const Node* id = item.is_map() ? item.get("id") : nullptr;
  bool plain = id && id->is_scalar() && !id->scalar.empty() &&
               std::all_of(id->scalar.begin(), id->scalar.end(),
                           [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
  return parent + "." + (plain ? id->scalar : std::to_string(index));
}

namespace {

bool check_range(Ctx& ctx, const Node& n, const std::string& path, double v, const Range& r, const std::string& shown) {
  if (r.contains(v)) return true;
  ctx.error(n.place, path, shown + " is out of range", r.text());
  return false;
}

bool expect_scalar(Ctx& ctx, const Node& n, const std::string& path, const char* expected, const std::string& allowed) {
  if (n.is_scalar()) return true;
  ctx.error(n.place, path, std::string("expected ") + expected + ", found " + n.kind_name(), allowed);
  return false;
}

}  // namespace

std::optional<double> read_number(Ctx& ctx, const Node& n, const std::string& path, const Range& r) {
  if (!expect_scalar(ctx, n, path, "a number", r.text().empty() ? "a number" : r.text())) return std::nullopt;
  try {
    double v = parse_plain_number(n.scalar);
    if (!check_range(ctx, n, path, v, r, n.scalar)) return std::nullopt;
    return v;
  } catch (const UnitError& e) {
    ctx.error(n.place, path, e.what(), r.text().empty() ? e.allowed : "a number " + r.text());
    return std::nullopt;
  }
}

std::optional<double> read_quantity(Ctx& ctx, const Node& n, const std::string& path, Quantity q, const Range& r,
                                    double plain_factor) {
  if (!expect_scalar(ctx, n, path, "a quantity", allowed_units(q))) return std::nullopt;
  try {
    double v = parse_quantity(n.scalar, q, plain_factor);
    if (!check_range(ctx, n, path, v, r, n.scalar)) return std::nullopt;
    return v;
  } catch (const UnitError& e) {
    ctx.error(n.place, path, e.what(), e.allowed);
    return std::nullopt;
  }
}

MapReader::MapReader(Ctx& ctx, const Node* node, std::string map_path, std::vector<std::string> known, const Place& fallback)
    : ctx_(ctx), node_(node), path_(std::move(map_path)), place_(node ? node->place : fallback) {
  if (!node || node->is_null()) {
    node_ = nullptr;
    return;
  }
  if (!node->is_map()) {
    ok_ = false;
    ctx_.error(node->place, path_, std::string("expected a map of keys, found ") + node->kind_name(),
               "keys: " + [&] {
                 std::string s;
                 for (const auto& k : known) s += (s.empty() ? "" : ", ") + k;
                 return s;
               }());
    node_ = nullptr;
    return;
  }
  for (const auto& e : node->entries) {
    if (std::find(known.begin(), known.end(), e.key) != known.end()) continue;
    std::string hint = did_you_mean(e.key, known);
    std::string keys;
    for (const auto& k : known) keys += (keys.empty() ? "" : ", ") + k;
    ctx_.error(e.key_place, path(e.key), "unknown key '" + e.key + "'" + (hint.empty() ? "" : "; " + hint),
               "keys here: " + keys);
  }
}

const Node* MapReader::get(const std::string& key) const { return node_ ? node_->get(key) : nullptr; }

Place MapReader::place(const std::string& key) const {
  const Node* n = get(key);
  return n ? n->place : place_;
}

void MapReader::missing(const std::string& key) {
  if (ok_) ctx_.error(place_, path(key), "missing required key '" + key + "'");
}

const Node* MapReader::scalar(const std::string& key, const char* expected, const std::string& allowed) {
  const Node* n = get(key);
  if (!n) return nullptr;
  return expect_scalar(ctx_, *n, path(key), expected, allowed) ? n : nullptr;
}

std::string MapReader::text(const std::string& key, std::optional<std::string> def) {
  if (!has(key)) {
    if (!def) missing(key);
    return def.value_or("");
  }
  const Node* n = scalar(key, "a text", "a single value");
  return n ? n->scalar : def.value_or("");
}

constexpr size_t kMaxIdChars = 100;

std::string MapReader::id(const std::string& key, std::optional<std::string> def) {
  std::string v = text(key, def);
  const Node* n = get(key);
  // Bounded: an id is repeated in key paths, HDF5 names and result tables.
  bool good = !v.empty() && v.size() <= kMaxIdChars && std::all_of(v.begin(), v.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
  });
  if (n && n->is_scalar() && !good)
    ctx_.error(n->place, path(key), "'" + (v.size() <= kMaxIdChars ? v : v.substr(0, 40) + "...' (" + std::to_string(v.size()) + " characters)") +
               (v.size() <= kMaxIdChars ? "'" : "") + " is not a valid id",
               "letters, digits, '_' and '-', at most " + std::to_string(kMaxIdChars) + " characters");
  return v;
}

double MapReader::number(const std::string& key, std::optional<double> def, const Range& r) {
  const Node* n = get(key);
  if (!n) {
    if (!def) missing(key);
    return def.value_or(0);
  }
  return read_number(ctx_, *n, path(key), r).value_or(def.value_or(0));
}

double MapReader::quantity(const std::string& key, Quantity q, std::optional<double> def, const Range& r,
                           double plain_factor) {
  const Node* n = get(key);
  if (!n) {
    if (!def) missing(key);
    return def.value_or(0);
  }
  return read_quantity(ctx_, *n, path(key), q, r, plain_factor).value_or(def.value_or(0));
}

int64_t MapReader::integer(const std::string& key, std::optional<int64_t> def, const Range& r) {
  const Node* n = get(key);
  if (!n) {
    if (!def) missing(key);
    return def.value_or(0);
  }
  if (!expect_scalar(ctx_, *n, path(key), "a whole number", "a whole number")) return def.value_or(0);
  int64_t v = 0;
  const auto& s = n->scalar;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size()) {
    ctx_.error(n->place, path(key), "'" + s + "' is not a whole number", "a whole number " + r.text());
    return def.value_or(0);
  }
  if (!check_range(ctx_, *n, path(key), static_cast<double>(v), r, s)) return def.value_or(0);
  return v;
}

uint64_t MapReader::unsigned_integer(const std::string& key, uint64_t def) {
  const Node* n = scalar(key, "a whole number", "a whole number from 0 to 18446744073709551615");
  if (!n) return def;
  uint64_t v = 0;
  const auto& s = n->scalar;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size()) {
    ctx_.error(n->place, path(key), "'" + s + "' is not a whole number from 0 to 2^64-1",
               "a whole number from 0 to 18446744073709551615");
    return def;
  }
  return v;
}

bool MapReader::flag(const std::string& key, bool def) {
  const Node* n = scalar(key, "true or false", "true or false");
  if (!n) return def;
  const auto& s = n->scalar;
  if (s == "true" || s == "yes") return true;
  if (s == "false" || s == "no") return false;
  ctx_.error(n->place, path(key), "'" + s + "' is not true or false", "true or false");
  return def;
}

int MapReader::choice(const std::string& key, const std::vector<std::string>& names, int def) {
  std::string allowed;
  for (const auto& nm : names) allowed += (allowed.empty() ? "one of " : ", ") + nm;
  const Node* n = scalar(key, "a name", allowed);
  if (!n) return def;
  auto it = std::find(names.begin(), names.end(), n->scalar);
  if (it != names.end()) return static_cast<int>(it - names.begin());
  std::string hint = did_you_mean(n->scalar, names);
  ctx_.error(n->place, path(key), "unknown value '" + n->scalar + "'" + (hint.empty() ? "" : "; " + hint), allowed);
  return def;
}

std::optional<std::vector<double>> MapReader::numbers(const std::string& key, const Range& r, Quantity* q) {
  const Node* n = list(key);
  if (!n) return std::nullopt;
  std::vector<double> out;
  bool good = true;
  for (size_t i = 0; i < n->items.size(); ++i) {
    std::string p = path(key) + "." + std::to_string(i);
    auto v = q ? read_quantity(ctx_, n->items[i], p, *q, r) : read_number(ctx_, n->items[i], p, r);
    good = good && v.has_value();
    out.push_back(v.value_or(0));
  }
  if (!good) return std::nullopt;
  return out;
}

std::vector<std::string> MapReader::strings(const std::string& key) {
  std::vector<std::string> out;
  const Node* n = list(key);
  if (!n) return out;
  for (size_t i = 0; i < n->items.size(); ++i)
    if (expect_scalar(ctx_, n->items[i], path(key) + "." + std::to_string(i), "a name", "a name"))
      out.push_back(n->items[i].scalar);
  return out;
}

const Node* MapReader::list(const std::string& key) {
  const Node* n = get(key);
  if (!n || n->is_null()) return nullptr;
  if (n->is_seq()) return n;
  ctx_.error(n->place, path(key), std::string("expected a list, found ") + n->kind_name(), "a list: [a, b] or '- ' items");
  return nullptr;
}

std::string MapReader::file_path(const std::string& key) {
  std::string v = text(key, std::string());
  if (v.empty()) return v;
  namespace fs = std::filesystem;
  fs::path p(v);
  const Node* n = get(key);
  if (p.is_relative() && n->place.file != "--set") p = fs::path(n->place.file).parent_path() / p;
  std::error_code ec;
  auto abs = fs::absolute(p, ec);
  p = (ec ? p : abs).lexically_normal();
  std::string what = not_a_regular_file(p.string());
  if (what == "no such file")
    ctx_.error(n->place, path(key), "cannot find the file '" + p.string() + "'", "a readable file, relative to the YAML file that names it");
  else if (!what.empty())
    ctx_.error(n->place, path(key), "'" + p.string() + "' is " + what + ", not a file to read",
               "a regular file, relative to the YAML file that names it");
  if (what.empty()) note_input_file(p.string());
  return what.empty() ? p.string() : std::string();
}

}  // namespace sovcap::config
