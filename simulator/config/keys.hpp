#pragma once
// The declarations of scenario keys: each key once, with its name, type, unit,
// default (or required), range or spellings, meaning, and where its value lives
// in the Scenario. The readers, the resolved YAML, the round-trip test,
// `sovcap schema --keys` and docs/config.md's key tables all walk these tables
// (in the spirit of ns-3's attributes: name, help, initial value, accessor and
// checker in one declaration). The tables are constant-initialised arrays, so
// code that runs before main may read them.
//
// A key's value is reached through a captureless lambda turned into a function
// pointer of the field's own type, so a key declared as a number over an int
// field does not compile.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "simulator/config/reader.hpp"
#include "simulator/config/units.hpp"

namespace sovcap::config {

enum class KeyType {
  number,    // a plain number
  whole,     // a whole number
  quantity,  // a number with a unit (units.hpp); a plain number is in the key's unit
  flag,      // true or false
  text,      // any text
  id,        // letters, digits, '_' and '-'
  file,      // a path to a readable file, relative to the YAML file that names it
  numbers,   // a fixed-length list of numbers
  choice,    // one of the spellings declared next to its enum
  time,      // a duration since the start or an ISO 8601 date
  ids,       // a list of ids
  map,       // a map whose keys are declared in their own table (or, with no table, read by its section's reader)
  list,      // a list of maps whose keys are declared in their own table
};

// `def` of a key that must be given. Compared by text, not by address: a sanitizer build keeps each
// translation unit's copy of a string literal apart, so two "required" need not share an address.
inline constexpr char kRequired[] = "required";

// What the reader needs besides the map: the scenario's start, for times.
struct ReadEnv {
  int64_t start_utc_s = 0;
};

template <class T>
struct Key {
  const char* name = "";
  KeyType type = KeyType::number;
  const char* unit = "1";   // what the value is in; for a quantity also the suffix the resolved YAML writes
  Range range{};
  const char* meaning = "";
  // nullptr: the model's own default (the field of a default-made T); kRequired;
  // else the rule in words (with `derive` setting it before the key is read).
  const char* def = nullptr;

  // Where the value lives: one of these, by type.
  double& (*real)(T&) = nullptr;  // number, quantity, time, a whole number kept as a double
  int& (*whole)(T&) = nullptr;
  uint64_t& (*big)(T&) = nullptr;  // a whole number from 0 to 2^64-1
  bool& (*flag)(T&) = nullptr;
  std::string& (*text)(T&) = nullptr;  // text, id, file
  std::vector<std::string>& (*ids)(T&) = nullptr;
  std::array<double, 7>& (*list7)(T&) = nullptr;
  std::array<double, 12>& (*list12)(T&) = nullptr;
  std::array<double, 24>& (*list24)(T&) = nullptr;
  const char* (*spell)(const T&) = nullptr;            // choice: the value's spelling
  void (*pick)(T&, const std::string&) = nullptr;      // choice: set the value spelled so
  std::vector<std::string> (*spellings)() = nullptr;   // choice: every spelling, in declared order

  Quantity quantity = Quantity::duration;
  double per = 1;  // quantity: the kind's base unit per the key's unit (1e-3 for kW: MW per kW)
  // A word standing for a value outside the range: "unlimited" (infinity), "auto" (-1).
  const char* word = nullptr;
  double word_value = 0;
  bool before_start_is_start = false;  // time: a date before the start is the start
  const char* section = nullptr;       // map, list: the table that declares its keys
  bool by_hand = false;                // read, written and compared by its section's own code
  const char* only_for = nullptr;      // a map whose keys depend on a choice: the choices it applies to ("a b")
  const char* values_text = nullptr;   // allowed values in words when the range does not say it

  void (*derive)(T&) = nullptr;               // sets a default that depends on keys read before
  bool (*written)(const T&) = nullptr;        // the resolved YAML leaves the key out when false
  void (*check)(Ctx&, MapReader&, const Key&, T&) = nullptr;  // after reading (e.g. a profile file's rows)

  // Modifiers, for declarations that read as one line.
  constexpr Key derived(const char* rule, void (*f)(T&)) const {
    Key k = *this;
    k.def = rule;
    k.derive = f;
    return k;
  }
  constexpr Key required() const {
    Key k = *this;
    k.def = kRequired;
    return k;
  }
  constexpr Key default_in_words(const char* rule) const {
    Key k = *this;
    k.def = rule;
    return k;
  }
  constexpr Key written_when(bool (*f)(const T&)) const {
    Key k = *this;
    k.written = f;
    return k;
  }
  constexpr Key checked(void (*f)(Ctx&, MapReader&, const Key&, T&)) const {
    Key k = *this;
    k.check = f;
    return k;
  }
  constexpr Key or_word(const char* w, double value) const {
    Key k = *this;
    k.word = w;
    k.word_value = value;
    return k;
  }
  constexpr Key for_only(const char* choices) const {
    Key k = *this;
    k.only_for = choices;
    return k;
  }
  constexpr Key allowed(const char* text) const {
    Key k = *this;
    k.values_text = text;
    return k;
  }
  // Read, written and compared by walking the declarations (maps, lists and keys read by hand are not).
  constexpr bool is_leaf() const { return type != KeyType::map && type != KeyType::list && !by_hand; }
};

// A section's keys: the map path ("sites.solar"; a list's items as "sites.pools") and its table.
template <class T>
struct KeyTable {
  const char* section;
  const Key<T>* keys;
  size_t size;
  const Key<T>* begin() const { return keys; }
  const Key<T>* end() const { return keys + size; }
  const Key<T>* find(const std::string& name) const {
    for (const auto& k : *this)
      if (name == k.name) return &k;
    return nullptr;
  }
  const Key<T>& at(const std::string& name) const;  // throws std::logic_error when not declared
};

template <class T>
const Key<T>& KeyTable<T>::at(const std::string& name) const {
  if (const Key<T>* k = find(name)) return *k;
  throw std::logic_error(std::string("scenario key ") + section + "." + name + " is not declared");
}

template <class T, size_t N>
constexpr KeyTable<T> key_table(const char* section, const Key<T> (&keys)[N]) {
  return KeyTable<T>{section, keys, N};
}

// ---- Declaring keys -------------------------------------------------------------------------------
// SOVCAP_AT(field.path): the lambda that reaches a field of T.
#define SOVCAP_AT(path) [](auto& x_) -> auto& { return x_.path; }
// SOVCAP_SPELLED(field.path, kNames): the three lambdas of an enum key read through its spellings.
#define SOVCAP_SPELLED(path, names)                                                          \
  [](const auto& x_) -> const char* { return ::sovcap::config::spelling(x_.path, names); }, \
      [](auto& x_, const std::string& s_) { x_.path = ::sovcap::config::named(s_, names); }, \
      [] { return ::sovcap::config::spellings(names); }

namespace keys {

template <class T, class F>
constexpr Key<T> number(const char* name, F at, const char* unit, Range r, const char* meaning) {
  Key<T> k{name, KeyType::number, unit, r, meaning};
  k.real = at;
  return k;
}
// A whole number, kept in an int or a double.
template <class T>
constexpr Key<T> whole(const char* name, int& (*at)(T&), Range r, const char* meaning, const char* unit = "1") {
  Key<T> k{name, KeyType::whole, unit, r, meaning};
  k.whole = at;
  return k;
}
template <class T>
constexpr Key<T> whole(const char* name, double& (*at)(T&), Range r, const char* meaning, const char* unit = "1") {
  Key<T> k{name, KeyType::whole, unit, r, meaning};
  k.real = at;
  return k;
}
template <class T, class F>
constexpr Key<T> seed(const char* name, F at, const char* meaning) {
  Key<T> k{name, KeyType::whole, "1", any(), meaning};
  k.big = at;
  k.values_text = "a whole number from 0 to 18446744073709551615";
  return k;
}
// unit: what the field holds and the resolved YAML writes ("MW", "kW", "s", "GB", "Gbps", "MWh").
template <class T, class F>
constexpr Key<T> quantity(const char* name, F at, Quantity q, const char* unit, Range r, const char* meaning,
                          double per = 1) {
  Key<T> k{name, KeyType::quantity, unit, r, meaning};
  k.real = at;
  k.quantity = q;
  k.per = per;
  return k;
}
template <class T, class F>
constexpr Key<T> time(const char* name, F at, bool before_start_is_start, const char* meaning) {
  Key<T> k{name, KeyType::time, "s", non_negative(), meaning};
  k.real = at;
  k.before_start_is_start = before_start_is_start;
  return k;
}
template <class T, class F>
constexpr Key<T> flag(const char* name, F at, const char* meaning) {
  Key<T> k{name, KeyType::flag, "-", any(), meaning};
  k.flag = at;
  return k;
}
template <class T, class F>
constexpr Key<T> text(const char* name, F at, const char* meaning) {
  Key<T> k{name, KeyType::text, "-", any(), meaning};
  k.text = at;
  return k;
}
template <class T, class F>
constexpr Key<T> id(const char* name, F at, const char* meaning) {
  Key<T> k{name, KeyType::id, "-", any(), meaning};
  k.text = at;
  return k;
}
template <class T, class F>
constexpr Key<T> file(const char* name, F at, const char* meaning) {
  Key<T> k{name, KeyType::file, "-", any(), meaning};
  k.text = at;  // the resolved YAML writes it only when given
  return k;
}
template <class T>
constexpr Key<T> numbers(const char* name, std::array<double, 7>& (*at)(T&), const char* unit, Range r, const char* meaning) {
  Key<T> k{name, KeyType::numbers, unit, r, meaning};
  k.list7 = at;
  return k;
}
template <class T>
constexpr Key<T> numbers(const char* name, std::array<double, 12>& (*at)(T&), const char* unit, Range r,
                         const char* meaning) {
  Key<T> k{name, KeyType::numbers, unit, r, meaning};
  k.list12 = at;
  return k;
}
template <class T>
constexpr Key<T> numbers(const char* name, std::array<double, 24>& (*at)(T&), const char* unit, Range r,
                         const char* meaning) {
  Key<T> k{name, KeyType::numbers, unit, r, meaning};
  k.list24 = at;
  return k;
}
template <class T, class G, class P, class L>
constexpr Key<T> choice(const char* name, G spell, P pick, L names, const char* meaning) {
  Key<T> k{name, KeyType::choice, "-", any(), meaning};
  k.spell = spell;
  k.pick = pick;
  k.spellings = names;
  return k;
}
template <class T, class F>
constexpr Key<T> ids(const char* name, F at, const char* meaning) {
  Key<T> k{name, KeyType::ids, "-", any(), meaning};
  k.ids = at;
  return k;
}
// A key its section's reader reads by hand (a value whose meaning depends on other sections, such as
// a class id, or a file read and parsed on the spot): declared for the docs and the allowed keys.
template <class T>
constexpr Key<T> by_hand(const char* name, KeyType type, const char* meaning) {
  Key<T> k{name, type, "-", any(), meaning};
  k.by_hand = true;
  return k;
}
// section: the table of its keys; nullptr when the section's reader reads it by hand (values_text says what).
template <class T>
constexpr Key<T> map(const char* name, const char* section, const char* meaning) {
  Key<T> k{name, KeyType::map, "-", any(), meaning};
  k.section = section;
  return k;
}
template <class T>
constexpr Key<T> list(const char* name, const char* section, const char* meaning) {
  Key<T> k{name, KeyType::list, "-", any(), meaning};
  k.section = section;
  return k;
}

}  // namespace keys

// ---- What every table shows, whatever its T (for `sovcap schema --keys` and docs/config.md) ----------
struct KeyView {
  std::string section, name;
  std::string type;     // "number", "power" (a quantity's kind), "12 numbers", ...
  std::string unit;
  std::string def;      // "required", the model's value as the resolved YAML writes it, or the rule
  std::string allowed;  // the range, the spellings, or the type's rule
  std::string meaning;
  std::string nested;   // map, list: the section that declares its keys ("" when read by hand)
  bool by_hand = false; // read, written and compared by its section's own code
};

std::string_view key_type_name(KeyType t);

// Every declared key, by section, in declaration order.
std::vector<KeyView> key_views();
// The sections, in the order docs/config.md shows them.
std::vector<std::string> key_sections();

}  // namespace sovcap::config
