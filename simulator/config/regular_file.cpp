#include "simulator/config/regular_file.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace sovcap::config {
namespace fs = std::filesystem;
namespace {

std::string kind_text(fs::file_type t) {
  switch (t) {
    case fs::file_type::directory: return "a directory";
    case fs::file_type::fifo: return "a FIFO (named pipe)";
    case fs::file_type::character: return "a character device";
    case fs::file_type::block: return "a block device";
    case fs::file_type::socket: return "a socket";
    default: return "not a regular file";
  }
}

}  // namespace

std::string not_a_regular_file(const std::string& path) {
  if (path.empty()) return "an empty path";
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (ec) {
    if (ec.value() == ELOOP) return "a symlink loop (" + ec.message() + ")";
    if (st.type() == fs::file_type::not_found) return "no such file";
    return ec.message();
  }
  if (st.type() == fs::file_type::regular) return "";
  return kind_text(st.type());
}

std::int64_t file_size_or(const std::string& path) {
  std::error_code ec;
  auto n = fs::file_size(path, ec);
  return ec ? -1 : static_cast<std::int64_t>(n);
}

std::string not_writable_as_file(const std::string& path) {
  if (path.empty()) return "an empty path";
  std::error_code ec;
  auto st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found) return "";  // a new path
  if (ec) {
    if (ec.value() == ELOOP) return "a symlink loop (" + ec.message() + ")";
    return ec.message();
  }
  if (st.type() == fs::file_type::regular) return "";
  return kind_text(st.type());
}

namespace {
std::vector<std::string>& inputs() {
  static std::vector<std::string> files;
  return files;
}
}  // namespace

void note_input_file(const std::string& path) {
  auto& v = inputs();
  if (std::find(v.begin(), v.end(), path) == v.end()) v.push_back(path);
}

const std::vector<std::string>& input_files() { return inputs(); }

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

}  // namespace sovcap::config
