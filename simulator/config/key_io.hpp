#pragma once
// Reading, writing and comparing a section's keys by walking its declarations (keys.hpp).
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "simulator/config/keys.hpp"

namespace sovcap::config {

// A time given as a duration since the start or an ISO 8601 instant (read_scenario.cpp).
double read_time_since_start(Ctx& ctx, MapReader& m, const std::string& key, int64_t start_utc_s,
                             std::optional<double> def, bool before_start_is_start);

// The names a map of this section accepts, in declared order (the "keys here" of errors).
template <class T>
std::vector<std::string> key_names(KeyTable<T> table) {
  std::vector<std::string> out;
  for (const auto& k : table) out.emplace_back(k.name);
  return out;
}

// Whether a key applies when its map's choice (a distribution's type) is `choice`.
template <class T>
bool applies(const Key<T>& k, const std::string& choice) {
  if (!k.only_for) return true;
  const std::string list = std::string(" ") + k.only_for + " ";
  return list.find(" " + choice + " ") != std::string::npos;
}
// The keys allowed when the map's choice is `choice`, in declared order.
template <class T>
std::vector<std::string> key_names(KeyTable<T> table, const std::string& choice) {
  std::vector<std::string> out;
  for (const auto& k : table)
    if (applies(k, choice)) out.emplace_back(k.name);
  return out;
}

namespace key_detail {

inline Range scaled(const Range& r, double per) {
  return per == 1 ? r : Range{r.lo * per, r.hi * per, r.lo_open, r.hi_open};
}

// fmt's shortest representation reads back to the same double.
inline std::string num(double x) { return fmt::format("{}", x); }

template <class T>
std::vector<double> list_values(const Key<T>& k, const T& x) {
  T& m = const_cast<T&>(x);  // the accessors reach fields for reading and writing; here only read
  if (k.list7) return {k.list7(m).begin(), k.list7(m).end()};
  if (k.list12) return {k.list12(m).begin(), k.list12(m).end()};
  if (k.list24) return {k.list24(m).begin(), k.list24(m).end()};
  return {};
}

}  // namespace key_detail

// One key of a map into x: absent keys keep x's value (its default; `derive` sets it first).
template <class T>
void read_key(Ctx& ctx, MapReader& m, const Key<T>& k, T& x, const ReadEnv& env) {
  if (k.derive) k.derive(x);
  const std::string name = k.name;
  const bool required = k.def != nullptr && std::string_view(k.def) == kRequired;
  const Node* n = m.get(name);
  if (k.word && n && n->is_scalar() && n->scalar == k.word) {
    k.real(x) = k.word_value;
    return;
  }
  const size_t errors_before = ctx.diags.size();
  switch (k.type) {
    case KeyType::number: {
      double& v = k.real(x);
      v = m.number(name, required ? std::nullopt : std::optional<double>(v), k.range);
      break;
    }
    case KeyType::quantity: {
      double& v = k.real(x);
      std::optional<double> def = required ? std::nullopt : std::optional<double>(v * k.per);
      v = m.quantity(name, k.quantity, def, key_detail::scaled(k.range, k.per), k.per) / k.per;
      break;
    }
    case KeyType::whole:
      if (k.big) {
        k.big(x) = m.unsigned_integer(name, k.big(x));
      } else if (k.whole) {
        int& v = k.whole(x);
        v = static_cast<int>(m.integer(name, required ? std::nullopt : std::optional<int64_t>(v), k.range));
      } else {
        double& v = k.real(x);
        v = static_cast<double>(
            m.integer(name, required ? std::nullopt : std::optional<int64_t>(static_cast<int64_t>(v)), k.range));
      }
      break;
    case KeyType::time: {
      double& v = k.real(x);
      v = read_time_since_start(ctx, m, name, env.start_utc_s, required ? std::nullopt : std::optional<double>(v),
                                k.before_start_is_start);
      break;
    }
    case KeyType::flag: k.flag(x) = m.flag(name, k.flag(x)); break;
    case KeyType::text: {
      std::string& v = k.text(x);
      v = m.text(name, required ? std::nullopt : std::optional<std::string>(v));
      break;
    }
    case KeyType::id: {
      std::string& v = k.text(x);
      v = m.id(name, required ? std::nullopt : std::optional<std::string>(v));
      break;
    }
    case KeyType::file: k.text(x) = m.file_path(name); break;
    case KeyType::ids: k.ids(x) = m.strings(name); break;
    case KeyType::numbers:
      if (k.list7) m.fixed(name, k.list7(x), k.range);
      if (k.list12) m.fixed(name, k.list12(x), k.range);
      if (k.list24) m.fixed(name, k.list24(x), k.range);
      break;
    case KeyType::choice: {
      std::vector<std::string> names = k.spellings();
      int def = static_cast<int>(std::find(names.begin(), names.end(), k.spell(x)) - names.begin());
      k.pick(x, names[static_cast<size_t>(m.choice(name, names, def < static_cast<int>(names.size()) ? def : 0))]);
      break;
    }
    case KeyType::map:
    case KeyType::list: return;  // the caller reads them with their own tables
  }
  if (k.word && ctx.diags.size() > errors_before) ctx.diags.back().allowed += std::string(", or ") + k.word;
  if (k.check) k.check(ctx, m, k, x);
}

// Every key of the table that is not a map or list, in declared order, except those in skip
// (read before, by read_key, because other keys' defaults depend on them).
template <class T>
void read_keys(Ctx& ctx, MapReader& m, KeyTable<T> table, T& x, const ReadEnv& env,
               std::initializer_list<const char*> skip = {}) {
  for (const auto& k : table) {
    if (!k.is_leaf()) continue;
    if (std::any_of(skip.begin(), skip.end(), [&](const char* s) { return std::string(s) == k.name; })) continue;
    read_key(ctx, m, k, x, env);
  }
}

// The value as the resolved YAML writes it (a scalar; numbers lists as "[a, b]").
template <class T>
std::string value_text(const Key<T>& k, const T& x) {
  T& m = const_cast<T&>(x);  // read only
  using key_detail::num;
  auto worded = [&](double v) -> std::optional<std::string> {
    if (k.word && (v == k.word_value || (std::isinf(v) && std::isinf(k.word_value)))) return std::string(k.word);
    return std::nullopt;
  };
  switch (k.type) {
    case KeyType::number: return worded(k.real(m)).value_or(num(k.real(m)));
    case KeyType::quantity: return worded(k.real(m)).value_or(num(k.real(m)) + k.unit);
    case KeyType::whole:
      if (k.big) return std::to_string(k.big(m));
      if (k.whole) return std::to_string(k.whole(m));
      return num(k.real(m));
    case KeyType::time: return num(k.real(m)) + "s";
    case KeyType::flag: return k.flag(m) ? "true" : "false";
    case KeyType::text:
    case KeyType::id:
    case KeyType::file: return k.text(m);
    case KeyType::numbers: {
      std::string out;
      for (double v : key_detail::list_values(k, x)) out += (out.empty() ? "" : ", ") + num(v);
      return "[" + out + "]";
    }
    case KeyType::choice: return k.spell(x);
    case KeyType::ids: {
      std::string out;
      for (const auto& v : k.ids(m)) out += (out.empty() ? "" : ", ") + v;
      return "[" + out + "]";
    }
    case KeyType::map:
    case KeyType::list: break;
  }
  return "";
}

// Whether the resolved YAML writes the key for x.
template <class T>
bool is_written(const Key<T>& k, const T& x) {
  if (!k.is_leaf()) return true;
  if (k.written && !k.written(x)) return false;
  if (k.type == KeyType::file) return !k.text(const_cast<T&>(x)).empty();  // no file: the model's own profile
  return true;
}

// Writes the table's keys of x into the open map, in declared order; `nested(key)` writes a map or
// list key (its key and value).
template <class T, class Nested>
void write_keys(YAML::Emitter& out, KeyTable<T> table, const T& x, Nested nested) {
  for (const auto& k : table) {
    if (!k.is_leaf()) {
      nested(k);
      continue;
    }
    if (!is_written(k, x)) continue;
    out << YAML::Key << k.name << YAML::Value;
    if (k.type == KeyType::numbers) {
      out << YAML::Flow << YAML::BeginSeq;
      for (double v : key_detail::list_values(k, x)) out << key_detail::num(v);
      out << YAML::EndSeq;
    } else if (k.type == KeyType::ids) {
      out << YAML::Flow << YAML::BeginSeq;
      for (const auto& v : k.ids(const_cast<T&>(x))) out << v;
      out << YAML::EndSeq;
    } else {
      out << value_text(k, x);
    }
  }
}
template <class T>
void write_keys(YAML::Emitter& out, KeyTable<T> table, const T& x) {
  write_keys(out, table, x, [](const Key<T>& k) {
    throw std::logic_error(std::string("no writer for the nested key ") + k.name);
  });
}

// Whether a and b hold the same value at the key (NaN equals NaN: phases leave keys unset so).
template <class T>
bool same_value(const Key<T>& k, const T& a, const T& b) {
  T& ma = const_cast<T&>(a);
  T& mb = const_cast<T&>(b);
  auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
  switch (k.type) {
    case KeyType::number:
    case KeyType::quantity:
    case KeyType::time: return same(k.real(ma), k.real(mb));
    case KeyType::whole:
      if (k.big) return k.big(ma) == k.big(mb);
      if (k.whole) return k.whole(ma) == k.whole(mb);
      return same(k.real(ma), k.real(mb));
    case KeyType::flag: return k.flag(ma) == k.flag(mb);
    case KeyType::text:
    case KeyType::id:
    case KeyType::file: return k.text(ma) == k.text(mb);
    case KeyType::numbers: {
      auto va = key_detail::list_values(k, a), vb = key_detail::list_values(k, b);
      if (va.size() != vb.size()) return false;
      for (size_t i = 0; i < va.size(); ++i)
        if (!same(va[i], vb[i])) return false;
      return true;
    }
    case KeyType::choice: return std::string(k.spell(a)) == k.spell(b);
    case KeyType::ids: return k.ids(ma) == k.ids(mb);
    case KeyType::map:
    case KeyType::list: break;
  }
  return true;
}

// What a comparison of two scenarios found, and which declared keys it compared.
struct KeyComparison {
  std::vector<std::string> differences;  // "sites.dakhla.solar.tilt: 25 vs 30"
  std::vector<std::string> compared;     // "sites.solar.tilt" (section.name), once each
  template <class T>
  void compare(KeyTable<T> table, const std::string& path, const T& a, const T& b) {
    for (const auto& k : table) {
      if (!k.is_leaf()) continue;
      std::string declared = std::string(table.section) + "." + k.name;
      if (std::find(compared.begin(), compared.end(), declared) == compared.end()) compared.push_back(declared);
      if (!same_value(k, a, b)) differences.push_back(path + k.name + ": " + value_text(k, a) + " vs " + value_text(k, b));
    }
  }
};

}  // namespace sovcap::config
