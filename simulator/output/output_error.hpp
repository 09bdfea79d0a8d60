#pragma once
// The one exception type of the output layer: a failed HDF5 call or a
// malformed request to the writer, with a message naming what and where.
#include <stdexcept>

namespace sovcap::output {

struct H5Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace sovcap::output
