// The debug-build invariants (simulator/engine/invariants.hpp): each check lets
// a good sample or job through and stops a broken one with a message naming it.
#define SOVCAP_INVARIANTS 1  // on here whatever the build type
#include "simulator/engine/invariants.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

using sovcap::engine::check_job;
using sovcap::engine::check_sample;
using sovcap::engine::InvariantError;

namespace {

sovcap::output::SiteSample balanced() {
  sovcap::output::SiteSample s;
  s.solar_mw = 30;
  s.wind_mw = 10;
  s.battery_discharge_mw = 5;
  s.grid_import_mw = 15;  // supply 60
  s.facility_power_mw = 50;
  s.battery_charge_mw = 4;
  s.curtailed_mw = 6;  // demand 60
  s.busy_gpus = 64;
  s.total_gpus = 64;
  return s;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InvariantError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(Invariants, BalancedSampleWithFullPoolPasses) {
  EXPECT_NO_THROW(check_sample("alpha", 900, balanced()));
  auto s = balanced();
  s.grid_import_mw += 0.9e-6;  // within 1e-6 MW
  EXPECT_NO_THROW(check_sample("alpha", 900, s));
  s = balanced();
  s.solar_mw = 5e5 * (1 + 1e-12);  // large sites: relative rounding allowed
  s.curtailed_mw = 5e5 - 30 + 6;
  EXPECT_NO_THROW(check_sample("alpha", 900, s));
}

TEST(Invariants, PowerImbalanceIsCaughtWithSiteTimeAndValues) {
  auto s = balanced();
  s.grid_import_mw += 2e-6;
  auto m = message_of([&] { check_sample("dakhla", 1800, s); });
  ASSERT_FALSE(m.empty()) << "an imbalance of 2e-6 MW must be caught";
  EXPECT_NE(m.find("power balance of site 'dakhla' at t=1800 s"), std::string::npos) << m;
  EXPECT_NE(m.find("invariants.hpp"), std::string::npos) << m;
  s = balanced();
  s.unserved_mw = 1;  // unserved power counts on the supply side
  s.facility_power_mw += 1;
  EXPECT_NO_THROW(check_sample("dakhla", 1800, s));
  s.grid_export_mw = 3;
  EXPECT_FALSE(message_of([&] { check_sample("dakhla", 1800, s); }).empty());
  s = balanced();
  s.solar_mw = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(message_of([&] { check_sample("dakhla", 1800, s); }).empty()) << "NaN power must not pass";
}

TEST(Invariants, BusyAboveTotalIsCaught) {
  auto s = balanced();
  s.busy_gpus = 65;
  auto m = message_of([&] { check_sample("benguerir", 0, s); });
  EXPECT_NE(m.find("GPU accounting of site 'benguerir' at t=0 s: busy 65 of 64"), std::string::npos) << m;
  s = balanced();
  s.busy_gpus = -1;
  EXPECT_FALSE(message_of([&] { check_sample("benguerir", 0, s); }).empty());
  s = balanced();
  s.total_cpus = 10;
  s.busy_cpus = 11;
  EXPECT_NE(message_of([&] { check_sample("benguerir", 0, s); }).find("CPU accounting"), std::string::npos);
}

TEST(Invariants, JobTimesInOrderPassNotReachedAreSkipped) {
  sovcap::workload::Job j;
  j.id = 7;
  j.submit_s = 10;
  EXPECT_NO_THROW(check_job(j));  // rejected or still in transfer: only submitted
  j.arrive_site_s = 10;
  j.start_s = 30;
  j.end_s = 90;
  EXPECT_NO_THROW(check_job(j));
  j.arrive_site_s = std::numeric_limits<double>::quiet_NaN();  // started without a transfer time recorded
  EXPECT_NO_THROW(check_job(j));
}

TEST(Invariants, JobStateMachineOutOfOrderIsCaught) {
  sovcap::workload::Job j;
  j.id = 42;
  j.submit_s = 100;
  j.arrive_site_s = 120;
  j.start_s = 110;  // started before its data arrived
  j.end_s = 200;
  auto m = message_of([&] { check_job(j); });
  EXPECT_NE(m.find("job 42 state machine: arrive 120 s after start 110 s"), std::string::npos) << m;
  j.start_s = 130;
  j.end_s = 125;
  EXPECT_NE(message_of([&] { check_job(j); }).find("start 130 s after end 125 s"), std::string::npos);
  j.end_s = std::numeric_limits<double>::quiet_NaN();
  j.arrive_site_s = std::numeric_limits<double>::quiet_NaN();
  j.start_s = 50;  // before submit, with the arrival skipped
  EXPECT_NE(message_of([&] { check_job(j); }).find("submit 100 s after start 50 s"), std::string::npos);
  j.start_s = std::numeric_limits<double>::infinity();
  EXPECT_NE(message_of([&] { check_job(j); }).find("start time inf"), std::string::npos);
}
