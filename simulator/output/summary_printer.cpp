#include "simulator/output/summary_printer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "simulator/output/figure_text.hpp"
#include "simulator/output/figures.hpp"
#include "simulator/output/number_format.hpp"
#include "simulator/config/json_text.hpp"
#include "simulator/config/text_table.hpp"

namespace sovcap::output {
namespace {

using config::TextTable;

// The whole-run KPIs, one block per group, each with its label, value and unit; KPIs the
// registry does not declare (a newer writer) follow under their own names.
std::string kpi_tables(const ResultSummary& s) {
  std::string out;
  for (Group g : groups_in_order()) {
    // identity holds what the run covered (the time simulated): a reader's heading for it is "run".
    const std::string heading = g == Group::identity ? "run" : std::string(group_name(g));
    TextTable t({heading, "value", "unit"}, TextTable::Alignment::names_then_numbers);
    bool any = false;
    for (const auto& [name, v] : s.kpis)
      if (const Figure* f = find_figure(Table::kpi, name); f && f->group == g) {
        t.add({"  " + std::string(f->label), value_text(*f, v), unit_text(*f)});
        any = true;
      }
    if (any) out += t.render(0) + "\n";
  }
  TextTable other({"other", "value", "unit"}, TextTable::Alignment::names_then_numbers);
  bool any = false;
  for (const auto& [name, v] : s.kpis)
    if (!find_figure(Table::kpi, name)) {
      other.add({"  " + name, fixed(v, 3), ""});
      any = true;
    }
  if (any) out += other.render(0);
  return out;
}

// A summary table transposed (one row per figure, one column per site, class or region, at most
// `per_block` of them side by side so lines stay short), figures grouped by meaning.
std::string entity_tables(const SummaryTable& t, Table table, const std::string& what) {
  constexpr size_t per_block = 6;
  std::string out;
  for (size_t first = 0; first < t.labels.size(); first += per_block) {
    size_t last = std::min(t.labels.size(), first + per_block);
    std::vector<std::string> headers{what, "unit"};
    for (size_t r = first; r < last; ++r) headers.push_back(t.labels[r]);
    TextTable out_t(headers, TextTable::Alignment::names_then_numbers);
    for (Group g : groups_in_order()) {
      if (g == Group::identity) continue;
      bool heading = false;
      for (const auto& [name, values] : t.columns) {
        const Figure* f = find_figure(table, name);
        if (!f || f->group != g) continue;
        if (!heading) out_t.add({std::string(group_name(g))});
        heading = true;
        std::vector<std::string> cells{"  " + std::string(f->label), unit_text(*f)};
        for (size_t r = first; r < last; ++r) cells.push_back(value_text(*f, values[r]));
        out_t.add(cells);
      }
    }
    bool other = false;
    for (const auto& [name, values] : t.columns) {
      if (find_figure(table, name)) continue;
      if (!other) out_t.add({"other"});
      other = true;
      std::vector<std::string> cells{"  " + name, ""};
      for (size_t r = first; r < last; ++r) cells.push_back(fixed(values[r], 3));
      out_t.add(cells);
    }
    out += "\n" + out_t.render(0);
  }
  return out;
}

using config::json_number;
using config::json_string;

std::string json_rows(const SummaryTable& t, const char* label) {
  std::string out = "[";
  for (size_t r = 0; r < t.labels.size(); ++r) {
    out += r ? ",\n    {" : "\n    {";
    out += json_string(label) + ": " + json_string(t.labels[r]);
    for (const auto& [name, values] : t.columns) out += ", " + json_string(name) + ": " + json_number(values[r]);
    out += "}";
  }
  return out + (t.labels.empty() ? "]" : "\n  ]");
}

}  // namespace

std::string format_kpi_table(const ResultSummary& s) {
  std::string out = fmt::format("sovcap result {}\n  scenario {}, seed {}, start {}, {} simulated; sovcap {}, {} s wall\n\n",
                                s.path, s.scenario, s.seed, s.start_utc, duration_text(s.duration_s),
                                s.sovcap_version, fixed(s.wall_s, 1));
  out += kpi_tables(s);
  out += entity_tables(s.sites, Table::sites, "site");
  out += entity_tables(s.classes, Table::classes, "class");
  out += entity_tables(s.regions, Table::regions, "region");
  return out;
}

std::string format_kpi_json(const ResultSummary& s) {
  std::string out = "{\n";
  out += "  \"file\": " + json_string(s.path) + ",\n";
  out += "  \"schema\": " + json_string(s.schema) + ",\n";
  out += "  \"scenario\": " + json_string(s.scenario) + ",\n";
  out += "  \"sovcap_version\": " + json_string(s.sovcap_version) + ",\n";
  out += "  \"seed\": " + std::to_string(s.seed) + ",\n";
  out += "  \"start_utc\": " + json_string(s.start_utc) + ",\n";
  out += "  \"duration_s\": " + json_number(s.duration_s) + ",\n";
  out += "  \"created_utc\": " + json_string(s.created_utc) + ",\n";
  out += "  \"wall_s\": " + json_number(s.wall_s) + ",\n";
  out += "  \"kpis\": {";
  for (size_t i = 0; i < s.kpis.size(); ++i)
    out += (i ? ", " : "") + json_string(s.kpis[i].first) + ": " + json_number(s.kpis[i].second);
  out += "},\n";
  out += "  \"sites\": " + json_rows(s.sites, "site") + ",\n";
  out += "  \"classes\": " + json_rows(s.classes, "class") + ",\n";
  out += "  \"regions\": " + json_rows(s.regions, "region") + "\n}\n";
  return out;
}

int print_summary(const std::string& path, bool json, std::ostream& out, std::ostream& err) {
  try {
    auto s = read_result_summary(path);
    out << (json ? format_kpi_json(s) : format_kpi_table(s));
    return 0;
  } catch (const std::exception& e) {
    err << "sovcap: error: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace sovcap::output
