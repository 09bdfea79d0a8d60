// The example specs in configs/sweeps parse, and their keys and values are
// accepted by the real config loader (`sovcap check`, when the binary is built).
#include <gtest/gtest.h>
#include <unistd.h>

#include "simulator/sweep/spec.hpp"
#include "sweep_test_util.hpp"

namespace sovcap::sweep {
namespace {

std::vector<std::string> example_specs() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(SOVCAP_SOURCE_DIR "/configs/sweeps"))
    if (e.path().extension() == ".yaml") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(SweepExamples, EveryExampleSpecParsesAndExpands) {
  auto specs = example_specs();
  ASSERT_GE(specs.size(), 3u);
  for (const auto& path : specs) {
    try {
      auto points = expand(load_spec(path));
      EXPECT_GE(points.size(), 2u) << path;
    } catch (const ConfigError& e) {
      ADD_FAILURE() << e.what();
    }
  }
}

TEST(SweepExamples, TheConfigLoaderAcceptsTheirOverrides) {
  if (::access(SOVCAP_BINARY, X_OK) != 0) GTEST_SKIP() << "sovcap is not built";
  test::TempDir s;
  for (const auto& path : example_specs()) {
    const SweepSpec spec = load_spec(path);
    const auto points = expand(spec);
    for (const auto* p : {&points.front(), &points.back()}) {
      std::vector<std::string> argv = {SOVCAP_BINARY, "check", spec.base};
      for (const auto* list : {&spec.fixed, &p->params})
        for (const auto& [k, v] : *list) {
          argv.push_back("--set");
          argv.push_back(k + "=" + v);
        }
      std::string log = s.path("check.log");
      int code = test::wait_for(spawn_logged(argv, log));
      EXPECT_EQ(code, 0) << path << " point " << p->index << ":\n" << read_text_file(log);
    }
  }
}

}  // namespace
}  // namespace sovcap::sweep
