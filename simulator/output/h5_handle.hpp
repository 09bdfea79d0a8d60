#pragma once
// Small RAII wrappers over HDF5 C identifiers, and the check that turns a
// failed HDF5 call into an exception naming what was being done.
#include <hdf5.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "simulator/output/output_error.hpp"

namespace sovcap::output {

// The innermost message of HDF5's current error stack ("" if none).
std::string h5_error_detail();

// "" when every component of path (e.g. "summary/sites") that exists is a hard
// link, else what it is: results hold no external links (which could name a FIFO
// and block the reader) nor soft ones (which may loop).
std::string h5_not_hard_link(hid_t loc, const std::string& path);

// Silence HDF5's automatic error printing, once per process: we report errors ourselves.
void h5_quiet();

// Throw H5Error("what: detail") when an HDF5 call returned a negative value.
template <typename T>
T h5_check(T rc, const std::string& what) {
  if (rc < 0) {
    std::string detail = h5_error_detail();
    throw H5Error(detail.empty() ? what : what + ": " + detail);
  }
  return rc;
}

// Owns one HDF5 identifier of any kind (file, group, dataset, type, space, plist, attribute).
class Hid {
 public:
  Hid() = default;
  explicit Hid(hid_t id) : id_(id) {}
  Hid(hid_t id, const std::string& what) : id_(h5_check(id, what)) {}
  ~Hid() { reset(); }
  Hid(Hid&& o) noexcept : id_(std::exchange(o.id_, H5I_INVALID_HID)) {}
  Hid& operator=(Hid&& o) noexcept {
    if (this != &o) {
      reset();
      id_ = std::exchange(o.id_, H5I_INVALID_HID);
    }
    return *this;
  }
  Hid(const Hid&) = delete;
  Hid& operator=(const Hid&) = delete;

  hid_t get() const { return id_; }
  operator hid_t() const { return id_; }  // NOLINT: passes straight to the C API
  bool valid() const { return id_ >= 0; }
  // Give up ownership without closing.
  hid_t release() noexcept { return std::exchange(id_, H5I_INVALID_HID); }
  // Close now; returns false if HDF5 reported a failure (e.g. a final flush failed).
  bool reset() noexcept;

 private:
  hid_t id_ = H5I_INVALID_HID;
};

// A creation property list (H5P_DATASET_CREATE or H5P_GROUP_CREATE) that stores no
// object times, so two runs with the same inputs give the same bytes.
Hid creation_props(hid_t plist_class);

// A group created with creation_props; throws naming `name` on failure.
Hid create_group(hid_t parent, const std::string& name);

}  // namespace sovcap::output
