// libFuzzer target: the scenario loader (YAML text -> config::load_scenario)
// must return a Scenario or throw ConfigError for any bytes, never crash.
// There is no in-memory entry point, so each input goes through a file in a
// private temporary directory (on tmpfs when there is one).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "simulator/config/diagnostics.hpp"
#include "simulator/config/loader.hpp"

namespace {

std::string scratch_file() {
  static std::string path = [] {
    const char* base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    std::string dir = std::string(base) + "/sovcap-fuzz-XXXXXX";
    if (!mkdtemp(dir.data())) std::abort();
    return dir + "/scenario.yaml";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string& path = scratch_file();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    (void)sovcap::config::load_scenario(path);
  } catch (const sovcap::config::ConfigError& e) {
    // Every error must name its file.
    for (const auto& d : e.diagnostics)
      if (d.file.empty()) std::abort();
  }
  return 0;
}
