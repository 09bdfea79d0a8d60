// CSV profiles: timestamp forms, header and comments, interpolation, errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "models/power/calendar.hpp"
#include "models/power/grid.hpp"
#include "models/power/profile_csv.hpp"
#include "models/power/site_power.hpp"

using namespace sovcap::power;

namespace {
const double kJan1 = days_from_civil(2030, 1, 1) * 86400.0;

Profile parse(const std::string& text) {
  std::istringstream in(text);
  return Profile::parse(in, "p.csv");
}

void expect_error(const std::string& text, int line, const std::string& fragment) {
  try {
    parse(text);
    FAIL() << "no error for: " << text;
  } catch (const ProfileError& e) {
    EXPECT_EQ(e.file(), "p.csv");
    EXPECT_EQ(e.line(), line) << e.what();
    EXPECT_NE(e.message().find(fragment), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind("p.csv:" + std::to_string(line) + ": error: ", 0), 0u) << e.what();
  }
}
}  // namespace

TEST(ProfileCsv, TimestampFormsTrimmedAndOffsetsConvertedToUtc) {
  Profile p = parse(
      " 2030-01-01T00:00:00Z ,1\n"
      "2030-01-01 01:30,2\n"
      "2030-01-01T03:00:10.5+01:00,3\n"
      "2030-01-02,4\n");
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p.first_s(), kJan1);
  EXPECT_DOUBLE_EQ(p.at(kJan1 + 5400), 2);
  EXPECT_DOUBLE_EQ(p.at(kJan1 + 2 * 3600 + 10.5), 3);  // 03:00:10.5 at +01:00
  EXPECT_EQ(p.last_s(), kJan1 + 86400);
  for (const char* bad : {"2030-1-01", "2030-02-30T00:00Z", "2030-01-01T25:00Z", "yesterday", "2030-01-01T00",
                          "2029-02-29"})
    expect_error(std::string("2030-01-01,0\n") + bad + ",1\n", 2, "bad timestamp");
}

TEST(ProfileCsv, HeaderCommentsAndInterpolation) {
  Profile p = parse(
      "# a comment\n"
      "timestamp,value\n"
      "\n"
      "2030-01-01T00:00:00Z,10   # trailing comment\n"
      "2030-01-01 01:00,20\n"
      "2030-01-01T03:00:00Z, -20\n");
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p.at(kJan1), 10);
  EXPECT_DOUBLE_EQ(p.at(kJan1 + 900), 12.5);
  EXPECT_DOUBLE_EQ(p.at(kJan1 + 2 * 3600), 0);
  EXPECT_EQ(p.at(kJan1 - 1e6), 10);  // ends hold
  EXPECT_EQ(p.at(kJan1 + 1e6), -20);
}

TEST(ProfileCsv, ErrorsNameFileLineAndProblem) {
  expect_error("timestamp,value\n2030-01-01T00:00Z,1\n2030-01-01T00:00Z,2\n", 3, "increase");
  expect_error("2030-01-01T00:00Z,1\n2030-13-01T00:00Z,2\n", 2, "bad timestamp");
  expect_error("2030-01-01T00:00Z,abc\n", 1, "bad value");
  expect_error("2030-01-01T00:00Z,1e999\n", 1, "bad value");
  expect_error("2030-01-01T00:00Z\n", 1, "timestamp,value");
  expect_error("# nothing\ntimestamp,value\n", 2, "no data");
  // A second header-like line after data is an error, not a header.
  expect_error("2030-01-01T00:00Z,1\nx,2\n", 2, "bad timestamp");
  EXPECT_THROW(Profile::read("/nonexistent/profile.csv"), ProfileError);
}

TEST(ProfileCsv, ExampleFileInConfigsParses) {
  Profile p = Profile::read(SOVCAP_SOURCE_DIR "/configs/profiles/dakhla-temperature-example.csv");
  EXPECT_EQ(p.size(), 168u);
  EXPECT_EQ(p.first_s(), kJan1);
  for (double t = kJan1; t < p.last_s(); t += 1800) {
    EXPECT_GT(p.at(t), 10);
    EXPECT_LT(p.at(t), 25);
  }
}

TEST(ProfileCsv, ProfilesReplaceModelsInSitePower) {
  const std::string dir = ::testing::TempDir();
  auto write = [&](const std::string& name, const std::string& body) {
    std::ofstream(dir + name) << body;
    return dir + name;
  };
  SitePowerParams p;
  p.solar.capacity_mw = 100;
  p.solar.profile_csv = write("solar.csv", "2030-01-01T00:00Z,0\n2030-01-01T02:00Z,0.5\n");
  p.wind.capacity_mw = 10;
  p.wind.profile_csv = write("wind.csv", "2030-01-01T00:00Z,15\n");
  p.climate.profile_csv = write("temp.csv", "2030-01-01T00:00Z,30\n");
  p.grid.carbon_csv = write("carbon.csv", "2030-01-01T00:00Z,400\n2030-01-01T01:00Z,500\n");
  SitePower site(p, 1, static_cast<int64_t>(kJan1), 3600);
  Conditions c = site.conditions(3600);  // profiles read at the interval start
  EXPECT_NEAR(c.solar_mw, 25, 1e-9);
  EXPECT_NEAR(c.wind_mw, 10 * 0.9, 1e-9);
  EXPECT_EQ(c.ambient_c, 30);
  EXPECT_EQ(c.carbon_gco2_per_kwh, 500);
}

TEST(Grid, CarbonConstantHourlyFactorAndLimits) {
  GridParams p;
  p.carbon_gco2_per_kwh = kMoroccoGridGco2PerKwh;
  Grid flat(p, 0);
  EXPECT_EQ(flat.carbon_gco2_per_kwh(kJan1 + 5 * 3600), 620);
  EXPECT_TRUE(std::isinf(flat.import_limit_mw()));
  EXPECT_FALSE(flat.off_grid());
  for (int h = 0; h < 24; ++h) p.carbon_hourly_factor[static_cast<size_t>(h)] = 0.5 + h / 24.0;
  Grid shaped(p, -15);  // local solar hour = UTC - 1
  EXPECT_NEAR(shaped.carbon_gco2_per_kwh(kJan1 + 13.5 * 3600), 620 * (0.5 + 12 / 24.0), 1e-9);
  EXPECT_NEAR(shaped.carbon_gco2_per_kwh(kJan1 + 0.5 * 3600), 620 * (0.5 + 23 / 24.0), 1e-9);
  p.import_mw = 0;
  EXPECT_TRUE(Grid(p, 0).off_grid());
  p.import_mw = -1;
  EXPECT_THROW(Grid(p, 0), std::invalid_argument);
}
