#include "simulator/output/summary_printer.hpp"

#include <fmt/format.h>

#include <cmath>

#include "simulator/output/text_table.hpp"

namespace sovcap::output {
namespace {

struct KpiFormat {
  const char* key;
  const char* label;
  const char* unit;
  enum { integer, real1, real2, pct } style;
};

const KpiFormat kKpiFormats[] = {
    {"jobs_submitted", "jobs submitted", "", KpiFormat::integer},
    {"jobs_completed", "jobs completed", "", KpiFormat::integer},
    {"jobs_rejected", "jobs rejected", "", KpiFormat::integer},
    {"jobs_killed", "jobs killed", "", KpiFormat::integer},
    {"jobs_unfinished", "jobs unfinished at the end", "", KpiFormat::integer},
    {"wait_mean_s", "wait, mean", "s", KpiFormat::real1},
    {"wait_p50_s", "wait, median", "s", KpiFormat::real1},
    {"wait_p95_s", "wait, 95th percentile", "s", KpiFormat::real1},
    {"wait_p99_s", "wait, 99th percentile", "s", KpiFormat::real1},
    {"mean_slowdown", "bounded slowdown, mean", "1", KpiFormat::real2},
    {"gpu_utilization", "GPU utilization", "%", KpiFormat::pct},
    {"energy_it_mwh", "IT energy", "MWh", KpiFormat::real1},
    {"energy_facility_mwh", "facility energy", "MWh", KpiFormat::real1},
    {"mean_pue", "PUE (energy-weighted)", "1", KpiFormat::real2},
    {"solar_mwh", "solar", "MWh", KpiFormat::real1},
    {"wind_mwh", "wind", "MWh", KpiFormat::real1},
    {"grid_import_mwh", "grid import", "MWh", KpiFormat::real1},
    {"curtailed_mwh", "curtailed", "MWh", KpiFormat::real1},
    {"renewable_fraction", "renewable share", "%", KpiFormat::pct},
    {"carbon_t", "carbon", "tCO2", KpiFormat::real1},
    {"unserved_mwh", "unserved energy", "MWh", KpiFormat::real2},
    {"rerouted_gb", "data rerouted by link failures", "GB", KpiFormat::real1},
    {"reroutes", "transfers rerouted", "", KpiFormat::integer},
    {"stalled_jobs", "jobs stalled without a route", "", KpiFormat::integer},
    {"cutoff_events", "regions cut off from every site", "", KpiFormat::integer},
    {"cutoff_s", "region cut-off time, total", "s", KpiFormat::real1},
    {"latency_misses", "latency-target misses", "", KpiFormat::integer},
    {"output_gb", "results staged back", "GB", KpiFormat::real1},
    {"checkpoint_gb", "checkpoints to the other site", "GB", KpiFormat::real1},
    {"replication_gb", "replication between sites", "GB", KpiFormat::real1},
};

std::string styled(double v, int style) {
  switch (style) {
    case KpiFormat::integer: return count(v);
    case KpiFormat::real2: return fixed(v, 2);
    case KpiFormat::pct: return percent(v);
    default: return fixed(v, 1);
  }
}

double kpi(const ResultSummary& s, const std::string& key) {
  for (const auto& [k, v] : s.kpis)
    if (k == key) return v;
  return NAN;
}

// One text table from a summary table: label header, then (header, column, formatter) triples.
struct Col {
  const char* header;
  const char* column;
  int style;
};

std::string table(const SummaryTable& t, const char* label, std::initializer_list<Col> cols) {
  std::vector<std::string> headers{label};
  for (const auto& c : cols) headers.push_back(c.header);
  TextTable out(headers);
  std::vector<std::vector<double>> data;
  for (const auto& c : cols) data.push_back(t.column(c.column));
  for (size_t r = 0; r < t.labels.size(); ++r) {
    std::vector<std::string> cells{t.labels[r]};
    size_t i = 0;
    for (const auto& c : cols) cells.push_back(styled(data[i++][r], c.style));
    out.row(cells);
  }
  return out.str();
}

std::string duration(double s) {
  if (std::isnan(s)) return "-";
  return s < 2 * 86400 ? fixed(s / 3600.0, 1) + " h" : fixed(s / 86400.0, 1) + " d";
}

std::string json_number(double v) { return std::isfinite(v) ? fmt::format("{}", v) : "null"; }

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) out += fmt::format("\\u{:04x}", c);
        else out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

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
  using K = KpiFormat;
  std::string out = fmt::format("sovcap result {}\n  scenario {}, seed {}, start {}, {} simulated; sovcap {}, {} s wall\n\n",
                                s.path, s.scenario, s.seed, s.start_utc, duration(s.duration_s),
                                s.sovcap_version, fixed(s.wall_s, 1));
  TextTable kpis({"scenario KPI", "value", "unit"});
  for (const auto& f : kKpiFormats) kpis.row({f.label, styled(kpi(s, f.key), f.style), f.unit});
  out += kpis.str() + "\n";
  out += table(s.sites, "site",
               {{"IT [MWh]", "energy_it_mwh", K::real1},
                {"facility [MWh]", "energy_facility_mwh", K::real1},
                {"PUE [1]", "mean_pue", K::real2},
                {"solar [MWh]", "solar_mwh", K::real1},
                {"wind [MWh]", "wind_mwh", K::real1},
                {"grid [MWh]", "grid_import_mwh", K::real1},
                {"curtailed [MWh]", "curtailed_mwh", K::real1},
                {"renewable [%]", "renewable_fraction", K::pct},
                {"carbon [t]", "carbon_t", K::real1},
                {"unserved [MWh]", "unserved_mwh", K::real2},
                {"battery cycles [1]", "battery_cycles", K::real1}});
  out += "\n";
  out += table(s.sites, "site",
               {{"jobs", "jobs", K::integer},
                {"completed", "jobs_completed", K::integer},
                {"rejected", "jobs_rejected", K::integer},
                {"GPU util [%]", "gpu_utilization", K::pct},
                {"wait p50 [s]", "wait_p50_s", K::real1},
                {"wait p95 [s]", "wait_p95_s", K::real1},
                {"wait p99 [s]", "wait_p99_s", K::real1},
                {"delayed work [h]", "delayed_work_h", K::real1},
                {"capping episodes", "capping_episodes", K::integer},
                {"node failures", "node_failures", K::integer},
                {"restarts", "job_restarts", K::integer},
                {"lost work [h]", "lost_work_h", K::real1}});
  out += "\n";
  out += table(s.classes, "class",
               {{"jobs", "jobs", K::integer},
                {"completed", "completed", K::integer},
                {"rejected", "rejected", K::integer},
                {"wait mean [s]", "wait_mean_s", K::real1},
                {"wait p50 [s]", "wait_p50_s", K::real1},
                {"wait p95 [s]", "wait_p95_s", K::real1},
                {"wait p99 [s]", "wait_p99_s", K::real1},
                {"slowdown [1]", "mean_slowdown", K::real2},
                {"deadline misses", "deadline_misses", K::integer}});
  if (!s.regions.labels.empty()) {
    out += "\n";
    out += table(s.regions, "region",
                 {{"jobs", "jobs", K::integer},
                  {"completed", "completed", K::integer},
                  {"rejected", "rejected", K::integer},
                  {"wait mean [s]", "wait_mean_s", K::real1},
                  {"wait p95 [s]", "wait_p95_s", K::real1},
                  {"transfer mean [s]", "transfer_mean_s", K::real1},
                  {"data [GB]", "data_gb", K::real1},
                  {"latency misses", "latency_misses", K::integer},
                  {"stalled", "stalled_jobs", K::integer},
                  {"cut off [s]", "cutoff_s", K::real1}});
  }
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
