"""Shared helpers of the tools' tests: a fixture result in a temp dir, running a tool, PNG sizes."""
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


class FixtureCase(unittest.TestCase):
    """One fixture result per test class, in a temp dir removed afterwards."""

    fixture_kwargs = {}

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="sovcap-tools-")
        cls.run_h5 = os.path.join(cls.tmp, "run.h5")
        make_fixture(cls.run_h5, **cls.fixture_kwargs)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def assertPng(self, path, size):
        self.assertTrue(os.path.isfile(path), f"{path} missing")
        self.assertGreater(os.path.getsize(path), 1000, f"{path} is (nearly) empty")
        self.assertEqual(png_size(path), size, f"{path} pixel size")
