// Diagnostics format, did-you-mean, text tables.
#include <gtest/gtest.h>

#include "simulator/config/diagnostics.hpp"
#include "simulator/config/suggest.hpp"
#include "simulator/config/text_table.hpp"

using namespace sovcap::config;

TEST(Diagnostics, FormatIsFileLineColErrorKeyPathMessageAllowed) {
  Diagnostic d{"a.yaml", 3, 7, "sites.dakhla.latitude", "95 is out of range", "from -90 to 90"};
  EXPECT_EQ(d.format(), "a.yaml:3:7: error: sites.dakhla.latitude: 95 is out of range (from -90 to 90)");
  Diagnostic no_allowed{"a.yaml", 1, 1, "scenario", "bad", ""};
  EXPECT_EQ(no_allowed.format(), "a.yaml:1:1: error: scenario: bad");
  Diagnostic no_key{"a.yaml", 2, 5, "", "YAML syntax: x", ""};
  EXPECT_EQ(no_key.format(), "a.yaml:2:5: error: YAML syntax: x");
  Diagnostic whole_file{"missing.yaml", 0, 0, "", "cannot read the file: No such file or directory", ""};
  EXPECT_EQ(whole_file.format(), "missing.yaml: error: cannot read the file: No such file or directory");
}

TEST(Diagnostics, ConfigErrorJoinsAllLines) {
  ConfigError e({{"a.yaml", 1, 2, "k", "m1", ""}, {"b.yaml", 3, 4, "", "m2", "x"}});
  EXPECT_STREQ(e.what(), "a.yaml:1:2: error: k: m1\nb.yaml:3:4: error: m2 (x)");
  EXPECT_EQ(e.diagnostics.size(), 2u);
}

TEST(Suggest, EditDistanceAndClosest) {
  EXPECT_EQ(edit_distance("duraton", "duration"), 1);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("", "abc"), 3);
  EXPECT_EQ(edit_distance("Seed", "seed"), 0);
  EXPECT_EQ(closest("latitud", {"longitude", "latitude", "elevation"}), "latitude");
  EXPECT_EQ(closest("zzzzzz", {"longitude", "latitude"}), "");
  EXPECT_EQ(did_you_mean("sed", {"seed", "step"}), "did you mean 'seed'?");
}

TEST(TextTable, ByContentAlignsNumbersRightAndCountsCodePoints) {
  TextTable t({"site", "MW", "note"});
  t.add({"Guelmim-Oued Noun", "7.5", "ok"});
  t.add({"Béni Mellal", "-12", "x"});  // é is two bytes, one column
  t.add({"Dakhla"});                     // a short row: empty cells, no trailing spaces
  EXPECT_EQ(t.render(1),
            " site               MW   note\n"
            " Guelmim-Oued Noun  7.5  ok\n"
            " Béni Mellal        -12  x\n"
            " Dakhla\n");
}

TEST(TextTable, NamesThenNumbersRightAlignsAllButTheFirstColumn) {
  TextTable t({"energy", "value", "unit"}, TextTable::Alignment::names_then_numbers);
  t.add({"  solar", "1,234.5", "MWh"});
  t.add({"  renewable share", "-", "%"});
  EXPECT_EQ(t.render(0),
            "energy               value  unit\n"
            "  solar            1,234.5   MWh\n"
            "  renewable share        -     %\n");
}
