#include "simulator/output/schema_printer.hpp"

#include <fmt/format.h>

#include "models/workload/job.hpp"
#include "simulator/config/json_text.hpp"
#include "simulator/config/text_table.hpp"

namespace sovcap::output {
namespace {

using config::TextTable;

const Table kTables[] = {Table::kpi, Table::sites, Table::classes, Table::regions, Table::jobs, Table::site_series,
                         Table::link_series};

using config::json_string;

}  // namespace

std::string format_schema_text() {
  std::string out = fmt::format("sovcap result schema {}\n", schema_version);
  for (Table t : kTables) {
    TextTable tt({std::string(table_path(t)), "type", "unit", "group", "label"}, TextTable::Alignment::names_then_numbers);
    for (const Figure* f : figures_of(t))
      tt.add({std::string(f->name) + (f->when == When::network ? " (network)" : ""), std::string(type_name(f->type)),
              f->unit, std::string(group_name(f->group)), f->label});
    out += "\n" + tt.render(0);
  }
  return out;
}

std::string format_schema_json() {
  std::string out = "{\n  \"schema\": " + json_string(schema_version) + ",\n  \"groups\": [";
  bool first = true;
  for (Group g : groups_in_order()) {
    out += (first ? "" : ", ") + json_string(group_name(g));
    first = false;
  }
  out += "],\n  \"job_status\": {";
  first = true;
  for (const auto& [name, value] : workload::kJobStatusNames) {
    out += (first ? "" : ", ") + json_string(name) + ": " + std::to_string(static_cast<int>(value));
    first = false;
  }
  out += "},\n  \"tables\": [";
  for (size_t i = 0; i < std::size(kTables); ++i) {
    Table t = kTables[i];
    out += (i ? ",\n    {" : "\n    {") + std::string("\"table\": ") + json_string(table_name(t)) +
           ", \"path\": " + json_string(table_path(t)) + ", \"figures\": [";
    auto figs = figures_of(t);
    for (size_t k = 0; k < figs.size(); ++k) {
      const Figure& f = *figs[k];
      out += (k ? ",\n      {" : "\n      {") + fmt::format(
                 "\"name\": {}, \"type\": {}, \"unit\": {}, \"group\": {}, \"format\": {}, \"label\": {}, "
                 "\"description\": {}, \"when\": {}}}",
                 json_string(f.name), json_string(type_name(f.type)), json_string(f.unit),
                 json_string(group_name(f.group)), json_string(format_name(f.format)), json_string(f.label),
                 json_string(f.description), json_string(when_name(f.when)));
    }
    out += "]}";
  }
  return out + "\n  ]\n}\n";
}

std::string format_schema_markdown(Table table) {
  std::string out = "| name | type | unit | group | meaning |\n|---|---|---|---|---|\n";
  for (const Figure* f : figures_of(table))
    out += fmt::format("| `{}` | {} | {} | {} | {}{} |\n", f->name, type_name(f->type), f->unit, group_name(f->group),
                       config::markdown_cell(f->description), f->when == When::network ? " (network runs only)" : "");
  return out;
}

std::string format_schema_markdown_all() {
  std::string out;
  for (Table t : kTables)
    out += fmt::format("<!-- registry:{0} -->\n{1}<!-- /registry:{0} -->\n\n", table_name(t), format_schema_markdown(t));
  return out;
}

}  // namespace sovcap::output
