// Quantities with units: every unit, plain numbers, and every way to get one wrong.
#include <gtest/gtest.h>

#include "simulator/config/units.hpp"

using namespace sovcap::config;

TEST(Units, Durations) {
  EXPECT_DOUBLE_EQ(parse_duration_s("90s"), 90);
  EXPECT_DOUBLE_EQ(parse_duration_s("3ms"), 0.003);
  EXPECT_DOUBLE_EQ(parse_duration_s("15min"), 900);
  EXPECT_DOUBLE_EQ(parse_duration_s("6h"), 21600);
  EXPECT_DOUBLE_EQ(parse_duration_s("30d"), 2592000);
  EXPECT_DOUBLE_EQ(parse_duration_s("1y"), 365 * 86400.0);  // a year is 365 days, by definition
  EXPECT_DOUBLE_EQ(parse_duration_s("1.5h"), 5400);
  EXPECT_DOUBLE_EQ(parse_duration_s("42"), 42);  // plain number: seconds
  EXPECT_DOUBLE_EQ(parse_duration_s(" 2 h "), 7200);
  EXPECT_DOUBLE_EQ(parse_duration_s("+3s"), 3);
  EXPECT_DOUBLE_EQ(parse_duration_s("-3s"), -3);  // sign is the caller's range check
  EXPECT_DOUBLE_EQ(parse_duration_s("1e3s"), 1000);
  EXPECT_DOUBLE_EQ(parse_duration_s("31536000s"), parse_duration_s("1y"));
}

TEST(Units, PowerEnergyDataBandwidth) {
  EXPECT_DOUBLE_EQ(parse_power_mw("200MW"), 200);
  EXPECT_DOUBLE_EQ(parse_power_mw("10.2kW"), 0.0102);
  EXPECT_DOUBLE_EQ(parse_power_mw("1.5GW"), 1500);
  EXPECT_DOUBLE_EQ(parse_power_mw("500W"), 0.0005);
  EXPECT_DOUBLE_EQ(parse_power_mw("7"), 7);
  EXPECT_DOUBLE_EQ(parse_energy_mwh("2000MWh"), 2000);
  EXPECT_DOUBLE_EQ(parse_energy_mwh("500kWh"), 0.5);
  EXPECT_DOUBLE_EQ(parse_energy_mwh("2GWh"), 2000);
  EXPECT_DOUBLE_EQ(parse_data_gb("2TB"), 2000);  // decimal units
  EXPECT_DOUBLE_EQ(parse_data_gb("500MB"), 0.5);
  EXPECT_DOUBLE_EQ(parse_data_gb("1PB"), 1e6);
  EXPECT_DOUBLE_EQ(parse_data_gb("3GB"), 3);
  EXPECT_DOUBLE_EQ(parse_bandwidth_gbps("100Gbps"), 100);
  EXPECT_DOUBLE_EQ(parse_bandwidth_gbps("400Mbps"), 0.4);
  EXPECT_DOUBLE_EQ(parse_bandwidth_gbps("1.6Tbps"), 1600);
}

TEST(Units, PlainFactorIsTheKeysDocumentedUnit) {
  // A key whose plain unit is kW, stored in MW.
  EXPECT_DOUBLE_EQ(parse_quantity("10.2", Quantity::power, 1e-3), 0.0102);
  EXPECT_DOUBLE_EQ(parse_quantity("10.2kW", Quantity::power, 1e-3), 0.0102);
}

namespace {
std::string error_of(const std::string& text, Quantity q, std::string* allowed = nullptr) {
  try {
    parse_quantity(text, q);
  } catch (const UnitError& e) {
    if (allowed) *allowed = e.allowed;
    return e.what();
  }
  ADD_FAILURE() << "'" << text << "' was accepted";
  return "";
}
}  // namespace

TEST(Units, RejectsEmptyNanInfGarbageAndWrongKinds) {
  std::string allowed;
  EXPECT_EQ(error_of("", Quantity::duration, &allowed), "empty value");
  EXPECT_EQ(allowed, "a duration: a number with ms, s, min, h, d, y; 1y = 365 d");
  EXPECT_EQ(error_of("   ", Quantity::power), "empty value");
  EXPECT_NE(error_of("nan", Quantity::power).find("not a finite number"), std::string::npos);
  EXPECT_NE(error_of("NaN", Quantity::duration).find("not a finite number"), std::string::npos);
  EXPECT_NE(error_of("inf", Quantity::energy).find("not a finite number"), std::string::npos);
  EXPECT_NE(error_of("-infinityMW", Quantity::power).find("not a finite number"), std::string::npos);
  EXPECT_EQ(error_of("15min x", Quantity::duration), "unknown unit 'min x' in '15min x'");
  EXPECT_EQ(error_of("15 minutes", Quantity::duration), "unknown unit 'minutes' in '15 minutes'");
  EXPECT_EQ(error_of("MW", Quantity::power), "'MW' does not start with a number");
  EXPECT_EQ(error_of("2MWh", Quantity::power, &allowed), "'2MWh' is an energy, not a power");
  EXPECT_EQ(allowed, "a power: a number with W, kW, MW, GW");
  EXPECT_EQ(error_of("3h", Quantity::data), "'3h' is a duration, not a data size");
  EXPECT_EQ(error_of("10GB", Quantity::bandwidth), "'10GB' is a data size, not a bandwidth");
  EXPECT_EQ(error_of("5mw", Quantity::power), "unknown unit 'mw' in '5mw'");  // case matters: mW is not MW
  EXPECT_EQ(error_of("1,5MW", Quantity::power), "unknown unit ',5MW' in '1,5MW'");
  EXPECT_EQ(error_of("0x10s", Quantity::duration), "unknown unit 'x10s' in '0x10s'");
  EXPECT_EQ(error_of("+-1s", Quantity::duration), "'+-1s' does not start with a number");
}

TEST(Units, AllowedTextListsEveryUnitOfTheKind) {
  EXPECT_EQ(allowed_units(Quantity::energy), "an energy: a number with kWh, MWh, GWh");
  EXPECT_EQ(allowed_units(Quantity::data), "a data size: a number with MB, GB, TB, PB");
  EXPECT_EQ(allowed_units(Quantity::bandwidth), "a bandwidth: a number with Mbps, Gbps, Tbps");
}

TEST(Units, PlainNumbers) {
  EXPECT_DOUBLE_EQ(parse_plain_number("1.25"), 1.25);
  EXPECT_DOUBLE_EQ(parse_plain_number(" -3 "), -3);
  EXPECT_THROW(parse_plain_number("3MW"), UnitError);
  EXPECT_THROW(parse_plain_number("abc"), UnitError);
  EXPECT_THROW(parse_plain_number("nan"), UnitError);
  EXPECT_THROW(parse_plain_number(""), UnitError);
}
