#pragma once
// The registry of results: every figure a result file holds — a whole-run KPI
// (an attribute of /summary), a column of /summary/sites, /summary/classes,
// /summary/regions or /jobs, a site or link time series — declared once, with
// its name, type, unit, label, meaning and group. The writer writes what it
// declares (and refuses a figure it does not declare), the summary reader,
// printer and JSON, the sweep's KPI table, `sovcap schema` and the tables of
// docs/results.md all take names, units and labels from here.
// Adding a figure: docs/architecture.md, "Adding a KPI".
#include <string>
#include <string_view>
#include <vector>

namespace sovcap::output {

// "sovcap/2": summary columns renamed to the KPIs' names; "sovcap/3": /jobs `gpus` is `units`
// (it held cores for CPU jobs) (docs/results.md, "Schema versions").
inline constexpr const char* schema_version = "sovcap/3";

// Where a figure lives in the file.
enum class Table { kpi, sites, classes, regions, jobs, site_series, link_series };
// How it is stored. text: a fixed-length string column; status: the /jobs enum.
enum class Type { text, status, int32, int64, uint64, float64 };
// What it is about: summaries and plots group figures by meaning.
enum class Group { identity, service, energy, carbon, reliability, network, cost, water };
// How a reader shows it: counts with separators, fixed decimals, fractions as percent, a number of
// seconds as a duration ("11 min 35 s", "5.6 h"; simulator/output/figure_text.hpp).
enum class Format { text, count, fixed1, fixed2, fixed3, percent, duration };
// When it is written: always, or only when the run had a backbone (network figures).
enum class When { always, network };

struct Figure {
  const char* name;         // the dataset, column or attribute name
  Table table;
  Type type;
  const char* unit;         // "MWh", "s", "1" (dimensionless and counts), "-" (names, ids, enums)
  Group group;
  Format format;
  const char* label;        // short, for table headers and plot panels ("wait, 95th percentile")
  const char* description;  // what it means and how it is computed
  When when = When::always;
};

// Every figure, in file order within each table.
const std::vector<Figure>& figures();
// The figures of one table, in file order.
std::vector<const Figure*> figures_of(Table table);
// The figure, or null.
const Figure* find_figure(Table table, std::string_view name);
// The figure; throws std::logic_error naming it when it is not declared (a programming error).
const Figure& figure(Table table, std::string_view name);

std::string_view table_name(Table t);  // "kpi", "sites", ...
std::string_view table_path(Table t);  // "/summary (attributes)", "/summary/sites", ...
std::string_view type_name(Type t);    // "int64", ...
std::string_view group_name(Group g);  // "service", ...
std::string_view format_name(Format f);
std::string_view when_name(When w);
// Groups in the order readers show them.
const std::vector<Group>& groups_in_order();

}  // namespace sovcap::output
