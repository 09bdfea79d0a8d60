#pragma once
// The KPIs of one finished run, as named numbers: every numeric attribute of
// /summary, then every numeric field of /summary/sites as "<site>.<field>".
#include <string>
#include <utility>
#include <vector>

namespace sovcap::sweep {

using Kpis = std::vector<std::pair<std::string, double>>;

// Whole-scenario KPIs come in the registry's order (simulator/output/figures.cpp; undeclared
// ones after, by name), then the sites in table order. Throws std::runtime_error
// naming the file when it is not a readable result with a /summary group.
Kpis read_kpis(const std::string& h5_path);

// The value of a KPI, or NaN.
double kpi(const Kpis& k, const std::string& name);

// The declared unit of a KPI or of "<site>.<column>"; "-" when undeclared.
std::string kpi_unit(const std::string& name);

}  // namespace sovcap::sweep
