#pragma once
// The error of every workload file reader: it names the file and line.
#include <stdexcept>
#include <string>

namespace sovcap::workload {

class TraceError : public std::runtime_error {
 public:
  // line 0 = the file as a whole (cannot open, empty, ...).
  TraceError(std::string file, int line, std::string message)
      : std::runtime_error(format(file, line, message)),
        file_(std::move(file)), line_(line), message_(std::move(message)) {}

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  const std::string& message() const { return message_; }

 private:
  static std::string format(const std::string& file, int line, const std::string& message) {
    return file + (line > 0 ? ":" + std::to_string(line) : std::string()) + ": error: " + message;
  }
  std::string file_;
  int line_;
  std::string message_;
};

}  // namespace sovcap::workload
