#include "simulator/config/key_printer.hpp"

#include <fmt/format.h>

#include "simulator/config/json_text.hpp"
#include "simulator/config/keys.hpp"

namespace sovcap::config {

std::string format_keys_text() {
  std::string out = "sovcap scenario keys (unit: of a plain number; default; allowed)\n";
  for (const auto& section : key_sections()) {
    out += "\n" + section + "\n";
    for (const auto& k : key_views())
      if (k.section == section)
        out += fmt::format("  {:<24} {:<14} {:<9} default {}; {}\n    {}\n", k.name, k.type, k.unit, k.def, k.allowed,
                           k.meaning);
  }
  return out;
}

std::string format_keys_json() {
  std::string out = "{\n  \"keys\": [";
  bool first = true;
  for (const auto& k : key_views()) {
    out += (first ? "\n    {" : ",\n    {") +
           fmt::format("\"section\": {}, \"name\": {}, \"type\": {}, \"unit\": {}, \"default\": {}, \"allowed\": {}, "
                       "\"meaning\": {}}}",
                       json_string(k.section), json_string(k.name), json_string(k.type), json_string(k.unit),
                       json_string(k.def), json_string(k.allowed), json_string(k.meaning));
    first = false;
  }
  return out + "\n  ]\n}\n";
}

std::string format_keys_markdown(const std::string& section) {
  std::string out = "| key | type | unit | default | allowed | meaning |\n|---|---|---|---|---|---|\n";
  for (const auto& k : key_views())
    if (k.section == section)
      out += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", k.name, markdown_cell(k.type), markdown_cell(k.unit),
                         markdown_cell(k.def), markdown_cell(k.allowed), markdown_cell(k.meaning));
  return out;
}

std::string format_keys_markdown_all() {
  std::string out;
  for (const auto& s : key_sections())
    out += fmt::format("<!-- keys:{0} -->\n{1}<!-- /keys:{0} -->\n\n", s, format_keys_markdown(s));
  return out;
}

}  // namespace sovcap::config
