#pragma once
// Input files are read only when they are regular files: a FIFO or a character
// device would block or never end, and a symlink loop must be a message, not an
// exception. Every check here uses the non-throwing std::filesystem calls.
#include <cstdint>
#include <string>
#include <vector>

namespace sovcap::config {

// "" when path names a regular file (after following links), else what it is
// instead: "no such file", "a FIFO (named pipe)", "a symlink loop (...)", ...
std::string not_a_regular_file(const std::string& path);

// The file's size in bytes, or -1 when it cannot be told.
std::int64_t file_size_or(const std::string& path);

// What may be written at path: "" for a new path or a regular file, else why
// not ("a character device", "a directory", ...). A result is never written
// over a device, a FIFO or a directory.
std::string not_writable_as_file(const std::string& path);

// Every file the loader has read in this process (scenarios, extends bases,
// profiles, traces, empirical files): a result must never be written over one.
void note_input_file(const std::string& path);
const std::vector<std::string>& input_files();

// True when a and b name the same existing file (same device and inode).
bool same_file(const std::string& a, const std::string& b);

}  // namespace sovcap::config
