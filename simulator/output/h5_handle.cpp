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
  std::call_once(once, [] {
    // No library shutdown at exit: after a failed write (disk full) a file that
    // could not be closed stays in HDF5's tables, and closing it again at exit
    // crashed the process. Every file is closed explicitly; the temp is removed.
    H5dont_atexit();
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  });
}

std::string h5_not_hard_link(hid_t loc, const std::string& path) {
  std::string prefix;
  for (size_t start = 0; start <= path.size();) {
    size_t slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    if (slash > start) {
      prefix += (prefix.empty() ? "" : "/") + path.substr(start, slash - start);
      if (H5Lexists(loc, prefix.c_str(), H5P_DEFAULT) <= 0) return "";  // absent: the caller says so
      H5L_info_t info{};
      if (H5Lget_info(loc, prefix.c_str(), &info, H5P_DEFAULT) < 0) return "/" + prefix + " cannot be read";
      if (info.type == H5L_TYPE_EXTERNAL) return "/" + prefix + " is an external link (sovcap results hold none)";
      if (info.type != H5L_TYPE_HARD) return "/" + prefix + " is a soft link (sovcap results hold none)";
    }
    start = slash + 1;
  }
  return "";
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
