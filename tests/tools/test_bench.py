"""tools/bench/run --quick end to end: every case runs and prints its line, the CSV holds a row per
case, and the pool model gives the same jobs and mean wait through sovcap (calendar and actors),
SimPy and the heap loop. Times are printed by the suite, never asserted here."""
import csv
import os
import subprocess
import unittest

from tooltest import PYTHON, TOOLS, TempDirCase

BUILD = os.environ.get("SOVCAP_BUILD_DIR", "")


@unittest.skipUnless(BUILD and os.access(os.path.join(BUILD, "sovcap"), os.X_OK), "SOVCAP_BUILD_DIR has no sovcap")
class BenchSmokeTest(TempDirCase):
    def test_quick_suite(self):
        out = self.path("bench.csv")
        r = subprocess.run([PYTHON, os.path.join(TOOLS, "bench", "run"), "--build", BUILD, "--quick",
                            "--pool-jobs", "3000", "-o", out], capture_output=True, text=True, timeout=600)
        self.assertIn(r.returncode, (0, 1), r.stdout + r.stderr)  # 1: a time target missed on a busy machine
        for case in ("default-year", "pool-model-sovcap ", "pool-model-sovcap-actors"):
            self.assertRegex(r.stdout, rf"(?m)^{case}\s*[0-9.]+ s\s+\d+ jobs", case)
        self.assertIn("PASS  pool model: sovcap's jobs and mean wait (calendar and actors) equal the heap loop's",
                      r.stdout)
        self.assertRegex(r.stdout, r"ratios: SimPy/sovcap = [0-9.]+x faster; sovcap/limit = [0-9.]+x")
        with open(out) as fh:
            rows = {row["case"]: row for row in csv.DictReader(fh)}
        for case in ("default-year", "pool-model-sovcap", "pool-model-sovcap-actors", "pool-simpy", "pool-heap-loop"):
            self.assertIn(case, rows)
            self.assertEqual(rows[case]["exit"], "0", case)
        self.assertEqual(int(rows["pool-model-sovcap"]["jobs"]), 3000)
        self.assertGreater(int(rows["default-year"]["jobs"]), 10000)


if __name__ == "__main__":
    unittest.main()
