#!/usr/bin/python3
"""Check a sovcap result file against the result schema (docs/results.md; names from `sovcap schema --json`).

Checks root attributes, every series (present, length == len(time_s), `units`,
the time_s dimension scale attached), link series, the /jobs table and its
status enum, the summary tables, the topology, `units` on every numeric
dataset, and the power balance at every sample:
  solar + wind + battery_discharge + grid_import
    == facility + battery_charge + curtailed + grid_export   (to 1e-6 MW)

Exit 0 and "schema OK: ..." when the file conforms; 1 listing every problem;
2 for a missing, non-HDF5 or non-sovcap file.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.realpath(__file__)))

from sovcap_tools.errors import run_main  # noqa: E402
from sovcap_tools.schema import SchemaChecker  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("result", metavar="RUN.h5", help="a result file written by `sovcap run`")
    ap.add_argument("--tolerance", type=float, default=1e-6, metavar="MW",
                    help="largest power-balance error accepted, MW (default 1e-6)")
    a = ap.parse_args()
    checker = SchemaChecker(a.result, a.tolerance)
    problems = checker.run()
    if problems:
        for p in problems:
            print(f"{a.result}: {p}")
        print(f"schema check failed: {a.result}: {len(problems)} problem(s)")
        return 1
    facts = checker.facts
    print(f"schema OK: {a.result}: {facts.get('sites', 0)} sites, {facts.get('links', 0)} links, "
          f"{facts.get('samples', 0)} samples, {facts.get('jobs', 0)} jobs, "
          f"power balance within {facts.get('balance_max_error_mw', 0.0):.3g} MW")
    return 0


if __name__ == "__main__":
    run_main(main)
