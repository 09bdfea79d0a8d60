#include "simulator/output/declared_table.hpp"

#include <stdexcept>

#include "simulator/output/column_table.hpp"
#include "simulator/output/h5_attributes.hpp"

namespace sovcap::output {

DeclaredTable::DeclaredTable(Table table, size_t rows, bool network)
    : table_(table), rows_(table == Table::kpi ? 1 : rows), network_(network) {}

void DeclaredTable::put(const char* name, Type type, Values values) {
  const Figure& f = figure(table_, name);  // throws when undeclared
  if (f.type != type)
    throw std::logic_error(std::string(table_path(table_)) + " " + name + " is declared " +
                           std::string(type_name(f.type)) + ", computed as " + std::string(type_name(type)));
  if (f.when == When::network && !network_)
    throw std::logic_error(std::string(table_path(table_)) + " " + name + " is a network figure in a run without one");
  if (!values_.emplace(name, std::move(values)).second)
    throw std::logic_error(std::string(table_path(table_)) + " " + name + " computed twice");
}

DeclaredTable& DeclaredTable::text(const char* name, std::vector<std::string> v) {
  put(name, Type::text, std::move(v));
  return *this;
}
DeclaredTable& DeclaredTable::real(const char* name, std::vector<double> v) {
  put(name, Type::float64, std::move(v));
  return *this;
}
DeclaredTable& DeclaredTable::count(const char* name, std::vector<int64_t> v) {
  put(name, Type::int64, std::move(v));
  return *this;
}

std::vector<const Figure*> DeclaredTable::expected() const {
  std::vector<const Figure*> out;
  for (const Figure* f : figures_of(table_)) {
    if (f->when == When::network && !network_) continue;
    if (!values_.count(f->name))
      throw std::logic_error(std::string(table_path(table_)) + " " + f->name + " is declared but was not computed");
    out.push_back(f);
  }
  return out;
}

void DeclaredTable::write(hid_t parent, const std::string& name) const {
  auto figs = expected();
  if (table_ == Table::kpi) {
    std::vector<std::string> names, units;
    for (const Figure* f : figs) {
      const auto& v = values_.at(f->name);
      if (f->type == Type::int64) write_attr(parent, f->name, std::get<std::vector<int64_t>>(v).at(0));
      else write_attr(parent, f->name, std::get<std::vector<double>>(v).at(0));
      names.push_back(f->name);
      units.push_back(f->unit);
    }
    write_attr(parent, "units", units_listing(names, units));
    return;
  }
  ColumnTable t(rows_);
  for (const Figure* f : figs) {
    const auto& v = values_.at(f->name);
    switch (f->type) {
      case Type::text: t.strings(f->name, std::get<std::vector<std::string>>(v)); break;
      case Type::int64: t.ints(f->name, f->unit, std::get<std::vector<int64_t>>(v)); break;
      case Type::float64: t.doubles(f->name, f->unit, std::get<std::vector<double>>(v)); break;
      default: throw std::logic_error(std::string("summary column ") + f->name + " of a type tables do not hold");
    }
  }
  t.write(parent, name);
}

}  // namespace sovcap::output
