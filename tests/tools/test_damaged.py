"""Every result tool on a damaged result: a sovcap/2 file cut short at several
lengths, or overwritten in places, gives one line on stderr naming the file and
exit 2 (or, where the damage missed everything read, exit 0), never a traceback."""
import os

from tooltest import FixtureCase, run_tool

RESULT_TOOLS = ["check_schema.py", "sovcap-plot", "sovcap-report", "sovcap-compare"]


class DamagedTest(FixtureCase):
    def args(self, tool, bad, out):
        if tool == "check_schema.py":
            return [bad]
        if tool == "sovcap-compare":
            return [self.run_h5, bad, "-o", out]
        if tool == "sovcap-report":
            return [bad, "-o", os.path.join(out, "r.html")]
        return [bad, "-o", out]

    def damaged(self, name, data):
        path = self.path(name)
        with open(path, "wb") as fh:
            fh.write(data)
        return path

    def check(self, bad, allow_success=False):
        for tool in RESULT_TOOLS:
            with self.subTest(tool=tool, file=os.path.basename(bad)):
                out = self.path(f"out-{tool}-{os.path.basename(bad)}")
                r = run_tool(tool, *self.args(tool, bad, out))
                self.assertNotIn("Traceback", r.stderr)
                if allow_success and r.returncode == 0:
                    continue
                if tool == "check_schema.py" and r.returncode == 1:  # it read the file and lists what is wrong
                    self.assertIn(bad, r.stdout + r.stderr)
                    continue
                self.assertEqual(r.returncode, 2, r.stderr)
                # One error line naming the file; progress lines before it are allowed (-q silences them):
                # in a real, compressed result the damage can sit in a chunk read after "reading ...".
                lines = [line for line in r.stderr.strip().splitlines() if ": error: " in line]
                self.assertEqual(len(lines), 1, r.stderr)
                self.assertIn(bad, lines[0])
                self.assertTrue(r.stderr.strip().splitlines()[-1] == lines[0], r.stderr)
                self.assertFalse(os.path.exists(out))

    def test_truncated(self):
        with open(self.run_h5, "rb") as fh:
            data = fh.read()
        self.assertGreater(len(data), 4096)
        for keep in (0.05, 0.6):
            self.check(self.damaged(f"cut-{int(keep * 100)}.h5", data[: int(len(data) * keep)]))

    def test_overwritten(self):
        with open(self.run_h5, "rb") as fh:
            data = bytearray(fh.read())
        for k in (2, 7):
            bad = bytearray(data)
            at = len(bad) * k // 10
            bad[at:at + 64] = bytes((0xA5 ^ (i * 31)) & 0xFF for i in range(64))
            self.check(self.damaged(f"bad-{k}.h5", bytes(bad)), allow_success=True)
