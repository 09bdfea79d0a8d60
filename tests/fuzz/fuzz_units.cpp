// libFuzzer target: the unit parser (simulator/config/units.hpp) must return a
// finite number or throw UnitError for any text, never crash or return NaN/Inf.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "simulator/config/units.hpp"

using namespace sovcap::config;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the kind and the plain factor; the rest is the text.
  const auto q = static_cast<Quantity>(data[0] % 5);
  const double plain = (data[0] & 0x80) ? 1e-3 : 1.0;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    double v = parse_quantity(text, q, plain);
    // The contract: a finite number or UnitError (a finite number times a unit's
    // factor can overflow to +-inf, which must be rejected, not returned).
    if (!std::isfinite(v)) std::abort();
  } catch (const UnitError&) {
  }
  try {
    double v = parse_plain_number(text);
    if (!std::isfinite(v)) std::abort();
  } catch (const UnitError&) {
  }
  (void)allowed_units(q);
  (void)base_unit(q);
  return 0;
}
