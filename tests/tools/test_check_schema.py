"""check_schema.py: accepts a conformant file, lists every problem of a broken one."""
import h5py
import numpy as np

from tooltest import FixtureCase, make_fixture, run_tool


class CheckSchemaTest(FixtureCase):
    def copy_fixture(self, name, **kwargs):
        path = self.path(name)
        make_fixture(path, **kwargs)
        return path

    def test_conformant_file_passes(self):
        r = run_tool("check_schema.py", self.run_h5)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertTrue(r.stdout.startswith("schema OK: "), r.stdout)
        self.assertIn("2 sites, 4 links", r.stdout)

    def test_broken_balance_is_caught_with_site_and_sample(self):
        bad = self.copy_fixture("bad_balance.h5", broken_balance=True)
        r = run_tool("check_schema.py", bad)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn("site benguerir: power balance", r.stdout)
        self.assertIn("sample 10", r.stdout)
        self.assertNotIn("site dakhla", r.stdout)

    def test_tiny_imbalance_below_tolerance_passes(self):
        path = self.copy_fixture("tiny.h5")
        with h5py.File(path, "r+") as f:
            f["timeseries/sites/dakhla/grid_import_mw"][5] += 5e-7
        self.assertEqual(run_tool("check_schema.py", path).returncode, 0)
        with h5py.File(path, "r+") as f:
            f["timeseries/sites/dakhla/grid_import_mw"][5] += 1e-6
        self.assertEqual(run_tool("check_schema.py", path).returncode, 1)

    def test_nan_in_balance_is_a_violation(self):
        path = self.copy_fixture("nan.h5")
        with h5py.File(path, "r+") as f:
            f["timeseries/sites/dakhla/solar_mw"][3] = np.nan
        r = run_tool("check_schema.py", path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("site dakhla: power balance", r.stdout)

    def test_every_problem_is_listed(self):
        path = self.copy_fixture("many.h5")
        with h5py.File(path, "r+") as f:
            del f["timeseries/sites/dakhla/pue"]                        # missing metric
            del f["timeseries/sites/benguerir/ambient_c"].attrs["units"]  # missing units
            g = f["timeseries/sites/benguerir"]
            del g["queued_jobs"]
            g.create_dataset("queued_jobs", data=np.zeros(7))           # wrong length
            g["queued_jobs"].attrs["units"] = "1"
            del f.attrs["wall_s"]                                       # missing root attribute
            del f["summary/regions"]                                    # missing table
        r = run_tool("check_schema.py", path)
        self.assertEqual(r.returncode, 1)
        for text in ("/timeseries/sites/dakhla/pue is missing",
                     "/timeseries/sites/benguerir/ambient_c has no 'units' attribute",
                     "/timeseries/sites/benguerir/queued_jobs has 7 samples",
                     "root attribute 'wall_s' is missing",
                     "/summary/regions is missing"):
            self.assertIn(text, r.stdout)
        self.assertIn("5 problem(s)", r.stdout)

    def test_detached_dimension_scale_and_plain_time(self):
        path = self.copy_fixture("scale.h5")
        with h5py.File(path, "r+") as f:
            ds = f["timeseries/sites/dakhla/wind_mw"]
            ds.dims[0].detach_scale(f["timeseries/time_s"])
        r = run_tool("check_schema.py", path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("/timeseries/sites/dakhla/wind_mw has no dimension scale time_s attached", r.stdout)

    def test_status_enum_names(self):
        path = self.copy_fixture("enum.h5")
        with h5py.File(path, "r+") as f:
            rows = f["jobs"][()]
            wrong = h5py.enum_dtype({"completed": 0, "rejected": 1, "killed": 2, "lost": 3}, basetype="i1")
            dtype = np.dtype([(n, wrong if n == "status" else rows.dtype[n]) for n in rows.dtype.names])
            del f["jobs"]
            f.create_dataset("jobs", data=rows.astype(dtype)).attrs["units"] = "-"
        r = run_tool("check_schema.py", path)
        self.assertEqual(r.returncode, 1)
        self.assertIn("status enum names", r.stdout)

    def test_wrong_schema_version_is_bad_input(self):
        path = self.copy_fixture("v1.h5")
        with h5py.File(path, "r+") as f:
            f.attrs["schema"] = "sovcap/1"
        r = run_tool("check_schema.py", path)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(len(r.stderr.strip().splitlines()), 1)
        self.assertIn("sovcap/1", r.stderr)
