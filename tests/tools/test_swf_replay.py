"""`workload.trace: FILE.swf` through the real binary, against an independent parse of the file.

The reference below reads the Parallel Workloads Archive's standard format on its own (split on
blanks, -1 = unknown) and applies the mapping as docs/traces.md states it; the run's /trace group,
its stderr report and its /jobs rows must agree with it record for record.
"""
import gzip
import math
import os
import shutil
import subprocess
import unittest

import h5py
import numpy as np

from tooltest import TempDirCase

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
BUILD = os.environ.get("SOVCAP_BUILD_DIR", os.path.join(REPO, "build"))
SOVCAP = os.path.join(BUILD, "sovcap")
TRACE = os.path.join(REPO, "tests", "data", "traces", "pwa_excerpt.swf")
TINY = os.path.join(REPO, "configs", "tiny.yaml")
HORIZON_S = 2 * 86400.0  # tiny.yaml's duration

MAPPING = {"units_per_processor": 0.125, "offset_s": -300.0, "completed_only": True}


def reference(path, units_per_processor, offset_s, completed_only, horizon_s):
    """(jobs, skipped): jobs as (submit_s, units, runtime_s, requested_s, line); skipped: reason -> lines."""
    records = []
    with open(path) as fh:
        for number, text in enumerate(fh, start=1):
            text = text.strip()
            if not text or text.startswith(";"):
                continue
            fields = text.split()
            assert len(fields) == 18, (number, fields)
            records.append((number, [float(x) for x in fields]))
    skipped = {k: [] for k in ("no_submit_time", "no_run_time", "no_processors", "not_completed",
                               "before_start", "after_horizon")}
    ok = []
    for number, f in records:
        submit, run, alloc, req_procs, req_time, status = f[1], f[3], f[4], f[7], f[8], f[10]
        procs = alloc if alloc > 0 else req_procs
        if submit < 0:
            skipped["no_submit_time"].append(number)
        elif run <= 0:
            skipped["no_run_time"].append(number)
        elif procs <= 0:
            skipped["no_processors"].append(number)
        elif completed_only and status != 1:
            skipped["not_completed"].append(number)
        else:
            ok.append((number, submit, run, procs, req_time))
    origin = min(r[1] for r in ok)
    jobs = []
    for number, submit, run, procs, req_time in ok:
        t = submit - origin + offset_s
        if t < 0:
            skipped["before_start"].append(number)
        elif t >= horizon_s:
            skipped["after_horizon"].append(number)
        else:
            jobs.append((t, max(1, math.ceil(procs * units_per_processor)), run, req_time, number))
    return sorted(jobs), {k: sorted(v) for k, v in skipped.items()}


class SwfReplay(TempDirCase):
    @classmethod
    def setUpClass(cls):
        assert os.access(SOVCAP, os.X_OK), f"no sovcap binary at {SOVCAP} (set SOVCAP_BUILD_DIR)"
        super().setUpClass()

    def run_trace(self, trace_name, kill=False, quiet=False):
        scenario = os.path.join(self.tmp, f"swf-{trace_name}-{kill}.yaml")
        with open(scenario, "w") as fh:
            fh.write(f"extends: {TINY}\n")
            if kill:
                fh.write("classes:\n  - id: training\n    kill_at_time_limit: true\n")
            fh.write(f"workload:\n  trace: {trace_name}\n  swf:\n    class: training\n"
                     f"    units_per_processor: {MAPPING['units_per_processor']}\n"
                     f"    offset: {MAPPING['offset_s']:g}s\n    completed_only: true\n")
        out = scenario.replace(".yaml", ".h5")
        args = [SOVCAP, "run", scenario, "-o", out] + (["--quiet"] if quiet else [])
        proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return out, proc.stderr

    def setUp(self):
        shutil.copy(TRACE, os.path.join(self.tmp, "pwa_excerpt.swf"))
        with open(TRACE, "rb") as src, gzip.open(os.path.join(self.tmp, "pwa_excerpt.swf.gz"), "wb") as dst:
            dst.write(src.read())
        self.jobs, self.skipped = reference(TRACE, horizon_s=HORIZON_S, **MAPPING)

    def test_every_reason_is_exercised(self):
        for reason, lines in self.skipped.items():
            self.assertTrue(lines, f"the excerpt has no record skipped for {reason}")

    def test_trace_group_counts_each_reason_with_its_first_lines(self):
        out, _ = self.run_trace("pwa_excerpt.swf")
        with h5py.File(out, "r") as f:
            t = f["trace"].attrs
            self.assertTrue(str(t["path"]).endswith("pwa_excerpt.swf"))
            self.assertEqual(int(t["records"]), 24)
            self.assertEqual(int(t["used"]), len(self.jobs))
            self.assertEqual(int(t["skipped"]), sum(len(v) for v in self.skipped.values()))
            for reason, lines in self.skipped.items():
                self.assertEqual(int(t[f"skipped_{reason}"]), len(lines), reason)
                self.assertEqual(list(t[f"skipped_{reason}_lines"]), lines[:5], reason)

    def test_stderr_reports_the_skipped_records_unless_quiet(self):
        _, err = self.run_trace("pwa_excerpt.swf")
        total = sum(len(v) for v in self.skipped.values())
        self.assertIn(f"{total} of 24 SWF records not replayed", err)
        self.assertIn(f"{len(self.skipped['no_processors'])} no processor count", err)
        self.assertIn("lines " + ", ".join(map(str, self.skipped["no_processors"])), err)
        _, quiet = self.run_trace("pwa_excerpt.swf", quiet=True)
        self.assertEqual(quiet, "")

    def test_jobs_are_the_reference_records(self):
        for name in ("pwa_excerpt.swf", "pwa_excerpt.swf.gz"):
            out, _ = self.run_trace(name)
            with h5py.File(out, "r") as f:
                jobs = f["jobs"][:]
            self.assertEqual(len(jobs), len(self.jobs), name)
            order = np.argsort(jobs["submit_s"], kind="stable")
            np.testing.assert_array_equal(jobs["submit_s"][order], [j[0] for j in self.jobs])
            self.assertEqual(sorted(jobs["units"].tolist()), sorted(j[1] for j in self.jobs))
            self.assertEqual(sorted(jobs["work_s"].tolist()), sorted(j[2] for j in self.jobs))

    def test_a_class_killed_at_its_limit_kills_the_records_that_ran_past_it(self):
        over = [j for j in self.jobs if 0 < j[3] < j[2]]  # requested time below the run time
        self.assertTrue(over)
        out, _ = self.run_trace("pwa_excerpt.swf", kill=True)
        with h5py.File(out, "r") as f:
            jobs = f["jobs"][:]
            killed_enum = h5py.check_enum_dtype(f["jobs"].dtype["status"])["killed"]
            self.assertEqual(int(f["summary"].attrs["jobs_killed"]), len(over))
        killed = jobs[jobs["status"] == killed_enum]
        self.assertEqual(sorted(killed["submit_s"].tolist()), sorted(j[0] for j in over))
        # Each ends at its requested time after its start (nothing throttles tiny's GPUs for long).
        np.testing.assert_allclose(sorted((killed["end_s"] - killed["start_s"]).tolist()),
                                   sorted(j[3] for j in over))


if __name__ == "__main__":
    unittest.main()
