// `sovcap schema --keys`: the declared scenario keys from the binary, as JSON a tool can parse, as
// the Markdown docs/config.md holds, and as text.
#include <gtest/gtest.h>

#include "run_helpers.hpp"
#include "simulator/config/key_printer.hpp"
#include "simulator/config/keys.hpp"

using runtest::sh;

TEST(SchemaKeys, JsonParsesAndListsEveryDeclaredKey) {
  auto r = sh(runtest::sovcap() + " schema --keys --json | " + SOVCAP_PYTHON +
              " -c 'import json,sys; d=json.load(sys.stdin); print(len(d[\"keys\"]), "
              "len({(k[\"section\"], k[\"name\"]) for k in d[\"keys\"]}))'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const auto n = std::to_string(sovcap::config::key_views().size());
  EXPECT_EQ(r.output, n + " " + n + "\n");  // every key, none twice
}

TEST(SchemaKeys, MarkdownIsWhatTheDocsHold) {
  auto r = sh(runtest::sovcap() + " schema --keys --markdown");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(r.output, sovcap::config::format_keys_markdown_all());
}

TEST(SchemaKeys, TextNamesEverySection) {
  auto r = sh(runtest::sovcap() + " schema --keys");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  for (const auto& s : sovcap::config::key_sections()) EXPECT_NE(r.output.find("\n" + s + "\n"), std::string::npos) << s;
}
