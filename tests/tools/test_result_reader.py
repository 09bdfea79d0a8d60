"""sovcap_tools.result: tables decoded, enums named, sites in scenario order, series by time."""
import h5py
import numpy as np

from tooltest import CLASSES, FixtureCase, SITES, make_fixture
from sovcap_tools.errors import ToolError
from sovcap_tools.result import open_result


class ResultReaderTest(FixtureCase):
    def test_jobs_decoded(self):
        with open_result(self.run_h5) as r, h5py.File(self.run_h5, "r") as f:
            jobs = r.jobs()
            raw = f["jobs"][()]
        self.assertEqual(len(jobs), len(raw))
        self.assertTrue(set(jobs["class"]) <= set(CLASSES))
        self.assertTrue(set(jobs["status"]) <= {"completed", "rejected", "killed", "unfinished"})
        self.assertEqual((jobs["status"] == "rejected").sum(), (raw["status"] == 1).sum())
        self.assertEqual(list(jobs["site"][:3]), [s.decode() for s in raw["site"][:3]])

    def test_some_columns_only(self):
        with open_result(self.run_h5) as r:
            jobs = r.jobs(["class", "wait_s"])
        self.assertEqual(list(jobs.columns), ["class", "wait_s"])

    def test_sites_follow_the_summary_order(self):
        path = self.path("reordered.h5")
        make_fixture(path)
        with h5py.File(path, "r+") as f:  # dakhla first in the summary; groups list alphabetically
            rows = f["summary/sites"][()][::-1]
            del f["summary/sites"]
            f["summary/sites"] = rows
        with open_result(path) as r:
            self.assertEqual(r.sites, SITES[::-1])
        with open_result(self.run_h5) as r:
            self.assertEqual(r.sites, SITES)

    def test_site_frame_indexed_by_time(self):
        with open_result(self.run_h5) as r, h5py.File(self.run_h5, "r") as f:
            frame = r.site_frame("dakhla")
            t = f["timeseries/time_s"][()]
            solar = f["timeseries/sites/dakhla/solar_mw"][()]
        self.assertEqual(len(frame), len(t))
        self.assertEqual(str(frame.index[0]), "2030-06-01 00:00:00")
        self.assertEqual((frame.index[1] - frame.index[0]).total_seconds(), t[1] - t[0])
        np.testing.assert_array_equal(frame["solar_mw"].to_numpy(), solar)

    def test_missing_column_is_one_clear_error(self):
        path = self.path("nocol.h5")
        make_fixture(path)
        with h5py.File(path, "r+") as f:
            rows = f["jobs"][()]
            keep = [n for n in rows.dtype.names if n != "wait_s"]
            del f["jobs"]
            f["jobs"] = np.array(rows[keep].tolist(), dtype=[(n, rows.dtype[n]) for n in keep])
        with open_result(path) as r:
            with self.assertRaises(ToolError) as e:
                r.jobs(["class", "wait_s"])
        self.assertIn("/jobs lacks column(s) wait_s", str(e.exception))
        self.assertEqual(len(str(e.exception).splitlines()), 1)
