// The real `sovcap sweep` end to end on a short tiny.yaml sweep, once the
// binary is built and its CLI has the sweep command (skipped before).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "sweep_test_util.hpp"

namespace sovcap::sweep {
namespace {

bool sovcap_has_sweep() {
  if (::access(SOVCAP_BINARY, X_OK) != 0) return false;
  test::TempDir s;
  return test::wait_for(spawn_logged({SOVCAP_BINARY, "sweep", "--help"}, s.path("help.log"))) == 0;
}

TEST(SweepRealBinary, TinySweepRunsAndMerges) {
  if (!sovcap_has_sweep()) GTEST_SKIP() << "sovcap is not built or has no sweep command yet";
  test::TempDir s;
  std::string spec = s.write("spec.yaml", "base: " SOVCAP_SOURCE_DIR "/configs/tiny.yaml\nset: {duration: 6h}\n"
                                          "parameters:\n  - {key: sites.dakhla.battery.energy, values: [0MWh, 2MWh]}\n");
  std::string log = s.path("sweep.log");
  int code = test::wait_for(spawn_logged({SOVCAP_BINARY, "sweep", spec, "-o", s.path("out"), "-j", "2", "--quiet"}, log));
  ASSERT_EQ(code, 0) << read_text_file(log) << read_text_file(s.path("out/logs/p000000.log"));
  std::string csv = read_text_file(s.path("out/summary.csv"));
  EXPECT_NE(csv.find("point,seed,status,error,param.sites.dakhla.battery.energy,jobs_submitted"), std::string::npos) << csv;
  EXPECT_NE(csv.find("renewable_fraction"), std::string::npos);
  EXPECT_NE(csv.find("dakhla.energy_it_mwh"), std::string::npos);
  EXPECT_NE(csv.find("\n0,1,ok,,0,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\n1,1,ok,,2,"), std::string::npos) << csv;
}

// The real binary under mpirun: sovcap execs sovcap-mpi-sweep (SimGrid's SMPI
// would shadow OpenMPI's MPI_Init inside sovcap), and the merged table matches -j 2.
TEST(SweepRealBinary, UnderMpirunTheSameSummaryAsLocal) {
  if (!sovcap_has_sweep()) GTEST_SKIP() << "sovcap is not built";
  if (std::system("command -v mpirun > /dev/null 2>&1") != 0) GTEST_SKIP() << "mpirun not found";
  test::TempDir s;
  std::string spec = s.write("spec.yaml", "base: " SOVCAP_SOURCE_DIR "/configs/tiny.yaml\nset: {duration: 6h}\n"
                                          "parameters:\n  - {key: sites.dakhla.battery.energy, values: [0MWh, 1MWh, 2MWh]}\n");
  ASSERT_EQ(test::wait_for(spawn_logged({SOVCAP_BINARY, "sweep", spec, "-o", s.path("local"), "-j", "2", "--quiet"},
                                        s.path("local.log"))), 0) << read_text_file(s.path("local.log"));
  std::string log = s.path("mpi.log");
  std::string cmd = std::string("mpirun --allow-run-as-root --oversubscribe -np 2 ") + SOVCAP_BINARY + " sweep '" + spec +
                    "' -o '" + s.path("mpi") + "' --quiet > '" + log + "' 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << read_text_file(log);
  std::string local = read_text_file(s.path("local/summary.csv"));
  EXPECT_EQ(test::count_lines(s.path("local/summary.csv")), 4);
  EXPECT_EQ(read_text_file(s.path("mpi/summary.csv")), local);
}

}  // namespace
}  // namespace sovcap::sweep
