#include "simulator/config/diagnostics.hpp"

namespace sovcap::config {
namespace {

std::string join(const std::vector<Diagnostic>& diags) {
  std::string out;
  for (const auto& d : diags) out += (out.empty() ? "" : "\n") + d.format();
  return out;
}

}  // namespace

std::string Diagnostic::format() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
  out += ": error: ";
  if (!key_path.empty()) out += key_path + ": ";
  out += message;
  if (!allowed.empty()) out += " (" + allowed + ")";
  return out;
}

ConfigError::ConfigError(std::vector<Diagnostic> diags) : std::runtime_error(join(diags)), diagnostics(std::move(diags)) {}

}  // namespace sovcap::config
