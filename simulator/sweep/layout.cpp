#include "simulator/sweep/layout.hpp"

#include <fmt/format.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sovcap::sweep {
namespace fs = std::filesystem;

std::string SweepDir::point_name(long i) const { return fmt::format("p{:06d}", i); }
std::string SweepDir::result(long i) const { return root + "/points/" + point_name(i) + ".h5"; }
std::string SweepDir::failure(long i) const { return root + "/points/" + point_name(i) + ".failed"; }
std::string SweepDir::log(long i) const { return root + "/logs/" + point_name(i) + ".log"; }

void SweepDir::create() const {
  fs::create_directories(root + "/points");
  fs::create_directories(root + "/logs");
}

bool SweepDir::done(long i) const {
  std::error_code ec;
  return fs::is_regular_file(result(i), ec);
}

bool SweepDir::has_points() const {
  std::error_code ec;
  if (!fs::is_directory(root + "/points", ec)) return false;
  for (const auto& e : fs::directory_iterator(root + "/points", ec)) {
    auto ext = e.path().extension().string();
    if (ext == ".h5" || ext == ".failed") return true;
  }
  return false;
}

void SweepDir::remove_stale_temps() const {
  std::error_code ec;
  for (const std::string& d : {root, root + "/points"}) {
    if (!fs::is_directory(d, ec)) continue;
    for (const auto& e : fs::directory_iterator(d, ec))
      if (e.path().filename().string().find(".tmp.") != std::string::npos) fs::remove(e.path(), ec);
  }
}

void SweepDir::remove_temps_of(long i) const {
  std::error_code ec;
  std::string prefix = point_name(i) + ".h5.tmp.";
  for (const auto& e : fs::directory_iterator(root + "/points", ec))
    if (e.path().filename().string().rfind(prefix, 0) == 0) fs::remove(e.path(), ec);
}

std::string DirLock::take(const std::string& root, bool shared) {
  std::string path = root + "/.lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) return std::string("cannot open ") + path + ": " + std::strerror(errno);
  if (::flock(fd_, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0) {
    if (!shared) {
      char host[256] = "?";
      ::gethostname(host, sizeof host - 1);
      std::string who = "pid " + std::to_string(::getpid()) + " on " + host + "\n";
      if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, who.data(), who.size(), 0);
    }
    return "";
  }
  std::string who = read_text_file(path);
  while (!who.empty() && (who.back() == '\n' || who.back() == ' ')) who.pop_back();
  ::close(fd_);
  fd_ = -1;
  return who.empty() ? "a process that did not name itself: Slurm array tasks share the lock" : who;
}

DirLock::~DirLock() {
  if (fd_ >= 0) ::close(fd_);
}

void write_file_atomically(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot rename " + tmp + " onto " + path);
  }
}

std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace sovcap::sweep
