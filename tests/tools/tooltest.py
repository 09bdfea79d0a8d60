"""Shared helpers of the tools' tests: the temporary directory, a fixture result in it, running a tool, PNG sizes."""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
TOOLS = os.path.join(REPO, "tools")
PYTHON = "/usr/bin/python3"
sys.path.insert(0, TOOLS)
sys.path.insert(0, HERE)

from make_fixture import make_fixture, SITES, LINKS, CLASSES, REGIONS  # noqa: E402,F401

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The tools that read one result.
RESULT_TOOLS = ["check_schema.py", "sovcap-plot", "sovcap-report", "sovcap-compare"]


def png_size(path):
    """(width, height) from the IHDR chunk; raises if the file is not a PNG."""
    with open(path, "rb") as fh:
        head = fh.read(24)
    if head[:8] != PNG_SIGNATURE or head[12:16] != b"IHDR":
        raise AssertionError(f"{path} is not a PNG")
    return struct.unpack(">II", head[16:24])


def run_tool(name, *args, cwd=None):
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    env.setdefault("MPLCONFIGDIR", os.path.join(tempfile.gettempdir(), "sovcap-tools-mpl"))
    return subprocess.run([PYTHON, os.path.join(TOOLS, name), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


class TempDirCase(unittest.TestCase):
    """The one temporary directory of the tools' tests: cls.tmp, fresh per test class, removed afterwards.
    Subclasses that set up more call super().setUpClass() first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tmp = tempfile.mkdtemp(prefix=f"sovcap-{cls.__name__}-")
        cls.addClassCleanup(shutil.rmtree, cls.tmp, ignore_errors=True)

    @classmethod
    def path(cls, *parts):
        return os.path.join(cls.tmp, *parts)


class FixtureCase(TempDirCase):
    """One fixture result per test class, in the class's temporary directory."""

    fixture_kwargs = {}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.run_h5 = cls.path("run.h5")
        make_fixture(cls.run_h5, **cls.fixture_kwargs)

    def write_file(self, name, data):
        """A file of these bytes in the temporary directory; its path."""
        path = self.path(name)
        with open(path, "wb") as fh:
            fh.write(data)
        return path

    def result_tool_args(self, tool, bad, out):
        """The arguments that make a result tool read bad and write to out."""
        if tool == "check_schema.py":
            return [bad]
        if tool == "sovcap-compare":
            return [self.run_h5, bad, "-o", out]
        if tool == "sovcap-report":
            return [bad, "-o", os.path.join(out, "r.html")]
        return [bad, "-o", out]

    def assertResultToolsRefuse(self, bad, says=(), may_succeed=False, may_list=False, alone=False):
        """Every result tool on bad: exit 2 with one error line, the last, naming bad and saying each of says;
        no traceback; nothing written. may_succeed: damage the tool never reads (exit 0, its output removed);
        may_list: check_schema.py may instead list the file's problems (exit 1); alone: the error line is all
        it prints (no progress lines before it)."""
        for tool in RESULT_TOOLS:
            with self.subTest(tool=tool, file=os.path.basename(bad)):
                out = self.path(f"out-{tool}-{os.path.basename(bad)}")
                r = run_tool(tool, *self.result_tool_args(tool, bad, out))
                self.assertNotIn("Traceback", r.stderr)
                if may_succeed and r.returncode == 0:
                    shutil.rmtree(out, ignore_errors=True)
                    continue
                self.assertFalse(os.path.exists(out), f"{tool} left {out}")
                if may_list and tool == "check_schema.py" and r.returncode == 1:
                    self.assertIn(bad, r.stdout + r.stderr)
                    continue
                self.assertEqual(r.returncode, 2, r.stdout + r.stderr)
                errors = [line for line in r.stderr.splitlines() if ": error: " in line]
                self.assertEqual(len(errors), 1, r.stderr)
                self.assertEqual(r.stderr.strip().splitlines()[-1], errors[0], r.stderr)
                self.assertIn(bad, errors[0])
                for words in says:
                    self.assertIn(words, errors[0])
                if alone:
                    self.assertEqual(r.stderr.strip(), errors[0])
                    self.assertEqual(r.stdout, "")

    def assertPng(self, path, size):
        self.assertTrue(os.path.isfile(path), f"{path} missing")
        self.assertGreater(os.path.getsize(path), 1000, f"{path} is (nearly) empty")
        self.assertEqual(png_size(path), size, f"{path} pixel size")
