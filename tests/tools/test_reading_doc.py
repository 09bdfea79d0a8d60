"""The ```python snippets of docs/reading-results.md run, in order, against the fixture.

The doc names its file "results/morocco-2030.h5"; the test substitutes the fixture's path.
Blocks that use xarray or h5netcdf are skipped when those are not installed
(python3-xarray, python3-h5netcdf)."""
import os
import re
import subprocess
import unittest

from tooltest import FixtureCase, PYTHON, REPO

DOC = os.path.join(REPO, "docs", "reading-results.md")
DOC_PATH = "results/morocco-2030.h5"


def blocks():
    with open(DOC, encoding="utf-8") as fh:
        return re.findall(r"```python\n(.*?)```", fh.read(), flags=re.S)


def have(module):
    return subprocess.run([PYTHON, "-c", f"import {module}"], capture_output=True).returncode == 0


class ReadingDocTest(FixtureCase):
    def test_doc_has_snippets(self):
        found = blocks()
        self.assertGreaterEqual(len(found), 5)
        self.assertIn(DOC_PATH, found[0])

    def test_snippets_run(self):
        found = blocks()
        missing = {m for m in ("xarray", "h5netcdf") if not have(m)}
        script = []
        for i, block in enumerate(found):
            if any(m in block for m in missing):
                continue
            script.append(f"# --- block {i + 1}\n" + block.replace(DOC_PATH, self.run_h5))
        r = subprocess.run([PYTHON, "-c", "\n".join(script)], capture_output=True, text=True, cwd=self.tmp,
                           timeout=120, env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        self.assertEqual(r.returncode, 0, r.stderr[-3000:])

    @unittest.skipUnless(have("xarray"), "python3-xarray is not installed")
    def test_xarray_blocks_exist(self):
        self.assertTrue(any("xarray" in b for b in blocks()))
