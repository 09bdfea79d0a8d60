#include "simulator/cli/exec_beside.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "simulator/sweep/driver.hpp"

namespace sovcap::cli {

int exec_beside(const char* name, char** argv) {
  auto helper = std::filesystem::path(sweep::self_executable()).parent_path() / name;
  std::string path = helper.string();
  if (::access(path.c_str(), X_OK) != 0) {
    std::cerr << "sovcap: error: " << path << " is missing (it is built with sovcap: rebuild the build directory)\n";
    return 2;
  }
  argv[0] = path.data();
  std::cout.flush();
  ::execv(path.c_str(), argv);
  std::cerr << "sovcap: error: cannot start " << path << ": " << std::strerror(errno) << "\n";
  return 1;
}

}  // namespace sovcap::cli
