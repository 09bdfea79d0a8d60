#pragma once
// Quantities with units, as planners write them ("15min", "200MW", "2TB"),
// parsed into the simulator's units: seconds, MW, MWh, GB, Gbps.
#include <stdexcept>
#include <string>
#include <string_view>

namespace sovcap::config {

enum class Quantity { duration, power, energy, data, bandwidth };

// What is wrong with a quantity, and what would be accepted.
class UnitError : public std::invalid_argument {
 public:
  UnitError(const std::string& what, std::string allowed) : std::invalid_argument(what), allowed(std::move(allowed)) {}
  std::string allowed;
};

// The units a quantity accepts, e.g. "a number with s, min, h, d or y; a plain number is seconds".
std::string allowed_units(Quantity q);

// The quantity in the simulator's unit for its kind: duration -> s, power -> MW,
// energy -> MWh, data -> GB (decimal: 1 TB = 1000 GB), bandwidth -> Gbps.
// A plain number (no unit) is multiplied by plain_factor: the key's documented
// unit expressed in the kind's unit (e.g. 1e-3 for a key whose plain unit is kW).
// A year is 365 days. Throws UnitError on empty text, NaN, infinity, an unknown
// unit, a unit of another kind, or anything after the unit.
double parse_quantity(std::string_view text, Quantity q, double plain_factor = 1.0);

inline double parse_duration_s(std::string_view t) { return parse_quantity(t, Quantity::duration); }
inline double parse_power_mw(std::string_view t) { return parse_quantity(t, Quantity::power); }
inline double parse_energy_mwh(std::string_view t) { return parse_quantity(t, Quantity::energy); }
inline double parse_data_gb(std::string_view t) { return parse_quantity(t, Quantity::data); }
inline double parse_bandwidth_gbps(std::string_view t) { return parse_quantity(t, Quantity::bandwidth); }

// A plain finite number spelling the whole text ("12", "-1.5e3"), else UnitError.
double parse_plain_number(std::string_view text);

// The unit the simulator stores a quantity in ("s", "MW", "MWh", "GB", "Gbps").
const char* base_unit(Quantity q);

}  // namespace sovcap::config
