"""Every result tool on a damaged result: a sovcap/3 file cut short at several
lengths, or overwritten in places, gives one line on stderr naming the file and
exit 2 (or, where the damage missed everything read, exit 0), never a traceback."""

from tooltest import FixtureCase


class DamagedTest(FixtureCase):
    def check(self, bad, may_succeed=False):
        # In a real, compressed result the damage can sit in a chunk read after "reading ...": progress
        # lines may come before the error.
        self.assertResultToolsRefuse(bad, may_succeed=may_succeed, may_list=True)

    def test_truncated(self):
        with open(self.run_h5, "rb") as fh:
            data = fh.read()
        self.assertGreater(len(data), 4096)
        for keep in (0.05, 0.6):
            self.check(self.write_file(f"cut-{int(keep * 100)}.h5", data[: int(len(data) * keep)]))

    def test_overwritten(self):
        with open(self.run_h5, "rb") as fh:
            data = bytearray(fh.read())
        for k in (2, 7):
            bad = bytearray(data)
            at = len(bad) * k // 10
            bad[at:at + 64] = bytes((0xA5 ^ (i * 31)) & 0xFF for i in range(64))
            self.check(self.write_file(f"bad-{k}.h5", bytes(bad)), may_succeed=True)
