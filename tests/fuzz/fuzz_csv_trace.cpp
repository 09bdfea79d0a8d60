// libFuzzer target: the CSV job-trace reader must reject or accept any bytes, never crash.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "models/workload/csv_trace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    (void)sovcap::workload::parse_csv_trace(in, "fuzz.csv");
  } catch (const sovcap::workload::TraceError&) {
  }
  return 0;
}
