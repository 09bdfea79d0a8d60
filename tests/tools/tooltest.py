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

    def assertPng(self, path, size):
        self.assertTrue(os.path.isfile(path), f"{path} missing")
        self.assertGreater(os.path.getsize(path), 1000, f"{path} is (nearly) empty")
        self.assertEqual(png_size(path), size, f"{path} pixel size")
