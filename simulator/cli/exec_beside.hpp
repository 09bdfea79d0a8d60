#pragma once
// Hand the whole command line to a program built beside sovcap (sovcap-optimize).
namespace sovcap::cli {

// Replaces this process by DIR/name, DIR being sovcap's own directory, with the same argv.
// Returns only on failure: 2 when the program is missing (built without it), 1 when exec fails.
int exec_beside(const char* name, char** argv);

}  // namespace sovcap::cli
