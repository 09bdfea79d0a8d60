#include "simulator/output/h5_handle.hpp"

#include <mutex>

namespace sovcap::output {

namespace {
extern "C" herr_t innermost(unsigned n, const H5E_error2_t* err, void* client) {
  // Walk order H5E_WALK_DOWNWARD starts at the API call; keep the last (innermost) message.
  auto* out = static_cast<std::string*>(client);
  if (err && err->desc && *err->desc) *out = err->desc;
  (void)n;
  return 0;
}
}  // namespace

std::string h5_error_detail() {
  std::string out;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_DOWNWARD, innermost, &out);
  return out;
}

void h5_quiet() {
  static std::once_flag once;
  std::call_once(once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

bool Hid::reset() noexcept {
  if (id_ < 0) return true;
  hid_t id = std::exchange(id_, H5I_INVALID_HID);
  if (H5Iis_valid(id) <= 0) return true;
  return H5Idec_ref(id) >= 0;
}

Hid creation_props(hid_t plist_class) {
  Hid p(H5Pcreate(plist_class), "create property list");
  h5_check(H5Pset_obj_track_times(p, 0), "disable object times");
  return p;
}

Hid create_group(hid_t parent, const std::string& name) {
  Hid gcpl = creation_props(H5P_GROUP_CREATE);
  return Hid(H5Gcreate2(parent, name.c_str(), H5P_DEFAULT, gcpl, H5P_DEFAULT), "create group " + name);
}

}  // namespace sovcap::output
