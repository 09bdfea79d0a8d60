#pragma once
// An option given an empty value (`--seed ''`, `-o "$UNSET"`) is a usage error,
// not an option left out: an unset shell variable would otherwise give, say,
// identical "replications" with the scenario's own seed.
#include <CLI/CLI.hpp>

namespace sovcap::cli {

// Throws CLI::ValidationError naming the first option of a parsed subcommand
// that was given "" (flags take no value and are not looked at).
inline void reject_empty_values(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands())
    for (const CLI::Option* opt : sub->get_options()) {
      if (opt->get_type_size_max() == 0) continue;  // a flag
      for (const auto& r : opt->results())
        if (r.empty())
          throw CLI::ValidationError(opt->get_name(), "empty value (an unset shell variable?): give a value or leave the option out");
    }
}

}  // namespace sovcap::cli
