// How a reader sees a figure (simulator/output/figure_text.cpp): durations in the unit a planner reads,
// thousands separators, fractions as percent. Expected strings worked out by hand from the rules in
// figure_text.hpp, including the boundaries where one unit hands over to the next.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "simulator/output/figure_text.hpp"

namespace o = sovcap::output;

TEST(FigureText, DurationsInTheUnitAPlannerReads) {
  EXPECT_EQ(o::duration_text(695.1), "11 min 35 s");  // the default year's mean wait
  EXPECT_EQ(o::duration_text(20015.3), "5.6 h");       // 20015.3 / 3600 = 5.56
  EXPECT_EQ(o::duration_text(31536000), "365.0 days");
  EXPECT_EQ(o::duration_text(8.0), "8.0 s");
  EXPECT_EQ(o::duration_text(0.4), "0.4 s");
  EXPECT_EQ(o::duration_text(0), "0.0 s");
  EXPECT_EQ(o::duration_text(42.4), "42 s");
  EXPECT_EQ(o::duration_text(600), "10 min");  // on the minute: no "0 s"
  EXPECT_EQ(o::duration_text(280), "4 min 40 s");
  EXPECT_EQ(o::duration_text(-90), "-1 min 30 s");
  EXPECT_EQ(o::duration_text(-0.04), "0.0 s");  // a change too small to show: no sign
  EXPECT_TRUE(o::duration_text(std::nan("")) == "-");
}

TEST(FigureText, DurationBoundaries) {
  EXPECT_EQ(o::duration_text(9.94), "9.9 s");
  EXPECT_EQ(o::duration_text(9.96), "10 s");  // not "10.0 s"
  EXPECT_EQ(o::duration_text(59.4), "59 s");
  EXPECT_EQ(o::duration_text(59.6), "1 min");  // not "60 s"
  EXPECT_EQ(o::duration_text(3599.4), "59 min 59 s");
  EXPECT_EQ(o::duration_text(3599.6), "1.0 h");  // not "60 min"
  EXPECT_EQ(o::duration_text(2 * 86400 - 1), "48.0 h");
  EXPECT_EQ(o::duration_text(2 * 86400), "2.0 days");
}

TEST(FigureText, ValuesAsTheRegistrySays) {
  auto with = [](o::Format format, const char* unit = "MWh") {
    return o::Figure{"x", o::Table::kpi, o::Type::float64, unit, o::Group::energy, format, "x", "x"};
  };
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), 3443234.44), "3,443,234");  // six figures: shown whole
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), 99999.94), "99,999.9");
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), 100000.0), "100,000");
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), -250000.4), "-250,000");
  EXPECT_EQ(o::value_text(with(o::Format::fixed2), 123456.789), "123,457");
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), 999.96), "1,000.0");  // the rounding carries past a separator
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), -1234.56), "-1,234.6");
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), -0.04), "0.0");  // not "-0.0"
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), 123.0), "123.0");
  EXPECT_EQ(o::value_text(with(o::Format::fixed2), 1.1249), "1.12");
  EXPECT_EQ(o::value_text(with(o::Format::fixed3), 0.0754), "0.075");
  EXPECT_EQ(o::value_text(with(o::Format::count, "1"), 2398953390.0), "2,398,953,390");
  EXPECT_EQ(o::value_text(with(o::Format::count, "1"), 100.0), "100");
  EXPECT_EQ(o::value_text(with(o::Format::percent, "1"), 0.8631), "86.3");
  EXPECT_EQ(o::value_text(with(o::Format::percent, "1"), 1.0), "100.0");
  EXPECT_EQ(o::value_text(with(o::Format::duration, "s"), 695.1), "11 min 35 s");
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), std::nan("")), "-");
  EXPECT_EQ(o::value_text(with(o::Format::fixed1), std::numeric_limits<double>::infinity()), "inf");
}

TEST(FigureText, UnitBesideTheValue) {
  auto with = [](o::Format format, const char* unit) {
    return o::Figure{"x", o::Table::kpi, o::Type::float64, unit, o::Group::energy, format, "x", "x"};
  };
  EXPECT_EQ(o::unit_text(with(o::Format::fixed1, "MWh")), "MWh");
  EXPECT_EQ(o::unit_text(with(o::Format::percent, "1")), "%");
  EXPECT_EQ(o::unit_text(with(o::Format::count, "1")), "");
  EXPECT_EQ(o::unit_text(with(o::Format::duration, "s")), "");  // "11 min 35 s" carries its own
  EXPECT_EQ(o::unit_text(with(o::Format::count, "USD")), "USD");
}
